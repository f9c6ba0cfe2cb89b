// Synthetic videos and hand-made models for the advice and chat tests: a
// linear network on the standardised features, so every prediction can be
// worked out by hand, with imputation, benchmarks and insights fitted on
// videos drawn from a fixed seed. No test here needs the dataset or training.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <vector>

#include "core/advice/benchmarks.h"
#include "core/advice/insights.h"
#include "core/model/model.h"

namespace likecast::testing {

// --- Videos --------------------------------------------------------------------

// How the synthetic videos are drawn. Rates are per view and drawn log-uniformly between their bounds.
struct VideoSpec {
  std::uint64_t seed = 12345;
  double min_views = 100;
  double max_views = 2e6;
  double min_comment_rate = 0.0001;
  double verified_share = 0.1;
  bool draw_claim = false;          // also draws claim_status, which changes every later draw
};

// The videos the advice tests use: fewer tiny videos, more verified accounts, claim status drawn.
inline VideoSpec AdviceVideoSpec() {
  VideoSpec spec;
  spec.seed = 20240611;
  spec.min_views = 200;
  spec.max_views = 1e6;
  spec.min_comment_rate = 0.0002;
  spec.verified_share = 0.2;
  spec.draw_claim = true;
  return spec;
}

// Makes `count` videos with like rates spread over an order of magnitude. The seed is fixed, so every
// run gets the same rows.
inline std::vector<VideoRecord> SyntheticVideos(int count, const VideoSpec& spec = {}) {
  std::vector<VideoRecord> rows;
  std::uint64_t state = spec.seed;
  auto uniform = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0;
  };
  auto log_uniform = [&](double low, double high) { return std::exp(std::log(low) + uniform() * std::log(high / low)); };
  for (int i = 0; i < count; ++i) {
    VideoRecord row;
    row.line = i + 2;
    row.video_id = i;
    const double views = std::round(log_uniform(spec.min_views, spec.max_views));
    row.inputs.views = views;
    row.inputs.shares = std::round(views * log_uniform(0.002, 0.1));
    row.inputs.comments = std::round(views * log_uniform(spec.min_comment_rate, 0.005));
    row.inputs.downloads = std::round(views * log_uniform(0.0005, 0.01));
    row.inputs.duration_sec = std::round(5 + uniform() * 55);
    row.inputs.verified = uniform() < spec.verified_share;
    const double status = uniform();
    row.inputs.author_status = status < 0.8 ? AuthorStatus::active
                               : status < 0.9 ? AuthorStatus::under_review : AuthorStatus::banned;
    if (spec.draw_claim) row.claim = uniform() < 0.5;
    row.likes = std::round(views * log_uniform(0.05, 0.5));
    rows.push_back(row);
  }
  return rows;
}

inline std::vector<VideoRecord> AdviceVideos(int count) { return SyntheticVideos(count, AdviceVideoSpec()); }

// --- Models --------------------------------------------------------------------

// A linear model: every head gets the same weight per feature (log_views, log share, comment and download
// rates, log_duration, verified, under_review, banned) and P10 and P90 are the point prediction shifted by
// -range_bias and +range_bias. The default weights raise likes with every rate and lower them with length,
// review and bans.
struct LinearModelSpec {
  float weights[kFeatureCount] = {0.0f, 0.5f, 0.2f, 0.1f, -0.15f, 0.3f, -0.4f, -1.0f};
  float range_bias = 0.5f;
  bool with_insights = true;        // fills model.insights from the rows
};

inline Model MakeLinearModel(const std::vector<VideoRecord>& rows, const LinearModelSpec& spec = {}) {
  Model model;
  for (const std::string& name : FeatureNames()) model.features.scaling.push_back({name, 0.0, 1.0});
  model.imputer = Imputer::Fit(rows);
  model.benchmarks = ComputeBenchmarks(rows);
  if (spec.with_insights) model.insights = ComputeInsights(rows);

  DenseLayer layer;
  layer.inputs = kFeatureCount;
  layer.outputs = 3;
  layer.activation = Activation::identity;
  for (int i = 0; i < kFeatureCount; ++i)
    for (int o = 0; o < 3; ++o) layer.weights.push_back(spec.weights[i]);
  layer.bias = {0.0f, -spec.range_bias, spec.range_bias};
  model.network = Network({layer});

  model.output.target_mean = 0;
  model.output.target_std = 1;
  model.output.heads = {{"point", "pinball", 0.5}, {"p10", "pinball", 0.1}, {"p90", "pinball", 0.9}};
  model.output.point_head = 0;
  model.output.low_head = 1;
  model.output.high_head = 2;
  return model;
}

// The chat tests' model: smaller rate weights, a wider range, no insights, fitted on 1200 default videos.
inline Model MakeChatTestModel() {
  LinearModelSpec spec;
  const float weights[kFeatureCount] = {0.0f, 0.4f, 0.15f, 0.1f, -0.1f, 0.3f, -0.4f, -1.0f};
  std::copy(std::begin(weights), std::end(weights), std::begin(spec.weights));
  spec.range_bias = 0.7f;
  spec.with_insights = false;
  return MakeLinearModel(SyntheticVideos(1200), spec);
}

// The chat tests' model, made once and shared by every test in the binary.
inline const Model& ChatTestModel() {
  static const Model model = MakeChatTestModel();
  return model;
}

}  // namespace likecast::testing
