// Logging sink and level filter (see log.h).
#include "core/common/log.h"

#include <cstdio>

namespace likecast {
namespace {

LogSink g_sink;
LogLevel g_minimum = LogLevel::info;

}  // namespace

void SetLogSink(LogSink sink) { g_sink = std::move(sink); }

void SetLogLevel(LogLevel minimum) { g_minimum = minimum; }

const char* LogLevelName(LogLevel level) {
  switch (level) {
    case LogLevel::debug: return "debug";
    case LogLevel::info: return "info";
    case LogLevel::warning: return "warning";
    case LogLevel::error: return "error";
  }
  return "?";
}

void LogMessage(LogLevel level, const char* function, const std::string& message) {
  if (level < g_minimum) return;
  if (g_sink) {
    g_sink(level, function, message);
    return;
  }
  std::fprintf(stderr, "likecast %s: %s: %s\n", LogLevelName(level), function, message.c_str());
}

}  // namespace likecast
