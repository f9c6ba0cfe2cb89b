// Benchmark percentiles per view band and segment (see benchmarks.h).
#include "core/advice/benchmarks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "core/common/format.h"

namespace likecast {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// Stored values keep 4 significant digits: percentiles of a sample are not
// more precise than that, and the model file stays small.
double RoundSignificant(double value) {
  if (value == 0.0 || !std::isfinite(value)) return value;
  char text[32];
  std::snprintf(text, sizeof text, "%.4g", value);
  return std::strtod(text, nullptr);
}

// The metric values of one group's videos, before they become percentiles.
struct GroupSamples {
  int band = -1;
  std::optional<bool> verified;
  std::optional<AuthorStatus> status;
  size_t rows = 0;
  std::vector<double> values[kBenchmarkMetricCount];

  void Add(const VideoRecord& row) {
    const double views = *row.inputs.views;
    ++rows;
    if (row.likes) values[0].push_back(MetricValue(BenchmarkMetric::like_rate, views, *row.likes));
    if (row.inputs.shares) values[1].push_back(MetricValue(BenchmarkMetric::share_rate, views, *row.inputs.shares));
    if (row.inputs.comments) values[2].push_back(MetricValue(BenchmarkMetric::comment_rate, views, *row.inputs.comments));
    if (row.inputs.downloads)
      values[3].push_back(MetricValue(BenchmarkMetric::download_rate, views, *row.inputs.downloads));
    if (row.inputs.duration_sec) values[4].push_back(*row.inputs.duration_sec);
  }

  BenchmarkGroup Summarise() {
    BenchmarkGroup group;
    group.band = band;
    group.verified = verified;
    group.status = status;
    group.rows = rows;
    for (int m = 0; m < kBenchmarkMetricCount; ++m) {
      std::sort(values[m].begin(), values[m].end());
      for (int k = 0; k < kBenchmarkPercentileCount; ++k)
        group.values[m][k] = RoundSignificant(QuantileSorted(values[m], kBenchmarkPercentiles[k] / 100.0));
    }
    return group;
  }
};

bool SameSegment(const BenchmarkGroup& group, int band, std::optional<bool> verified, std::optional<AuthorStatus> status) {
  return group.band == band && group.verified == verified && group.status == status;
}

std::string GroupPath(size_t index) { return "benchmarks.groups[" + std::to_string(index) + "]"; }

// Checks one group's shape and numbers; `band_count` bounds its band index.
std::string ValidateGroup(const BenchmarkGroup& group, size_t index, size_t band_count) {
  const std::string where = GroupPath(index);
  if (group.band < -1 || group.band >= static_cast<int>(band_count))
    return where + ".band is " + std::to_string(group.band) + ", expected -1 to " + std::to_string(band_count - 1);
  if (group.rows == 0) return where + ".rows is 0; a group needs at least one video";
  for (int m = 0; m < kBenchmarkMetricCount; ++m) {
    const char* name = BenchmarkMetricName(static_cast<BenchmarkMetric>(m));
    for (int k = 0; k < kBenchmarkPercentileCount; ++k) {
      const double value = group.values[m][k];
      if (!std::isfinite(value) || value < 0) return where + "." + name + " has a negative or non-finite value";
      if (k > 0 && value < group.values[m][k - 1]) return where + "." + name + " is not in increasing order";
    }
  }
  return "";
}

}  // namespace

double QuantileSorted(const std::vector<double>& sorted, double fraction) {
  if (sorted.empty()) return 0.0;
  const double position = fraction * static_cast<double>(sorted.size() - 1);
  const size_t lower = static_cast<size_t>(std::floor(position));
  const size_t upper = std::min(sorted.size() - 1, lower + 1);
  const double weight = position - static_cast<double>(lower);
  return sorted[lower] * (1.0 - weight) + sorted[upper] * weight;
}

// ---------------------------------------------------------------------------
// [SECTION] Metrics and percentiles
// ---------------------------------------------------------------------------

