// JSON conversions of the JavaScript API (see api_json.h).
#include "api/api_json.h"

#include <cctype>
#include <cmath>
#include <optional>

namespace likecast::api {
namespace {

// Whole numbers print without a decimal point ("45", not "45.0").
ordered_json JsonNumber(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15)
    return ordered_json(static_cast<long long>(value));
  return ordered_json(value);
}

// The value as the caller wrote it, for error messages: "-5", "\"120k\"", "true".
std::string Quoted(const ordered_json& value) {
  const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
  return "\"" + text + "\"";
}

const char* ChangeKindName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::set: return "set";
    case ChangeKind::scale: return "scale";
    case ChangeKind::add: return "add";
  }
  return "?";
}

// A count or a duration: null is unknown, any other value must be a finite number in [0, max].
std::string ReadNumber(const ordered_json& value, const std::string& name, double max, std::optional<double>* out) {
  if (value.is_null()) return "";
  if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < 0 || value.get<double>() > max) {
    return name + " " + Quoted(value) + " is invalid: give a number from 0 to " +
           std::to_string(static_cast<long long>(max));
  }
  *out = value.get<double>();
  return "";
}

ordered_json CompleteInputsToJson(const CompleteInputs& used) {
  return {{"views", JsonNumber(used.views)},
          {"shares", JsonNumber(used.shares)},
          {"comments", JsonNumber(used.comments)},
          {"downloads", JsonNumber(used.downloads)},
          {"durationSec", JsonNumber(used.duration_sec)},
          {"verified", used.verified},
          {"authorStatus", AuthorStatusName(used.author_status)}};
}

// A chat slot's number as the API shows it: verified as a boolean, the status by name, counts as numbers.
ordered_json SlotValueToJson(ChatSlot slot, double value) {
  if (slot == ChatSlot::verified) return value != 0;
  if (slot == ChatSlot::author_status) return AuthorStatusName(static_cast<AuthorStatus>(static_cast<int>(value)));
  return JsonNumber(value);
}

std::string SlotKey(ChatSlot slot) { return CamelCase(ChatSlotName(slot)); }

}  // namespace

std::string CamelCase(std::string_view snake_name) {
  std::string out;
  bool upper = false;
  for (char c : snake_name) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

std::string InputsFromJson(std::string_view text, VideoInputs* inputs) {
  const ordered_json root = ordered_json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object()) {
    return "the video inputs must be an object such as {views: 120000, shares: 3400}, got " +
           std::string(root.is_discarded() ? "text that is not JSON" : root.dump());
  }

  *inputs = VideoInputs{};
  for (const auto& [key, value] : root.items()) {
    std::string error;
    if (key == "views") {
      error = ReadNumber(value, key, kMaxCount, &inputs->views);
    } else if (key == "shares") {
      error = ReadNumber(value, key, kMaxCount, &inputs->shares);
    } else if (key == "comments") {
      error = ReadNumber(value, key, kMaxCount, &inputs->comments);
    } else if (key == "downloads") {
      error = ReadNumber(value, key, kMaxCount, &inputs->downloads);
    } else if (key == "durationSec") {
      error = ReadNumber(value, key, kMaxDurationSec, &inputs->duration_sec);
    } else if (key == "verified") {
      if (value.is_boolean()) inputs->verified = value.get<bool>();
      else if (!value.is_null()) error = "verified " + Quoted(value) + " is invalid: give true or false";
    } else if (key == "authorStatus") {
      if (value.is_string()) inputs->author_status = AuthorStatusFromName(value.get<std::string>());
      if (!value.is_null() && !inputs->author_status)
        error = "authorStatus " + Quoted(value) + " is invalid: use \"active\", \"under_review\" or \"banned\"";
    } else {
      error = "unknown input \"" + key + "\": the inputs are views, shares, comments, downloads, durationSec, "
              "verified and authorStatus";
    }
    if (!error.empty()) return error;
  }

  if (!inputs->views) return "views is required: how many views does the video have?";
  if (!inputs->verified) inputs->verified = false;
  if (!inputs->author_status) inputs->author_status = AuthorStatus::active;
  return "";
}

