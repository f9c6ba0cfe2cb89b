// A trained LikeCast model: feature pipeline, imputation table, network and
// output decoding, with the P10-P90 range. Everything needed to predict is
// here, so the page needs no dataset. Reading and writing the JSON file is in
// model_io.h; training is in train.h.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "core/advice/benchmarks.h"
#include "core/advice/insights.h"
#include "core/data/video.h"
#include "core/model/features.h"
#include "core/model/network.h"

namespace likecast {

constexpr int kModelFormatVersion = 2;

// One output of the network. Every head estimates the same target, the
// standardised log like rate; the loss decides which statistic of it:
//   "squared"        squared error in log space: the mean of log likes (what R² (log) rewards)
//   "pinball"        pinball loss at `quantile`: that quantile of the likes (0.5 is the median)
//   "squared_count"  squared error of the like count: the mean of the likes (what R² rewards)
struct OutputHead {
  std::string name;          // "log_mean", "mean", "p10", "p90"
  std::string loss;          // "squared", "pinball" or "squared_count"
  double quantile = 0.5;     // for the pinball loss
};

// How the network's outputs become likes. The target is the standardised
// log like rate, y = log1p(likes) - log1p(views), so each head decodes as
//   likes = expm1(log1p(views) + target_mean + target_std * output + shift).
// The prediction is the point head (optionally mixed with the median head),
// blended with the mean head for large videos: with m the mean head's likes,
// the mean's weight is m² / (m² + blend_pivot_likes²).
struct OutputSpec {
  std::string target = "log_like_rate";
  double target_mean = 0;
  double target_std = 1;
  std::vector<OutputHead> heads;
  int point_head = 0;
  int median_head = -1;            // -1: none; else mixed into the point head in log space
  double median_weight = 0;        // the point is (1 - w) * point head + w * median head, in log space
  int mean_head = -1;              // -1: the prediction is the point head alone
  double blend_pivot_likes = 0;    // chosen on validation rows
  int low_head = -1;         // -1: the range is the point head plus a residual quantile
  int high_head = -1;
  double point_shift = 0;    // in log space, fitted on validation rows
  double low_shift = 0;      // calibrated on validation rows for 10% below the range
  double high_shift = 0;     // and 10% above it
  // The same shifts for videos whose downloads the Imputer estimated, calibrated on the validation rows
  // with their downloads removed. The estimate is uncertain, so on the TikTok data this range is wider.
  double low_shift_estimated_downloads = 0;
  double high_shift_estimated_downloads = 0;
  // The smallest P10-P90 width, as a share of the prediction: the 1st percentile of the widths on the
  // held-out validation rows. Quantile heads that cross on inputs unlike the training rows would give a range of
  // zero width; this floor keeps it plausible. 0: no floor.
  double min_relative_width = 0;
};

struct TrainingInfo {
  std::uint32_t seed = 0;
  std::string data_fingerprint;   // hash of the training rows, so two files can be compared
  size_t train_rows = 0;          // rows that trained at least one network
  size_t validation_rows = 0;     // rows that some network held out, where the blend and range were chosen
  int epochs_run = 0;
  int best_epoch = 0;
  double validation_loss = 0;
  std::string loss;
  std::string optimizer;
};

struct Prediction {
  double likes = 0;
  double p10 = std::numeric_limits<double>::quiet_NaN();
  double p90 = std::numeric_limits<double>::quiet_NaN();
  CompleteInputs used;                  // the inputs after imputation
  std::vector<InputField> assumed;      // the inputs that were unknown and filled in
};

class Model {
 public:
  // Predicts likes for a video whose views are known; the other inputs may be missing.
  Prediction Predict(const VideoInputs& inputs) const;

  // The fast path for complete inputs: no allocation, about a microsecond for 4 networks of 8-64-32-5 units
  // (docs/benchmarks.md has the measurements).
  double PredictLikes(const CompleteInputs& inputs) const;
  void PredictRange(const CompleteInputs& inputs, double* likes, double* p10, double* p90) const;
  // The raw network outputs, averaged over the ensemble: one standardised log like rate per head.
  void RunNetwork(const CompleteInputs& inputs, float* outputs) const;

  bool has_range() const { return true; }
  std::string Validate() const;         // empty when the model is usable

  FeaturePipeline features;
  Imputer imputer;
  Network network;
  std::vector<Network> ensemble;        // further networks of the same shape; the outputs are averaged over all
  // Runs the networks with Network::ForwardPlain instead of Forward: the same outputs, about twice as slow.
  // Tests set it to check the fast path against the plain one; the model file does not store it.
  bool plain_forward = false;
  OutputSpec output;
  TrainingInfo training;
  Benchmarks benchmarks;                // per-view rate percentiles of the training rows (core/advice)
  Insights insights;                    // summary of the training rows for the page (core/advice)

 private:
  double PointLikes(const float* outputs, double log_views) const;
};

}  // namespace likecast