const char* BenchmarkMetricName(BenchmarkMetric metric) {
  switch (metric) {
    case BenchmarkMetric::like_rate: return "like_rate";
    case BenchmarkMetric::share_rate: return "share_rate";
    case BenchmarkMetric::comment_rate: return "comment_rate";
    case BenchmarkMetric::download_rate: return "download_rate";
    case BenchmarkMetric::duration_sec: return "duration_sec";
  }
  return "?";
}

std::optional<BenchmarkMetric> BenchmarkMetricFromName(const std::string& name) {
  for (int m = 0; m < kBenchmarkMetricCount; ++m) {
    const auto metric = static_cast<BenchmarkMetric>(m);
    if (name == BenchmarkMetricName(metric)) return metric;
  }
  return std::nullopt;
}

double MetricValue(BenchmarkMetric metric, double views, double count_or_seconds) {
  if (metric == BenchmarkMetric::duration_sec) return count_or_seconds;
  return count_or_seconds / views;
}

double BenchmarkGroup::At(BenchmarkMetric metric, double percentile) const {
  const auto& q = values[static_cast<size_t>(metric)];
  const auto& p = kBenchmarkPercentiles;
  if (percentile <= p.front()) return q.front();
  if (percentile >= p.back()) return q.back();
  size_t k = 1;
  while (p[k] < percentile) ++k;
  const double weight = (percentile - p[k - 1]) / (p[k] - p[k - 1]);
  return q[k - 1] + weight * (q[k] - q[k - 1]);
}

// NOTE: the rank is exact only at the stored percentiles, and interpolated
// linearly between them. Below P5 it runs linearly from 0 at value 0. Above
// P95 it approaches 100 as 100 - 5 * (P95 value) / value.
double BenchmarkGroup::PercentileOf(BenchmarkMetric metric, double value) const {
  const auto& q = values[static_cast<size_t>(metric)];
  const auto& p = kBenchmarkPercentiles;
  if (value < q.front()) return q.front() > 0 ? p.front() * std::max(0.0, value) / q.front() : 0.0;
  if (value > q.back()) return 100.0 - (100.0 - p.back()) * q.back() / value;

  // Several stored percentiles can share the value (many videos with 0 comments): take the middle of the run.
  size_t first = 0;
  while (q[first] < value) ++first;
  size_t last = first;
  while (last + 1 < q.size() && q[last + 1] <= value) ++last;
  if (q[first] == value) {
    const double low = first == 0 ? 0.0 : p[first];
    return 0.5 * (low + p[last]);
  }
  // q[first - 1] < value < q[first]
  const double weight = (value - q[first - 1]) / (q[first] - q[first - 1]);
  return p[first - 1] + weight * (p[first] - p[first - 1]);
}

// ---------------------------------------------------------------------------
// [SECTION] Computing and finding groups
// ---------------------------------------------------------------------------

