// The multilayer perceptron as LikeCast runs it: plain arrays of float
// weights and a forward pass written for speed, because the page calls it
// thousands of times a frame for what-if curves. Training happens in tiny-dnn
// (train.h); its weights are copied here unchanged, in tiny-dnn's layout, and
// regrouped once, when the Network is made, into the order the forward pass reads.
#pragma once

#include <string>
#include <vector>

namespace likecast {

enum class Activation { identity, relu, leaky_relu, tanh };

const char* ActivationName(Activation activation);
bool ActivationFromName(const std::string& name, Activation* activation);

// One fully connected layer. weights[i * outputs + o] links input i to output o,
// which is tiny-dnn's fully_connected_layer layout.
struct DenseLayer {
  int inputs = 0;
  int outputs = 0;
  Activation activation = Activation::identity;
  std::vector<float> weights;
  std::vector<float> bias;
};

class Network {
 public:
  Network() = default;
  explicit Network(std::vector<DenseLayer> layers);

  int inputs() const;
  int outputs() const;
  const std::vector<DenseLayer>& layers() const { return layers_; }

  // Computes the outputs for one row from the regrouped weights, with no allocation. `scratch` must hold
  // scratch_size() floats. Each output sums its terms in the same order as ForwardPlain.
  void Forward(const float* input, float* output, float* scratch) const;
  // Computes the same outputs with plain loops over tiny-dnn's layout: slower, kept to check Forward against.
  void ForwardPlain(const float* input, float* output, float* scratch) const;
  int scratch_size() const { return 2 * max_width_; }

  // Checks shapes and that every weight is finite; returns an empty string when valid.
  std::string Validate() const;

 private:
  // A layer's weights regrouped for Forward. The outputs form panels of `panel` lanes, the last one padded
  // with zero weights. A panel's weights for input i sit at [i * panel, (i + 1) * panel), so the panel's
  // sums stay in vector registers while the loop runs over the inputs.
  struct PackedLayer {
    int inputs = 0;
    int outputs = 0;
    int panel = 0;                  // 4, 8 or 16 lanes
    Activation activation = Activation::identity;
    std::vector<float> weights;     // panel count * inputs * panel
    std::vector<float> bias;        // panel count * panel
  };
  static PackedLayer Pack(const DenseLayer& layer);
  std::string ShapeError() const;

  std::vector<DenseLayer> layers_;
  std::vector<PackedLayer> packed_;   // empty when a layer's shape is invalid (Validate reports it)
  int max_width_ = 0;
};

}  // namespace likecast
