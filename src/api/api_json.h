// JSON conversions of the JavaScript API: video inputs in, predictions,
// recommendations and parsed messages out, with the API's camelCase keys.
// Internal to src/api; api.h is the public boundary.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/advice/recommend.h"
#include "core/chat/chat.h"
#include "core/data/video.h"
#include "core/model/model.h"

namespace likecast::api {

using nlohmann::ordered_json;

// "duration_sec" -> "durationSec": the core's snake_case names as the API spells them.
std::string CamelCase(std::string_view snake_name);

// Reads {"views": 120000, "shares": 3400, ...}. Missing or null counts and durationSec are unknown (the model
// assumes typical values); verified defaults to false and authorStatus to "active", as in `likecast predict`.
// Returns "" or an error naming the input and its value, e.g. `shares "-5" is invalid: give a number from 0 to ...`.
std::string InputsFromJson(std::string_view text, VideoInputs* inputs);

ordered_json PredictionToJson(const Prediction& prediction);
ordered_json RecommendationsToJson(const RecommendResult& result);
ordered_json ParsedMessageToJson(const ParsedMessage& parsed, const ChatReply& reply);

}  // namespace likecast::api