Benchmarks ComputeBenchmarks(const std::vector<VideoRecord>& rows, const BenchmarkOptions& options) {
  Benchmarks benchmarks;
  std::vector<const VideoRecord*> usable;
  std::vector<double> views;
  for (const VideoRecord& row : rows) {
    if (!row.inputs.views || !(*row.inputs.views > 0)) continue;
    usable.push_back(&row);
    views.push_back(*row.inputs.views);
  }
  if (usable.empty()) return benchmarks;

  // Band edges at view-count quantiles, dropping repeats so every band is non-empty. The first band starts at
  // 0 views and must hold the smallest view count, so an edge at that count is dropped too (every video with
  // the same views gives one band).
  std::sort(views.begin(), views.end());
  const size_t band_count = static_cast<size_t>(std::max(1, options.band_count));
  benchmarks.band_min_views.push_back(0.0);
  for (size_t b = 1; b < band_count; ++b) {
    const double edge = views[views.size() * b / band_count];
    if (edge > benchmarks.band_min_views.back() && edge > views.front()) benchmarks.band_min_views.push_back(edge);
  }
  const size_t bands = benchmarks.band_min_views.size();

  // Samples: [0] every video, [1 + b] band b, then the cells of band b at 1 + bands + b * 6 + verified * 3 + status.
  std::vector<GroupSamples> samples(1 + bands + bands * 6);
  for (size_t b = 0; b < bands; ++b) {
    samples[1 + b].band = static_cast<int>(b);
    for (int verified = 0; verified < 2; ++verified) {
      for (int status = 0; status < 3; ++status) {
        GroupSamples& cell = samples[1 + bands + b * 6 + static_cast<size_t>(verified * 3 + status)];
        cell.band = static_cast<int>(b);
        cell.verified = verified == 1;
        cell.status = static_cast<AuthorStatus>(status);
      }
    }
  }
  for (const VideoRecord* row : usable) {
    const size_t band = static_cast<size_t>(BenchmarkBandIndex(benchmarks, *row->inputs.views));
    samples[0].Add(*row);
    samples[1 + band].Add(*row);
    // Only rows with both segment inputs known belong to a cell.
    if (row->inputs.verified && row->inputs.author_status) {
      const size_t cell = static_cast<size_t>((*row->inputs.verified ? 3 : 0) + static_cast<int>(*row->inputs.author_status));
      samples[1 + bands + band * 6 + cell].Add(*row);
    }
  }

  for (size_t i = 0; i < samples.size(); ++i) {
    const bool is_cell = i > bands;
    if (is_cell && samples[i].rows < options.min_rows) continue;
    benchmarks.groups.push_back(samples[i].Summarise());
  }
  return benchmarks;
}

int BenchmarkBandIndex(const Benchmarks& benchmarks, double views) {
  const auto& edges = benchmarks.band_min_views;
  if (edges.empty()) return -1;
  const auto after = std::upper_bound(edges.begin(), edges.end(), views);
  return std::max(0, static_cast<int>(after - edges.begin()) - 1);
}

const BenchmarkGroup& FindBenchmark(const Benchmarks& benchmarks, double views, bool verified, AuthorStatus status) {
  const int band = BenchmarkBandIndex(benchmarks, views);
  const BenchmarkGroup* band_group = &benchmarks.groups.front();
  for (const BenchmarkGroup& group : benchmarks.groups) {
    if (SameSegment(group, band, verified, status)) return group;
    if (SameSegment(group, band, std::nullopt, std::nullopt)) band_group = &group;
  }
  return *band_group;
}

const BenchmarkGroup& OverallBenchmark(const Benchmarks& benchmarks) { return benchmarks.groups.front(); }

std::string DescribeGroup(const Benchmarks& benchmarks, const BenchmarkGroup& group) {
  std::string text = "videos";
  const auto& edges = benchmarks.band_min_views;
  if (group.band >= 0 && static_cast<size_t>(group.band) < edges.size()) {
    const size_t band = static_cast<size_t>(group.band);
    if (band + 1 == edges.size()) {
      text += " with " + FormatCount(edges[band]) + "+ views";
    } else if (band == 0) {
      text += " with under " + FormatCount(edges[1]) + " views";
    } else {
      text += " with " + FormatCount(edges[band]) + "-" + FormatCount(edges[band + 1]) + " views";
    }
  }
  if (group.verified || group.status) {
    std::string segment;
    if (group.verified) segment = *group.verified ? "verified" : "not verified";
    if (group.status) {
      const AuthorStatus status = *group.status;
      const char* words = status == AuthorStatus::under_review ? "under review" : AuthorStatusName(status);
      segment += std::string(segment.empty() ? "" : ", ") + words;
    }
    text += " from " + segment + " accounts";
  }
  return text == "videos" ? "all videos" : text;
}

// ---------------------------------------------------------------------------
// [SECTION] Text
// ---------------------------------------------------------------------------

