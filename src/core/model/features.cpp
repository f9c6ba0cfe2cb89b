// Feature pipeline and imputation (see features.h).
#include "core/model/features.h"

#include <algorithm>
#include <cmath>

namespace likecast {

const std::vector<std::string>& FeatureNames() {
  static const std::vector<std::string> names = {"log_views",         "log_share_rate", "log_comment_rate",
                                                 "log_download_rate", "log_duration",   "verified",
                                                 "under_review",      "banned"};
  return names;
}

void ComputeRawFeatures(const CompleteInputs& inputs, double* features) {
  const double log_views = std::log1p(inputs.views);
  features[0] = log_views;
  features[1] = std::log1p(inputs.shares) - log_views;
  features[2] = std::log1p(inputs.comments) - log_views;
  features[3] = std::log1p(inputs.downloads) - log_views;
  features[4] = std::log1p(inputs.duration_sec);
  features[5] = inputs.verified ? 1.0 : 0.0;
  features[6] = inputs.author_status == AuthorStatus::under_review ? 1.0 : 0.0;
  features[7] = inputs.author_status == AuthorStatus::banned ? 1.0 : 0.0;
}

FeaturePipeline FeaturePipeline::Fit(const std::vector<CompleteInputs>& rows) {
  FeaturePipeline pipeline;
  double sum[kFeatureCount] = {};
  double sum_squares[kFeatureCount] = {};
  double features[kFeatureCount];
  for (const CompleteInputs& row : rows) {
    ComputeRawFeatures(row, features);
    for (int f = 0; f < kFeatureCount; ++f) {
      sum[f] += features[f];
      sum_squares[f] += features[f] * features[f];
    }
  }
  const double n = std::max<double>(1.0, static_cast<double>(rows.size()));
  for (int f = 0; f < kFeatureCount; ++f) {
    const double mean = sum[f] / n;
    const double variance = std::max(0.0, sum_squares[f] / n - mean * mean);
    // A column that never varied (a file without durations, every account verified) taught the network
    // nothing, so any value must encode to about 0: its scale is kConstantFeatureStd.
    const double std = variance > 1e-12 ? std::sqrt(variance) : kConstantFeatureStd;
    pipeline.scaling.push_back({FeatureNames()[static_cast<size_t>(f)], mean, std});
  }
  return pipeline;
}

void FeaturePipeline::Encode(const CompleteInputs& inputs, float* features) const {
  double raw[kFeatureCount];
  ComputeRawFeatures(inputs, raw);
  for (int f = 0; f < kFeatureCount; ++f) {
    const FeatureScaling& s = scaling[static_cast<size_t>(f)];
    features[f] = static_cast<float>((raw[f] - s.mean) / s.std);
  }
}

bool FeaturePipeline::Ignores(InputField field) const {
  auto constant = [&](int feature) {
    return static_cast<size_t>(feature) < scaling.size() && scaling[static_cast<size_t>(feature)].std >= kConstantFeatureStd;
  };
  switch (field) {
    case InputField::duration_sec: return constant(4);
    case InputField::verified: return constant(5);
    case InputField::author_status: return constant(6) && constant(7);
    default: return false;   // views and the counts enter through rates that always vary
  }
}

std::string FeaturePipeline::Validate() const {
  if (scaling.size() != static_cast<size_t>(kFeatureCount))
    return "the model has " + std::to_string(scaling.size()) + " features, expected " + std::to_string(kFeatureCount);
  for (size_t f = 0; f < scaling.size(); ++f) {
    if (scaling[f].name != FeatureNames()[f])
      return "feature " + std::to_string(f) + " is \"" + scaling[f].name + "\", expected \"" + FeatureNames()[f] + "\"";
    if (!std::isfinite(scaling[f].mean) || !std::isfinite(scaling[f].std) || scaling[f].std <= 0)
      return "feature \"" + scaling[f].name + "\" has an invalid scaling (mean or std not finite, or std not positive)";
  }
  return "";
}

namespace {

double Median(std::vector<double> values) {
  if (values.empty()) return 0.0;
  const size_t middle = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<long>(middle), values.end());
  double upper = values[middle];
  if (values.size() % 2 == 1) return upper;
  const double lower = *std::max_element(values.begin(), values.begin() + static_cast<long>(middle));
  return 0.5 * (lower + upper);
}

// Least squares of log1p(downloads) on 1, log1p(shares), log1p(comments), log1p(views) over the rows where
// all four are known. Returns no coefficients when there are too few such rows or the fit is singular.
std::vector<double> FitDownloadRegression(const std::vector<VideoRecord>& rows) {
  double normal[4][5] = {};   // the normal equations X'X | X'y
  size_t used = 0;
  for (const VideoRecord& row : rows) {
    const VideoInputs& in = row.inputs;
    if (!in.views || !in.shares || !in.comments || !in.downloads) continue;
    const double x[4] = {1.0, std::log1p(*in.shares), std::log1p(*in.comments), std::log1p(*in.views)};
    const double y = std::log1p(*in.downloads);
    for (int i = 0; i < 4; ++i) {
      for (int j = 0; j < 4; ++j) normal[i][j] += x[i] * x[j];
      normal[i][4] += x[i] * y;
    }
    ++used;
  }
  if (used < 20) return {};

  // Gaussian elimination with partial pivoting.
  for (int col = 0; col < 4; ++col) {
    int pivot = col;
    for (int r = col + 1; r < 4; ++r)
      if (std::fabs(normal[r][col]) > std::fabs(normal[pivot][col])) pivot = r;
    if (std::fabs(normal[pivot][col]) < 1e-9) return {};
    std::swap(normal[col], normal[pivot]);
    for (int r = 0; r < 4; ++r) {
      if (r == col) continue;
      const double factor = normal[r][col] / normal[col][col];
      for (int c = col; c < 5; ++c) normal[r][c] -= factor * normal[col][c];
    }
  }
  std::vector<double> coefficients(4);
  for (int i = 0; i < 4; ++i) coefficients[static_cast<size_t>(i)] = normal[i][4] / normal[i][i];
  return coefficients;
}

}  // namespace

