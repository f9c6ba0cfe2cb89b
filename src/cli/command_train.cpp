// likecast train: fits a model on a CSV file and writes it as JSON.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/commands.h"
#include "core/common/format.h"
#include "core/model/metrics.h"
#include "core/model/model_io.h"
#include "core/model/train.h"

namespace likecast::cli {

namespace {

std::string JoinWidths(const std::vector<int>& widths) {
  std::string text;
  for (int width : widths) text += (text.empty() ? "" : ",") + std::to_string(width);
  return text;
}

// Reads "64,32": whole numbers separated by commas, no spaces. Ranges are checked by the trainer.
std::optional<std::vector<int>> ParseWidths(const std::string& text) {
  std::vector<int> widths;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = std::min(text.find(',', start), text.size());
    const std::string item = text.substr(start, end - start);
    if (item.empty() || item.size() > 6 || item.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    widths.push_back(std::stoi(item));
    start = end + 1;
  }
  return widths;
}

}  // namespace

int RunTrain(int argc, char** argv) {
  Args args(argc, argv, 2, {"data", "out", "seed", "epochs", "hidden", "learning-rate", "batch", "preset"}, {"help", "quiet", "no-cross-fit"});
  const TrainOptions defaults;
  if (args.Flag("help")) {
    std::printf(
        "usage: likecast train --data CSV --out MODEL.json [--seed N] [--preset NAME]\n\n"
        "Trains on the rows whose video_id %% 5 != 0 (the rest is the test split) and writes the model.\n"
        "The same data and seed give a byte-identical file.\n\n"
        "  --data CSV           training data: views, likes, shares, downloads, comments columns\n"
        "  --out FILE           where to write the model (default: models/likecast.json)\n"
        "  --preset NAME        the recipe: default (an ensemble of %d networks, the shipped model) or page\n"
        "                       (1 network, at most %d epochs: what the page trains, in seconds instead of\n"
        "                       minutes); the options below override it (default: default)\n"
        "  --seed N             random seed for shuffling and initial weights (default: %u)\n"
        "  --epochs N           maximum epochs; early stopping usually ends sooner (default: %d)\n"
        "  --hidden W,W         widths of the hidden layers, first to last (default: %s)\n"
        "  --learning-rate X    Adam step size at the start (default: %g)\n"
        "  --batch N            mini-batch size (default: %d)\n"
        "  --no-cross-fit       every network holds out the same validation rows, instead of one fold each\n"
        "  --quiet              print only the summary\n",
        defaults.ensemble_size, TrainPreset("page")->max_epochs, defaults.seed, defaults.max_epochs,
        JoinWidths(defaults.hidden_units).c_str(), defaults.learning_rate, defaults.batch_size);
    return kExitOk;
  }
  if (!args.error().empty()) {
    return PrintUsageError(args.error(), "train", "likecast train --data CSV --out MODEL.json [--seed N] [--preset NAME]");
  }
  const auto data_path = args.Value("data");
  if (!data_path) return PrintError("--data is required: the CSV file to train on", kExitUsage);
  const std::string out_path = args.Value("out").value_or("models/likecast.json");
  if (IsSameFile(*data_path, out_path))
    return PrintError("--out " + out_path + " is the training data; choose another file for the model", kExitUsage);

  TrainOptions options;
  if (const auto preset = args.Value("preset")) {
    const std::optional<TrainOptions> named = TrainPreset(*preset);
    if (!named)
      return PrintError("--preset \"" + *preset + "\" is not a recipe; use one of: " + TrainPresetNames(), kExitUsage);
    options = *named;
  }
  if (const auto seed = args.Count("seed", 4294967295.0)) options.seed = static_cast<std::uint32_t>(*seed);
  if (const auto epochs = args.Count("epochs", 100000)) options.max_epochs = static_cast<int>(*epochs);
  if (const auto batch = args.Count("batch", 100000)) options.batch_size = static_cast<int>(*batch);
  if (options.max_epochs < 1 || options.batch_size < 1)
    return PrintError("--epochs and --batch must be at least 1 (now " + std::to_string(options.max_epochs) + " and " +
                          std::to_string(options.batch_size) + ")",
                      kExitUsage);
  if (const auto hidden = args.Value("hidden")) {
    const std::optional<std::vector<int>> widths = ParseWidths(*hidden);
    if (!widths)
      return PrintError("--hidden \"" + *hidden + "\" is invalid: give 1 to 6 whole numbers from 1 to 1024, separated by commas, for example 64,32", kExitUsage);
    options.hidden_units = *widths;
    if (std::string invalid = CheckHiddenUnits(options.hidden_units); !invalid.empty())
      return PrintError("--hidden: " + invalid, kExitUsage);
  }
  if (const auto rate = args.Value("learning-rate")) {
    char* end = nullptr;
    options.learning_rate = std::strtod(rate->c_str(), &end);
    if (rate->empty() || *end != '\0' || !(options.learning_rate > 0 && options.learning_rate < 1))
      return PrintError("--learning-rate \"" + *rate + "\" is invalid: give a number between 0 and 1, for example 0.002", kExitUsage);
  }
  if (args.Flag("no-cross-fit")) options.cross_fit = false;
  if (!args.error().empty()) return PrintError(args.error(), kExitUsage);
  if (!(options.learning_rate > 0 && options.learning_rate < 1))
    return PrintError("--learning-rate must be between 0 and 1, for example 0.002", kExitUsage);

  // The output is checked before training, which can take minutes.
  if (std::string problem = CheckWritable(out_path); !problem.empty()) return PrintError("--out: " + problem, kExitWrite);

  // Load.
  const Dataset data = LoadDatasetFromFile(*data_path);
  if (!data.ok()) return PrintError(*data_path + ": " + data.error, kExitRejected);
  std::fprintf(stderr, "loaded %zu rows from %s (%zu skipped)\n", data.rows.size(), data_path->c_str(), data.rows_skipped);

  // Train.
  const auto start = std::chrono::steady_clock::now();
  std::string error;
  const bool quiet = args.Flag("quiet");
  auto report = [&](const TrainProgress& p) {
    if (!quiet) std::fprintf(stderr, "epoch %3d  validation loss %.5f\n", p.epoch, p.validation_loss);
  };
  const std::optional<Model> model = TrainModel(data.rows, options, &error, report);
  if (!model) return PrintError(error, kExitTraining);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  // Write.
  if (std::string write_error = SaveModelFile(*model, out_path); !write_error.empty())
    return PrintError(write_error, kExitWrite);

  const RegressionMetrics test = EvaluateOnTestSplit(*model, data.rows).front().metrics;
  std::printf("trained in %.1f s: %d epochs (best %d), %zu training and %zu validation rows\n", seconds,
              model->training.epochs_run, model->training.best_epoch, model->training.train_rows,
              model->training.validation_rows);
  std::printf("test split (%zu rows): R2 %.4f, R2 (log) %.4f, MAE %s, medAPE %.1f%%, P10-P90 coverage %.1f%%\n",
              test.rows, test.r2, test.r2_log, FormatInteger(test.mae).c_str(), test.medape_percent, 100.0 * test.coverage);
  std::printf("wrote %s\n", out_path.c_str());
  return kExitOk;
}

}  // namespace likecast::cli
