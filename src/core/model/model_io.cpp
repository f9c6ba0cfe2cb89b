// Model file reading and writing (see model_io.h).
#include "core/model/model_io.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/common/json_reader.h"

namespace likecast {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

constexpr const char* kFormatName = "likecast-model";

ordered_json LayerToJson(const DenseLayer& layer) {
  ordered_json out;
  out["inputs"] = layer.inputs;
  out["outputs"] = layer.outputs;
  out["activation"] = ActivationName(layer.activation);
  ordered_json weights = ordered_json::array();
  for (float w : layer.weights) weights.push_back(ShortestFloat(w));
  ordered_json bias = ordered_json::array();
  for (float b : layer.bias) bias.push_back(ShortestFloat(b));
  out["weights"] = std::move(weights);
  out["bias"] = std::move(bias);
  return out;
}

// The advice that ends every message about a rejected field.
constexpr const char* kRetrainHint = "train the model again with likecast train, or load a model.json it wrote";

// Formats a number for an error message: "1e+308", "-1", "0.25".
std::string NumberText(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", value);
  return text;
}

// The name of the file itself as `where` in JsonReader reads: its fields are named alone ("ensemble").
constexpr const char* kRoot = "the model";

// Limits of what the loader accepts. Each lies far beyond what training writes: the shipped model's largest
// weight is 1.3, its feature means and standard deviations are below 11 and its target std is 1.0. Each limit
// keeps a hand-edited or corrupted file from overflowing the forward pass or the decoding.
constexpr double kMaxFeatureMean = 100;        // the raw features are logs of counts and 0/1 columns
constexpr double kMinStd = 1e-6;               // the smallest std training writes (features and target)
constexpr double kMaxStd = kConstantFeatureStd;   // a feature constant in training has this std
constexpr double kMaxRegressionCoefficient = 100;
constexpr size_t kMaxViewBands = 100;
constexpr double kMaxViews = 1e12;
constexpr double kMaxTypicalRate = 10;         // typical shares, comments or downloads per view
constexpr double kMaxDurationSec = 86400;
constexpr size_t kMaxLayers = 8;
constexpr int kMaxLayerWidth = 4096;
constexpr double kMaxWeight = 1e4;
constexpr size_t kMaxEnsembleNetworks = 15;    // besides the first network
constexpr int kMaxHeads = 16;
constexpr double kMinTargetMean = -30, kMaxTargetMean = 10;   // the log like rate; 0 is one like per view
constexpr double kMaxTargetStd = 10;
constexpr double kMaxPivotLikes = 1e12;        // training tries 1e12 as "the point head alone"
constexpr double kMaxShift = 10;               // in log space: a factor of 22,000
constexpr double kMaxRelativeWidth = 100;      // P90 - P10 as a multiple of the prediction

void ReadFeatures(JsonReader& read, const json& root, Model& model) {
  const json* features = read.Array(root, "features", kRoot, 64);
  if (!features) return;
  for (size_t i = 0; i < features->size() && read.ok(); ++i) {
    const std::string where = "features[" + std::to_string(i) + "]";
    FeatureScaling scaling;
    scaling.name = read.String((*features)[i], "name", where);
    scaling.mean = read.Number((*features)[i], "mean", where, -kMaxFeatureMean, kMaxFeatureMean);
    scaling.std = read.Number((*features)[i], "std", where, kMinStd, kMaxStd);
    model.features.scaling.push_back(scaling);
  }
}

void ReadImputation(JsonReader& read, const json& root, Model& model) {
  const json* imputation = read.Field(root, "imputation", kRoot);
  if (!imputation) return;
  model.imputer.typical_verified = read.Integer(*imputation, "typical_verified", "imputation", 0, 1) == 1;
  const std::string status = read.String(*imputation, "typical_status", "imputation");
  if (!read.ok()) return;
  if (auto parsed = AuthorStatusFromName(status)) {
    model.imputer.typical_status = *parsed;
  } else {
    read.Fail("imputation.typical_status \"" + status + "\" is not active, under_review or banned; " + kRetrainHint);
  }
  model.imputer.download_regression =
      read.Numbers(*imputation, "download_regression", "imputation", kMaxRegressionCoefficient, 4);
  if (read.ok() && model.imputer.download_regression.size() != 4 && !model.imputer.download_regression.empty())
    read.Fail("imputation.download_regression has " + std::to_string(model.imputer.download_regression.size()) +
              " coefficients, expected 4 or none; " + kRetrainHint);
  const json* bands = read.Array(*imputation, "view_bands", "imputation", kMaxViewBands);
  if (!bands) return;
  if (bands->empty()) read.Fail(std::string("imputation.view_bands is empty, expected at least one band; ") + kRetrainHint);
  for (size_t i = 0; i < bands->size() && read.ok(); ++i) {
    const std::string where = "imputation.view_bands[" + std::to_string(i) + "]";
    const json& band_json = (*bands)[i];
    ViewBand band;
    band.min_views = read.Number(band_json, "min_views", where, 0, kMaxViews);
    band.share_rate = read.Number(band_json, "share_rate", where, 0, kMaxTypicalRate);
    band.comment_rate = read.Number(band_json, "comment_rate", where, 0, kMaxTypicalRate);
    band.download_rate = read.Number(band_json, "download_rate", where, 0, kMaxTypicalRate);
    band.duration_sec = read.Number(band_json, "duration_sec", where, 0, kMaxDurationSec);
    if (!read.ok()) return;
    if (i == 0 && band.min_views != 0)
      read.Fail(where + ".min_views is " + NumberText(band.min_views) + ", expected 0 for the first band; " + kRetrainHint);
    if (i > 0 && !(band.min_views > model.imputer.bands.back().min_views))
      read.Fail(where + ".min_views is " + NumberText(band.min_views) + ", expected more than the band before (" +
                NumberText(model.imputer.bands.back().min_views) + "); " + kRetrainHint);
    model.imputer.bands.push_back(band);
  }
}

// Reads {"layers": [...]}; `where` names it in messages ("network", "ensemble[0]").
Network ReadLayers(JsonReader& read, const json& network, const std::string& where) {
  const json* layers = read.Array(network, "layers", where, kMaxLayers);
  if (!layers) return Network();
  if (layers->empty()) read.Fail(where + ".layers is empty, expected at least one layer; " + kRetrainHint);
  std::vector<DenseLayer> dense;
  for (size_t i = 0; i < layers->size() && read.ok(); ++i) {
    const std::string layer_where = where + ".layers[" + std::to_string(i) + "]";
    const json& layer_json = (*layers)[i];
    DenseLayer layer;
    layer.inputs = read.Integer(layer_json, "inputs", layer_where, 1, kMaxLayerWidth);
    layer.outputs = read.Integer(layer_json, "outputs", layer_where, 1, kMaxLayerWidth);
    const std::string activation = read.String(layer_json, "activation", layer_where);
    if (read.ok() && !ActivationFromName(activation, &layer.activation))
      read.Fail(layer_where + ".activation \"" + activation + "\" is not identity, relu, leaky_relu or tanh; " + kRetrainHint);
    if (!read.ok()) break;
    const size_t weight_count = static_cast<size_t>(layer.inputs) * static_cast<size_t>(layer.outputs);
    for (double w : read.Numbers(layer_json, "weights", layer_where, kMaxWeight, weight_count))
      layer.weights.push_back(static_cast<float>(w));
    for (double b : read.Numbers(layer_json, "bias", layer_where, kMaxWeight, static_cast<size_t>(layer.outputs)))
      layer.bias.push_back(static_cast<float>(b));
    dense.push_back(std::move(layer));
  }
  return read.ok() ? Network(std::move(dense)) : Network();
}

void ReadNetwork(JsonReader& read, const json& root, Model& model) {
  const json* network = read.Field(root, "network", kRoot);
  if (!network) return;
  model.network = ReadLayers(read, *network, "network");
  const json* ensemble = read.Array(root, "ensemble", kRoot, kMaxEnsembleNetworks);
  if (!ensemble) return;
  for (size_t m = 0; m < ensemble->size() && read.ok(); ++m)
    model.ensemble.push_back(ReadLayers(read, (*ensemble)[m], "ensemble[" + std::to_string(m) + "]"));
}

void ReadHeads(JsonReader& read, const json& output, OutputSpec& spec) {
  const json* heads = read.Array(output, "heads", "output", kMaxHeads);
  if (!heads) return;
  if (heads->empty()) read.Fail(std::string("output.heads is empty, expected at least one head; ") + kRetrainHint);
  for (size_t i = 0; i < heads->size() && read.ok(); ++i) {
    const std::string where = "output.heads[" + std::to_string(i) + "]";
    OutputHead head;
    head.name = read.String((*heads)[i], "name", where);
    head.loss = read.String((*heads)[i], "loss", where);
    head.quantile = read.Number((*heads)[i], "quantile", where, 0, 1);
    if (read.ok() && head.loss != "squared" && head.loss != "pinball" && head.loss != "squared_count")
      read.Fail(where + ".loss \"" + head.loss + "\" is not squared, pinball or squared_count; " + kRetrainHint);
    if (read.ok() && head.loss == "pinball" && !(head.quantile > 0 && head.quantile < 1))
      read.Fail(where + ".quantile is " + NumberText(head.quantile) + ", expected a value between 0 and 1 for a pinball head; " +
                kRetrainHint);
    spec.heads.push_back(head);
  }
}

// Reads the index of the head that serves `role`; `fits` tells whether a head can serve it.
template <typename Fits>
int ReadHeadIndex(JsonReader& read, const json& output, const char* key, const OutputSpec& spec, bool optional,
                  const char* role, Fits fits) {
  const int count = static_cast<int>(spec.heads.size());
  const int index = read.Integer(output, key, "output", -1, kMaxHeads - 1);
  if (!read.ok() || (optional && index == -1)) return index;
  const bool valid = index >= 0 && index < count && fits(spec.heads[static_cast<size_t>(index)]);
  if (!valid)
    read.Fail(std::string("output.") + key + " is " + std::to_string(index) + ", expected the index of " + role +
              " among the " + std::to_string(count) + " heads" + (optional ? " (or -1 for none)" : "") + "; " + kRetrainHint);
  return index;
}

void ReadOutput(JsonReader& read, const json& root, Model& model) {
  const json* output = read.Field(root, "output", kRoot);
  if (!output) return;
  OutputSpec& spec = model.output;
  spec.target = read.String(*output, "target", "output");
  if (read.ok() && spec.target != "log_like_rate")
    read.Fail("output.target \"" + spec.target + "\" is not log_like_rate; " + kRetrainHint);
  spec.target_mean = read.Number(*output, "target_mean", "output", kMinTargetMean, kMaxTargetMean);
  spec.target_std = read.Number(*output, "target_std", "output", kMinStd, kMaxTargetStd);
  ReadHeads(read, *output, spec);
  if (!read.ok()) return;

  auto is_log_head = [](const OutputHead& h) { return h.loss == "squared" || h.loss == "pinball"; };
  auto is_median = [](const OutputHead& h) { return h.loss == "pinball" && h.quantile == 0.5; };
  auto is_mean = [](const OutputHead& h) { return h.loss == "squared_count"; };
  auto is_low = [](const OutputHead& h) { return h.loss == "pinball" && h.quantile < 0.5; };
  auto is_high = [](const OutputHead& h) { return h.loss == "pinball" && h.quantile > 0.5; };
  spec.point_head = ReadHeadIndex(read, *output, "point_head", spec, false, "a squared or pinball head", is_log_head);
  spec.median_head = ReadHeadIndex(read, *output, "median_head", spec, true, "a pinball head at quantile 0.5", is_median);
  spec.median_weight = read.Number(*output, "median_weight", "output", 0, 1);
  spec.mean_head = ReadHeadIndex(read, *output, "mean_head", spec, true, "a squared_count head", is_mean);
  spec.blend_pivot_likes = read.Number(*output, "blend_pivot_likes", "output", 0, kMaxPivotLikes);
  // The range needs both quantile heads: every model training writes has them.
  spec.low_head = ReadHeadIndex(read, *output, "low_head", spec, false, "a pinball head below quantile 0.5", is_low);
  spec.high_head = ReadHeadIndex(read, *output, "high_head", spec, false, "a pinball head above quantile 0.5", is_high);
  spec.point_shift = read.Number(*output, "point_shift", "output", -kMaxShift, kMaxShift);
  spec.low_shift = read.Number(*output, "low_shift", "output", -kMaxShift, kMaxShift);
  spec.high_shift = read.Number(*output, "high_shift", "output", -kMaxShift, kMaxShift);
  // Files written before these fields existed get the plain shifts and no width floor.
  spec.low_shift_estimated_downloads = spec.low_shift;
  spec.high_shift_estimated_downloads = spec.high_shift;
  if (output->contains("low_shift_estimated_downloads") || output->contains("high_shift_estimated_downloads")) {
    spec.low_shift_estimated_downloads = read.Number(*output, "low_shift_estimated_downloads", "output", -kMaxShift, kMaxShift);
    spec.high_shift_estimated_downloads = read.Number(*output, "high_shift_estimated_downloads", "output", -kMaxShift, kMaxShift);
  }
  if (output->contains("min_relative_width"))
    spec.min_relative_width = read.Number(*output, "min_relative_width", "output", 0, kMaxRelativeWidth);
}

// The advice sections are validated by their own module, core/advice.
void ReadAdvice(JsonReader& read, const json& root, Model& model) {
  if (!read.ok()) return;
  for (const char* section : {"benchmarks", "insights"}) {
    if (!root.contains(section)) {
      read.Fail(std::string("the model has no \"") + section + "\" section; train the model again with this version");
      return;
    }
  }
  if (std::string error = BenchmarksFromJson(root.at("benchmarks"), &model.benchmarks); !error.empty()) read.Fail(error);
  if (std::string error = InsightsFromJson(root.at("insights"), &model.insights); !error.empty()) read.Fail(error);
}

void ReadTraining(JsonReader& read, const json& root, Model& model) {
  const json* training = read.Field(root, "training", kRoot);
  if (!training) return;
  TrainingInfo& info = model.training;
  // Range-checked before the cast, because an out-of-range double to integer cast is undefined.
  const double seed = read.Number(*training, "seed", "training");
  if (read.ok() && !(seed >= 0 && seed <= 4294967295.0 && seed == std::floor(seed)))
    read.Fail("training.seed is " + NumberText(seed) + ", expected a whole number from 0 to 4294967295; " + kRetrainHint);
  info.seed = read.ok() ? static_cast<std::uint32_t>(seed) : 0;
  info.data_fingerprint = read.String(*training, "data_fingerprint", "training");
  info.train_rows = static_cast<size_t>(read.Integer(*training, "train_rows", "training", 0, 2147483647));
  info.validation_rows = static_cast<size_t>(read.Integer(*training, "validation_rows", "training", 0, 2147483647));
  info.epochs_run = read.Integer(*training, "epochs_run", "training", 0, 1000000);
  info.best_epoch = read.Integer(*training, "best_epoch", "training", 0, info.epochs_run);
  info.validation_loss = read.Number(*training, "validation_loss", "training", 0, 1e12);
  info.loss = read.String(*training, "loss", "training");
  info.optimizer = read.String(*training, "optimizer", "training");
}

}  // namespace