Imputer Imputer::Fit(const std::vector<VideoRecord>& rows, int band_count) {
  Imputer imputer;
  std::vector<double> views;
  for (const VideoRecord& row : rows)
    if (row.inputs.views) views.push_back(*row.inputs.views);
  std::sort(views.begin(), views.end());
  band_count = std::max(1, std::min<int>(band_count, static_cast<int>(views.size())));

  std::vector<double> edges = {0.0};
  for (int b = 1; b < band_count; ++b) {
    const double edge = views[views.size() * static_cast<size_t>(b) / static_cast<size_t>(band_count)];
    if (edge > edges.back()) edges.push_back(edge);
  }

  std::vector<std::vector<double>> shares(edges.size()), comments(edges.size()), downloads(edges.size()),
      durations(edges.size());
  size_t verified = 0, known_verified = 0, status_counts[3] = {0, 0, 0};
  for (const VideoRecord& row : rows) {
    if (!row.inputs.views || *row.inputs.views <= 0) continue;
    const double v = *row.inputs.views;
    const size_t band = static_cast<size_t>(std::upper_bound(edges.begin(), edges.end(), v) - edges.begin() - 1);
    if (row.inputs.shares) shares[band].push_back(*row.inputs.shares / v);
    if (row.inputs.comments) comments[band].push_back(*row.inputs.comments / v);
    if (row.inputs.downloads) downloads[band].push_back(*row.inputs.downloads / v);
    if (row.inputs.duration_sec) durations[band].push_back(*row.inputs.duration_sec);
    if (row.inputs.verified) {
      ++known_verified;
      verified += *row.inputs.verified ? 1 : 0;
    }
    if (row.inputs.author_status) ++status_counts[static_cast<int>(*row.inputs.author_status)];
  }
  for (size_t b = 0; b < edges.size(); ++b) {
    imputer.bands.push_back({edges[b], Median(shares[b]), Median(comments[b]), Median(downloads[b]), Median(durations[b])});
  }
  imputer.download_regression = FitDownloadRegression(rows);
  imputer.typical_verified = known_verified > 0 && verified * 2 > known_verified;
  imputer.typical_status = static_cast<AuthorStatus>(std::max_element(status_counts, status_counts + 3) - status_counts);
  return imputer;
}

