// The sentences of the chat's replies (see replies.h). Numbers are formatted
// as on TikTok (35.2K, 1.2M), and a prediction always comes with its likely
// range.
#include "core/chat/replies.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/advice/benchmarks.h"
#include "core/advice/explain.h"
#include "core/advice/recommend.h"
#include "core/common/format.h"

namespace likecast::chat {
namespace {

std::string JoinList(const std::vector<std::string>& parts) {
  std::string text;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) text += i + 1 == parts.size() ? " and " : ", ";
    text += parts[i];
  }
  return text;
}

double UsedValue(const CompleteInputs& used, ChatSlot slot) {
  switch (slot) {
    case ChatSlot::views: return used.views;
    case ChatSlot::shares: return used.shares;
    case ChatSlot::comments: return used.comments;
    case ChatSlot::downloads: return used.downloads;
    case ChatSlot::duration_sec: return used.duration_sec;
    case ChatSlot::verified: return used.verified ? 1 : 0;
    case ChatSlot::author_status: return static_cast<double>(used.author_status);
    case ChatSlot::likes: return 0;
  }
  return 0;
}

void SetUsedValue(CompleteInputs* used, ChatSlot slot, double value) {
  switch (slot) {
    case ChatSlot::shares: used->shares = value; break;
    case ChatSlot::comments: used->comments = value; break;
    case ChatSlot::downloads: used->downloads = value; break;
    case ChatSlot::duration_sec: used->duration_sec = std::clamp(value, 1.0, kMaxDurationSec); break;
    default: break;
  }
}

// The normal distribution's CDF, for placing real likes within the P10-P90 range.
double NormalCdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

bool IsAssumed(const std::vector<InputField>& assumed, ChatSlot slot) {
  return std::find(assumed.begin(), assumed.end(), static_cast<InputField>(static_cast<int>(slot))) != assumed.end();
}

// Names the counts an estimated input came from: "your views and shares". Only the Imputer's download
// estimate differs from the typical video's value. It depends on the views, shares and comments, so the
// ones the creator gave are named.
std::string EstimatedFrom(ChatSlot slot, const std::vector<InputField>& assumed) {
  std::vector<std::string> sources = {"views"};
  if (slot == ChatSlot::downloads) {
    for (ChatSlot source : {ChatSlot::shares, ChatSlot::comments})
      if (!IsAssumed(assumed, source)) sources.push_back(ChatSlotNoun(source));
  }
  return "your " + JoinList(sources);
}

}  // namespace

void PredictInto(const Model* model, const ChatSlots& slots, ChatNumbers* numbers) {
  numbers->has_prediction = false;
  if (!model || !slots.inputs.views) return;
  const Prediction p = model->Predict(slots.inputs);
  numbers->has_prediction = true;
  numbers->likes = p.likes;
  numbers->p10 = p.p10;
  numbers->p90 = p.p90;
  numbers->used = p.used;
  numbers->assumed = p.assumed;
}

std::string RangeText(const ChatNumbers& n) {
  return "about " + FormatCount(n.likes) + " likes (likely " + FormatCount(n.p10) + " to " + FormatCount(n.p90) + ")";
}

std::string DeltaText(double delta, double previous) {
  std::string text = (delta >= 0 ? "+" : "") + FormatCount(delta) + " likes";
  if (previous > 0) text += " (" + std::string(delta >= 0 ? "+" : "") + FormatPercent(delta / previous, 0) + ")";
  return text;
}

std::string SlotList(const ChatSlots& slots) {
  std::vector<std::string> parts;
  for (int i = 0; i < kChatSlotCount; ++i) {
    const auto slot = static_cast<ChatSlot>(i);
    if (slot == ChatSlot::likes) continue;
    if (const std::optional<double> value = SlotNumber(slots, slot)) parts.push_back(DescribeSlot(slot, *value));
  }
  std::string text;
  for (size_t i = 0; i < parts.size(); ++i) text += (i ? ", " : "") + parts[i];
  return text;
}