std::string DescribePerViews(double rate, const std::string& noun) {
  if (!(rate > 0) || !std::isfinite(rate)) return "no " + noun + "s";
  if (rate >= 0.1) {
    const long per_hundred = std::lround(rate * 100.0);
    return "about " + std::to_string(per_hundred) + " " + noun + (per_hundred == 1 ? "" : "s") + " per 100 views";
  }
  // One per N views, with N rounded to 2 significant digits: 37.4 -> 37, 1234 -> 1,200.
  const double per = 1.0 / rate;
  const double scale = std::pow(10.0, std::floor(std::log10(per)) - 1.0);
  const double rounded = std::max(1.0, std::round(per / scale) * scale);
  return "about 1 " + noun + " per " + FormatInteger(rounded) + " views";
}

std::string FormatCountBrief(double count) {
  return std::fabs(count) < 10000 ? FormatInteger(count) : FormatCount(count);
}

std::string FormatPercentileRank(double percentile) {
  if (!std::isfinite(percentile)) return "?";
  if (percentile < kBenchmarkPercentiles.front()) return "below P" + FormatPlain(kBenchmarkPercentiles.front(), 0);
  if (percentile > kBenchmarkPercentiles.back()) return "above P" + FormatPlain(kBenchmarkPercentiles.back(), 0);
  return "P" + std::to_string(std::lround(percentile));
}

// ---------------------------------------------------------------------------
// [SECTION] Model file section "benchmarks"
// ---------------------------------------------------------------------------

ordered_json BenchmarksToJson(const Benchmarks& benchmarks) {
  ordered_json out;
  out["percentiles"] = kBenchmarkPercentiles;
  out["band_min_views"] = benchmarks.band_min_views;
  ordered_json groups = ordered_json::array();
  for (const BenchmarkGroup& group : benchmarks.groups) {
    ordered_json item;
    item["band"] = group.band;
    item["verified"] = group.verified ? ordered_json(*group.verified) : ordered_json();
    item["status"] = group.status ? ordered_json(AuthorStatusName(*group.status)) : ordered_json();
    item["rows"] = group.rows;
    for (int m = 0; m < kBenchmarkMetricCount; ++m)
      item[BenchmarkMetricName(static_cast<BenchmarkMetric>(m))] = group.values[static_cast<size_t>(m)];
    groups.push_back(std::move(item));
  }
  out["groups"] = std::move(groups);
  return out;
}

namespace {

// Reads one group; returns "" or the first problem, naming the field.
std::string GroupFromJson(const json& item, size_t index, BenchmarkGroup* group) {
  const std::string where = GroupPath(index);
  if (!item.is_object()) return where + " is not a JSON object";
  for (const char* key : {"band", "verified", "status", "rows"})
    if (!item.contains(key)) return where + " has no \"" + key + "\" field";

  const json& band = item["band"];
  if (!band.is_number_integer()) return where + ".band is not a whole number";
  group->band = band.get<int>();
  const json& verified = item["verified"];
  if (!verified.is_null() && !verified.is_boolean()) return where + ".verified is not true, false or null";
  if (verified.is_boolean()) group->verified = verified.get<bool>();
  const json& status = item["status"];
  if (!status.is_null()) {
    const auto parsed = status.is_string() ? AuthorStatusFromName(status.get<std::string>()) : std::nullopt;
    if (!parsed) return where + ".status is not active, under_review, banned or null";
    group->status = *parsed;
  }
  const json& rows = item["rows"];
  if (!rows.is_number_unsigned()) return where + ".rows is not a whole number of videos";
  group->rows = rows.get<size_t>();

  for (int m = 0; m < kBenchmarkMetricCount; ++m) {
    const char* name = BenchmarkMetricName(static_cast<BenchmarkMetric>(m));
    if (!item.contains(name)) return where + " has no \"" + name + "\" field";
    const json& values = item[name];
    if (!values.is_array() || values.size() != static_cast<size_t>(kBenchmarkPercentileCount))
      return where + "." + name + " has " + (values.is_array() ? std::to_string(values.size()) : "no") +
             " values, expected " + std::to_string(kBenchmarkPercentileCount);
    for (int k = 0; k < kBenchmarkPercentileCount; ++k) {
      const json& value = values[static_cast<size_t>(k)];
      if (!value.is_number()) return where + "." + name + " contains a value that is not a number";
      group->values[static_cast<size_t>(m)][static_cast<size_t>(k)] = value.get<double>();
    }
  }
  return "";
}

}  // namespace

