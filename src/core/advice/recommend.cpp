// Levers ranked by the model's gain against similar videos (see recommend.h).
#include "core/advice/recommend.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/advice/benchmarks.h"
#include "core/common/format.h"

namespace likecast {
namespace {

// ---------------------------------------------------------------------------
// [SECTION] Model outcomes
// ---------------------------------------------------------------------------

double LeverValue(Lever lever, const CompleteInputs& inputs) {
  switch (lever) {
    case Lever::shares: return inputs.shares;
    case Lever::comments: return inputs.comments;
    case Lever::downloads: return inputs.downloads;
    case Lever::duration_sec: return inputs.duration_sec;
  }
  return 0;
}

CompleteInputs WithLever(CompleteInputs inputs, Lever lever, double value) {
  switch (lever) {
    case Lever::shares: inputs.shares = value; break;
    case Lever::comments: inputs.comments = value; break;
    case Lever::downloads: inputs.downloads = value; break;
    case Lever::duration_sec: inputs.duration_sec = value; break;
  }
  return inputs;
}

BenchmarkMetric MetricOf(Lever lever) {
  switch (lever) {
    case Lever::shares: return BenchmarkMetric::share_rate;
    case Lever::comments: return BenchmarkMetric::comment_rate;
    case Lever::downloads: return BenchmarkMetric::download_rate;
    case Lever::duration_sec: return BenchmarkMetric::duration_sec;
  }
  return BenchmarkMetric::share_rate;
}

const char* Noun(Lever lever) {
  switch (lever) {
    case Lever::shares: return "share";
    case Lever::comments: return "comment";
    case Lever::downloads: return "download";
    case Lever::duration_sec: return "second";
  }
  return "?";
}

// The lever in a sentence: "shares", "the video's length".
std::string LeverLabel(Lever lever) { return lever == Lever::duration_sec ? "the video's length" : LeverName(lever); }

// The model's prediction with the lever at `value`, a whole count or whole seconds, as `likecast predict` takes it.
LeverOutcome Outcome(const Model& model, const CompleteInputs& inputs, Lever lever, double value, double likes_now) {
  LeverOutcome outcome;
  outcome.value = std::round(value);
  outcome.rate = lever == Lever::duration_sec ? outcome.value : outcome.value / inputs.views;
  outcome.likes = model.PredictLikes(WithLever(inputs, lever, outcome.value));
  outcome.gain = outcome.likes - likes_now;
  outcome.gain_fraction = likes_now > 0 ? outcome.gain / likes_now : 0.0;
  return outcome;
}

// "+3.1K likes (+12%)". The likes are rounded first, as `likecast predict` prints them.
std::string GainText(const LeverOutcome& outcome) {
  const double percent = outcome.gain_fraction * 100.0;
  const double gain = std::round(outcome.likes) - std::round(outcome.likes - outcome.gain);
  return (gain >= 0 ? "+" : "") + FormatCount(gain) + " likes (" + (percent >= 0 ? "+" : "") +
         FormatPlain(percent, std::fabs(percent) >= 10 ? 0 : 1) + "%)";
}

std::string RateText(Lever lever, double rate) {
  if (lever == Lever::duration_sec) return FormatDuration(rate);
  return DescribePerViews(rate, Noun(lever));
}

// ---------------------------------------------------------------------------
// [SECTION] One lever
// ---------------------------------------------------------------------------

// Rate levers: the target is the first of P50, P75 and P90 above the video's rate, and at least one more count.
Recommendation RateLever(const Model& model, const CompleteInputs& inputs, Lever lever, const BenchmarkGroup& group,
                         double likes_now) {
  const BenchmarkMetric metric = MetricOf(lever);
  Recommendation r;
  r.lever = lever;
  r.lever_name = LeverName(lever);
  r.current = LeverValue(lever, inputs);
  r.current_rate = r.current / inputs.views;
  r.percentile = group.PercentileOf(metric, r.current_rate);
  r.likes_now = likes_now;
  r.typical = Outcome(model, inputs, lever, group.At(metric, 50) * inputs.views, likes_now);
  r.strong = Outcome(model, inputs, lever, group.At(metric, 75) * inputs.views, likes_now);

  r.already_strong = true;
  for (double percentile : {50.0, 75.0, 90.0}) {
    const double rate = group.At(metric, percentile);
    if (r.current_rate >= rate) continue;
    r.already_strong = false;
    r.target_percentile = percentile;
    r.target = Outcome(model, inputs, lever, std::max(rate * inputs.views, r.current + 1), likes_now);
    break;
  }
  if (r.already_strong) {
    r.target_percentile = r.percentile;
    r.target = Outcome(model, inputs, lever, r.current, likes_now);
  }

  const std::string noun = Noun(lever);
  r.target_text = RateText(lever, r.target.rate) + " (" + FormatInteger(r.target.value) + " " + noun + "s)";
  r.reason = "Your " + noun + " rate, " + RateText(lever, r.current_rate) + ", is at " + FormatPercentileRank(r.percentile) +
             " of similar videos.";
  // "(about 1 share per 29 views) the model predicts +564 likes (+191%)"
  const auto at = [&](double percentile, const LeverOutcome& outcome) {
    return "(" + RateText(lever, group.At(metric, percentile)) + ") the model predicts " + GainText(outcome);
  };
  if (r.current_rate < group.At(metric, 50)) {
    r.reason += " At their median " + at(50, r.typical) + "; at P75 " + at(75, r.strong) + ".";
  } else if (!r.already_strong) {
    r.reason += " It is above their median; at P" + FormatPlain(r.target_percentile, 0) + " " +
                at(r.target_percentile, r.target) + ".";
  } else {
    r.reason += " It is above their P90 (" + RateText(lever, group.At(metric, 90)) + ").";
  }
  return r;
}

// Describes the link between duration and like rate in the training data ("Duration explains 0.1% of ...").
// Sets `backed` to false when duration explains less than `min_explained`. Without insights the model is trusted.
std::string DurationEvidence(const Insights& insights, double min_explained, bool* backed) {
  *backed = true;
  const auto found = std::find_if(insights.importance.begin(), insights.importance.end(),
                                  [](const InputImportance& i) { return i.input == "duration_sec"; });
  if (found == insights.importance.end()) return "";
  std::string text = "Duration explains " + FormatPercent(found->explained, 2) +
                     " of the variance of the like rate in the training data";
  if (insights.duration_curve.size() >= 2) {
    const auto [low, high] = std::minmax_element(
        insights.duration_curve.begin(), insights.duration_curve.end(),
        [](const CurvePoint& a, const CurvePoint& b) { return a.median_like_rate < b.median_like_rate; });
    text += " (the median like rate per " + FormatPlain(low->high - low->low, 0) + "-s bin stays between " +
            FormatPlain(low->median_like_rate * 100.0, 1) + " and " + FormatPlain(high->median_like_rate * 100.0, 1) +
            " likes per 100 views)";
  }
  *backed = found->explained >= min_explained;
  return text;
}

// Duration: the model's prediction across the P5-P95 durations of similar videos, whole seconds.
Recommendation DurationLever(const Model& model, const CompleteInputs& inputs, const BenchmarkGroup& group,
                             double likes_now, const RecommendOptions& options) {
  const BenchmarkMetric metric = BenchmarkMetric::duration_sec;
  Recommendation r;
  r.lever = Lever::duration_sec;
  r.lever_name = LeverName(r.lever);
  r.current = inputs.duration_sec;
  r.current_rate = inputs.duration_sec;
  r.percentile = group.PercentileOf(metric, r.current);
  r.likes_now = likes_now;

  const double low = std::max(1.0, std::round(group.At(metric, 5)));
  const double high = std::min(kMaxDurationSec, std::max(low, std::round(group.At(metric, 95))));
  std::set<double> tried = {std::round(r.current)};
  const int steps = std::max(2, options.duration_steps);
  for (int i = 0; i < steps; ++i) tried.insert(std::round(low + (high - low) * i / (steps - 1)));

  // The best duration. On a tie, the one closest to the current length wins, so the advice requests the smallest change.
  LeverOutcome best = Outcome(model, inputs, r.lever, r.current, likes_now);
  double lowest_likes = best.likes;
  for (double seconds : tried) {
    const LeverOutcome outcome = Outcome(model, inputs, r.lever, seconds, likes_now);
    lowest_likes = std::min(lowest_likes, outcome.likes);
    const bool closer = std::fabs(seconds - r.current) < std::fabs(best.value - r.current);
    if (outcome.likes > best.likes || (outcome.likes == best.likes && closer)) best = outcome;
  }
  r.typical = Outcome(model, inputs, r.lever, group.At(metric, 50), likes_now);
  r.strong = best;
  const double spread = likes_now > 0 ? (best.likes - lowest_likes) / likes_now : 0.0;
  r.reason = "Across " + FormatDuration(low) + " to " + FormatDuration(high) +
             " (P5-P95 of similar videos) the model's prediction for this video moves by " +
             FormatPercent(spread, spread >= 0.1 ? 0 : 1) + "; it is highest at " + FormatDuration(best.value) + " (" +
             GainText(best) + ").";

  // The data check: a model can bend with duration where the data is flat, so the training data must agree.
  const std::string evidence = DurationEvidence(model.insights, options.min_duration_explained, &r.data_backed);
  if (!r.data_backed) {
    r.target = Outcome(model, inputs, r.lever, r.current, likes_now);
    r.reason += " " + evidence + ", so the advice keeps the current length.";
  } else {
    r.target = best;
    if (!evidence.empty()) r.reason += " " + evidence + ".";
  }
  r.target_percentile = group.PercentileOf(metric, r.target.value);
  r.already_strong = r.target.value == std::round(r.current);
  r.target_text = FormatDuration(r.target.value);
  return r;
}

// ---------------------------------------------------------------------------
// [SECTION] Actions
// ---------------------------------------------------------------------------

std::string Action(const Recommendation& r, const std::string& best_lever) {
  const std::string more = FormatInteger(r.target.value - r.current);
  if (r.lever == Lever::duration_sec) {
    if (!r.data_backed)
      return "Keep the length the content needs: in the training data the like rate does not change with length.";
    if (r.small_effect)
      return "Keep the length the content needs: the best length for similar videos adds only " +
             FormatPercent(std::max(0.0, r.target.gain_fraction)) + " to the prediction.";
    if (r.target.value < r.current)
      return "Cut it to about " + FormatDuration(r.target.value) +
             ": trim the intro so the hook lands in the first two seconds, and end on the payoff.";
    return "Let it run to about " + FormatDuration(r.target.value) +
           ": add a second example or the result, not filler, so viewers stay to the end.";
  }
  if (r.already_strong)
    return "Keep doing what earned them: this " + std::string(Noun(r.lever)) + " rate is already above P90 of similar videos.";
  if (r.small_effect && r.target.gain > 0)
    return std::string("Little to win here: reaching P") + FormatPlain(r.target_percentile, 0) + " of similar videos adds " +
           FormatPercent(r.target.gain_fraction) + " to the prediction, so put the effort into " +
           (best_lever.empty() || best_lever == LeverLabel(r.lever) ? "the video itself" : best_lever) + ".";
  if (r.target.gain <= 0) {
    const std::string text = "More " + std::string(Noun(r.lever)) + "s do not raise the model's prediction for this video";
    if (best_lever.empty() || best_lever == LeverLabel(r.lever)) return text + ".";
    return text + "; put the effort into " + best_lever + " instead.";
  }
  switch (r.lever) {
    case Lever::shares:
      return "Aim for " + more + " more shares: close with a line that names who to send it to (\"send this to someone "
             "who...\"), the most direct prompt for a share.";
    case Lever::comments:
      return "Aim for " + more + " more comments: ask one specific question on screen or in the caption, and reply to "
             "the first comments within the hour so threads start.";
    case Lever::downloads:
      return "Aim for " + more + " more downloads: make it worth keeping (steps, a list or a reference shown long "
             "enough to save) and check that downloads are allowed in the video's settings.";
    case Lever::duration_sec: break;
  }
  return "";
}

}  // namespace

const char* LeverName(Lever lever) {
  switch (lever) {
    case Lever::shares: return "shares";
    case Lever::comments: return "comments";
    case Lever::downloads: return "downloads";
    case Lever::duration_sec: return "duration_sec";
  }
  return "?";
}

RecommendResult RecommendFor(const Model& model, const CompleteInputs& inputs, const RecommendOptions& options) {
  RecommendResult result;
  if (model.benchmarks.empty()) {
    result.error = "the model has no benchmarks of similar videos; train it again with this version of likecast";
    return result;
  }
  if (!(inputs.views > 0)) {
    result.error = "views must be above 0 to compare the video with similar ones, got " + FormatPlain(inputs.views);
    return result;
  }

  const BenchmarkGroup& group = FindBenchmark(model.benchmarks, inputs.views, inputs.verified, inputs.author_status);
  result.group = DescribeGroup(model.benchmarks, group);
  result.group_rows = group.rows;
  result.likes = model.PredictLikes(inputs);

  for (Lever lever : {Lever::shares, Lever::comments, Lever::downloads})
    result.recommendations.push_back(RateLever(model, inputs, lever, group, result.likes));
  result.recommendations.push_back(DurationLever(model, inputs, group, result.likes, options));

  std::stable_sort(result.recommendations.begin(), result.recommendations.end(),
                   [](const Recommendation& a, const Recommendation& b) { return a.target.gain > b.target.gain; });
  const Recommendation& best = result.recommendations.front();
  const std::string best_lever = best.target.gain > 0 ? LeverLabel(best.lever) : "";
  for (Recommendation& r : result.recommendations) {
    r.small_effect = std::fabs(r.target.gain_fraction) < options.small_gain_fraction;
    r.gain_text = GainText(r.target);
    r.action = Action(r, best_lever);
  }
  return result;
}

std::vector<Recommendation> Recommend(const Model& model, const CompleteInputs& inputs) {
  return RecommendFor(model, inputs).recommendations;
}

}  // namespace likecast
