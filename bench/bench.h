// Shared pieces of likecast_bench: a timer that reports the median cost of one
// call, and the sections the program runs (prediction latency, training,
// per-slice training time). Each section returns one JSON object as text.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/data/dataset.h"
#include "core/model/model.h"

namespace likecast::bench {

struct BenchOptions {
  std::string model_path;
  std::string data_path;
  std::string model_out;            // where to write the model the predictions used ("" skips it)
  size_t calls_per_round = 20000;   // prediction calls timed together
  int rounds = 31;                  // rounds whose per-call median is reported
  std::vector<size_t> slice_batches = {1, 2, 4, 8, 16};   // Trainer::Step sizes to time
  int slices_per_size = 40;         // Step calls timed per size
  bool train = true;                // run TrainModel on the whole file
};

inline double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Calls `body(i)` for i in [0, calls) in each of `rounds` rounds and returns the median nanoseconds per call.
template <typename Body>
double MedianNanosPerCall(size_t calls, int rounds, Body&& body) {
  std::vector<double> per_call;
  for (int r = 0; r < rounds; ++r) {
    const auto start = std::chrono::steady_clock::now();
    for (size_t i = 0; i < calls; ++i) body(i);
    per_call.push_back(SecondsSince(start) * 1e9 / static_cast<double>(calls));
  }
  std::nth_element(per_call.begin(), per_call.begin() + rounds / 2, per_call.end());
  return per_call[static_cast<size_t>(rounds / 2)];
}

// The value at quantile q (0..1) of `values`, by the nearest-rank method.
inline double Quantile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t rank = static_cast<size_t>(std::max(0.0, q * static_cast<double>(values.size()) - 1e-9));
  return values[std::min(values.size() - 1, rank)];
}

// Bytes of linear memory the process holds: the wasm memory size (it only grows, so
// this is also the peak), or natively the peak resident set size.
size_t HeapBytes();

// Sections: each returns a JSON object as text, or an object with an "error" field.
std::string RunPredictBench(const Model& model, const std::vector<VideoRecord>& rows, const BenchOptions& options);
std::string RunTrainBench(const std::vector<VideoRecord>& rows, std::optional<Model>* trained);
std::string RunSliceBench(const std::vector<VideoRecord>& rows, const BenchOptions& options);

}  // namespace likecast::bench