// Likes and the range are rounded as `likecast predict --json` rounds them, so the two can be compared.
ordered_json PredictionToJson(const Prediction& prediction) {
  ordered_json assumed = ordered_json::array();
  for (InputField field : prediction.assumed) assumed.push_back(CamelCase(InputFieldName(field)));
  return {{"likes", JsonNumber(std::round(prediction.likes))},
          {"p10", JsonNumber(std::round(prediction.p10))},
          {"p90", JsonNumber(std::round(prediction.p90))},
          {"assumed", std::move(assumed)},
          {"used", CompleteInputsToJson(prediction.used)}};
}

// predictedLikes and gain use the rounding of `likecast advise --json`.
ordered_json RecommendationsToJson(const RecommendResult& result) {
  const double likes = std::round(result.likes);
  ordered_json list = ordered_json::array();
  for (const Recommendation& r : result.recommendations) {
    const double predicted = std::round(r.target.likes);
    list.push_back({{"lever", CamelCase(r.lever_name)},
                    {"current", JsonNumber(r.current)},
                    {"percentile", JsonNumber(std::round(r.percentile))},
                    {"target", JsonNumber(r.target.value)},
                    {"targetPercentile", JsonNumber(std::round(r.target_percentile))},
                    {"predictedLikes", JsonNumber(predicted)},
                    {"gain", JsonNumber(predicted - likes)},
                    {"alreadyStrong", r.already_strong},
                    {"smallEffect", r.small_effect},
                    {"dataBacked", r.data_backed},
                    {"targetText", r.target_text},
                    {"gainText", r.gain_text},
                    {"action", r.action},
                    {"reason", r.reason}});
  }
  return {{"likes", JsonNumber(likes)},
          {"group", result.group},
          {"groupRows", result.group_rows},
          {"recommendations", std::move(list)}};
}

ordered_json ParsedMessageToJson(const ParsedMessage& parsed, const ChatReply& reply) {
  ordered_json inputs = ordered_json::object();
  for (int i = 0; i < kChatSlotCount; ++i) {
    const auto slot = static_cast<ChatSlot>(i);
    const std::optional<double> value = SlotNumber(reply.slots, slot);
    if (slot != ChatSlot::likes && value) inputs[SlotKey(slot)] = SlotValueToJson(slot, *value);
  }

  ordered_json changes = ordered_json::array();
  for (const SlotChange& change : parsed.changes) {
    const bool set = change.kind == ChangeKind::set;
    changes.push_back({{"input", SlotKey(change.slot)},
                       {"kind", ChangeKindName(change.kind)},
                       {"value", set ? SlotValueToJson(change.slot, change.value) : JsonNumber(change.value)},
                       {"text", change.text},
                       {"approximate", change.approximate}});
  }
  ordered_json rejected = ordered_json::array();
  for (const RejectedValue& value : parsed.rejected) {
    rejected.push_back({{"input", SlotKey(value.slot)}, {"message", value.message}});
  }

  ordered_json out;
  out["intent"] = IntentName(reply.intent);
  out["hypothetical"] = parsed.hypothetical;
  out["inputs"] = std::move(inputs);
  out["likes"] = reply.slots.likes ? JsonNumber(*reply.slots.likes) : ordered_json(nullptr);
  out["changes"] = std::move(changes);
  out["rejected"] = std::move(rejected);
  out["unusedCounts"] = parsed.unused_counts;
  out["unknownNumbers"] = parsed.unknown_numbers;
  out["notes"] = parsed.notes;
  out["greeting"] = parsed.greeting;
  out["tooLong"] = parsed.too_long;
  out["reply"] = reply.text;
  return out;
}

}  // namespace likecast::api