std::string AssumedText(const Model& model, const ChatNumbers& n, const ChatSlots& slots) {
  const CompleteInputs typical = TypicalVideo(model, n.used.views);
  std::vector<std::string> parts;
  std::vector<std::string> estimated;
  std::vector<std::string> ignored;
  for (InputField field : n.assumed) {
    const auto slot = static_cast<ChatSlot>(static_cast<int>(field));
    if (SlotNumber(slots, slot)) continue;
    if (model.features.Ignores(field)) {   // a "0 s video" would be a value the creator never gave and the model never used
      ignored.push_back(std::string("the ") + ChatSlotNoun(slot));
      continue;
    }
    const double value = UsedValue(n.used, slot);
    if (value == UsedValue(typical, slot)) {
      parts.push_back(DescribeSlot(slot, value));
    } else {
      estimated.push_back("I estimated " + DescribeSlot(slot, value) + " from " + EstimatedFrom(slot, n.assumed) + ".");
    }
  }
  std::string text;
  if (!parts.empty()) {
    text = "I assumed what's typical for videos with " + FormatCount(n.used.views) + " views: " + JoinList(parts) + ".";
  }
  for (const std::string& sentence : estimated) text += (text.empty() ? "" : " ") + sentence;
  if (!ignored.empty()) {
    text += (text.empty() ? "" : " ") + std::string("The model's training videos gave it nothing to learn about ") +
            JoinList(ignored) + " (every one had the same value), so " + (ignored.size() == 1 ? "it does" : "they do") +
            " not change the prediction.";
  }
  return text;
}

std::optional<ChatSlot> MostUsefulMissing(const Model& model, const ChatSlots& slots, const ChatNumbers& n) {
  std::optional<ChatSlot> best;
  double best_swing = -1;
  for (ChatSlot slot : {ChatSlot::shares, ChatSlot::comments, ChatSlot::downloads, ChatSlot::duration_sec}) {
    if (SlotNumber(slots, slot) || model.features.Ignores(static_cast<InputField>(static_cast<int>(slot)))) continue;
    const double typical = UsedValue(n.used, slot);
    CompleteInputs low = n.used;
    CompleteInputs high = n.used;
    SetUsedValue(&low, slot, std::floor(typical / 2));
    SetUsedValue(&high, slot, std::max(1.0, typical * 2));
    const double swing = std::fabs(model.PredictLikes(high) - model.PredictLikes(low));
    if (swing > best_swing) {
      best_swing = swing;
      best = slot;
    }
  }
  if (!best && !slots.inputs.verified && !model.features.Ignores(InputField::verified)) best = ChatSlot::verified;
  return best;
}

std::string QuestionFor(ChatSlot slot) {
  switch (slot) {
    case ChatSlot::views: return "How many views does the video have?";
    case ChatSlot::shares: return "How many shares did it get?";
    case ChatSlot::comments: return "How many comments did it get?";
    case ChatSlot::downloads: return "How many downloads did it get?";
    case ChatSlot::duration_sec: return "How long is the video?";
    case ChatSlot::verified: return "Is the account verified?";
    case ChatSlot::author_status: return "Is the account active, under review or banned?";
    case ChatSlot::likes: return "How many likes did it get?";
  }
  return "";
}

std::string CompareText(double actual, ChatNumbers* n) {
  // The model's P10 and P90 are read as a normal distribution of log likes, which gives a percentile
  // for any count, inside or outside the range.
  const double low = std::log1p(n->p10);
  const double high = std::log1p(n->p90);
  const double middle = (low + high) / 2;
  const double sigma = std::max((high - low) / (2 * 1.2815515655), 1e-6);
  const double percentile = 100 * NormalCdf((std::log1p(actual) - middle) / sigma);
  n->actual_percentile = percentile;
  const double shown = std::clamp(std::round(percentile), 1.0, 99.0);
  const std::string beat = "better than about " + FormatPlain(shown) + "% of similar videos";
  const std::string likes = "Your " + FormatCount(actual) + (std::round(actual) == 1 ? " like" : " likes");
  if (actual > n->p90) return likes + " are above the range: " + beat + ".";
  if (actual < n->p10)
    return likes + " are below the range: " + beat + ". Say \"tips\" for what to change.";
  return likes + " are within the range: " + beat + ".";
}

std::string UnusualText(const ChatSlots& slots) {
  if (!slots.inputs.views) return "";
  const double views = *slots.inputs.views;
  std::vector<std::string> parts;
  for (ChatSlot slot : {ChatSlot::shares, ChatSlot::comments, ChatSlot::downloads, ChatSlot::likes}) {
    const std::optional<double> value = SlotNumber(slots, slot);
    if (value && *value > views) parts.push_back(DescribeSlot(slot, *value));
  }
  if (parts.empty()) return "";
  return JoinList(parts) + (parts.size() == 1 ? " is" : " are") + " more than the " + FormatCount(views) +
         " views. That's unusual but possible, so I used " + (parts.size() == 1 ? "it" : "them") + " as given.";
}