double ShortestFloat(float value) {
  char text[32];
  for (int digits = 6; digits <= 9; ++digits) {
    std::snprintf(text, sizeof text, "%.*g", digits, static_cast<double>(value));
    const double parsed = std::strtod(text, nullptr);
    if (static_cast<float>(parsed) == value) return parsed;
  }
  return static_cast<double>(value);
}

std::string ModelToJson(const Model& model) {
  ordered_json root;
  root["format"] = kFormatName;
  root["format_version"] = kModelFormatVersion;

  ordered_json features = ordered_json::array();
  for (const FeatureScaling& s : model.features.scaling) features.push_back({{"name", s.name}, {"mean", s.mean}, {"std", s.std}});
  root["features"] = std::move(features);

  ordered_json bands = ordered_json::array();
  for (const ViewBand& b : model.imputer.bands) {
    bands.push_back({{"min_views", b.min_views}, {"share_rate", b.share_rate}, {"comment_rate", b.comment_rate},
                     {"download_rate", b.download_rate}, {"duration_sec", b.duration_sec}});
  }
  root["imputation"] = {{"typical_verified", model.imputer.typical_verified ? 1 : 0},
                        {"typical_status", AuthorStatusName(model.imputer.typical_status)},
                        {"download_regression", model.imputer.download_regression},
                        {"view_bands", std::move(bands)}};

  ordered_json layers = ordered_json::array();
  for (const DenseLayer& layer : model.network.layers()) layers.push_back(LayerToJson(layer));
  root["network"] = {{"layers", std::move(layers)}};
  ordered_json ensemble = ordered_json::array();
  for (const Network& member : model.ensemble) {
    ordered_json member_layers = ordered_json::array();
    for (const DenseLayer& layer : member.layers()) member_layers.push_back(LayerToJson(layer));
    ensemble.push_back({{"layers", std::move(member_layers)}});
  }
  root["ensemble"] = std::move(ensemble);

  const OutputSpec& o = model.output;
  ordered_json heads = ordered_json::array();
  for (const OutputHead& h : o.heads) heads.push_back({{"name", h.name}, {"loss", h.loss}, {"quantile", h.quantile}});
  root["output"] = {{"target", o.target},           {"target_mean", o.target_mean}, {"target_std", o.target_std},
                    {"heads", std::move(heads)},    {"point_head", o.point_head},   {"median_head", o.median_head},
                    {"median_weight", o.median_weight},                             {"mean_head", o.mean_head},
                    {"blend_pivot_likes", o.blend_pivot_likes},                     {"low_head", o.low_head},
                    {"high_head", o.high_head},     {"point_shift", o.point_shift}, {"low_shift", o.low_shift},
                    {"high_shift", o.high_shift},
                    {"low_shift_estimated_downloads", o.low_shift_estimated_downloads},
                    {"high_shift_estimated_downloads", o.high_shift_estimated_downloads},
                    {"min_relative_width", o.min_relative_width}};

  const TrainingInfo& t = model.training;
  root["training"] = {{"seed", t.seed},
                      {"data_fingerprint", t.data_fingerprint},
                      {"train_rows", t.train_rows},
                      {"validation_rows", t.validation_rows},
                      {"epochs_run", t.epochs_run},
                      {"best_epoch", t.best_epoch},
                      {"validation_loss", t.validation_loss},
                      {"loss", t.loss},
                      {"optimizer", t.optimizer}};
  root["benchmarks"] = BenchmarksToJson(model.benchmarks);
  root["insights"] = InsightsToJson(model.insights);
  return root.dump(1) + "\n";
}

