// A small hand-made model for the chat tests: likes per view rise with the
// share, comment and download rates and with a verified account, and fall for
// accounts under review or banned. Its imputation table and benchmarks come
// from synthetic videos, so the tests need neither the dataset nor training.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

#include "core/advice/benchmarks.h"
#include "core/model/model.h"

namespace likecast::testing {

inline std::vector<VideoRecord> SyntheticVideos(int count) {
  std::vector<VideoRecord> rows;
  std::uint64_t state = 12345;
  auto uniform = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0;
  };
  auto log_uniform = [&](double low, double high) { return std::exp(std::log(low) + uniform() * std::log(high / low)); };
  for (int i = 0; i < count; ++i) {
    VideoRecord row;
    row.line = i + 2;
    row.video_id = i;
    const double views = std::round(log_uniform(100, 2e6));
    row.inputs.views = views;
    row.inputs.shares = std::round(views * log_uniform(0.002, 0.1));
    row.inputs.comments = std::round(views * log_uniform(0.0001, 0.005));
    row.inputs.downloads = std::round(views * log_uniform(0.0005, 0.01));
    row.inputs.duration_sec = std::round(5 + uniform() * 55);
    row.inputs.verified = uniform() < 0.1;
    const double status = uniform();
    row.inputs.author_status = status < 0.8 ? AuthorStatus::active
                               : status < 0.9 ? AuthorStatus::under_review : AuthorStatus::banned;
    row.likes = std::round(views * log_uniform(0.05, 0.5));
    rows.push_back(row);
  }
  return rows;
}

inline Model MakeChatTestModel() {
  Model model;
  for (const std::string& name : FeatureNames()) model.features.scaling.push_back({name, 0.0, 1.0});
  const std::vector<VideoRecord> rows = SyntheticVideos(1200);
  model.imputer = Imputer::Fit(rows);
  model.benchmarks = ComputeBenchmarks(rows);

  // Feature order: log_views, share, comment, download rates (log), log_duration, verified, under_review, banned.
  const float point[kFeatureCount] = {0.0f, 0.4f, 0.15f, 0.1f, -0.1f, 0.3f, -0.4f, -1.0f};
  DenseLayer layer;
  layer.inputs = kFeatureCount;
  layer.outputs = 3;
  layer.activation = Activation::identity;
  for (int i = 0; i < kFeatureCount; ++i)
    for (int o = 0; o < 3; ++o) layer.weights.push_back(point[i]);
  layer.bias = {0.0f, -0.7f, 0.7f};
  model.network = Network({layer});

  model.output.target_mean = 0;
  model.output.target_std = 1;
  model.output.heads = {{"point", "pinball", 0.5}, {"p10", "pinball", 0.1}, {"p90", "pinball", 0.9}};
  model.output.point_head = 0;
  model.output.low_head = 1;
  model.output.high_head = 2;
  return model;
}

}  // namespace likecast::testing