std::string LengthNote(const Model& model, const ChatSlots& slots) {
  if (!slots.inputs.duration_sec || model.benchmarks.empty()) return "";
  if (model.features.Ignores(InputField::duration_sec))
    return "Note: this model's training videos had no lengths to learn from, so the length does not change the prediction.";
  const double seconds = *slots.inputs.duration_sec;
  const BenchmarkGroup& all = OverallBenchmark(model.benchmarks);
  // Lengths within half of P5 and twice P95 are close enough to the training videos to trust the model.
  const double shortest = all.At(BenchmarkMetric::duration_sec, 5);
  const double longest = all.At(BenchmarkMetric::duration_sec, 95);
  if (seconds <= 2 * longest && seconds >= shortest / 2) return "";
  return "Note: most videos LikeCast learned from last " + FormatDuration(shortest) + " to " +
         FormatDuration(longest) + ", so the effect of a " + FormatDuration(seconds) + " length is a rough guess.";
}

std::string ViewsNote(const Model& model, const ChatSlots& slots) {
  const std::vector<CurvePoint>& curve = model.insights.views_curve;
  if (!slots.inputs.views || curve.empty()) return "";
  const double views = *slots.inputs.views;
  const double fewest = curve.front().low, most = curve.back().high;
  if (views >= fewest && views <= most) return "";
  return "Note: the videos LikeCast learned from have " + FormatCount(fewest) + " to " + FormatCount(most) +
         " views, so for " + FormatCount(views) + " views the prediction is an extrapolation: read it as a rough guess.";
}

// A gain in likes as the chat shows it: "+2.7K likes (+12%)", or "+2.7K likes, to 15x the prediction" when
// the gain is larger than the prediction itself.
std::string GainText(double gain, double likes_now) {
  std::string text = (gain >= 0 ? "+" : "") + FormatCount(gain) + " likes";
  if (likes_now <= 0) return text;
  const double fraction = gain / likes_now;
  if (fraction >= 1) return text + ", to " + FormatPlain(1 + fraction, 1) + "x the prediction";
  return text + " (" + (fraction >= 0 ? "+" : "") + FormatPercent(fraction, 0) + ")";
}

std::string ExplainText(const Model& model, const ChatNumbers& n) {
  const Explanation e = Explain(model, n.used);
  if (!e.error.empty()) return "I can't explain this prediction: " + e.error + ".";
  // Built from the attribution's numbers rather than Explanation::summary, so that counts read like the rest
  // of the chat (4.8K, not 4,812).
  std::string text = "A typical video with " + FormatCount(e.baseline.views) + " views gets about " +
                     FormatCount(e.baseline_likes) + " likes; yours is predicted " + FormatCount(e.likes) + ".";
  std::vector<std::string> reasons;
  for (const Attribution& part : e.parts) {
    if (reasons.size() == 3) break;
    if (std::fabs(part.likes) < 0.01 * std::max(1.0, e.baseline_likes)) continue;   // noise next to the range
    // The subject is the video's value ("810 comments", "a 38 s video"), and the verb agrees with it.
    const auto slot = static_cast<ChatSlot>(static_cast<int>(part.field));
    const double value = UsedValue(n.used, slot);
    const bool plural = slot != ChatSlot::duration_sec && slot != ChatSlot::verified &&
                        slot != ChatSlot::author_status && std::round(value) != 1;
    std::string verb = part.likes >= 0 ? "add" : "take";
    if (!plural) verb += "s";
    if (part.likes < 0) verb += " away";
    reasons.push_back(DescribeSlot(slot, value) + " (typical: " + part.baseline_text + ") " + verb + " " +
                      FormatCount(std::fabs(part.likes)));
  }
  if (reasons.empty()) {
    text += " None of the inputs moves it by more than 1% from the typical video.";
  } else {
    std::string sentence = JoinList(reasons) + ".";
    sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
    text += " " + sentence;
  }
  // An unknown input equal to the typical video's value adds exactly nothing. Downloads estimated from the
  // shares or comments given differ from it and can move the prediction.
  std::vector<std::string> assumed;
  for (InputField field : n.assumed) {
    if (field == InputField::verified || field == InputField::author_status) continue;
    const auto slot = static_cast<ChatSlot>(static_cast<int>(field));
    if (UsedValue(n.used, slot) == UsedValue(e.baseline, slot)) {
      assumed.push_back(ChatSlotNoun(slot));
    } else {
      std::string noun = ChatSlotNoun(slot);
      noun[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(noun[0])));
      text += "\n" + noun + " were estimated from " + EstimatedFrom(slot, n.assumed) +
              ", not set to the typical value.";
    }
  }
  if (!assumed.empty()) {
    const bool singular = assumed.size() == 1 && assumed[0] == std::string("duration");
    std::string list = JoinList(assumed);
    list[0] = static_cast<char>(list[0] - 'a' + 'A');
    text += "\n" + list + (singular ? " is" : " are") + " assumed typical, so " + (singular ? "it adds" : "they add") +
            " nothing here.";
  }
  return text + "\nViews set the scale: likes grow with views, and the rest moves the like rate.";
}

