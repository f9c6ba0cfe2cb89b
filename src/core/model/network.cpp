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
}

int Network::inputs() const { return layers_.empty() ? 0 : layers_.front().inputs; }

int Network::outputs() const { return layers_.empty() ? 0 : layers_.back().outputs; }

namespace {

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
      // tiny-dnn 1.0.0a3's leaky_relu slope is 0.01.
      for (int o = 0; o < outputs; ++o) output[o] = output[o] > 0.0f ? output[o] : 0.01f * output[o];
      break;
    case Activation::tanh:
      for (int o = 0; o < outputs; ++o) output[o] = std::tanh(output[o]);
      break;
  }
}

}  // namespace

void Network::Forward(const float* input, float* output, float* scratch) const {
  const float* current = input;
  float* buffers[2] = {scratch, scratch + max_width_};
  for (size_t l = 0; l < layers_.size(); ++l) {
    float* next = (l + 1 == layers_.size()) ? output : buffers[l % 2];
    DenseForward(layers_[l], current, next);
    current = next;
  }
}

std::string Network::Validate() const {
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
    for (float w : layer.weights)
      if (!std::isfinite(w)) return where + " has a weight that is not a finite number";
    for (float b : layer.bias)
      if (!std::isfinite(b)) return where + " has a bias that is not a finite number";
  }
  return "";
}

}  // namespace likecast
