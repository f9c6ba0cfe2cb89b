// likecast insights: what a CSV file of videos, or the summary stored in a
// model file, shows about likes. It prints the like-rate distribution,
// correlations, segments, duration and views against like rate, and how much
// of the like rate each input explains.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/video_options.h"
#include "core/advice/insights.h"
#include "core/advice/recommend.h"
#include "core/common/format.h"
#include "core/data/dataset.h"

namespace likecast::cli {
namespace {

std::string Per100(double rate) { return FormatPlain(rate * 100.0, 1); }

void PrintHistogram(const Insights& insights) {
  std::printf("\nLike rate (likes per 100 views), %zu videos:\n", insights.rows);
  size_t largest = 1;
  for (const HistogramBin& bin : insights.like_rate_histogram) largest = std::max(largest, bin.count);
  for (const HistogramBin& bin : insights.like_rate_histogram) {
    const int width = static_cast<int>(std::lround(40.0 * static_cast<double>(bin.count) / static_cast<double>(largest)));
    std::printf("  %5s-%-5s %6zu %s\n", Per100(bin.low).c_str(), Per100(bin.high).c_str(), bin.count,
                std::string(static_cast<size_t>(width), '#').c_str());
  }
}

void PrintCorrelations(const Insights& insights) {
  std::printf("\nSpearman rank correlations:\n%15s", "");
  for (const std::string& name : insights.rate_names) std::printf(" %13s", name.c_str());
  std::printf("\n");
  for (size_t a = 0; a < insights.correlations.size(); ++a) {
    std::printf("%15s", insights.rate_names[a].c_str());
    for (double r : insights.correlations[a]) std::printf(" %13.2f", r);
    std::printf("\n");
  }
}

void PrintSegments(const Insights& insights) {
  std::printf("\nSegments (like rate per 100 views):\n");
  std::printf("  %-13s %7s %12s %12s %8s %8s %8s %12s\n", "segment", "videos", "median views", "median likes", "P25",
              "median", "P75", "shares/100");
  for (const SegmentSummary& s : insights.segments) {
    std::printf("  %-13s %7zu %12s %12s %8s %8s %8s %12s\n", s.name.c_str(), s.rows, FormatCount(s.median_views).c_str(),
                FormatCount(s.median_likes).c_str(), Per100(s.p25_like_rate).c_str(), Per100(s.median_like_rate).c_str(),
                Per100(s.p75_like_rate).c_str(), Per100(s.median_share_rate).c_str());
  }
}

void PrintCurve(const char* title, const std::vector<CurvePoint>& curve, bool seconds) {
  std::printf("\n%s:\n  %-17s %7s %8s %8s %8s\n", title, seconds ? "duration" : "views", "videos", "P25", "median", "P75");
  for (const CurvePoint& p : curve) {
    const std::string range = seconds ? FormatPlain(p.low, 0) + "-" + FormatPlain(p.high, 0) + " s"
                                      : FormatCount(p.low) + "-" + FormatCount(p.high);
    std::printf("  %-17s %7zu %8s %8s %8s\n", range.c_str(), p.rows, Per100(p.p25_like_rate).c_str(),
                Per100(p.median_like_rate).c_str(), Per100(p.p75_like_rate).c_str());
  }
}

void PrintText(const Insights& insights) {
  for (const std::string& line : InsightHighlights(insights)) std::printf("- %s\n", line.c_str());
  PrintHistogram(insights);
  PrintCorrelations(insights);
  PrintSegments(insights);
  PrintCurve("Like rate by duration (per 100 views)", insights.duration_curve, true);
  PrintCurve("Like rate by views (per 100 views)", insights.views_curve, false);
  std::printf("\nShare of the variance of the log like rate each input explains on its own:\n");
  for (const InputImportance& i : insights.importance)
    std::printf("  %-14s %7s\n", i.input.c_str(), FormatPercent(i.explained, 2).c_str());
}

// The model's duration effect on the rows with views, each completed as `likecast predict` would.
DurationEffect MeasureModelDuration(const Model& model, const std::vector<VideoRecord>& rows) {
  std::vector<CompleteInputs> videos;
  for (const VideoRecord& row : rows)
    if (row.inputs.views && *row.inputs.views > 0) videos.push_back(model.imputer.Complete(row.inputs, nullptr));
  return MeasureDurationEffect(model, videos);
}

void PrintDurationEffect(const DurationEffect& effect, const Insights& insights) {
  double explained = 0;
  for (const InputImportance& i : insights.importance)
    if (i.input == "duration_sec") explained = i.explained;
  std::printf("\nDuration in the model: changing only the length between %s and %s moves the prediction by a median\n"
              "%s (P90 %s) over %zu videos, while duration explains %s of the variance of the like rate in the data.\n",
              FormatDuration(effect.min_sec).c_str(), FormatDuration(effect.max_sec).c_str(),
              FormatPercent(effect.median_swing).c_str(), FormatPercent(effect.p90_swing).c_str(), effect.videos,
              FormatPercent(explained, 2).c_str());
}

}  // namespace

int RunInsights(int argc, char** argv) {
  const char* const usage =
      "likecast insights --data CSV [--model M] [--json]\n"
      "       likecast insights --model M [--json]";
  Args args(argc, argv, 2, {"data", "model"}, {"json", "help"});
  if (args.Flag("help")) {
    std::printf(
        "usage: %s\n\n"
        "Summarises videos with views and likes: like-rate distribution, Spearman correlations between the\n"
        "rates, segments (verified, account status, claim or opinion), like rate by duration and by views,\n"
        "and how much of the like rate each input explains on its own.\n\n"
        "  --data CSV       the videos to summarise (every row with views above 0 and likes)\n"
        "  --model FILE     with --data: also measure how much the model's prediction moves with duration\n"
        "                   on those videos; without --data: print the summary stored in the model\n"
        "  --json           print the summary as JSON, in the layout of the model file's \"insights\" section,\n"
        "                   plus \"highlights\"\n",
        usage);
    return kExitOk;
  }
  if (!args.error().empty()) return PrintUsageError(args.error(), "insights", usage);

  const auto data_path = args.Value("data");
  if (!data_path && !args.Value("model"))
    return PrintError("--data is required: the CSV file to summarise (or --model M for the training summary)", kExitUsage);
  Model model;
  if (args.Value("model") && !LoadModelOption(args, &model)) return kExitModel;

  Insights insights = model.insights;
  std::optional<DurationEffect> duration;
  if (data_path) {
    const Dataset data = LoadDatasetFromFile(*data_path);
    if (!data.ok()) return PrintError(*data_path + ": " + data.error, kExitRejected);
    insights = ComputeInsights(data.rows);
    if (!insights.error.empty()) return PrintError(*data_path + ": " + insights.error, kExitRejected);
    if (args.Value("model")) duration = MeasureModelDuration(model, data.rows);
  }

  if (args.Flag("json")) {
    nlohmann::ordered_json out = InsightsToJson(insights);
    out["highlights"] = InsightHighlights(insights);
    if (duration) {
      out["model_duration_effect"] = {{"videos", duration->videos},          {"min_sec", duration->min_sec},
                                      {"max_sec", duration->max_sec},        {"median_swing", duration->median_swing},
                                      {"p90_swing", duration->p90_swing}};
    }
    std::printf("%s\n", out.dump(2).c_str());
    return kExitOk;
  }
  PrintText(insights);
  if (duration) PrintDurationEffect(*duration, insights);
  return kExitOk;
}

}  // namespace likecast::cli
