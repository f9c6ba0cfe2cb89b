// Levers ranked by the model's gain against similar videos (see recommend.h).
#include "core/advice/recommend.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/advice/benchmarks.h"
#include "core/common/format.h"

namespace likecast {
namespace {

constexpr double kMinStep = 1.1;   // a rate target is at least 10% above the current rate

// "1 share", "3 shares".
std::string Counted(double count, const std::string& noun) {
  return FormatInteger(count) + " " + noun + (std::round(count) == 1 ? "" : "s");
}

// "is at P62", "is above P95".
std::string IsAtRank(double percentile) {
  const std::string rank = FormatPercentileRank(percentile);
  return rank[0] == 'P' ? "is at " + rank : "is " + rank;
}

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

// A percentage with the decimals its size needs: "12%", "3.4%", "0.02%".
std::string ShortPercent(double fraction) {
  const double magnitude = std::fabs(fraction);
  return FormatPercent(fraction, magnitude >= 0.1 ? 0 : (magnitude >= 0.01 ? 1 : 2));
}

// "+3.1K likes (+12%)". The likes are rounded first, as `likecast predict` prints them.
std::string GainText(const LeverOutcome& outcome) {
  const double gain = std::round(outcome.likes) - std::round(outcome.likes - outcome.gain);
  return (gain >= 0 ? "+" : "") + FormatCountBrief(gain) + " likes (" + (outcome.gain_fraction >= 0 ? "+" : "") +
         ShortPercent(outcome.gain_fraction) + ")";
}

std::string RateText(Lever lever, double rate) {
  if (lever == Lever::duration_sec) return FormatDuration(rate);
  return DescribePerViews(rate, Noun(lever));
}

// ---------------------------------------------------------------------------
// [SECTION] One lever
// ---------------------------------------------------------------------------

// Rate levers: targets at P50, P75 or P90 of similar videos, and at least one more count than now.
Recommendation RateLever(const Model& model, const CompleteInputs& inputs, Lever lever, const BenchmarkGroup& group,
                         double likes_now, double small_gain_fraction) {
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

  // The steps are P50, P75 and P90 that raise the rate by kMinStep or more, so a video just under P75 is sent on
  // to P90. The target is the nearest step whose gain is worth it; when none is, the step with the largest gain.
  r.already_strong = true;
  for (double percentile : {50.0, 75.0, 90.0}) {
    const double rate = group.At(metric, percentile);
    if (r.current_rate * kMinStep >= rate) continue;
    const LeverOutcome step = Outcome(model, inputs, lever, std::max(rate * inputs.views, r.current + 1), likes_now);
    const bool first_step = r.already_strong;
    const bool target_worth_it = !first_step && r.target.gain_fraction >= small_gain_fraction;
    if (first_step || (!target_worth_it && step.gain > r.target.gain)) {
      r.target = step;
      r.target_percentile = percentile;
    }
    r.already_strong = false;
  }
  if (r.already_strong) {
    r.target_percentile = r.percentile;
    r.target = Outcome(model, inputs, lever, r.current, likes_now);
  }

  const std::string noun = Noun(lever);
  r.target_text = RateText(lever, r.target.rate) + " (" + Counted(r.target.value, noun) + ")";
  r.reason = "Your " + noun + " rate, " + RateText(lever, r.current_rate) + ", " + IsAtRank(r.percentile) +
             " of similar videos.";
  // "(about 1 share per 29 views) the model predicts +564 likes (+191%)". A target rounded up to one more
  // count shows it: "(about 1 comment per 1,600 views, rounded up to 1 comment)".
  const auto at = [&](double percentile, const LeverOutcome& outcome) {
    const double rate = group.At(metric, percentile);
    std::string text = "(" + RateText(lever, rate);
    if (outcome.value > std::round(rate * inputs.views)) text += ", rounded up to " + Counted(outcome.value, noun);
    return text + ") the model predicts " + GainText(outcome);
  };
  if (r.current_rate < group.At(metric, 50)) {
    r.reason += " At their median " + at(50, r.typical) + "; at P75 " + at(75, r.strong);
    r.reason += r.target_percentile == 90 ? "; at P90 " + at(90, r.target) + "." : ".";
  } else if (!r.already_strong) {
    const bool above = r.current_rate > group.At(metric, 50);
    r.reason += std::string(above ? " It is above" : " It is at") + " their median; at P" +
                FormatPlain(r.target_percentile, 0) + " " + at(r.target_percentile, r.target) + ".";
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
  const std::string noun = Noun(r.lever);
  const std::string more = Counted(r.target.value - r.current, std::string("more ") + noun);
  if (r.lever == Lever::duration_sec) {
    if (!r.data_backed)
      return "Keep the length the content needs: in the training data the like rate does not change with length.";
    if (r.small_effect)
      return "Keep the length the content needs: the best length for similar videos adds only " +
             ShortPercent(std::max(0.0, r.target.gain_fraction)) + " to the prediction.";
    if (r.target.value < r.current)
      return "Cut it to about " + FormatDuration(r.target.value) +
             ": trim the intro so the hook lands in the first two seconds, and end on the payoff.";
    return "Let it run to about " + FormatDuration(r.target.value) +
           ": add a second example or the result, not filler, so viewers stay to the end.";
  }
  // The action points to the best lever when that one is worth the effort and is not this one.
  const bool point_elsewhere = !best_lever.empty() && best_lever != LeverLabel(r.lever);
  if (r.already_strong)
    return "Keep doing what earned them: this " + noun + " rate is already above P90 of similar videos.";
  if (r.small_effect && r.target.gain > 0) {
    const std::string text = "Little to win here: reaching P" + FormatPlain(r.target_percentile, 0) +
                             " of similar videos adds " + ShortPercent(r.target.gain_fraction) + " to the prediction";
    return point_elsewhere ? text + ", so put the effort into " + best_lever + "." : text + ".";
  }
  if (r.target.gain <= 0) {
    const std::string text = "More " + noun + "s do not raise the model's prediction for this video";
    return point_elsewhere ? text + "; put the effort into " + best_lever + " instead." : text + ".";
  }
  switch (r.lever) {
    case Lever::shares:
      return "Aim for " + more + ": close with a line that names who to send it to (\"send this to someone "
             "who...\"), the most direct prompt for a share.";
    case Lever::comments:
      return "Aim for " + more + ": ask one specific question on screen or in the caption, and reply to "
             "the first comments within the hour so threads start.";
    case Lever::downloads:
      return "Aim for " + more + ": make it worth keeping (steps, a list or a reference shown long "
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
    result.recommendations.push_back(RateLever(model, inputs, lever, group, result.likes, options.small_gain_fraction));
  result.recommendations.push_back(DurationLever(model, inputs, group, result.likes, options));

  std::stable_sort(result.recommendations.begin(), result.recommendations.end(),
                   [](const Recommendation& a, const Recommendation& b) { return a.target.gain > b.target.gain; });
  for (Recommendation& r : result.recommendations) {
    r.small_effect = std::fabs(r.target.gain_fraction) < options.small_gain_fraction;
    r.gain_text = GainText(r.target);
  }
  const Recommendation& best = result.recommendations.front();
  const bool best_is_worth_it = best.target.gain > 0 && !best.small_effect;
  const std::string best_lever = best_is_worth_it ? LeverLabel(best.lever) : "";
  for (Recommendation& r : result.recommendations) r.action = Action(r, best_lever);

  if (best_is_worth_it) {
    result.summary = "The biggest lever for this video is " + best_lever + ": " + best.gain_text + " at " +
                     best.target_text + ".";
  } else {
    result.summary = "No lever adds " + ShortPercent(options.small_gain_fraction) +
                     " or more to this video's predicted likes: compared with " + result.group +
                     ", it is at or above the rates where the model sees a gain.";
  }
  return result;
}

std::vector<Recommendation> Recommend(const Model& model, const CompleteInputs& inputs) {
  return RecommendFor(model, inputs).recommendations;
}

DurationEffect MeasureDurationEffect(const Model& model, const std::vector<CompleteInputs>& videos, int steps) {
  DurationEffect effect;
  if (model.benchmarks.empty()) return effect;
  const BenchmarkGroup& all = OverallBenchmark(model.benchmarks);
  effect.min_sec = std::round(all.At(BenchmarkMetric::duration_sec, 5));
  effect.max_sec = std::round(all.At(BenchmarkMetric::duration_sec, 95));
  steps = std::max(2, steps);

  std::vector<double> swings;
  for (const CompleteInputs& video : videos) {
    const double now = model.PredictLikes(video);
    if (!(video.views > 0) || !(now > 0)) continue;
    double lowest = now, highest = now;
    for (int i = 0; i < steps; ++i) {
      const double seconds = std::round(effect.min_sec + (effect.max_sec - effect.min_sec) * i / (steps - 1));
      const double likes = model.PredictLikes(WithLever(video, Lever::duration_sec, seconds));
      lowest = std::min(lowest, likes);
      highest = std::max(highest, likes);
    }
    swings.push_back((highest - lowest) / now);
  }
  effect.videos = swings.size();
  if (swings.empty()) return effect;
  std::sort(swings.begin(), swings.end());
  effect.median_swing = swings[swings.size() / 2];
  effect.p90_swing = swings[std::min(swings.size() - 1, swings.size() * 9 / 10)];
  return effect;
}

}  // namespace likecast