std::string GeneralTipsText() {
  return "Likes follow engagement: videos that get shared, commented on and downloaded more per view get more "
         "likes per view. Tell me your video's views (and shares, comments, downloads) and I'll say which of "
         "them would add the most likes.";
}

std::string TipsText(const Model& model, const ChatNumbers& n) {
  const RecommendResult result = RecommendFor(model, n.used);
  if (!result.error.empty() || result.recommendations.empty()) {
    // NOTE: a model file without benchmarks cannot rank the levers, so the general advice is given instead.
    return GeneralTipsText();
  }
  std::string text = "Compared with " + result.group + ", here is what would add the most likes:";
  int shown = 0;
  for (const Recommendation& r : result.recommendations) {
    if (shown == 3) break;
    if (r.already_strong || r.small_effect) continue;
    text += "\n" + std::to_string(++shown) + ". " + r.action + " Reaching " + r.target_text + ": " +
            GainText(r.target.gain, r.likes_now) + ".";
  }
  if (shown == 0) return "Your numbers are already strong for " + result.group +
                         ": no single change adds more than a couple of percent. Keep doing what works.";
  return text;
}

std::string BenchmarkText(const Model& model, const ChatSlots& slots, const ChatNumbers& n,
                          std::optional<ChatSlot> topic, std::optional<double> topic_rate) {
  if (model.benchmarks.empty()) return "This model file has no benchmarks; train it again with this version of LikeCast.";
  const Benchmarks& benchmarks = model.benchmarks;
  const BenchmarkGroup& group = n.has_prediction ? FindBenchmark(benchmarks, n.used.views, n.used.verified,
                                                                 n.used.author_status)
                                                 : OverallBenchmark(benchmarks);
  const std::string who = DescribeGroup(benchmarks, group);
  struct Row {
    ChatSlot slot;
    BenchmarkMetric metric;
    const char* noun;
  };
  const Row rows[] = {{ChatSlot::likes, BenchmarkMetric::like_rate, "like"},
                      {ChatSlot::shares, BenchmarkMetric::share_rate, "share"},
                      {ChatSlot::comments, BenchmarkMetric::comment_rate, "comment"},
                      {ChatSlot::downloads, BenchmarkMetric::download_rate, "download"}};
  if (topic == ChatSlot::duration_sec) {
    return "For " + who + ", the typical length is " + FormatDuration(group.At(BenchmarkMetric::duration_sec, 50)) +
           "; half of them run between " + FormatDuration(group.At(BenchmarkMetric::duration_sec, 25)) + " and " +
           FormatDuration(group.At(BenchmarkMetric::duration_sec, 75)) + ".";
  }
  std::string text;
  for (const Row& row : rows) {
    if (topic && *topic != row.slot) continue;
    const double median = group.At(row.metric, 50);
    const double strong = group.At(row.metric, 75);
    const std::string rate_name = std::string(row.noun) + " rate";
    if (!text.empty()) text += "\n";
    text += "The typical " + rate_name + " for " + who + " is " + FormatPercent(median, median < 0.01 ? 2 : 1) + " (" +
            DescribePerViews(median, row.noun) + "); the top 25% reach " + FormatPercent(strong, strong < 0.01 ? 2 : 1) +
            ".";
    std::optional<double> mine = topic_rate;
    bool predicted = false;
    if (!mine && slots.inputs.views && *slots.inputs.views > 0) {
      if (const std::optional<double> count = SlotNumber(slots, row.slot)) {
        mine = *count / *slots.inputs.views;
      } else if (row.slot == ChatSlot::likes && n.has_prediction) {
        mine = n.likes / n.used.views;
        predicted = true;
      }
    }
    if (mine && (topic || !topic_rate)) {
      const std::string whose = predicted ? " Your predicted " + rate_name + ", " : std::string(" Yours, ");
      text += whose + FormatPercent(*mine, *mine < 0.01 ? 2 : 1) + ", is at " +
              FormatPercentileRank(group.PercentileOf(row.metric, *mine)) + ": better than about " +
              FormatPlain(std::clamp(std::round(group.PercentileOf(row.metric, *mine)), 0.0, 100.0)) +
              "% of them.";
    }
  }
  if (topic == ChatSlot::views) text += "\nViews have no benchmark of their own: the rates above are per view.";
  return text;
}

std::string HelpText() {
  return "Tell me about your video and I'll predict its likes. For example:\n"
         "  120K views, 3.4K shares, 560 comments, 900 downloads, 32 seconds, verified\n"
         "Then ask: \"what if shares doubled?\", \"why?\", \"tips\", \"what's a good share rate?\", "
         "or tell me the real likes to see how the video did. \"undo\" takes back the last change, "
         "\"start over\" clears everything.";
}

}  // namespace likecast::chat
