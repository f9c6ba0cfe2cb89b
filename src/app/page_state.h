// What the page keeps between visits and puts in links: the URL query (a
// scenario, embed mode, theme) and the saved state in localStorage (the
// conversation and the chat log, as JSON). Reading never throws: a bad value
// or a corrupt save comes back as an error for the page to show.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/chat/chat.h"

namespace likecast::app {

// --- URL query ------------------------------------------------------------------

struct QueryOptions {
  bool embed = false;                                   // embed=1: the compact widget layout
  std::optional<bool> dark;                             // theme=dark|light; unset: follow the system
  std::optional<bool> compact;                          // compact=0|1; unset: compact in embed mode only
  std::vector<std::pair<ChatSlot, double>> slots;       // views=..., shares=..., status=banned, likes=...
  std::vector<std::string> rejected;                    // "views=abc": values that could not be used
};

// Reads "views=120000&shares=3.4k&verified=1&status=active&embed=1&theme=dark". Unknown keys are ignored.
QueryOptions ParseQuery(const std::string& query);

// The scenario as a query, e.g. "views=120000&shares=3400&verified=0&status=active"; unset slots are left out.
std::string ScenarioQuery(const ChatSlots& slots);

// --- Chat log -------------------------------------------------------------------

enum class LogKind { user, assistant, error, note };
const char* LogKindName(LogKind kind);                  // "user", "assistant", "error", "note"

// One line of the chat pane. The conversation keeps its own transcript; the log adds the page's
// notes and errors (a file that failed to load, a finished training) and decides the styling.
struct LogEntry {
  LogKind kind = LogKind::assistant;
  std::string text;
};

// --- Saved state ----------------------------------------------------------------

struct SavedPage {
  std::string conversation_json;                        // Conversation::SaveJson()
  std::vector<LogEntry> log;
};

constexpr size_t kMaxLogEntries = 200;                   // older entries drop out of the log and the save

std::string SavedPageToJson(const SavedPage& page);
// Returns "" on success, else what is wrong ("the saved state is not valid JSON: ..."); `page` is then unchanged.
std::string SavedPageFromJson(std::string_view json, SavedPage* page);

}  // namespace likecast::app
