// One small logging facility for the whole core. Messages go to a sink that the
// program may replace: by default stderr, which the browser build shows in the
// console. The app routes warnings into the chat as well.
#pragma once

#include <functional>
#include <string>

namespace likecast {

enum class LogLevel { debug, info, warning, error };

using LogSink = std::function<void(LogLevel level, const char* function, const std::string& message)>;

void SetLogSink(LogSink sink);            // replaces the sink; an empty sink restores stderr
void SetLogLevel(LogLevel minimum);       // drops messages below this level (default: info)
void LogMessage(LogLevel level, const char* function, const std::string& message);
const char* LogLevelName(LogLevel level);

}  // namespace likecast

#define LIKECAST_LOG_DEBUG(msg) ::likecast::LogMessage(::likecast::LogLevel::debug, __func__, (msg))
#define LIKECAST_LOG_INFO(msg) ::likecast::LogMessage(::likecast::LogLevel::info, __func__, (msg))
#define LIKECAST_LOG_WARN(msg) ::likecast::LogMessage(::likecast::LogLevel::warning, __func__, (msg))
#define LIKECAST_LOG_ERROR(msg) ::likecast::LogMessage(::likecast::LogLevel::error, __func__, (msg))
