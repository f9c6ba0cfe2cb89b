// likecast eval: accuracy of a model on the test split of a CSV file.
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/video_options.h"
#include "core/model/metrics.h"

namespace likecast::cli {
namespace {

nlohmann::ordered_json MetricsToJson(const RegressionMetrics& m) {
  auto number = [](double value) { return std::isfinite(value) ? nlohmann::ordered_json(value) : nlohmann::ordered_json(); };
  return {{"rows", m.rows},
          {"r2", number(m.r2)},
          {"r2_log", number(m.r2_log)},
          {"mae", number(m.mae)},
          {"medape_percent", number(m.medape_percent)},
          {"coverage", number(m.coverage)},
          {"median_relative_width", number(m.median_relative_width)}};
}

}  // namespace

int RunEval(int argc, char** argv) {
  const char* const usage = "likecast eval --model M --data CSV [--json]";
  Args args(argc, argv, 2, {"model", "data"}, {"json", "help"});
  if (args.Flag("help")) {
    std::printf(
        "usage: %s\n\n"
        "Scores the model on the test split (rows whose video_id %% 5 == 0): R2, R2 (log), MAE, medAPE,\n"
        "P10-P90 coverage and median relative range width, overall and per segment.\n",
        usage);
    return kExitOk;
  }
  if (!args.error().empty()) return PrintUsageError(args.error(), "eval", usage);
  const auto data_path = args.Value("data");
  if (!data_path) return PrintError("--data is required: the CSV file to evaluate on", kExitUsage);

  Model model;
  if (!LoadModelOption(args, &model)) return kExitModel;
  const Dataset data = LoadDatasetFromFile(*data_path);
  if (!data.ok()) return PrintError(*data_path + ": " + data.error, kExitRejected);

  const std::vector<SegmentMetrics> segments = EvaluateOnTestSplit(model, data.rows);
  if (segments.front().metrics.rows == 0)
    return PrintError(*data_path + " has no test rows (video_id % 5 == 0) with likes", kExitRejected);

  if (args.Flag("json")) {
    nlohmann::ordered_json out;
    out["test_split"] = MetricsToJson(segments.front().metrics);
    nlohmann::ordered_json by_segment = nlohmann::ordered_json::object();
    for (size_t i = 1; i < segments.size(); ++i) by_segment[segments[i].segment] = MetricsToJson(segments[i].metrics);
    out["segments"] = std::move(by_segment);
    std::printf("%s\n", out.dump(2).c_str());
    return kExitOk;
  }
  std::printf("%-26s %6s %8s %9s %10s %8s %9s %7s\n", "segment", "rows", "R2", "R2 (log)", "MAE", "medAPE", "coverage", "width");
  for (const SegmentMetrics& s : segments) {
    const RegressionMetrics& m = s.metrics;
    if (m.rows == 0) continue;
    std::printf("%-26s %6zu %8.4f %9.4f %10.0f %7.1f%% %8.1f%% %7.2f\n", s.segment.c_str(), m.rows, m.r2, m.r2_log, m.mae,
                m.medape_percent, 100.0 * m.coverage, m.median_relative_width);
  }
  return kExitOk;
}

}  // namespace likecast::cli