ModelLoadResult ModelFromJson(std::string_view text) {
  ModelLoadResult result;
  const json root = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) {
    result.error = "the model file is not valid JSON; choose a model.json written by likecast train or by the page";
    return result;
  }
  JsonReader read(&result.error, kRoot, kRetrainHint);
  const std::string format = root.is_object() ? read.String(root, "format", kRoot) : "";
  if (!root.is_object() || format != kFormatName) {
    result.error = "this JSON file is not a LikeCast model (its \"format\" is not \"likecast-model\")";
    return result;
  }
  const int version = read.Integer(root, "format_version", kRoot, 0, 1000000);
  if (read.ok() && version != kModelFormatVersion) {
    result.error = "the model file has format_version " + std::to_string(version) + ", but this LikeCast reads version " +
                   std::to_string(kModelFormatVersion) + "; train the model again with this version";
    return result;
  }

  Model model;
  ReadFeatures(read, root, model);
  ReadImputation(read, root, model);
  ReadNetwork(read, root, model);
  ReadOutput(read, root, model);
  ReadTraining(read, root, model);
  ReadAdvice(read, root, model);
  if (!read.ok()) return result;
  if (std::string error = model.Validate(); !error.empty()) {
    result.error = "invalid model file: " + error + "; " + kRetrainHint;
    return result;
  }
  result.model = std::move(model);
  return result;
}

ModelLoadResult LoadModelFile(const std::string& path) {
  std::error_code code;
  if (std::filesystem::is_directory(path, code)) {
    ModelLoadResult result;
    result.error = "cannot read model file " + path + ": it is a folder; give the path of a model .json file";
    return result;
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    ModelLoadResult result;
    result.error = "cannot open model file " + path + ": file not found or not readable";
    return result;
  }
  std::stringstream text;
  text << file.rdbuf();
  ModelLoadResult result = ModelFromJson(text.str());
  if (!result.error.empty()) result.error = path + ": " + result.error;
  return result;
}

std::string SaveModelFile(const Model& model, const std::string& path) {
  const std::string text = ModelToJson(model);
  // Write to a temporary file first, so a failed write never leaves half a model behind.
  const std::string temporary = path + ".tmp";
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    if (!file) return "cannot write " + temporary + ": check that the folder exists and is writable";
    file << text;
    if (!file.flush()) {
      file.close();
      std::remove(temporary.c_str());
      return "writing " + temporary + " failed (disk full?)";
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    std::remove(temporary.c_str());
    return "cannot replace " + path + " with the new model: " + reason;
  }
  return "";
}

}  // namespace likecast
