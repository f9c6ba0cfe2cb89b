// URL query and saved state of the page (see page_state.h).
#include "app/page_state.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "core/common/format.h"
#include "core/data/dataset.h"

namespace likecast::app {
namespace {

using json = nlohmann::json;

constexpr const char* kSavedFormat = "likecast-page";
constexpr int kSavedVersion = 1;

std::string UrlDecode(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
               std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::strtol(text.substr(i + 1, 2).c_str(), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// The query names of the slots: the CLI's option names ("duration", "status") where they differ.
struct QueryKey {
  const char* key;
  ChatSlot slot;
};
constexpr QueryKey kQueryKeys[] = {
    {"views", ChatSlot::views},       {"shares", ChatSlot::shares},      {"comments", ChatSlot::comments},
    {"downloads", ChatSlot::downloads}, {"duration", ChatSlot::duration_sec}, {"verified", ChatSlot::verified},
    {"status", ChatSlot::author_status}, {"likes", ChatSlot::likes},
};

std::optional<double> ParseSlotText(ChatSlot slot, const std::string& text) {
  if (slot == ChatSlot::verified) {
    if (text == "1" || text == "true" || text == "yes") return 1.0;
    if (text == "0" || text == "false" || text == "no") return 0.0;
    return std::nullopt;
  }
  if (slot == ChatSlot::author_status) {
    const std::optional<AuthorStatus> status = AuthorStatusFromName(text);
    if (!status) return std::nullopt;
    return static_cast<double>(*status);
  }
  const std::optional<double> value = ParseNumberCell(text);
  if (!value || !CheckSlotValue(slot, *value).empty()) return std::nullopt;
  return value;
}

}  // namespace

QueryOptions ParseQuery(const std::string& query) {
  QueryOptions options;
  size_t start = 0;
  while (start < query.size()) {
    size_t end = query.find('&', start);
    if (end == std::string::npos) end = query.size();
    const std::string pair = query.substr(start, end - start);
    start = end + 1;
    const size_t eq = pair.find('=');
    if (eq == std::string::npos) continue;
    const std::string key = UrlDecode(pair.substr(0, eq));
    const std::string text = UrlDecode(pair.substr(eq + 1));
    if (key == "embed") {
      options.embed = (text == "1" || text == "true");
      continue;
    }
    if (key == "theme") {
      if (text == "dark") options.dark = true;
      else if (text == "light") options.dark = false;
      else if (text != "auto" && text != "system") options.rejected.push_back(key + "=" + text);
      continue;
    }
    if (key == "compact") {
      options.compact = (text == "1" || text == "true");
      continue;
    }
    for (const QueryKey& entry : kQueryKeys) {
      if (key != entry.key) continue;
      if (const std::optional<double> value = ParseSlotText(entry.slot, text)) {
        options.slots.emplace_back(entry.slot, *value);
      } else {
        options.rejected.push_back(key + "=" + text);
      }
    }
  }
  return options;
}

std::string ScenarioQuery(const ChatSlots& slots) {
  std::string query;
  for (const QueryKey& entry : kQueryKeys) {
    const std::optional<double> value = SlotNumber(slots, entry.slot);
    if (!value) continue;
    std::string text;
    if (entry.slot == ChatSlot::verified) text = *value != 0 ? "1" : "0";
    else if (entry.slot == ChatSlot::author_status) text = AuthorStatusName(static_cast<AuthorStatus>(static_cast<int>(*value)));
    else text = FormatPlain(*value, 2);
    query += (query.empty() ? "" : "&") + std::string(entry.key) + "=" + text;
  }
  return query;
}

const char* LogKindName(LogKind kind) {
  switch (kind) {
    case LogKind::user: return "user";
    case LogKind::assistant: return "assistant";
    case LogKind::error: return "error";
    case LogKind::note: return "note";
  }
  return "note";
}

std::string SavedPageToJson(const SavedPage& page) {
  json root = json::object();
  root["format"] = kSavedFormat;
  root["version"] = kSavedVersion;
  json conversation = json::parse(page.conversation_json, nullptr, false);
  root["conversation"] = conversation.is_object() ? std::move(conversation) : json::object();
  json log = json::array();
  const size_t first = page.log.size() > kMaxLogEntries ? page.log.size() - kMaxLogEntries : 0;
  for (size_t i = first; i < page.log.size(); ++i) log.push_back({{"kind", LogKindName(page.log[i].kind)}, {"text", page.log[i].text}});
  root["log"] = std::move(log);
  // Invalid UTF-8 from a pasted message is replaced rather than thrown about.
  return root.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string SavedPageFromJson(std::string_view text, SavedPage* page) {
  const json root = json::parse(text, nullptr, false);
  if (root.is_discarded()) return "the saved state is not valid JSON";
  if (!root.is_object()) return "the saved state is not a JSON object";
  if (root.value("format", "") != kSavedFormat) return "the saved state has no \"format\": \"likecast-page\"";
  if (!root.contains("version") || !root["version"].is_number_integer() || root["version"] != kSavedVersion)
    return "the saved state has an unknown version (expected " + std::to_string(kSavedVersion) + ")";
  if (!root.contains("conversation") || !root["conversation"].is_object())
    return "the saved state has no \"conversation\" object";
  if (!root.contains("log") || !root["log"].is_array()) return "the saved state has no \"log\" list";

  SavedPage read;
  read.conversation_json = root["conversation"].dump();
  for (size_t i = 0; i < root["log"].size(); ++i) {
    const json& entry = root["log"][i];
    const std::string where = "log[" + std::to_string(i) + "]";
    if (!entry.is_object() || !entry.contains("kind") || !entry["kind"].is_string() || !entry.contains("text") ||
        !entry["text"].is_string())
      return where + " must be an object with a \"kind\" and a \"text\" string";
    const std::string kind = entry["kind"].get<std::string>();
    LogEntry item;
    item.text = entry["text"].get<std::string>();
    if (kind == "user") item.kind = LogKind::user;
    else if (kind == "assistant") item.kind = LogKind::assistant;
    else if (kind == "error") item.kind = LogKind::error;
    else if (kind == "note") item.kind = LogKind::note;
    else return where + " has an unknown kind \"" + kind + "\"";
    read.log.push_back(std::move(item));
  }
  if (read.log.size() > kMaxLogEntries) read.log.erase(read.log.begin(), read.log.end() - kMaxLogEntries);
  *page = std::move(read);
  return "";
}

}  // namespace likecast::app
