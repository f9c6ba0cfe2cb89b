// The C boundary of the JavaScript API (see api.h): loaded models by handle,
// and one function per API call that turns JSON text into the core's calls.
#include "api/api.h"

#include <exception>
#include <map>
#include <string>

#include "api/api_json.h"
#include "core/model/model_io.h"

namespace likecast::api {
namespace {

std::map<int, Model> g_models;
int g_next_handle = 1;
std::string g_result;   // the last result, returned to JavaScript as a pointer

const char* Result(const ordered_json& value) {
  g_result = value.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
  return g_result.c_str();
}

const char* Error(const std::string& message) { return Result({{"error", message}}); }

const Model* FindModel(int handle) {
  const auto found = g_models.find(handle);
  return found == g_models.end() ? nullptr : &found->second;
}

const char* kNoModel = "this LikeCast object has been disposed; create another with createLikeCast()";

}  // namespace
}  // namespace likecast::api

using namespace likecast;
using namespace likecast::api;

// The core reports errors as values, but nlohmann/json and the standard library can still throw (bad_alloc,
// a type error on a path the checks missed). Each entry point catches them, so JavaScript gets an error
// message instead of an aborted module.
extern "C" {

const char* likecast_api_load_model(const char* model_json) {
  try {
    ModelLoadResult loaded = ModelFromJson(model_json);
    if (!loaded.model) return Error("the model was rejected: " + loaded.error);
    const int handle = g_next_handle++;
    g_models.emplace(handle, std::move(*loaded.model));
    return Result({{"handle", handle}});
  } catch (const std::exception& error) {
    return Error(std::string("loading the model failed: ") + error.what());
  }
}

void likecast_api_free_model(int handle) { g_models.erase(handle); }

const char* likecast_api_predict(int handle, const char* inputs_json) {
  try {
    const Model* model = FindModel(handle);
    if (!model) return Error(kNoModel);
    VideoInputs inputs;
    if (std::string error = InputsFromJson(inputs_json, &inputs); !error.empty()) return Error(error);
    return Result(PredictionToJson(model->Predict(inputs)));
  } catch (const std::exception& error) {
    return Error(std::string("predict failed: ") + error.what());
  }
}

const char* likecast_api_advise(int handle, const char* inputs_json) {
  try {
    const Model* model = FindModel(handle);
    if (!model) return Error(kNoModel);
    VideoInputs inputs;
    if (std::string error = InputsFromJson(inputs_json, &inputs); !error.empty()) return Error(error);
    const RecommendResult result = RecommendFor(*model, model->Predict(inputs).used);
    if (!result.error.empty()) return Error(result.error);
    return Result(RecommendationsToJson(result));
  } catch (const std::exception& error) {
    return Error(std::string("advise failed: ") + error.what());
  }
}

const char* likecast_api_parse(int handle, const char* message) {
  try {
    const Model* model = FindModel(handle);
    if (!model) return Error(kNoModel);
    Conversation conversation(model);
    const ChatReply reply = conversation.Send(message);
    return Result(ParsedMessageToJson(ParseMessage(message), reply));
  } catch (const std::exception& error) {
    return Error(std::string("parse failed: ") + error.what());
  }
}

}  // extern "C"
