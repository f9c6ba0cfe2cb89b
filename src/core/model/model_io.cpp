// Model file reading and writing (see model_io.h).
#include "core/model/model_io.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

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

// Reads fields of a JSON object and records the first problem, so the
// loader is a flat list of reads followed by one check.
class Reader {
 public:
  explicit Reader(std::string* error) : error_(error) {}

  const json* Field(const json& object, const char* key, const std::string& where) {
    if (!error_->empty()) return nullptr;
    if (!object.is_object()) return Fail(where + " is not a JSON object");
    auto it = object.find(key);
    if (it == object.end()) return Fail(where + " has no \"" + key + "\" field");
    return &*it;
  }

  double Number(const json& object, const char* key, const std::string& where) {
    const json* value = Field(object, key, where);
    if (!value) return 0;
    if (!value->is_number()) return Fail(where + "." + key + " is not a number"), 0;
    const double number = value->get<double>();
    if (!std::isfinite(number)) return Fail(where + "." + key + " is not a finite number"), 0;
    return number;
  }

  int Integer(const json& object, const char* key, const std::string& where, int min, int max) {
    const double number = Number(object, key, where);
    if (!error_->empty()) return 0;
    if (number != std::floor(number) || number < min || number > max)
      return Fail(where + "." + key + " must be a whole number from " + std::to_string(min) + " to " + std::to_string(max)), 0;
    return static_cast<int>(number);
  }

  std::string String(const json& object, const char* key, const std::string& where) {
    const json* value = Field(object, key, where);
    if (!value) return "";
    if (!value->is_string()) return Fail(where + "." + key + " is not a string"), "";
    return value->get<std::string>();
  }

  const json* Array(const json& object, const char* key, const std::string& where) {
    const json* value = Field(object, key, where);
    if (value && !value->is_array()) return Fail(where + "." + key + " is not an array");
    return value;
  }

  std::vector<float> Floats(const json& object, const char* key, const std::string& where) {
    std::vector<float> out;
    const json* values = Array(object, key, where);
    if (!values) return out;
    out.reserve(values->size());
    for (const json& value : *values) {
      if (!value.is_number()) return Fail(where + "." + key + " contains a value that is not a number"), out;
      const double number = value.get<double>();
      if (!std::isfinite(number) || std::fabs(number) > 3.0e38)
        return Fail(where + "." + key + " contains a value that is not a finite float"), out;
      out.push_back(static_cast<float>(number));
    }
    return out;
  }

  std::nullptr_t Fail(const std::string& message) {
    if (error_->empty()) *error_ = message;
    return nullptr;
  }

  bool ok() const { return error_->empty(); }

 private:
  std::string* error_;
};

void ReadFeatures(Reader& read, const json& root, Model& model) {
  const json* features = read.Array(root, "features", "the model");
  if (!features) return;
  for (size_t i = 0; i < features->size() && read.ok(); ++i) {
    const std::string where = "features[" + std::to_string(i) + "]";
    FeatureScaling scaling;
    scaling.name = read.String((*features)[i], "name", where);
    scaling.mean = read.Number((*features)[i], "mean", where);
    scaling.std = read.Number((*features)[i], "std", where);
    model.features.scaling.push_back(scaling);
  }
}

void ReadImputation(Reader& read, const json& root, Model& model) {
  const json* imputation = read.Field(root, "imputation", "the model");
  if (!imputation) return;
  model.imputer.typical_verified = read.Integer(*imputation, "typical_verified", "imputation", 0, 1) == 1;
  const std::string status = read.String(*imputation, "typical_status", "imputation");
  if (!read.ok()) return;
  if (auto parsed = AuthorStatusFromName(status)) {
    model.imputer.typical_status = *parsed;
  } else {
    read.Fail("imputation.typical_status \"" + status + "\" is not active, under_review or banned");
  }
  const json* regression = read.Array(*imputation, "download_regression", "imputation");
  if (regression) {
    for (const json& value : *regression) {
      if (!value.is_number()) {
        read.Fail("imputation.download_regression contains a value that is not a number");
        break;
      }
      model.imputer.download_regression.push_back(value.get<double>());
    }
  }
  const json* bands = read.Array(*imputation, "view_bands", "imputation");
  if (!bands) return;
  for (size_t i = 0; i < bands->size() && read.ok(); ++i) {
    const std::string where = "imputation.view_bands[" + std::to_string(i) + "]";
    const json& band = (*bands)[i];
    model.imputer.bands.push_back({read.Number(band, "min_views", where), read.Number(band, "share_rate", where),
                                   read.Number(band, "comment_rate", where), read.Number(band, "download_rate", where),
                                   read.Number(band, "duration_sec", where)});
  }
}

