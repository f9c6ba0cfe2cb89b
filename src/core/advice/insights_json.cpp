// The model file's "insights" section: writing, and reading with validation (see insights.h).
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "core/advice/insights.h"
#include "core/common/json_reader.h"

namespace likecast {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// Display values keep 4 significant digits, which is all a plot can show.
double Rounded(double value) {
  if (value == 0.0 || !std::isfinite(value)) return value;
  char text[32];
  std::snprintf(text, sizeof text, "%.4g", value);
  return std::strtod(text, nullptr);
}

ordered_json CurveToJson(const std::vector<CurvePoint>& curve) {
  ordered_json out = ordered_json::array();
  for (const CurvePoint& p : curve) {
    out.push_back({{"low", Rounded(p.low)},
                   {"high", Rounded(p.high)},
                   {"x", Rounded(p.x)},
                   {"rows", p.rows},
                   {"median_like_rate", Rounded(p.median_like_rate)},
                   {"p25_like_rate", Rounded(p.p25_like_rate)},
                   {"p75_like_rate", Rounded(p.p75_like_rate)}});
  }
  return out;
}

std::vector<CurvePoint> CurveFromJson(JsonReader& read, const json& section, const char* key) {
  std::vector<CurvePoint> curve;
  const json* items = read.Array(section, key, "insights");
  for (size_t i = 0; items && i < items->size() && read.ok(); ++i) {
    const std::string where = std::string("insights.") + key + "[" + std::to_string(i) + "]";
    const json& item = (*items)[i];
    CurvePoint p;
    p.low = read.Number(item, "low", where);
    p.high = read.Number(item, "high", where);
    p.x = read.Number(item, "x", where);
    p.rows = read.Count(item, "rows", where, "videos");
    p.median_like_rate = read.Number(item, "median_like_rate", where);
    p.p25_like_rate = read.Number(item, "p25_like_rate", where);
    p.p75_like_rate = read.Number(item, "p75_like_rate", where);
    if (read.ok() && p.high < p.low) read.Fail(where + " has high below low");
    curve.push_back(p);
  }
  return curve;
}

std::vector<SegmentSummary> SegmentsFromJson(JsonReader& read, const json& section) {
  std::vector<SegmentSummary> segments;
  const json* items = read.Array(section, "segments", "insights");
  for (size_t i = 0; items && i < items->size() && read.ok(); ++i) {
    const std::string where = "insights.segments[" + std::to_string(i) + "]";
    const json& item = (*items)[i];
    SegmentSummary s;
    s.name = read.String(item, "name", where);
    s.rows = read.Count(item, "rows", where, "videos");
    s.median_views = read.Number(item, "median_views", where);
    s.median_likes = read.Number(item, "median_likes", where);
    s.median_like_rate = read.Number(item, "median_like_rate", where);
    s.p25_like_rate = read.Number(item, "p25_like_rate", where);
    s.p75_like_rate = read.Number(item, "p75_like_rate", where);
    s.median_share_rate = read.Number(item, "median_share_rate", where);
    segments.push_back(s);
  }
  return segments;
}

void CorrelationsFromJson(JsonReader& read, const json& section, Insights* out) {
  const json* names = read.Array(section, "rate_names", "insights");
  for (size_t i = 0; names && i < names->size() && read.ok(); ++i) {
    if (!(*names)[i].is_string()) read.Fail("insights.rate_names[" + std::to_string(i) + "] is not a string");
    else out->rate_names.push_back((*names)[i].get<std::string>());
  }
  const json* rows = read.Array(section, "correlations", "insights");
  if (!rows || !read.ok()) return;
  if (rows->size() != out->rate_names.size()) {
    read.Fail("insights.correlations has " + std::to_string(rows->size()) + " rows, expected " +
              std::to_string(out->rate_names.size()) + " (one per rate name)");
    return;
  }
  for (size_t i = 0; i < rows->size() && read.ok(); ++i) {
    const std::string where = "insights.correlations[" + std::to_string(i) + "]";
    const json wrapper = {{"row", (*rows)[i]}};
    std::vector<double> row = read.Numbers(wrapper, "row", where);
    if (!read.ok()) return;
    if (row.size() != out->rate_names.size())
      read.Fail(where + " has " + std::to_string(row.size()) + " values, expected " + std::to_string(out->rate_names.size()));
    for (double r : row)
      if (read.ok() && (r < -1.0 || r > 1.0)) read.Fail(where + " contains a correlation outside -1 to 1");
    out->correlations.push_back(std::move(row));
  }
}

}  // namespace

