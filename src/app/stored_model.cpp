// Keeping the model in use across reloads (see app.h): a model the user chose
// ("Use new model" after training, or a loaded model file) is stored in the
// browser with a description and a checksum, and restored at the next start. A
// stored model that fails the checksum or the model checks is removed, and the
// built-in model stays in use.
#include <cstdint>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/web_bridge.h"
#include "core/model/model_io.h"

namespace likecast::app {
namespace {

constexpr const char* kStoredModelFormat = "likecast-stored-model";
constexpr int kStoredModelVersion = 1;

// FNV-1a, 64 bits, as 16 hex digits: enough to notice a truncated or edited model text.
std::string Checksum(const std::string& text) {
  std::uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

// Checks the description the page stored beside the model text. Returns "" or what is wrong; sets `source`.
std::string CheckStoredModel(const std::string& meta_json, const std::string& model_json, std::string* source) {
  const nlohmann::json meta = nlohmann::json::parse(meta_json, nullptr, false);
  if (meta.is_discarded() || !meta.is_object()) return "its description is not valid JSON";
  if (meta.value("format", "") != kStoredModelFormat || meta.value("version", 0) != kStoredModelVersion)
    return "its description is not a stored LikeCast model of version " + std::to_string(kStoredModelVersion);
  if (model_json.empty()) return "the model text is missing";
  const double bytes = meta.value("bytes", -1.0);
  if (bytes != static_cast<double>(model_json.size()))
    return "the model text has " + std::to_string(model_json.size()) + " bytes, expected " + std::to_string(static_cast<long long>(bytes));
  if (meta.value("fnv1a64", "") != Checksum(model_json)) return "the model text does not match its checksum";
  *source = meta.value("source", "stored model");
  return "";
}

}  // namespace

void App::KeepModelInBrowser() {
  if (embed_ || !model_) return;
  const std::string text = ModelToJson(*model_);
  const nlohmann::json meta = {{"format", kStoredModelFormat}, {"version", kStoredModelVersion}, {"source", model_source_},
                               {"bytes", text.size()}, {"fnv1a64", Checksum(text)}};
  if (!web::StoreModel(meta.dump(), text)) {
    AddLog(LogKind::error, "This browser could not keep the model for your next visit (its storage is blocked or "
                           "full). Download the model to keep it.");
  }
}

void App::RestoreStoredModel(const std::string& meta_json, const std::string& model_json) {
  // A model the user chose since the page started wins over the stored one.
  if (embed_ || !built_in_in_use_) return;
  std::string source;
  std::string error = CheckStoredModel(meta_json, model_json, &source);
  ModelLoadResult loaded;
  if (error.empty()) {
    loaded = ModelFromJson(model_json);
    if (!loaded.model) error = loaded.error;
  }
  if (!error.empty()) {
    web::ClearStoredModel();
    AddLog(LogKind::error, "The model kept in this browser could not be read (" + error +
                               "), so it was removed and the built-in model is in use. Train or load a model again "
                               "to keep one.");
    Mirror(log_.back().text);
    return;
  }
  SetModel(std::make_unique<Model>(std::move(*loaded.model)), source + ", kept in this browser");
  AddLog(LogKind::note, "Using the " + source + ", kept in this browser from your last visit. \"Use built-in model\" "
                        "in the Model tab goes back to the built-in one.");
  Mirror(log_.back().text);
}

void App::UseBuiltInModel() {
  if (!built_in_model_) return;
  web::ClearStoredModel();
  SetModel(std::make_unique<Model>(*built_in_model_), built_in_source_);
  built_in_in_use_ = true;
  AddLog(LogKind::note, "Back to the built-in model. This browser no longer keeps another model.");
  Mirror(log_.back().text);
}

}  // namespace likecast::app
