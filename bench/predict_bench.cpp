// Single-prediction latency: Model::PredictLikes (features, network, decoding),
// Network::Forward alone, its plain-loop version Network::ForwardPlain, and
// tiny-dnn's own predict() on the same weights, each the median over many
// calls on inputs taken from the dataset.
#include <cmath>
#include <cstdint>
#include <memory>

#include <nlohmann/json.hpp>

#include "bench/bench.h"

// tiny-dnn's headers compile stb's image code into every file that includes them;
// train.cpp has the public copy, so this file keeps its own copy private.
#define STB_IMAGE_STATIC
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_RESIZE_STATIC
#include "core/model/tiny_dnn_config.h"

namespace likecast::bench {
namespace {

constexpr size_t kDistinctInputs = 256;   // cycled through, so no call repeats its neighbour's input

// Appends one dense layer to a tiny-dnn network with the activation LikeCast's layer uses.
void AddTinyDnnLayer(tiny_dnn::network<tiny_dnn::sequential>& net, const DenseLayer& layer) {
  const size_t in = static_cast<size_t>(layer.inputs), out = static_cast<size_t>(layer.outputs);
  switch (layer.activation) {
    case Activation::identity: net << tiny_dnn::fully_connected_layer<tiny_dnn::activation::identity>(in, out); break;
    case Activation::relu: net << tiny_dnn::fully_connected_layer<tiny_dnn::activation::relu>(in, out); break;
    case Activation::leaky_relu: net << tiny_dnn::fully_connected_layer<tiny_dnn::activation::leaky_relu>(in, out); break;
    case Activation::tanh: net << tiny_dnn::fully_connected_layer<tiny_dnn::activation::tan_h>(in, out); break;
  }
}

// Builds tiny-dnn's copy of `network`: both store weights[i * outputs + o], so they copy across unchanged.
std::unique_ptr<tiny_dnn::network<tiny_dnn::sequential>> ToTinyDnn(const Network& network) {
  auto net = std::make_unique<tiny_dnn::network<tiny_dnn::sequential>>();
  for (const DenseLayer& layer : network.layers()) AddTinyDnnLayer(*net, layer);
  net->init_weight();
  for (size_t l = 0; l < network.layers().size(); ++l) {
    const DenseLayer& layer = network.layers()[l];
    std::vector<tiny_dnn::vec_t*> weights = (*net)[l]->weights();
    std::copy(layer.weights.begin(), layer.weights.end(), weights[0]->begin());
    std::copy(layer.bias.begin(), layer.bias.end(), weights[1]->begin());
  }
  return net;
}

nlohmann::json InputsJson(const CompleteInputs& in) {
  return {{"views", in.views}, {"shares", in.shares}, {"comments", in.comments}, {"downloads", in.downloads},
          {"duration_sec", in.duration_sec}, {"verified", in.verified}, {"author_status", AuthorStatusName(in.author_status)}};
}

}  // namespace

std::string RunPredictBench(const Model& model, const std::vector<VideoRecord>& rows, const BenchOptions& options) {
  // Inputs: complete rows of the dataset, spread over the whole file.
  std::vector<CompleteInputs> inputs;
  const size_t step = std::max<size_t>(1, rows.size() / kDistinctInputs);
  for (size_t r = 0; r < rows.size() && inputs.size() < kDistinctInputs; r += step)
    inputs.push_back(CompleteFromRecord(rows[r], model.imputer));
  if (inputs.empty()) return nlohmann::json{{"error", "the dataset has no rows to predict"}}.dump();

  const Network& network = model.network;
  const size_t n = inputs.size();
  std::vector<float> features(n * kFeatureCount);
  for (size_t i = 0; i < n; ++i) model.features.Encode(inputs[i], &features[i * kFeatureCount]);
  std::vector<float> outputs(static_cast<size_t>(network.outputs()));
  std::vector<float> scratch(static_cast<size_t>(network.scratch_size()));
  auto tiny = ToTinyDnn(network);

  // The sink keeps the compiler from dropping calls whose result is unused.
  volatile double sink = 0;
  const size_t calls = options.calls_per_round;
  const double predict_ns = MedianNanosPerCall(calls, options.rounds, [&](size_t i) {
    sink = sink + model.PredictLikes(inputs[i % n]);
  });
  // Times two parts of PredictLikes: the feature encoding, and every network of the ensemble with the average.
  std::vector<float> encoded(kFeatureCount);
  const double encode_ns = MedianNanosPerCall(calls, options.rounds, [&](size_t i) {
    model.features.Encode(inputs[i % n], encoded.data());
    sink = sink + encoded[0];
  });
  std::vector<float> averaged(static_cast<size_t>(network.outputs()));
  const double run_network_ns = MedianNanosPerCall(calls, options.rounds, [&](size_t i) {
    model.RunNetwork(inputs[i % n], averaged.data());
    sink = sink + averaged[0];
  });
  const double forward_ns = MedianNanosPerCall(calls, options.rounds, [&](size_t i) {
    network.Forward(&features[(i % n) * kFeatureCount], outputs.data(), scratch.data());
    sink = sink + outputs[0];
  });
  const double forward_plain_ns = MedianNanosPerCall(calls, options.rounds, [&](size_t i) {
    network.ForwardPlain(&features[(i % n) * kFeatureCount], outputs.data(), scratch.data());
    sink = sink + outputs[0];
  });
  // tiny-dnn allocates per call and is far slower, so it gets a tenth of the calls.
  const size_t tiny_calls = std::max<size_t>(100, calls / 10);
  tiny_dnn::vec_t tiny_input(kFeatureCount);
  const double tiny_ns = MedianNanosPerCall(tiny_calls, options.rounds, [&](size_t i) {
    std::copy_n(&features[(i % n) * kFeatureCount], kFeatureCount, tiny_input.begin());
    sink = sink + tiny->predict(tiny_input)[0];
  });

  // Agreement of the fast path with tiny-dnn, and samples for the JavaScript bench to check itself against.
  double max_difference = 0;
  nlohmann::json samples = nlohmann::json::array();
  for (size_t i = 0; i < n; ++i) {
    network.Forward(&features[i * kFeatureCount], outputs.data(), scratch.data());
    std::copy_n(&features[i * kFeatureCount], kFeatureCount, tiny_input.begin());
    const tiny_dnn::vec_t expected = tiny->predict(tiny_input);
    for (size_t k = 0; k < outputs.size(); ++k)
      max_difference = std::max(max_difference, std::fabs(static_cast<double>(outputs[k]) - expected[k]));
    samples.push_back({{"inputs", InputsJson(inputs[i])}, {"likes", model.PredictLikes(inputs[i])},
                       {"outputs", outputs}});
  }

  nlohmann::json result = {
      {"calls_per_round", calls}, {"rounds", options.rounds},
      {"predict_likes_ns", predict_ns}, {"encode_ns", encode_ns}, {"run_network_ns", run_network_ns},
      {"forward_ns", forward_ns},
      {"forward_plain_ns", forward_plain_ns}, {"tiny_dnn_predict_ns", tiny_ns},
      {"tiny_dnn_max_abs_difference", max_difference}, {"samples", samples}};
  return result.dump();
}

}  // namespace likecast::bench