// Reads {"layers": [...]}; `where` names it in messages ("network", "ensemble[0]").
Network ReadLayers(Reader& read, const json& network, const std::string& where) {
  const json* layers = read.Array(network, "layers", where);
  if (!layers) return Network();
  std::vector<DenseLayer> dense;
  for (size_t i = 0; i < layers->size() && read.ok(); ++i) {
    const std::string layer_where = where + ".layers[" + std::to_string(i) + "]";
    const json& layer_json = (*layers)[i];
    DenseLayer layer;
    layer.inputs = read.Integer(layer_json, "inputs", layer_where, 1, 4096);
    layer.outputs = read.Integer(layer_json, "outputs", layer_where, 1, 4096);
    const std::string activation = read.String(layer_json, "activation", layer_where);
    if (read.ok() && !ActivationFromName(activation, &layer.activation))
      read.Fail(layer_where + ".activation \"" + activation + "\" is not identity, relu, leaky_relu or tanh");
    layer.weights = read.Floats(layer_json, "weights", layer_where);
    layer.bias = read.Floats(layer_json, "bias", layer_where);
    dense.push_back(std::move(layer));
  }
  return read.ok() ? Network(std::move(dense)) : Network();
}

void ReadNetwork(Reader& read, const json& root, Model& model) {
  const json* network = read.Field(root, "network", "the model");
  if (!network) return;
  model.network = ReadLayers(read, *network, "network");
  const json* ensemble = read.Array(root, "ensemble", "the model");
  if (!ensemble) return;
  if (ensemble->size() > 15) {
    read.Fail("the model lists " + std::to_string(ensemble->size()) + " ensemble networks, at most 15 are read");
    return;
  }
  for (size_t m = 0; m < ensemble->size() && read.ok(); ++m)
    model.ensemble.push_back(ReadLayers(read, (*ensemble)[m], "ensemble[" + std::to_string(m) + "]"));
}

void ReadOutput(Reader& read, const json& root, Model& model) {
  const json* output = read.Field(root, "output", "the model");
  if (!output) return;
  OutputSpec& spec = model.output;
  spec.target = read.String(*output, "target", "output");
  if (read.ok() && spec.target != "log_like_rate") read.Fail("output.target \"" + spec.target + "\" is not log_like_rate");
  spec.target_mean = read.Number(*output, "target_mean", "output");
  spec.target_std = read.Number(*output, "target_std", "output");
  spec.point_head = read.Integer(*output, "point_head", "output", 0, 15);
  spec.median_head = read.Integer(*output, "median_head", "output", -1, 15);
  spec.median_weight = read.Number(*output, "median_weight", "output");
  spec.mean_head = read.Integer(*output, "mean_head", "output", -1, 15);
  spec.blend_pivot_likes = read.Number(*output, "blend_pivot_likes", "output");
  spec.low_head = read.Integer(*output, "low_head", "output", -1, 15);
  spec.high_head = read.Integer(*output, "high_head", "output", -1, 15);
  spec.point_shift = read.Number(*output, "point_shift", "output");
  spec.low_shift = read.Number(*output, "low_shift", "output");
  spec.high_shift = read.Number(*output, "high_shift", "output");
  const json* heads = read.Array(*output, "heads", "output");
  if (!heads) return;
  for (size_t i = 0; i < heads->size() && read.ok(); ++i) {
    const std::string where = "output.heads[" + std::to_string(i) + "]";
    OutputHead head;
    head.name = read.String((*heads)[i], "name", where);
    head.loss = read.String((*heads)[i], "loss", where);
    head.quantile = read.Number((*heads)[i], "quantile", where);
    spec.heads.push_back(head);
  }
}

// The advice sections are validated by their own module, core/advice.
void ReadAdvice(Reader& read, const json& root, Model& model) {
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

void ReadTraining(Reader& read, const json& root, Model& model) {
  const json* training = read.Field(root, "training", "the model");
  if (!training) return;
  TrainingInfo& info = model.training;
  // Range-checked before the cast, because an out-of-range double to integer cast is undefined.
  const double seed = read.Number(*training, "seed", "training");
  if (read.ok() && !(seed >= 0 && seed <= 4294967295.0 && seed == std::floor(seed)))
    read.Fail("training.seed must be a whole number from 0 to 4294967295");
  info.seed = read.ok() ? static_cast<std::uint32_t>(seed) : 0;
  info.data_fingerprint = read.String(*training, "data_fingerprint", "training");
  info.train_rows = static_cast<size_t>(read.Integer(*training, "train_rows", "training", 0, 2147483647));
  info.validation_rows = static_cast<size_t>(read.Integer(*training, "validation_rows", "training", 0, 2147483647));
  info.epochs_run = read.Integer(*training, "epochs_run", "training", 0, 1000000);
  info.best_epoch = read.Integer(*training, "best_epoch", "training", 0, 1000000);
  info.validation_loss = read.Number(*training, "validation_loss", "training");
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
                    {"high_shift", o.high_shift}};

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
  Reader read(&result.error);
  const std::string format = root.is_object() ? read.String(root, "format", "the model") : "";
  if (!root.is_object() || format != kFormatName) {
    result.error = "this JSON file is not a LikeCast model (its \"format\" is not \"likecast-model\")";
    return result;
  }
  const int version = read.Integer(root, "format_version", "the model", 0, 1000000);
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
    result.error = "invalid model file: " + error;
    return result;
  }
  result.model = std::move(model);
  return result;
}

ModelLoadResult LoadModelFile(const std::string& path) {
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
    if (!file.flush()) return "writing " + temporary + " failed (disk full?)";
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) return "cannot replace " + path + " with the new model";
  return "";
}

}  // namespace likecast
