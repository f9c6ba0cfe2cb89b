// Prediction with a trained model (see model.h).
#include "core/model/model.h"

#include <algorithm>
#include <cmath>

namespace likecast {
namespace {

constexpr int kMaxOutputs = 16;
constexpr int kMaxScratch = 2 * 4096;

double DecodeLikes(double log_views, double log_rate) {
  // expm1 of a huge value is inf; the clamp keeps a broken input from printing "inf likes".
  const double likes = std::expm1(std::min(log_views + log_rate, 50.0));
  return likes > 0.0 ? likes : 0.0;
}

}  // namespace

void Model::RunNetwork(const CompleteInputs& inputs, float* outputs) const {
  float features[kFeatureCount];
  float scratch[kMaxScratch];
  this->features.Encode(inputs, features);
  network.Forward(features, outputs, scratch);
}

double Model::PredictLikes(const CompleteInputs& inputs) const {
  float outputs[kMaxOutputs];
  RunNetwork(inputs, outputs);
  const double y = output.target_mean + output.target_std * outputs[output.point_head] + output.point_shift;
  return DecodeLikes(std::log1p(inputs.views), y);
}

void Model::PredictRange(const CompleteInputs& inputs, double* likes, double* p10, double* p90) const {
  float outputs[kMaxOutputs];
  RunNetwork(inputs, outputs);
  const double log_views = std::log1p(inputs.views);
  auto head_value = [&](int head) { return output.target_mean + output.target_std * outputs[head]; };

  const double point = head_value(output.point_head);
  const double low = output.low_head >= 0 ? head_value(output.low_head) : point;
  const double high = output.high_head >= 0 ? head_value(output.high_head) : point;
  *likes = DecodeLikes(log_views, point + output.point_shift);
  // Quantile heads can cross on odd inputs; the range always contains the prediction.
  *p10 = std::min(*likes, DecodeLikes(log_views, low + output.low_shift));
  *p90 = std::max(*likes, DecodeLikes(log_views, high + output.high_shift));
}

Prediction Model::Predict(const VideoInputs& inputs) const {
  Prediction prediction;
  prediction.used = imputer.Complete(inputs, &prediction.assumed);
  PredictRange(prediction.used, &prediction.likes, &prediction.p10, &prediction.p90);
  return prediction;
}

std::string Model::Validate() const {
  if (std::string error = features.Validate(); !error.empty()) return error;
  if (std::string error = imputer.Validate(); !error.empty()) return error;
  if (std::string error = network.Validate(); !error.empty()) return error;
  if (network.inputs() != kFeatureCount)
    return "the network takes " + std::to_string(network.inputs()) + " inputs, expected " + std::to_string(kFeatureCount);
  const int heads = static_cast<int>(output.heads.size());
  if (heads == 0 || heads > kMaxOutputs || network.outputs() != heads)
    return "the network gives " + std::to_string(network.outputs()) + " outputs but the file lists " +
           std::to_string(heads) + " heads";
  for (const DenseLayer& layer : network.layers())
    if (layer.outputs * 2 > kMaxScratch) return "a layer is wider than 4096 units";
  auto head_ok = [&](int head, bool optional) { return (optional && head == -1) || (head >= 0 && head < heads); };
  if (!head_ok(output.point_head, false) || !head_ok(output.low_head, true) || !head_ok(output.high_head, true))
    return "the output head indices are out of range";
  for (double value : {output.target_mean, output.target_std, output.point_shift, output.low_shift, output.high_shift})
    if (!std::isfinite(value)) return "the output scaling has a value that is not a finite number";
  if (output.target_std <= 0) return "the output scaling has a std that is not positive";
  return "";
}

}  // namespace likecast