ordered_json InsightsToJson(const Insights& insights) {
  ordered_json out;
  out["rows"] = insights.rows;
  ordered_json percentiles = ordered_json::array();
  for (double value : insights.like_rate_percentiles) percentiles.push_back(Rounded(value));
  out["like_rate_percentiles"] = std::move(percentiles);

  ordered_json histogram = ordered_json::array();
  for (const HistogramBin& bin : insights.like_rate_histogram)
    histogram.push_back({{"low", Rounded(bin.low)}, {"high", Rounded(bin.high)}, {"count", bin.count}});
  out["like_rate_histogram"] = std::move(histogram);

  out["rate_names"] = insights.rate_names;
  ordered_json correlations = ordered_json::array();
  for (const std::vector<double>& row : insights.correlations) {
    ordered_json values = ordered_json::array();
    for (double r : row) values.push_back(Rounded(r));
    correlations.push_back(std::move(values));
  }
  out["correlations"] = std::move(correlations);

  ordered_json segments = ordered_json::array();
  for (const SegmentSummary& s : insights.segments) {
    segments.push_back({{"name", s.name},
                        {"rows", s.rows},
                        {"median_views", Rounded(s.median_views)},
                        {"median_likes", Rounded(s.median_likes)},
                        {"median_like_rate", Rounded(s.median_like_rate)},
                        {"p25_like_rate", Rounded(s.p25_like_rate)},
                        {"p75_like_rate", Rounded(s.p75_like_rate)},
                        {"median_share_rate", Rounded(s.median_share_rate)}});
  }
  out["segments"] = std::move(segments);
  out["duration_curve"] = CurveToJson(insights.duration_curve);
  out["views_curve"] = CurveToJson(insights.views_curve);

  ordered_json importance = ordered_json::array();
  for (const InputImportance& i : insights.importance) importance.push_back({{"input", i.input}, {"explained", Rounded(i.explained)}});
  out["importance"] = std::move(importance);
  return out;
}

std::string InsightsFromJson(const json& section, Insights* insights) {
  std::string error;
  JsonReader read(&error);
  Insights out;
  if (!section.is_object()) return "insights is not a JSON object";

  out.rows = read.Count(section, "rows", "insights", "videos");
  if (read.ok() && out.rows == 0) read.Fail("insights.rows is 0; the summary needs at least one video");
  out.like_rate_percentiles = read.Numbers(section, "like_rate_percentiles", "insights");
  const size_t expected_percentiles = sizeof kInsightPercentiles / sizeof kInsightPercentiles[0];
  if (read.ok() && out.like_rate_percentiles.size() != expected_percentiles)
    read.Fail("insights.like_rate_percentiles has " + std::to_string(out.like_rate_percentiles.size()) +
              " values, expected " + std::to_string(expected_percentiles));

  const json* bins = read.Array(section, "like_rate_histogram", "insights");
  for (size_t i = 0; bins && i < bins->size() && read.ok(); ++i) {
    const std::string where = "insights.like_rate_histogram[" + std::to_string(i) + "]";
    HistogramBin bin;
    bin.low = read.Number((*bins)[i], "low", where);
    bin.high = read.Number((*bins)[i], "high", where);
    bin.count = read.Count((*bins)[i], "count", where, "videos");
    out.like_rate_histogram.push_back(bin);
  }

  CorrelationsFromJson(read, section, &out);
  out.segments = SegmentsFromJson(read, section);
  out.duration_curve = CurveFromJson(read, section, "duration_curve");
  out.views_curve = CurveFromJson(read, section, "views_curve");

  const json* importance = read.Array(section, "importance", "insights");
  for (size_t i = 0; importance && i < importance->size() && read.ok(); ++i) {
    const std::string where = "insights.importance[" + std::to_string(i) + "]";
    InputImportance item;
    item.input = read.String((*importance)[i], "input", where);
    item.explained = read.Number((*importance)[i], "explained", where);
    if (read.ok() && (item.explained < 0 || item.explained > 1)) read.Fail(where + ".explained is outside 0 to 1");
    out.importance.push_back(item);
  }

  if (!read.ok()) return error;
  *insights = std::move(out);
  return "";
}

}  // namespace likecast
