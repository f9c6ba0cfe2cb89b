// Fast forward pass (see network.h).
#include "core/model/network.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace likecast {

const char* ActivationName(Activation activation) {
  switch (activation) {
    case Activation::identity: return "identity";
    case Activation::relu: return "relu";
    case Activation::leaky_relu: return "leaky_relu";
    case Activation::tanh: return "tanh";
  }
  return "?";
}

bool ActivationFromName(const std::string& name, Activation* activation) {
  for (Activation candidate : {Activation::identity, Activation::relu, Activation::leaky_relu, Activation::tanh}) {
    if (name == ActivationName(candidate)) {
      *activation = candidate;
      return true;
    }
  }
  return false;
}

Network::Network(std::vector<DenseLayer> layers) : layers_(std::move(layers)) {
  for (const DenseLayer& layer : layers_) max_width_ = std::max({max_width_, layer.inputs, layer.outputs});
  if (!ShapeError().empty()) return;
  for (const DenseLayer& layer : layers_) packed_.push_back(Pack(layer));
}

int Network::inputs() const { return layers_.empty() ? 0 : layers_.front().inputs; }

int Network::outputs() const { return layers_.empty() ? 0 : layers_.back().outputs; }

namespace {

// tiny-dnn 1.0.0a3's leaky_relu slope.
constexpr float kLeakySlope = 0.01f;

// Accumulates over outputs in the inner loop: contiguous weights, so the
// compiler vectorises it (a dot product per output would not be).
void DenseForward(const DenseLayer& layer, const float* input, float* output) {
  const int outputs = layer.outputs;
  std::memcpy(output, layer.bias.data(), sizeof(float) * static_cast<size_t>(outputs));
  const float* weights = layer.weights.data();
  for (int i = 0; i < layer.inputs; ++i) {
    const float x = input[i];
    const float* row = weights + static_cast<size_t>(i) * static_cast<size_t>(outputs);
    for (int o = 0; o < outputs; ++o) output[o] += row[o] * x;
  }
  switch (layer.activation) {
    case Activation::identity: break;
    case Activation::relu:
      for (int o = 0; o < outputs; ++o) output[o] = output[o] > 0.0f ? output[o] : 0.0f;
      break;
    case Activation::leaky_relu:
      for (int o = 0; o < outputs; ++o) output[o] = output[o] > 0.0f ? output[o] : kLeakySlope * output[o];
      break;
    case Activation::tanh:
      for (int o = 0; o < outputs; ++o) output[o] = std::tanh(output[o]);
      break;
  }
}

// Applies the activation to one panel of kLanes sums, the same way DenseForward does.
template <int kLanes>
void ActivatePanel(Activation activation, float* sums) {
  switch (activation) {
    case Activation::identity: break;
    case Activation::relu:
      for (int k = 0; k < kLanes; ++k) sums[k] = sums[k] > 0.0f ? sums[k] : 0.0f;
      break;
    case Activation::leaky_relu:
      for (int k = 0; k < kLanes; ++k) sums[k] = sums[k] > 0.0f ? sums[k] : kLeakySlope * sums[k];
      break;
    case Activation::tanh:
      for (int k = 0; k < kLanes; ++k) sums[k] = std::tanh(sums[k]);
      break;
  }
}

// Four floats in one vector register: SSE on x86-64, NEON on ARM, simd128 in wasm built with -msimd128, and
// scalar code without it. Written as plain float loops, the panel loop below was not vectorised this way by
// GCC 12, which made it slower than the plain loops.
// NOTE: GCC and Clang support this vector extension and MSVC does not, so this file needs GCC or Clang.
typedef float Float4 __attribute__((vector_size(16)));

Float4 LoadFloat4(const float* source) {
  Float4 value;
  std::memcpy(&value, source, sizeof(value));   // an unaligned load
  return value;
}

// Computes one layer from the regrouped weights, panel by panel. The panel's kLanes sums stay in kLanes / 4
// vector registers for the whole input loop, so each input costs one load and broadcast of the input, and
// kLanes / 4 vector loads of weights, multiplies and adds.
template <int kLanes>
void PackedForward(const float* weights, const float* bias, int inputs, int outputs, Activation activation,
                   const float* input, float* output) {
  constexpr int kVectors = kLanes / 4;
  for (int first = 0; first < outputs; first += kLanes) {
    Float4 sums[kVectors];
    for (int v = 0; v < kVectors; ++v) sums[v] = LoadFloat4(bias + 4 * v);
    for (int i = 0; i < inputs; ++i) {
      const Float4 x = {input[i], input[i], input[i], input[i]};
      for (int v = 0; v < kVectors; ++v) sums[v] += LoadFloat4(weights + 4 * v) * x;
      weights += kLanes;
    }
    float panel[kLanes];
    std::memcpy(panel, sums, sizeof(panel));
    ActivatePanel<kLanes>(activation, panel);
    const int valid = std::min(kLanes, outputs - first);   // the padded lanes of the last panel are dropped
    std::memcpy(output + first, panel, sizeof(float) * static_cast<size_t>(valid));
    bias += kLanes;
  }
}

}  // namespace

