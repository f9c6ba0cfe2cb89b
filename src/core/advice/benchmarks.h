// Benchmarks: how engaged similar videos are. The core computes per-view rates
// (likes, shares, comments and downloads per view) and duration as percentiles
// per view band and per segment (verified or not, account status). Training
// stores them in the model file, so the page needs no dataset.
//
// Layout: a fixed set of percentiles (kBenchmarkPercentiles) for each metric
// in each group. Groups are the whole data, each view band, and each
// (band, verified, status) cell with at least BenchmarkOptions::min_rows rows;
// a sparse cell is left out and FindBenchmark falls back to its band.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/data/dataset.h"
#include "core/data/video.h"

namespace likecast {

// ---------------------------------------------------------------------------
// [SECTION] Metrics and percentiles
// ---------------------------------------------------------------------------

enum class BenchmarkMetric { like_rate, share_rate, comment_rate, download_rate, duration_sec };
constexpr int kBenchmarkMetricCount = 5;

const char* BenchmarkMetricName(BenchmarkMetric metric);   // "like_rate", ..., "duration_sec"
std::optional<BenchmarkMetric> BenchmarkMetricFromName(const std::string& name);

// The percentiles stored for every metric of every group, in percent.
constexpr int kBenchmarkPercentileCount = 7;
constexpr std::array<double, kBenchmarkPercentileCount> kBenchmarkPercentiles = {5, 10, 25, 50, 75, 90, 95};

// The metric's value for one video: a count per view, or the duration in seconds. Views must be > 0.
double MetricValue(BenchmarkMetric metric, double views, double count_or_seconds);

// ---------------------------------------------------------------------------
// [SECTION] Groups and the benchmark table
// ---------------------------------------------------------------------------

// The distribution of the metrics over one group of videos.
struct BenchmarkGroup {
  int band = -1;                         // index into Benchmarks::band_min_views; -1: every view count
  std::optional<bool> verified;          // nullopt: verified or not
  std::optional<AuthorStatus> status;    // nullopt: any account status
  size_t rows = 0;                       // videos in the group
  // values[metric][k] is the metric at percentile kBenchmarkPercentiles[k], non-decreasing in k.
  std::array<std::array<double, kBenchmarkPercentileCount>, kBenchmarkMetricCount> values{};

  double At(BenchmarkMetric metric, double percentile) const;          // interpolated between stored percentiles
  double PercentileOf(BenchmarkMetric metric, double value) const;     // 0-100, interpolated; see the NOTE in the .cpp
};

struct Benchmarks {
  std::vector<double> band_min_views;    // band b covers views >= band_min_views[b], up to the next; [0] is 0
  std::vector<BenchmarkGroup> groups;    // groups[0] is every video; then per band, then per cell
  bool empty() const { return groups.empty(); }
};

struct BenchmarkOptions {
  int band_count = 10;                   // view bands, at view-count deciles
  size_t min_rows = 100;                 // a (band, verified, status) cell needs this many videos to be kept
};

// Returns the quantile of values sorted in ascending order, interpolated between the two nearest order
// statistics (the common "type 7" definition); 0 for no values.
double QuantileSorted(const std::vector<double>& sorted, double fraction);

// Computes the table from rows with views > 0 (rows without views are skipped). Rows need not have likes,
// but the like rate percentiles use only the rows that have them.
Benchmarks ComputeBenchmarks(const std::vector<VideoRecord>& rows, const BenchmarkOptions& options = {});

int BenchmarkBandIndex(const Benchmarks& benchmarks, double views);

// The most specific group for a video: its (band, verified, status) cell, or its band when the cell was
// too sparse to keep. `benchmarks` must not be empty.
const BenchmarkGroup& FindBenchmark(const Benchmarks& benchmarks, double views, bool verified, AuthorStatus status);
const BenchmarkGroup& OverallBenchmark(const Benchmarks& benchmarks);   // every video, for questions without views

// The group in words: "not verified, active videos with 10K-201K views"; "all videos".
std::string DescribeGroup(const Benchmarks& benchmarks, const BenchmarkGroup& group);

// ---------------------------------------------------------------------------
// [SECTION] Text
// ---------------------------------------------------------------------------

// A per-view rate as a creator reads it: (0.025, "share") -> "about 1 share per 40 views";
// (0.3, "like") -> "about 30 likes per 100 views". Zero gives "no shares".
std::string DescribePerViews(double rate, const std::string& noun);
// A count in full below 10,000 ("979", "4,512"), short above ("35.2K"), so small numbers are not rounded to "1K".
std::string FormatCountBrief(double count);
std::string FormatPercentileRank(double percentile);   // 62.4 -> "P62"; below 5 -> "below P5"; above 95 -> "above P95"

// ---------------------------------------------------------------------------
// [SECTION] Model file section "benchmarks"
// ---------------------------------------------------------------------------

nlohmann::ordered_json BenchmarksToJson(const Benchmarks& benchmarks);
// Reads and validates the section. Returns "" on success, else an error that names the field,
// e.g. "benchmarks.groups[3].share_rate has 6 values, expected 7".
std::string BenchmarksFromJson(const nlohmann::json& section, Benchmarks* benchmarks);
std::string ValidateBenchmarks(const Benchmarks& benchmarks);   // "" when usable

}  // namespace likecast
