// Shapley attributions against a typical video with the same views (see explain.h).
#include "core/advice/explain.h"

#include <algorithm>
#include <cmath>

#include "core/advice/benchmarks.h"
#include "core/common/format.h"

namespace likecast {
namespace {

// The inputs Explain attributes to; views is shared with the baseline.
constexpr InputField kPlayers[] = {InputField::shares,       InputField::comments, InputField::downloads,
                                   InputField::duration_sec, InputField::verified, InputField::author_status};
constexpr int kPlayerCount = 6;

void CopyField(InputField field, const CompleteInputs& from, CompleteInputs* to) {
  switch (field) {
    case InputField::shares: to->shares = from.shares; break;
    case InputField::comments: to->comments = from.comments; break;
    case InputField::downloads: to->downloads = from.downloads; break;
    case InputField::duration_sec: to->duration_sec = from.duration_sec; break;
    case InputField::verified: to->verified = from.verified; break;
    case InputField::author_status: to->author_status = from.author_status; break;
    case InputField::views: to->views = from.views; break;
  }
}

std::string StatusText(AuthorStatus status) {
  return status == AuthorStatus::under_review ? "under review" : AuthorStatusName(status);
}

std::string CountText(double count, const char* noun) {
  return FormatCount(count) + " " + noun + (std::round(count) == 1 ? "" : "s");
}

std::string ValueText(InputField field, const CompleteInputs& inputs) {
  switch (field) {
    case InputField::shares: return CountText(inputs.shares, "share");
    case InputField::comments: return CountText(inputs.comments, "comment");
    case InputField::downloads: return CountText(inputs.downloads, "download");
    case InputField::duration_sec: return FormatDuration(inputs.duration_sec);
    case InputField::verified: return inputs.verified ? "verified" : "not verified";
    case InputField::author_status: return StatusText(inputs.author_status);
    case InputField::views: return CountText(inputs.views, "view");
  }
  return "?";
}

// "+451", "-6,006", "+65K"; a part that rounds to 0 prints "+0".
std::string SignedCount(double likes) {
  const double rounded = std::round(likes);
  return (rounded >= 0 ? "+" : "") + FormatCountBrief(rounded);
}

std::string Summarise(const Explanation& e) {
  std::string text = "A typical video with " + FormatCount(e.baseline.views) + " views gets about " +
                     FormatCountBrief(e.baseline_likes) + " likes; this one is predicted " + FormatCountBrief(e.likes) + ".";
  std::vector<std::string> reasons;
  for (const Attribution& part : e.parts) {
    if (reasons.size() == 2) break;
    // Parts under 1% of the baseline are noise next to the prediction's own range.
    if (std::fabs(part.likes) < 0.01 * std::max(1.0, e.baseline_likes)) continue;
    reasons.push_back(part.name + " " + SignedCount(part.likes) + " (" + part.value_text + " against a typical " +
                      part.baseline_text + ")");
  }
  if (reasons.empty()) return text + " No input moves it by more than 1% from the typical video.";
  text += " The biggest differences: " + reasons[0];
  if (reasons.size() > 1) text += "; " + reasons[1];
  return text + ".";
}

}  // namespace

CompleteInputs TypicalVideo(const Model& model, double views) {
  VideoInputs only_views;
  only_views.views = views;
  return model.imputer.Complete(only_views, nullptr);
}

Explanation Explain(const Model& model, const CompleteInputs& inputs) {
  Explanation e;
  if (model.imputer.bands.empty()) {
    e.error = "the model has no imputation table, so there is no typical video to compare with; load a trained model";
    return e;
  }
  if (!(inputs.views > 0)) {
    e.error = "views must be above 0 to explain a prediction, got " + FormatPlain(inputs.views);
    return e;
  }
  e.baseline = TypicalVideo(model, inputs.views);
  e.likes = model.PredictLikes(inputs);
  e.baseline_likes = model.PredictLikes(e.baseline);

  // The prediction for every subset of inputs taken from the video (bit i set: player i), the rest from the baseline.
  constexpr int kSubsets = 1 << kPlayerCount;
  double likes[kSubsets];
  for (int mask = 0; mask < kSubsets; ++mask) {
    CompleteInputs mixed = e.baseline;
    for (int i = 0; i < kPlayerCount; ++i)
      if (mask & (1 << i)) CopyField(kPlayers[i], inputs, &mixed);
    likes[mask] = model.PredictLikes(mixed);
  }

  // Shapley weight of a subset of size s that leaves out player i: s! (n - s - 1)! / n!.
  double weight[kPlayerCount];
  for (int s = 0; s < kPlayerCount; ++s) {
    double w = 1.0;
    for (int k = 1; k <= s; ++k) w *= k;
    for (int k = 1; k <= kPlayerCount - s - 1; ++k) w *= k;
    for (int k = 1; k <= kPlayerCount; ++k) w /= k;
    weight[s] = w;
  }
  for (int i = 0; i < kPlayerCount; ++i) {
    double value = 0;
    for (int mask = 0; mask < kSubsets; ++mask) {
      if (mask & (1 << i)) continue;
      int size = 0;
      for (int j = 0; j < kPlayerCount; ++j) size += (mask >> j) & 1;
      value += weight[size] * (likes[mask | (1 << i)] - likes[mask]);
    }
    Attribution part;
    part.field = kPlayers[i];
    part.name = InputFieldName(kPlayers[i]);
    part.value_text = ValueText(kPlayers[i], inputs);
    part.baseline_text = ValueText(kPlayers[i], e.baseline);
    part.likes = value;
    part.fraction = e.baseline_likes > 0 ? value / e.baseline_likes : 0.0;
    e.parts.push_back(part);
  }
  std::stable_sort(e.parts.begin(), e.parts.end(),
                   [](const Attribution& a, const Attribution& b) { return std::fabs(a.likes) > std::fabs(b.likes); });
  e.summary = Summarise(e);
  return e;
}

}  // namespace likecast
