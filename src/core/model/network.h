// The multilayer perceptron as LikeCast runs it: plain arrays of float
// weights and a forward pass written for speed, because the page calls it
// thousands of times a frame for what-if curves. Training happens in tiny-dnn
// (train.h); its weights are copied here unchanged, in tiny-dnn's layout.
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

  // Computes the outputs for one row. `scratch` must hold scratch_size() floats.
  void Forward(const float* input, float* output, float* scratch) const;
  int scratch_size() const { return 2 * max_width_; }

  // Checks shapes and that every weight is finite; returns an empty string when valid.
  std::string Validate() const;

 private:
  std::vector<DenseLayer> layers_;
  int max_width_ = 0;
};

}  // namespace likecast
