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

constexpr int kModelFormatVersion = 1;

// One output of the network: a quantile (pinball loss) or the mean (squared loss) of the target.
struct OutputHead {
  std::string name;          // "point", "p10", "p90"
  std::string loss;          // "pinball" or "squared"
  double quantile = 0.5;     // for the pinball loss
};

// How the network's outputs become likes. The target is the standardised
// log like rate, y = log1p(likes) - log1p(views), so
//   likes = expm1(log1p(views) + target_mean + target_std * output + shift).
struct OutputSpec {
  std::string target = "log_like_rate";
  double target_mean = 0;
  double target_std = 1;
  std::vector<OutputHead> heads;
  int point_head = 0;
  int low_head = -1;         // -1: the range is the point head plus a residual quantile
  int high_head = -1;
  double point_shift = 0;    // in log space, fitted on validation rows
  double low_shift = 0;      // calibrated on validation rows for 10% below the range
  double high_shift = 0;     // and 10% above it
};

struct TrainingInfo {
  std::uint32_t seed = 0;
  std::string data_fingerprint;   // hash of the training rows, so two files can be compared
  size_t train_rows = 0;
  size_t validation_rows = 0;
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

  // The fast path for complete inputs: no allocation, a few hundred nanoseconds.
  double PredictLikes(const CompleteInputs& inputs) const;
  void PredictRange(const CompleteInputs& inputs, double* likes, double* p10, double* p90) const;

  bool has_range() const { return true; }
  std::string Validate() const;         // empty when the model is usable

  FeaturePipeline features;
  Imputer imputer;
  Network network;
  OutputSpec output;
  TrainingInfo training;
  Benchmarks benchmarks;                // per-view rate percentiles of the training rows (core/advice)
  Insights insights;                    // summary of the training rows for the page (core/advice)

 private:
  void RunNetwork(const CompleteInputs& inputs, float* outputs) const;
};

}  // namespace likecast
