// The inputs LikeCast predicts from, shared by every module: one video's
// metrics as a creator knows them. Any input may be unknown (std::nullopt);
// the model says which ones it had to assume.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace likecast {

enum class AuthorStatus { active, under_review, banned };

// The inputs of one video. Counts are totals over the video's lifetime.
struct VideoInputs {
  std::optional<double> views;
  std::optional<double> shares;
  std::optional<double> comments;
  std::optional<double> downloads;
  std::optional<double> duration_sec;
  std::optional<bool> verified;
  std::optional<AuthorStatus> author_status;
};

// Identifies one input, in the order the page and the model file list them.
enum class InputField { views, shares, comments, downloads, duration_sec, verified, author_status };
constexpr int kInputFieldCount = 7;

const char* InputFieldName(InputField field);                  // "views", "duration_sec", ...
std::optional<InputField> InputFieldFromName(const std::string& name);
bool IsInputKnown(const VideoInputs& inputs, InputField field);

const char* AuthorStatusName(AuthorStatus status);             // "active", "under_review", "banned"
std::optional<AuthorStatus> AuthorStatusFromName(const std::string& name);  // also takes "under review"

// Largest count accepted anywhere (views above this are not a real video).
constexpr double kMaxCount = 10e9;
// Longest duration accepted, in seconds (TikTok's limit is 10 minutes; uploads can reach 60).
constexpr double kMaxDurationSec = 3600.0;

}  // namespace likecast