int Imputer::BandIndex(double views) const {
  int index = 0;
  for (size_t b = 1; b < bands.size(); ++b)
    if (views >= bands[b].min_views) index = static_cast<int>(b);
  return index;
}

const ViewBand& Imputer::BandFor(double views) const { return bands[static_cast<size_t>(BandIndex(views))]; }

CompleteInputs Imputer::Complete(const VideoInputs& inputs, std::vector<InputField>* assumed) const {
  CompleteInputs out;
  out.views = inputs.views.value_or(0.0);
  const ViewBand& band = BandFor(out.views);
  auto fill = [&](const std::optional<double>& value, double typical, InputField field) {
    if (value) return *value;
    if (assumed) assumed->push_back(field);
    return typical;
  };
  // Typical counts are rounded, so that the assumed value is one a video could have.
  out.shares = fill(inputs.shares, std::round(band.share_rate * out.views), InputField::shares);
  out.comments = fill(inputs.comments, std::round(band.comment_rate * out.views), InputField::comments);
  double typical_downloads = std::round(band.download_rate * out.views);
  // The regression costs three log1p and an expm1, so it runs only when the downloads are unknown.
  if (download_regression.size() == 4 && !inputs.downloads) {
    const std::vector<double>& c = download_regression;
    const double log_downloads = c[0] + c[1] * std::log1p(out.shares) + c[2] * std::log1p(out.comments) + c[3] * std::log1p(out.views);
    typical_downloads = std::round(std::clamp(std::expm1(log_downloads), 0.0, out.views));
  }
  out.downloads = fill(inputs.downloads, typical_downloads, InputField::downloads);
  out.downloads_estimated = !inputs.downloads;
  out.duration_sec = fill(inputs.duration_sec, std::round(band.duration_sec), InputField::duration_sec);
  if (inputs.verified) {
    out.verified = *inputs.verified;
  } else {
    out.verified = typical_verified;
    if (assumed) assumed->push_back(InputField::verified);
  }
  if (inputs.author_status) {
    out.author_status = *inputs.author_status;
  } else {
    out.author_status = typical_status;
    if (assumed) assumed->push_back(InputField::author_status);
  }
  return out;
}

std::string Imputer::Validate() const {
  if (bands.empty()) return "the imputation table has no view bands";
  if (bands.front().min_views != 0.0) return "the first view band must start at 0 views";
  if (!download_regression.empty() && download_regression.size() != 4)
    return "the download regression has " + std::to_string(download_regression.size()) + " coefficients, expected 4 or none";
  for (double c : download_regression)
    if (!std::isfinite(c)) return "the download regression has a coefficient that is not a finite number";
  for (size_t b = 0; b < bands.size(); ++b) {
    const ViewBand& band = bands[b];
    if (b > 0 && !(band.min_views > bands[b - 1].min_views)) return "the view bands are not in increasing order";
    for (double value : {band.min_views, band.share_rate, band.comment_rate, band.download_rate, band.duration_sec})
      if (!std::isfinite(value) || value < 0) return "view band " + std::to_string(b) + " has a negative or non-finite value";
  }
  return "";
}

CompleteInputs CompleteFromRecord(const VideoRecord& record, const Imputer& imputer) {
  return imputer.Complete(record.inputs, nullptr);
}

}  // namespace likecast
