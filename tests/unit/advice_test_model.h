// Hand-made videos and a hand-made model for the advice tests: a linear
// network on the standardised features, so every prediction can be worked out
// by hand, with benchmarks and insights from the same synthetic videos.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

#include "core/advice/benchmarks.h"
#include "core/advice/insights.h"
#include "core/model/model.h"

namespace likecast::advice_testing {

// Makes `count` videos with rates spread over two orders of magnitude. The seed is fixed, so every run gets
// the same rows.
inline std::vector<VideoRecord> MakeVideos(int count) {
  std::vector<VideoRecord> rows;
  std::uint64_t state = 20240611;
  auto uniform = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0;
  };
  auto log_uniform = [&](double low, double high) { return std::exp(std::log(low) + uniform() * std::log(high / low)); };
  for (int i = 0; i < count; ++i) {
    VideoRecord row;
    row.line = i + 2;
    row.video_id = i;
    const double views = std::round(log_uniform(200, 1e6));
    row.inputs.views = views;
    row.inputs.shares = std::round(views * log_uniform(0.002, 0.1));
    row.inputs.comments = std::round(views * log_uniform(0.0002, 0.005));
    row.inputs.downloads = std::round(views * log_uniform(0.0005, 0.01));
    row.inputs.duration_sec = std::round(5 + uniform() * 55);
    row.inputs.verified = uniform() < 0.2;
    const double status = uniform();
    row.inputs.author_status = status < 0.8 ? AuthorStatus::active
                               : status < 0.9 ? AuthorStatus::under_review : AuthorStatus::banned;
    row.claim = uniform() < 0.5;
    row.likes = std::round(views * log_uniform(0.05, 0.5));
    rows.push_back(row);
  }
  return rows;
}

// Weights per feature: log_views, log share, comment and download rates, log_duration, verified, under_review,
// banned. The defaults raise likes with every rate and lower them with length, review and bans.
struct LinearWeights {
  float values[kFeatureCount] = {0.0f, 0.5f, 0.2f, 0.1f, -0.15f, 0.3f, -0.4f, -1.0f};
};

inline Model MakeLinearModel(const std::vector<VideoRecord>& rows, const LinearWeights& weights = {}) {
  Model model;
  for (const std::string& name : FeatureNames()) model.features.scaling.push_back({name, 0.0, 1.0});
  model.imputer = Imputer::Fit(rows);
  model.benchmarks = ComputeBenchmarks(rows);
  model.insights = ComputeInsights(rows);

  DenseLayer layer;
  layer.inputs = kFeatureCount;
  layer.outputs = 3;
  layer.activation = Activation::identity;
  for (int i = 0; i < kFeatureCount; ++i)
    for (int o = 0; o < 3; ++o) layer.weights.push_back(weights.values[i]);
  layer.bias = {0.0f, -0.5f, 0.5f};
  model.network = Network({layer});

  model.output.target_mean = 0;
  model.output.target_std = 1;
  model.output.heads = {{"point", "pinball", 0.5}, {"p10", "pinball", 0.1}, {"p90", "pinball", 0.9}};
  model.output.point_head = 0;
  model.output.low_head = 1;
  model.output.high_head = 2;
  return model;
}

}  // namespace likecast::advice_testing
