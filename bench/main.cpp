// likecast_bench: times the core's prediction and training paths and prints
// one JSON object (scripts/bench reads it into docs/benchmarks.md).
//   likecast_bench --model models/likecast.json --data tiktok_dataset.csv [--model-out FILE]
//                  [--calls N] [--rounds N] [--slices 1,2,4] [--no-train]
// --model-out writes the model the predictions used, for the JavaScript bench to run.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "bench/bench.h"
#include "core/model/model_io.h"

namespace {

using likecast::bench::BenchOptions;

bool ParseArgs(int argc, char** argv, BenchOptions* options, std::string* error) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--model" && has_value) {
      options->model_path = argv[++i];
    } else if (arg == "--data" && has_value) {
      options->data_path = argv[++i];
    } else if (arg == "--model-out" && has_value) {
      options->model_out = argv[++i];
    } else if (arg == "--calls" && has_value) {
      options->calls_per_round = std::strtoul(argv[++i], nullptr, 10);
    } else if (arg == "--rounds" && has_value) {
      options->rounds = std::atoi(argv[++i]);
    } else if (arg == "--slices" && has_value) {
      options->slice_batches.clear();
      std::stringstream list(argv[++i]);
      for (std::string item; std::getline(list, item, ',');) options->slice_batches.push_back(std::strtoul(item.c_str(), nullptr, 10));
    } else if (arg == "--no-train") {
      options->train = false;
    } else {
      *error = "unknown or incomplete option '" + arg + "'; the options are --model, --data, --model-out, --calls, --rounds, --slices, --no-train";
      return false;
    }
  }
  if (options->model_path.empty() || options->data_path.empty()) {
    *error = "--model and --data are required";
    return false;
  }
  if (options->calls_per_round == 0 || options->rounds <= 0) {
    *error = "--calls and --rounds must be positive";
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  BenchOptions options;
  std::string error;
  if (!ParseArgs(argc, argv, &options, &error)) {
    std::fprintf(stderr, "error: %s\n", error.c_str());
    return 2;
  }

  // Load the dataset the way the page does: the file's bytes in memory, then parsed.
  const size_t heap_at_start = likecast::bench::HeapBytes();
  std::ifstream file(options.data_path, std::ios::binary);
  if (!file) {
    std::fprintf(stderr, "error: cannot open the dataset %s; pass its path with --data\n", options.data_path.c_str());
    return 1;
  }
  std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  likecast::Dataset dataset = likecast::LoadDataset(bytes);
  if (!dataset.ok()) {
    std::fprintf(stderr, "error: the dataset %s was rejected: %s\n", options.data_path.c_str(), dataset.error.c_str());
    return 1;
  }
  const size_t file_bytes = bytes.size();
  std::string().swap(bytes);
  const size_t heap_after_load = likecast::bench::HeapBytes();

  // Training first, so the heap size printed after it is the peak of load plus training.
  nlohmann::json result;
#ifdef __EMSCRIPTEN__
  result["platform"] = "wasm";
#else
  result["platform"] = "native";
#endif
  result["compiler"] = __VERSION__;
  result["dataset"] = {{"path", options.data_path}, {"bytes", file_bytes}, {"rows", dataset.rows.size()},
                       {"rows_skipped", dataset.rows_skipped}};
  std::optional<likecast::Model> trained;
  if (options.train) result["train"] = nlohmann::json::parse(likecast::bench::RunTrainBench(dataset.rows, &trained));
  result["heap"] = {{"at_start", heap_at_start}, {"after_load", heap_after_load},
                    {"after_train", likecast::bench::HeapBytes()}};
  result["slices"] = nlohmann::json::parse(likecast::bench::RunSliceBench(dataset.rows, options));

  // Predictions use the shipped model, or the one just trained when the shipped file is of another format version.
  likecast::ModelLoadResult loaded = likecast::LoadModelFile(options.model_path);
  result["model"] = {{"path", options.model_path}, {"loaded", loaded.model.has_value()}, {"error", loaded.error}};
  if (!loaded.model) loaded.model = std::move(trained);
  if (!loaded.model) {
    std::fprintf(stderr, "error: the model %s was rejected (%s) and no model was trained; drop --no-train\n",
                 options.model_path.c_str(), loaded.error.c_str());
    return 1;
  }
  if (!options.model_out.empty()) {
    if (std::string failed = likecast::SaveModelFile(*loaded.model, options.model_out); !failed.empty()) {
      std::fprintf(stderr, "error: %s\n", failed.c_str());
      return 1;
    }
  }
  result["predict"] = nlohmann::json::parse(likecast::bench::RunPredictBench(*loaded.model, dataset.rows, options));
  std::printf("%s\n", result.dump().c_str());
  return 0;
}
