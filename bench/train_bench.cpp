// Training cost: TrainModel on the whole dataset with the default options, and
// the time of one Trainer::Step slice for the slice sizes the page may run
// between frames.
#include <chrono>

#include <nlohmann/json.hpp>

#include "bench/bench.h"
#include "core/model/train.h"

#ifdef __EMSCRIPTEN__
#include <emscripten/heap.h>
#else
#include <sys/resource.h>
#endif

namespace likecast::bench {

size_t HeapBytes() {
#ifdef __EMSCRIPTEN__
  return emscripten_get_heap_size();
#else
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<size_t>(usage.ru_maxrss) * 1024;   // Linux reports kilobytes
#endif
}

std::string RunTrainBench(const std::vector<VideoRecord>& rows, std::optional<Model>* trained) {
  std::string error;
  const auto start = std::chrono::steady_clock::now();
  std::optional<Model> model = TrainModel(rows, TrainOptions{}, &error);
  const double seconds = SecondsSince(start);
  if (!model) return nlohmann::json{{"error", "training failed: " + error}}.dump();
  nlohmann::json result = {{"seconds", seconds}, {"rows", rows.size()}, {"train_rows", model->training.train_rows},
                           {"epochs_run", model->training.epochs_run}, {"best_epoch", model->training.best_epoch},
                           {"heap_bytes_after", HeapBytes()}};
  *trained = std::move(model);
  return result.dump();
}

std::string RunSliceBench(const std::vector<VideoRecord>& rows, const BenchOptions& options) {
  nlohmann::json sizes = nlohmann::json::array();
  for (size_t batches : options.slice_batches) {
    std::string error;
    const auto created = std::chrono::steady_clock::now();
    std::unique_ptr<Trainer> trainer = Trainer::Create(rows, TrainOptions{}, &error);
    const double create_ms = SecondsSince(created) * 1e3;
    if (!trainer) return nlohmann::json{{"error", "the trainer could not start: " + error}}.dump();
    trainer->Step(1);   // the first batch touches every buffer once; not timed

    // Slices never cross an epoch's end, and the slice that ends an epoch also scores the
    // validation rows, so the p95 and the maximum include that slower slice.
    std::vector<double> millis;
    for (int s = 0; s < options.slices_per_size; ++s) {
      const auto start = std::chrono::steady_clock::now();
      const bool more = trainer->Step(batches);
      millis.push_back(SecondsSince(start) * 1e3);
      if (!more) break;
    }
    const TrainProgress& progress = trainer->progress();
    sizes.push_back({{"batches", batches}, {"slices", millis.size()}, {"median_ms", Quantile(millis, 0.5)},
                     {"p95_ms", Quantile(millis, 0.95)}, {"max_ms", Quantile(millis, 1.0)},
                     {"batches_per_epoch", progress.batches_per_epoch}, {"epochs_crossed", progress.epoch},
                     {"create_ms", create_ms}});
  }
  return sizes.dump();
}

}  // namespace likecast::bench
