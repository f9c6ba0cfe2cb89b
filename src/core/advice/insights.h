// Insights: what a set of videos shows about likes. The like-rate
// distribution, rank correlations between the rates, segments compared,
// like rate against duration and against views, and how much of the like
// rate each input explains on its own.
//
// ComputeInsights works on loaded rows (a CSV the user opens); training
// stores the same summary of the training rows in the model file's
// "insights" section, so the page can draw it without a dataset.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/data/dataset.h"

namespace likecast {

struct HistogramBin {
  double low = 0;                // like rate, inclusive
  double high = 0;               // exclusive, but the last bin includes its upper edge
  size_t count = 0;
};

// Summary of the like rate (likes per view) of a group of videos.
struct SegmentSummary {
  std::string name;              // "all", "verified", "not_verified", "active", "under_review", "banned", "claim", "opinion"
  size_t rows = 0;
  double median_views = 0;
  double median_likes = 0;
  double median_like_rate = 0;
  double p25_like_rate = 0;
  double p75_like_rate = 0;
  double median_share_rate = 0;
};

// One bin of a curve: like rate against duration or views.
struct CurvePoint {
  double low = 0;                // bin edges on the x axis (seconds or views)
  double high = 0;
  double x = 0;                  // median x of the videos in the bin
  size_t rows = 0;
  double median_like_rate = 0;
  double p25_like_rate = 0;
  double p75_like_rate = 0;
};

// How much of the variance of the log like rate one input explains on its own. This is the correlation
// ratio over deciles of the input (or over its categories), adjusted for the number of groups (epsilon
// squared), so an input unrelated to likes scores about 0.
struct InputImportance {
  std::string input;             // "views", "share_rate", "comment_rate", "download_rate", "duration_sec", ...
  double explained = 0;          // 0-1
};

struct Insights {
  size_t rows = 0;                                // rows with views > 0 and likes
  std::vector<double> like_rate_percentiles;      // at kInsightPercentiles
  std::vector<HistogramBin> like_rate_histogram;
  std::vector<std::string> rate_names;            // "like_rate", "share_rate", "comment_rate", "download_rate", "duration_sec", "views"
  std::vector<std::vector<double>> correlations;  // Spearman rank correlations, rate_names.size() squared
  std::vector<SegmentSummary> segments;           // "all" first
  std::vector<CurvePoint> duration_curve;         // fixed-width duration bins
  std::vector<CurvePoint> views_curve;            // view-count deciles
  std::vector<InputImportance> importance;        // largest first
  std::string error;                              // set when there are no usable rows
};

constexpr double kInsightPercentiles[] = {10, 25, 50, 75, 90};

struct InsightsOptions {
  int histogram_bins = 20;          // like-rate bins from 0 to the P99 like rate; the last bin takes the rest
  double duration_bin_sec = 5;      // width of the duration bins
  int views_bins = 10;              // view-count quantile bins
};

// Computes the insights from rows with views > 0 and likes; other rows are skipped.
Insights ComputeInsights(const std::vector<VideoRecord>& rows, const InsightsOptions& options = {});

// Three to six sentences with the numbers a creator should know, for the CLI and the chat.
std::vector<std::string> InsightHighlights(const Insights& insights);

// Model file section "insights". FromJson validates and returns "" or an error naming the field.
nlohmann::ordered_json InsightsToJson(const Insights& insights);
std::string InsightsFromJson(const nlohmann::json& section, Insights* insights);

}  // namespace likecast
