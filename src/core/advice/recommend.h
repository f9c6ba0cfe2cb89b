// Recommendations: which lever a creator controls would raise a video's
// predicted likes the most, by how much, and what to do about it.
//
// For each lever (shares, comments, downloads per view, and duration) the
// video is compared with similar videos: the benchmark group of its view
// band, verified and account status (see benchmarks.h). A rate lever's steps
// are P50 (typical), P75 (strong) and P90 of that group, where at least 10%
// above the video's rate. The target is the nearest step whose gain is at
// least RecommendOptions::small_gain_fraction, or else the step with the
// largest gain.
// The duration target is the length the model prefers within the P5-P95
// durations of the group. It is used only when the training data shows that
// duration matters (model.insights), and otherwise stays at the current
// length. Every gain is the model's own difference in prediction, with the
// lever at its target count and every other input kept.
//
// NOTE: the model learned how likes go with these rates across videos. It has
// not seen what happens when one creator changes one rate and not the others.
#pragma once

#include <string>
#include <vector>

#include "core/model/features.h"
#include "core/model/model.h"

namespace likecast {

enum class Lever { shares, comments, downloads, duration_sec };
constexpr int kLeverCount = 4;
const char* LeverName(Lever lever);     // "shares", "comments", "downloads", "duration_sec"

// The model's prediction with one lever set to a given value.
struct LeverOutcome {
  double value = 0;              // count (rounded to a whole count) or seconds
  double rate = 0;               // value per view; for duration, the seconds again
  double likes = 0;              // the model's prediction with the lever at `value`
  double gain = 0;               // likes - Recommendation::likes_now
  double gain_fraction = 0;      // gain / likes_now (0 when likes_now is 0)
};

struct Recommendation {
  Lever lever = Lever::shares;
  std::string lever_name;        // LeverName(lever)
  double current = 0;            // the video's count, or its duration in seconds
  double current_rate = 0;       // current per view; for duration, the seconds again
  double percentile = 0;         // where current_rate sits among similar videos, 0-100
  double likes_now = 0;          // the model's prediction for the video as it is

  LeverOutcome typical;          // at the group's P50
  LeverOutcome strong;           // at the group's P75; for duration, at the length the model prefers
  LeverOutcome target;           // the step advised (one of the above, P90, or the best duration)
  double target_percentile = 0;  // 50, 75 or 90; for duration, the target's percentile among similar videos

  bool already_strong = false;   // the rate is at or above the group's P90: the target is the current value
  bool small_effect = false;     // |gain| at target is below RecommendOptions::small_gain_fraction
  bool data_backed = true;       // false when the training data shows no effect for the lever (duration only)
  std::string target_text;       // "about 1 share per 40 views (1.2K shares)"
  std::string gain_text;         // "+3.1K likes (+12%)"
  std::string action;            // one practical action for this lever
  std::string reason;            // one sentence with the numbers behind it
};

struct RecommendOptions {
  double small_gain_fraction = 0.02;     // gains below 2% of the prediction are called small
  int duration_steps = 24;               // durations tried between the group's P5 and P95
  // Duration must explain at least this share of the variance of the log like rate in the training data
  // (InputImportance in model.insights) before the advice requests another length.
  double min_duration_explained = 0.005;
};

struct RecommendResult {
  double likes = 0;                          // the model's prediction for the video as it is
  std::string group;                         // the similar videos compared with, BenchmarkGroup::Describe()
  size_t group_rows = 0;
  std::vector<Recommendation> recommendations;   // one per lever, largest target gain first
  std::string summary;                       // one sentence: the best lever and its gain, or that none is worth it
  std::string error;                         // set when the model has no benchmarks or views <= 0
};

// Ranks the levers for `inputs` (views > 0) by the model's gain at each lever's target.
RecommendResult RecommendFor(const Model& model, const CompleteInputs& inputs, const RecommendOptions& options = {});

// The same, as a plain list; empty when RecommendFor reports an error.
std::vector<Recommendation> Recommend(const Model& model, const CompleteInputs& inputs);

// How much the model's prediction moves when only the length changes, over many videos.
struct DurationEffect {
  size_t videos = 0;
  double min_sec = 0;            // lengths tried: P5 to P95 of every training video's duration
  double max_sec = 0;
  double median_swing = 0;       // median over videos of (max - min prediction) / prediction at the video's length
  double p90_swing = 0;
};

// Measures DurationEffect on `videos` (views > 0), trying `steps` lengths each. Needs the model's benchmarks.
DurationEffect MeasureDurationEffect(const Model& model, const std::vector<CompleteInputs>& videos, int steps = 12);

}  // namespace likecast