Network::PackedLayer Network::Pack(const DenseLayer& layer) {
  PackedLayer packed;
  packed.inputs = layer.inputs;
  packed.outputs = layer.outputs;
  packed.activation = layer.activation;
  // Wide layers get 16 lanes (4 vectors of 4 floats) and narrow ones fewer, so padding wastes little. In wasm
  // under Node.js 20, 32 lanes measured slower than 16: 340 against 270 ns per 8-64-32-5 network (busy machine).
  packed.panel = 4;
  if (layer.outputs > 4) packed.panel = 8;
  if (layer.outputs > 8) packed.panel = 16;
  const size_t inputs = static_cast<size_t>(layer.inputs), outputs = static_cast<size_t>(layer.outputs);
  const size_t panel = static_cast<size_t>(packed.panel);
  const size_t panels = (outputs + panel - 1) / panel;
  packed.weights.assign(panels * inputs * panel, 0.0f);
  packed.bias.assign(panels * panel, 0.0f);
  for (size_t o = 0; o < outputs; ++o) {
    const size_t first_weight = (o / panel) * inputs * panel, lane = o % panel;
    packed.bias[o] = layer.bias[o];
    for (size_t i = 0; i < inputs; ++i) packed.weights[first_weight + i * panel + lane] = layer.weights[i * outputs + o];
  }
  return packed;
}

void Network::Forward(const float* input, float* output, float* scratch) const {
  if (packed_.size() != layers_.size()) return ForwardPlain(input, output, scratch);
  const float* current = input;
  float* buffers[2] = {scratch, scratch + max_width_};
  for (size_t l = 0; l < packed_.size(); ++l) {
    const PackedLayer& layer = packed_[l];
    float* next = (l + 1 == packed_.size()) ? output : buffers[l % 2];
    const float* weights = layer.weights.data();
    const float* bias = layer.bias.data();
    switch (layer.panel) {
      case 16: PackedForward<16>(weights, bias, layer.inputs, layer.outputs, layer.activation, current, next); break;
      case 8: PackedForward<8>(weights, bias, layer.inputs, layer.outputs, layer.activation, current, next); break;
      default: PackedForward<4>(weights, bias, layer.inputs, layer.outputs, layer.activation, current, next); break;
    }
    current = next;
  }
}

void Network::ForwardPlain(const float* input, float* output, float* scratch) const {
  const float* current = input;
  float* buffers[2] = {scratch, scratch + max_width_};
  for (size_t l = 0; l < layers_.size(); ++l) {
    float* next = (l + 1 == layers_.size()) ? output : buffers[l % 2];
    DenseForward(layers_[l], current, next);
    current = next;
  }
}

std::string Network::ShapeError() const {
  if (layers_.empty()) return "the network has no layers";
  for (size_t l = 0; l < layers_.size(); ++l) {
    const DenseLayer& layer = layers_[l];
    const std::string where = "layer " + std::to_string(l);
    if (layer.inputs <= 0 || layer.outputs <= 0 || layer.inputs > 4096 || layer.outputs > 4096)
      return where + " has an invalid shape " + std::to_string(layer.inputs) + "x" + std::to_string(layer.outputs);
    if (l > 0 && layer.inputs != layers_[l - 1].outputs)
      return where + " takes " + std::to_string(layer.inputs) + " inputs but the layer before gives " +
             std::to_string(layers_[l - 1].outputs);
    if (layer.weights.size() != static_cast<size_t>(layer.inputs) * static_cast<size_t>(layer.outputs))
      return where + " has " + std::to_string(layer.weights.size()) + " weights, expected " +
             std::to_string(layer.inputs * layer.outputs);
    if (layer.bias.size() != static_cast<size_t>(layer.outputs))
      return where + " has " + std::to_string(layer.bias.size()) + " biases, expected " + std::to_string(layer.outputs);
  }
  return "";
}

std::string Network::Validate() const {
  if (std::string error = ShapeError(); !error.empty()) return error;
  for (size_t l = 0; l < layers_.size(); ++l) {
    const DenseLayer& layer = layers_[l];
    const std::string where = "layer " + std::to_string(l);
    for (float w : layer.weights)
      if (!std::isfinite(w)) return where + " has a weight that is not a finite number";
    for (float b : layer.bias)
      if (!std::isfinite(b)) return where + " has a bias that is not a finite number";
  }
  return "";
}

}  // namespace likecast
