// Accuracy metrics, as the reference results define them:
//   R²        on raw like counts;
//   R² (log)  on log1p(likes);
//   MAE       mean absolute error in likes;
//   medAPE    median over rows of |predicted - actual| / max(actual, 1), in percent;
//   coverage  share of rows with p10 <= actual <= p90;
//   width     median over rows of (p90 - p10) / max(predicted, 1).
#pragma once

#include <string>
#include <vector>

#include "core/data/dataset.h"
#include "core/model/model.h"

namespace likecast {

struct RegressionMetrics {
  size_t rows = 0;
  double r2 = 0;
  double r2_log = 0;
  double mae = 0;
  double medape_percent = 0;
  double coverage = 0;                  // 0..1; NaN when no range was given
  double median_relative_width = 0;
};

// `low` and `high` may be empty (no range).
RegressionMetrics ComputeMetrics(const std::vector<double>& actual, const std::vector<double>& predicted,
                                 const std::vector<double>& low = {}, const std::vector<double>& high = {});

struct SegmentMetrics {
  std::string segment;                  // "all", "verified", "author_status=banned", "views_decile=3", ...
  RegressionMetrics metrics;
};

// Scores the model on the test split (video_id % 5 == 0) of `rows`, overall and per segment:
// verified or not, account status, and view-count decile.
std::vector<SegmentMetrics> EvaluateOnTestSplit(const Model& model, const std::vector<VideoRecord>& rows);

}  // namespace likecast
