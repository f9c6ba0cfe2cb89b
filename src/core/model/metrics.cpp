// Accuracy metrics (see metrics.h).
#include "core/model/metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace likecast {
namespace {

double Median(std::vector<double> values) {
  if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

double RSquared(const std::vector<double>& actual, const std::vector<double>& predicted) {
  double mean = 0;
  for (double a : actual) mean += a;
  mean /= static_cast<double>(actual.size());
  double residual = 0, total = 0;
  for (size_t i = 0; i < actual.size(); ++i) {
    residual += (actual[i] - predicted[i]) * (actual[i] - predicted[i]);
    total += (actual[i] - mean) * (actual[i] - mean);
  }
  // Constant actual values leave R² undefined; rounding can leave a tiny non-zero total, so the
  // test is relative to the values' scale.
  const double scale = std::max(1.0, mean * mean) * static_cast<double>(actual.size());
  return total > 1e-12 * scale ? 1.0 - residual / total : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

RegressionMetrics ComputeMetrics(const std::vector<double>& actual, const std::vector<double>& predicted,
                                 const std::vector<double>& low, const std::vector<double>& high) {
  RegressionMetrics m;
  m.rows = actual.size();
  if (actual.empty() || predicted.size() != actual.size()) return m;

  std::vector<double> log_actual, log_predicted, relative_errors;
  double absolute = 0;
  for (size_t i = 0; i < actual.size(); ++i) {
    log_actual.push_back(std::log1p(actual[i]));
    log_predicted.push_back(std::log1p(std::max(0.0, predicted[i])));
    absolute += std::fabs(predicted[i] - actual[i]);
    relative_errors.push_back(std::fabs(predicted[i] - actual[i]) / std::max(actual[i], 1.0));
  }
  m.r2 = RSquared(actual, predicted);
  m.r2_log = RSquared(log_actual, log_predicted);
  m.mae = absolute / static_cast<double>(actual.size());
  m.medape_percent = 100.0 * Median(relative_errors);

  m.coverage = std::numeric_limits<double>::quiet_NaN();
  m.median_relative_width = std::numeric_limits<double>::quiet_NaN();
  if (low.size() == actual.size() && high.size() == actual.size()) {
    size_t inside = 0;
    std::vector<double> widths;
    for (size_t i = 0; i < actual.size(); ++i) {
      if (low[i] <= actual[i] && actual[i] <= high[i]) ++inside;
      widths.push_back((high[i] - low[i]) / std::max(predicted[i], 1.0));
    }
    m.coverage = static_cast<double>(inside) / static_cast<double>(actual.size());
    m.median_relative_width = Median(widths);
  }
  return m;
}

std::vector<SegmentMetrics> EvaluateOnTestSplit(const Model& model, const std::vector<VideoRecord>& rows) {
  struct Scored {
    const VideoRecord* row;
    double likes, p10, p90;
  };
  std::vector<Scored> scored;
  for (const VideoRecord& row : rows) {
    if (!IsTestVideo(row) || !row.likes || !row.inputs.views) continue;
    const Prediction p = model.Predict(row.inputs);
    scored.push_back({&row, p.likes, p.p10, p.p90});
  }
  std::vector<double> views;
  for (const Scored& s : scored) views.push_back(*s.row->inputs.views);
  std::sort(views.begin(), views.end());
  auto decile = [&](double v) {
    const size_t rank = static_cast<size_t>(std::upper_bound(views.begin(), views.end(), v) - views.begin());
    return std::min<size_t>(9, rank * 10 / std::max<size_t>(1, views.size() + 1)) + 1;
  };

  auto segment = [&](const std::string& name, auto keep) {
    std::vector<double> actual, predicted, low, high;
    for (const Scored& s : scored) {
      if (!keep(s)) continue;
      actual.push_back(*s.row->likes);
      predicted.push_back(s.likes);
      low.push_back(s.p10);
      high.push_back(s.p90);
    }
    return SegmentMetrics{name, ComputeMetrics(actual, predicted, low, high)};
  };

  std::vector<SegmentMetrics> out;
  out.push_back(segment("all", [](const Scored&) { return true; }));
  out.push_back(segment("verified", [](const Scored& s) { return s.row->inputs.verified.value_or(false); }));
  out.push_back(segment("not_verified", [](const Scored& s) { return !s.row->inputs.verified.value_or(false); }));
  for (AuthorStatus status : {AuthorStatus::active, AuthorStatus::under_review, AuthorStatus::banned}) {
    out.push_back(segment(std::string("author_status=") + AuthorStatusName(status),
                          [status](const Scored& s) { return s.row->inputs.author_status == status; }));
  }
  for (size_t d = 1; d <= 10; ++d) {
    out.push_back(segment("views_decile=" + std::to_string(d),
                          [&, d](const Scored& s) { return decile(*s.row->inputs.views) == d; }));
  }
  return out;
}

}  // namespace likecast
