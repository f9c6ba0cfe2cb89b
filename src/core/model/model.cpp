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

// Widens [p10, p90] to at least `min_relative_width` times the prediction, evenly on both sides, then
// moves what the cap at `views` cuts off p90 below p10. The range keeps p10 >= 0 and p90 <= views.
void WidenRange(double min_relative_width, double views, double likes, double* p10, double* p90) {
  const double missing = min_relative_width * likes - (*p90 - *p10);
  if (!(missing > 0)) return;
  const double high = std::min(views, *p90 + 0.5 * missing);
  *p10 = std::max(0.0, *p10 - (missing - (high - *p90)));
  *p90 = high;
}

}  // namespace

void Model::RunNetwork(const CompleteInputs& inputs, float* outputs) const {
  float features[kFeatureCount];
  float scratch[kMaxScratch];
  this->features.Encode(inputs, features);
  auto forward = [&](const Network& member, float* member_outputs) {
    if (plain_forward) member.ForwardPlain(features, member_outputs, scratch);
    else member.Forward(features, member_outputs, scratch);
  };
  forward(network, outputs);
  if (ensemble.empty()) return;

  const int count = network.outputs();
  float member_outputs[kMaxOutputs];
  for (const Network& member : ensemble) {
    forward(member, member_outputs);
    for (int k = 0; k < count; ++k) outputs[k] += member_outputs[k];
  }
  const float scale = 1.0f / static_cast<float>(ensemble.size() + 1);
  for (int k = 0; k < count; ++k) outputs[k] *= scale;
}

double Model::PointLikes(const float* outputs, double log_views) const {
  auto head_value = [&](int head) { return output.target_mean + output.target_std * outputs[head]; };
  double point = head_value(output.point_head);
  if (output.median_head >= 0)
    point = (1.0 - output.median_weight) * point + output.median_weight * head_value(output.median_head);
  const double log_mean = DecodeLikes(log_views, point + output.point_shift);
  if (output.mean_head < 0) return log_mean;

  // The mean of the likes wins R² on raw counts, which only large videos move; the mean of
  // log likes wins everywhere else. The weight moves from one to the other around the pivot.
  const double mean = DecodeLikes(log_views, head_value(output.mean_head));
  const double pivot = output.blend_pivot_likes;
  const double weight = pivot > 0 ? mean * mean / (mean * mean + pivot * pivot) : 1.0;
  return weight * mean + (1.0 - weight) * log_mean;
}

double Model::PredictLikes(const CompleteInputs& inputs) const {
  float outputs[kMaxOutputs];
  RunNetwork(inputs, outputs);
  // A view can bring at most one like: no training row has more likes than views (the largest like rate is
  // 0.67), so the cap only binds where the network extrapolates.
  return std::min(PointLikes(outputs, std::log1p(inputs.views)), std::max(0.0, inputs.views));
}

void Model::PredictRange(const CompleteInputs& inputs, double* likes, double* p10, double* p90) const {
  float outputs[kMaxOutputs];
  RunNetwork(inputs, outputs);
  const double log_views = std::log1p(inputs.views);
  auto head_value = [&](int head) { return output.target_mean + output.target_std * outputs[head]; };

  const double point = head_value(output.point_head);
  const double low = output.low_head >= 0 ? head_value(output.low_head) : point;
  const double high = output.high_head >= 0 ? head_value(output.high_head) : point;
  const bool estimated = inputs.downloads_estimated;
  const double low_shift = estimated ? output.low_shift_estimated_downloads : output.low_shift;
  const double high_shift = estimated ? output.high_shift_estimated_downloads : output.high_shift;
  const double views = std::max(0.0, inputs.views);
  *likes = std::min(PointLikes(outputs, log_views), views);
  // Quantile heads can cross on odd inputs; the range always contains the prediction.
  *p10 = std::min(*likes, DecodeLikes(log_views, low + low_shift));
  *p90 = std::min(views, std::max(*likes, DecodeLikes(log_views, high + high_shift)));
  WidenRange(output.min_relative_width, views, *likes, p10, p90);
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
  for (size_t m = 0; m < ensemble.size(); ++m) {
    const std::string where = "ensemble network " + std::to_string(m + 1);
    if (std::string error = ensemble[m].Validate(); !error.empty()) return where + ": " + error;
    if (ensemble[m].inputs() != network.inputs() || ensemble[m].outputs() != network.outputs())
      return where + " has " + std::to_string(ensemble[m].inputs()) + " inputs and " +
             std::to_string(ensemble[m].outputs()) + " outputs, expected " + std::to_string(network.inputs()) +
             " and " + std::to_string(network.outputs()) + " like the first network";
  }
  if (ensemble.size() > 15) return "the ensemble has " + std::to_string(ensemble.size() + 1) + " networks, at most 16 are read";
  if (network.inputs() != kFeatureCount)
    return "the network takes " + std::to_string(network.inputs()) + " inputs, expected " + std::to_string(kFeatureCount);
  const int heads = static_cast<int>(output.heads.size());
  if (heads == 0 || heads > kMaxOutputs || network.outputs() != heads)
    return "the network gives " + std::to_string(network.outputs()) + " outputs but the file lists " +
           std::to_string(heads) + " heads";
  for (const DenseLayer& layer : network.layers())
    if (layer.outputs * 2 > kMaxScratch) return "a layer is wider than 4096 units";
  for (size_t k = 0; k < output.heads.size(); ++k) {
    const OutputHead& head = output.heads[k];
    const std::string where = "output head " + std::to_string(k) + " (\"" + head.name + "\")";
    if (head.loss != "squared" && head.loss != "pinball" && head.loss != "squared_count")
      return where + " has loss \"" + head.loss + "\", expected squared, pinball or squared_count";
    if (head.loss == "pinball" && !(head.quantile > 0 && head.quantile < 1))
      return where + " has quantile " + std::to_string(head.quantile) + ", expected a value between 0 and 1";
  }
  auto head_ok = [&](int head, bool optional) { return (optional && head == -1) || (head >= 0 && head < heads); };
  if (!head_ok(output.point_head, false) || !head_ok(output.mean_head, true) || !head_ok(output.median_head, true) || !head_ok(output.low_head, false) ||
      !head_ok(output.high_head, false))
    return "the output head indices are out of range";
  for (double value : {output.target_mean, output.target_std, output.point_shift, output.low_shift, output.high_shift,
                       output.blend_pivot_likes, output.median_weight, output.low_shift_estimated_downloads,
                       output.high_shift_estimated_downloads, output.min_relative_width})
    if (!std::isfinite(value)) return "the output scaling has a value that is not a finite number";
  if (output.target_std <= 0) return "the output scaling has a std that is not positive";
  if (output.blend_pivot_likes < 0) return "the output blend_pivot_likes is negative";
  if (output.min_relative_width < 0) return "the output min_relative_width is negative";
  if (output.median_weight < 0 || output.median_weight > 1) return "the output median_weight is not between 0 and 1";
  return "";
}

}  // namespace likecast