std::string BenchmarksFromJson(const json& section, Benchmarks* benchmarks) {
  Benchmarks result;
  if (!section.is_object()) return "benchmarks is not a JSON object";
  for (const char* key : {"percentiles", "band_min_views", "groups"})
    if (!section.contains(key)) return std::string("benchmarks has no \"") + key + "\" field";

  const json& percentiles = section["percentiles"];
  bool same_percentiles = percentiles.is_array() && percentiles.size() == kBenchmarkPercentiles.size();
  for (size_t k = 0; same_percentiles && k < kBenchmarkPercentiles.size(); ++k)
    same_percentiles = percentiles[k].is_number() && percentiles[k].get<double>() == kBenchmarkPercentiles[k];
  if (!same_percentiles) {
    std::string expected;
    for (double p : kBenchmarkPercentiles) expected += (expected.empty() ? "" : ",") + FormatPlain(p, 0);
    return "benchmarks.percentiles is " + percentiles.dump() + ", expected [" + expected + "]; train the model again";
  }

  const json& edges = section["band_min_views"];
  if (!edges.is_array()) return "benchmarks.band_min_views is not an array";
  for (const json& edge : edges) {
    if (!edge.is_number()) return "benchmarks.band_min_views contains a value that is not a number";
    result.band_min_views.push_back(edge.get<double>());
  }

  const json& groups = section["groups"];
  if (!groups.is_array()) return "benchmarks.groups is not an array";
  for (size_t i = 0; i < groups.size(); ++i) {
    BenchmarkGroup group;
    if (std::string error = GroupFromJson(groups[i], i, &group); !error.empty()) return error;
    result.groups.push_back(group);
  }
  if (std::string error = ValidateBenchmarks(result); !error.empty()) return error;
  *benchmarks = std::move(result);
  return "";
}

std::string ValidateBenchmarks(const Benchmarks& benchmarks) {
  const auto& edges = benchmarks.band_min_views;
  if (edges.empty() || edges.front() != 0.0) return "benchmarks.band_min_views must start at 0 views";
  for (size_t b = 1; b < edges.size(); ++b)
    if (!std::isfinite(edges[b]) || !(edges[b] > edges[b - 1]))
      return "benchmarks.band_min_views is not in increasing order at band " + std::to_string(b);

  const auto& groups = benchmarks.groups;
  if (groups.empty()) return "benchmarks.groups is empty; it needs at least the group of all videos";
  if (!SameSegment(groups.front(), -1, std::nullopt, std::nullopt))
    return "benchmarks.groups[0] must be the group of all videos (band -1, verified and status null)";
  for (size_t i = 0; i < groups.size(); ++i) {
    if (std::string error = ValidateGroup(groups[i], i, edges.size()); !error.empty()) return error;
    for (size_t j = 0; j < i; ++j)
      if (SameSegment(groups[j], groups[i].band, groups[i].verified, groups[i].status))
        return GroupPath(i) + " repeats the segment of benchmarks.groups[" + std::to_string(j) + "]";
  }
  // Every band needs its own group, because sparse cells fall back to it.
  for (size_t b = 0; b < edges.size(); ++b) {
    const bool found = std::any_of(groups.begin(), groups.end(), [&](const BenchmarkGroup& group) {
      return SameSegment(group, static_cast<int>(b), std::nullopt, std::nullopt);
    });
    if (!found) return "benchmarks.groups has no group for view band " + std::to_string(b);
  }
  return "";
}

}  // namespace likecast
