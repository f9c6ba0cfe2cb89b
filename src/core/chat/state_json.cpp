// Saving and restoring a conversation as JSON (see Conversation::SaveJson in
// chat.h). The page keeps it in localStorage, where it may be cut short or
// edited by hand, so restoring checks every field before changing anything.
#include <algorithm>
#include <cmath>
#include <deque>

#include <nlohmann/json.hpp>

#include "core/chat/chat.h"
#include "core/common/format.h"

namespace likecast {
namespace {

using json = nlohmann::json;

constexpr const char* kFormat = "likecast-chat";
constexpr int kVersion = 1;

json SlotsToJson(const ChatSlots& slots) {
  json out = json::object();
  for (int i = 0; i < kChatSlotCount; ++i) {
    const auto slot = static_cast<ChatSlot>(i);
    const std::optional<double> value = SlotNumber(slots, slot);
    if (!value) continue;
    if (slot == ChatSlot::verified) {
      out[ChatSlotName(slot)] = *value != 0;
    } else if (slot == ChatSlot::author_status) {
      out[ChatSlotName(slot)] = AuthorStatusName(static_cast<AuthorStatus>(static_cast<int>(*value)));
    } else {
      out[ChatSlotName(slot)] = *value;
    }
  }
  return out;
}

// Reads slots written by SlotsToJson; returns "" or what is wrong, naming the field at `where`.
std::string SlotsFromJson(const json& in, const std::string& where, ChatSlots* slots) {
  if (!in.is_object()) return where + " must be an object";
  for (const auto& [key, value] : in.items()) {
    const std::optional<ChatSlot> slot = ChatSlotFromName(key);
    if (!slot) return where + " has an unknown slot \"" + key + "\"";
    double number = 0;
    if (*slot == ChatSlot::verified) {
      if (!value.is_boolean()) return where + ".verified must be true or false";
      number = value.get<bool>() ? 1 : 0;
    } else if (*slot == ChatSlot::author_status) {
      const std::optional<AuthorStatus> status = value.is_string() ? AuthorStatusFromName(value.get<std::string>())
                                                                   : std::nullopt;
      if (!status) return where + ".author_status must be \"active\", \"under_review\" or \"banned\"";
      number = static_cast<double>(*status);
    } else {
      if (!value.is_number()) return where + "." + key + " must be a number";
      number = value.get<double>();
    }
    if (std::string problem = CheckSlotValue(*slot, number); !problem.empty()) return where + "." + key + ": " + problem;
    SetSlotNumber(slots, *slot, number);
  }
  return "";
}

// "2 MB" or "850 KB", for the size limit's message.
std::string FormatBytes(size_t bytes) {
  if (bytes >= (1u << 20)) return FormatPlain(static_cast<double>(bytes) / (1u << 20), 1) + " MB";
  return FormatPlain(std::ceil(static_cast<double>(bytes) / 1024), 0) + " KB";
}

// The index of the first of the newest `keep` entries of an array of `size`.
size_t FirstKept(size_t size, size_t keep) { return size > keep ? size - keep : 0; }

}  // namespace

std::string Conversation::SaveJson() const {
  json out;
  out["format"] = kFormat;
  out["version"] = kVersion;
  out["slots"] = SlotsToJson(slots_);
  json history = json::array();
  for (const ChatSlots& slots : history_) history.push_back(SlotsToJson(slots));
  out["history"] = std::move(history);
  json transcript = json::array();
  for (const ChatTurn& turn : transcript_) transcript.push_back({{"from", turn.from_user ? "user" : "likecast"}, {"text", turn.text}});
  out["transcript"] = std::move(transcript);
  if (asking_) out["asking"] = ChatSlotName(*asking_);
  json asked = json::array();
  for (int i = 0; i < kChatSlotCount; ++i)
    if (asked_ & (1u << i)) asked.push_back(ChatSlotName(static_cast<ChatSlot>(i)));
  out["asked"] = std::move(asked);
  if (what_if_depth_) out["what_if_depth"] = *what_if_depth_;
  // Invalid UTF-8 typed by a user is replaced rather than failing the save.
  auto dump = [&out] { return out.dump(-1, ' ', false, json::error_handler_t::replace); };
  std::string text = dump();
  // Replies can be long (a note per number left unread), so even a capped transcript can outgrow what
  // RestoreJson reads. The oldest turns go first, a quarter at a time, until the state fits.
  json& turns = out["transcript"];
  while (text.size() > options_.max_state_bytes && !turns.empty()) {
    const long drop = static_cast<long>(std::max<size_t>(1, turns.size() / 4));
    turns.erase(turns.begin(), turns.begin() + drop);
    text = dump();
  }
  return text;
}

std::string Conversation::RestoreJson(std::string_view text) {
  // The size is checked before parsing, so an oversized state costs nothing but this message.
  if (text.size() > options_.max_state_bytes)
    return "the saved conversation is " + FormatBytes(text.size()) + ", over the " +
           FormatBytes(options_.max_state_bytes) + " limit; start a new conversation";
  const json in = json::parse(text.begin(), text.end(), nullptr, false);
  if (in.is_discarded()) return "the saved conversation is not valid JSON (cut short or edited by hand); start a new conversation";
  // value() throws when "format" is not a string, so its type is checked first.
  if (!in.is_object() || !in.contains("format") || !in["format"].is_string() || in["format"].get<std::string>() != kFormat)
    return "the saved conversation is not a LikeCast chat: \"format\" must be \"likecast-chat\"";
  if (!in.contains("version") || !in["version"].is_number_integer() || in["version"].get<int>() != kVersion)
    return "the saved conversation has an unsupported version, expected " + std::to_string(kVersion);

  ChatSlots slots;
  if (!in.contains("slots")) return "the saved conversation has no \"slots\"";
  if (std::string error = SlotsFromJson(in["slots"], "slots", &slots); !error.empty()) return error;

  // Only the entries that will be kept are read: older undo steps and turns drop out unread.
  std::deque<ChatSlots> history;
  size_t history_size = 0;
  size_t history_dropped = 0;
  if (in.contains("history")) {
    const json& steps = in["history"];
    if (!steps.is_array()) return "\"history\" must be an array";
    history_size = steps.size();
    history_dropped = FirstKept(steps.size(), options_.max_undo);
    for (size_t i = history_dropped; i < steps.size(); ++i) {
      ChatSlots step;
      const std::string where = "history[" + std::to_string(i) + "]";
      if (std::string error = SlotsFromJson(steps[i], where, &step); !error.empty()) return error;
      history.push_back(step);
    }
  }

  std::deque<ChatTurn> transcript;
  if (in.contains("transcript")) {
    const json& turns = in["transcript"];
    if (!turns.is_array()) return "\"transcript\" must be an array";
    for (size_t i = FirstKept(turns.size(), options_.max_transcript); i < turns.size(); ++i) {
      const json& turn = turns[i];
      const std::string where = "transcript[" + std::to_string(i) + "]";
      if (!turn.is_object() || !turn.contains("text") || !turn["text"].is_string() || !turn.contains("from") ||
          !turn["from"].is_string())
        return where + " must be {\"from\": \"user\" or \"likecast\", \"text\": \"...\"}";
      transcript.push_back({turn["from"].get<std::string>() == "user", turn["text"].get<std::string>()});
    }
  }

  std::optional<ChatSlot> asking;
  if (in.contains("asking")) {
    asking = in["asking"].is_string() ? ChatSlotFromName(in["asking"].get<std::string>()) : std::nullopt;
    if (!asking) return "\"asking\" must name a slot, e.g. \"views\"";
  }

  unsigned asked = 0;
  if (in.contains("asked")) {
    if (!in["asked"].is_array()) return "\"asked\" must be an array of slot names";
    for (const json& name : in["asked"]) {
      const std::optional<ChatSlot> slot = name.is_string() ? ChatSlotFromName(name.get<std::string>()) : std::nullopt;
      if (!slot) return "\"asked\" must list slot names, e.g. [\"shares\"]";
      asked |= 1u << static_cast<int>(*slot);
    }
  }

  std::optional<size_t> what_if_depth;
  if (in.contains("what_if_depth")) {
    if (!in["what_if_depth"].is_number_unsigned() || in["what_if_depth"].get<size_t>() > history_size)
      return "\"what_if_depth\" must be a whole number no larger than the history's length";
    // The depth counts from the oldest step, so it moves down by the steps dropped.
    const size_t depth = in["what_if_depth"].get<size_t>();
    what_if_depth = depth > history_dropped ? depth - history_dropped : 0;
  }

  // Everything is valid: replace the state.
  slots_ = slots;
  history_ = std::move(history);
  transcript_ = std::move(transcript);
  asking_ = asking;
  asked_ = asked;
  what_if_depth_ = what_if_depth;
  slider_slot_.reset();
  return "";
}

}  // namespace likecast
