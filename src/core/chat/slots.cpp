// Slot and intent names, slot values, and the range each slot accepts (see chat.h).
#include <cmath>
#include <cstdlib>

#include "core/chat/chat.h"
#include "core/common/format.h"

namespace likecast {

const char* ChatSlotName(ChatSlot slot) {
  switch (slot) {
    case ChatSlot::views: return "views";
    case ChatSlot::shares: return "shares";
    case ChatSlot::comments: return "comments";
    case ChatSlot::downloads: return "downloads";
    case ChatSlot::duration_sec: return "duration_sec";
    case ChatSlot::verified: return "verified";
    case ChatSlot::author_status: return "author_status";
    case ChatSlot::likes: return "likes";
  }
  return "?";
}

std::optional<ChatSlot> ChatSlotFromName(std::string_view name) {
  for (int i = 0; i < kChatSlotCount; ++i) {
    const auto slot = static_cast<ChatSlot>(i);
    if (name == ChatSlotName(slot)) return slot;
  }
  return std::nullopt;
}

const char* ChatSlotNoun(ChatSlot slot) {
  switch (slot) {
    case ChatSlot::duration_sec: return "duration";
    case ChatSlot::verified: return "verified status";
    case ChatSlot::author_status: return "account status";
    default: return ChatSlotName(slot);
  }
}

const char* IntentName(Intent intent) {
  switch (intent) {
    case Intent::predict: return "predict";
    case Intent::what_if: return "what_if";
    case Intent::explain: return "explain";
    case Intent::tips: return "tips";
    case Intent::benchmark: return "benchmark";
    case Intent::help: return "help";
    case Intent::reset: return "reset";
    case Intent::undo: return "undo";
  }
  return "?";
}

std::optional<double> SlotNumber(const ChatSlots& slots, ChatSlot slot) {
  const VideoInputs& in = slots.inputs;
  switch (slot) {
    case ChatSlot::views: return in.views;
    case ChatSlot::shares: return in.shares;
    case ChatSlot::comments: return in.comments;
    case ChatSlot::downloads: return in.downloads;
    case ChatSlot::duration_sec: return in.duration_sec;
    case ChatSlot::verified:
      if (!in.verified) return std::nullopt;
      return *in.verified ? 1.0 : 0.0;
    case ChatSlot::author_status:
      if (!in.author_status) return std::nullopt;
      return static_cast<double>(*in.author_status);
    case ChatSlot::likes: return slots.likes;
  }
  return std::nullopt;
}

void SetSlotNumber(ChatSlots* slots, ChatSlot slot, std::optional<double> value) {
  VideoInputs& in = slots->inputs;
  switch (slot) {
    case ChatSlot::views: in.views = value; break;
    case ChatSlot::shares: in.shares = value; break;
    case ChatSlot::comments: in.comments = value; break;
    case ChatSlot::downloads: in.downloads = value; break;
    case ChatSlot::duration_sec: in.duration_sec = value; break;
    case ChatSlot::verified:
      in.verified = value ? std::optional<bool>(*value != 0) : std::nullopt;
      break;
    case ChatSlot::author_status:
      in.author_status = value ? std::optional<AuthorStatus>(static_cast<AuthorStatus>(static_cast<int>(*value)))
                               : std::nullopt;
      break;
    case ChatSlot::likes: slots->likes = value; break;
  }
}

bool SameSlots(const ChatSlots& a, const ChatSlots& b) {
  for (int i = 0; i < kChatSlotCount; ++i) {
    const auto slot = static_cast<ChatSlot>(i);
    if (SlotNumber(a, slot) != SlotNumber(b, slot)) return false;
  }
  return true;
}

namespace {

bool IsCountSlot(ChatSlot slot) {
  return slot == ChatSlot::views || slot == ChatSlot::shares || slot == ChatSlot::comments ||
         slot == ChatSlot::downloads || slot == ChatSlot::likes;
}

std::string ValueText(ChatSlot slot, double value) {
  if (std::isnan(value)) return "NaN " + std::string(ChatSlotNoun(slot));
  if (std::isinf(value)) return std::string(value < 0 ? "minus " : "") + "infinite " + ChatSlotNoun(slot);
  return DescribeSlot(slot, value);
}

// A length in the largest unit that shows it exactly with at most one decimal: "2 hours", "61 minutes",
// "90.5 minutes", "0.5 seconds", "-3 seconds".
std::string LengthInWords(double seconds) {
  const double magnitude = std::fabs(seconds);
  const auto exact_in = [magnitude](double unit) { return std::fmod(magnitude * 10, unit) == 0; };
  if (magnitude >= 3600 && exact_in(3600))
    return FormatPlain(seconds / 3600, 1) + (magnitude == 3600 ? " hour" : " hours");
  if (magnitude >= 60 && exact_in(60))
    return FormatPlain(seconds / 60, 1) + (magnitude == 60 ? " minute" : " minutes");
  return FormatPlain(seconds, 1) + (magnitude == 1 ? " second" : " seconds");
}

// Writes `value`, which lies outside [low, high], with the fewest decimals (at most 6) that keep it visibly outside.
std::string OutsideRangeNumber(double value, double low, double high) {
  for (int decimals = 0; decimals < 6; ++decimals) {
    const std::string text = FormatPlain(value, decimals);
    const double shown = std::strtod(text.c_str(), nullptr);
    if (shown < low || shown > high) return text;
  }
  return FormatPlain(value, 6);
}

// Writes a count outside 0 to kMaxCount for a range message. A count that reads like a bound ("10B" for
// 10,000,000,001, "0" for -0.3) is written out in full, so that it shows as out of range.
std::string OutOfRangeCount(ChatSlot slot, double value) {
  const std::string brief = ValueText(slot, value);
  if (!std::isfinite(value)) return brief;
  const std::string shown = FormatCount(value);
  if (shown != FormatCount(kMaxCount) && shown != FormatCount(0)) return brief;
  const double whole = std::round(value);
  const std::string full = whole < 0 || whole > kMaxCount ? FormatInteger(value) : OutsideRangeNumber(value, 0, kMaxCount);
  return full + " " + ChatSlotName(slot);
}

// Writes a length outside 1 second to kMaxDurationSec. Only the seconds form rounds (to one decimal), so
// 0.96 and 3600.04 seconds get more decimals rather than read "1 second" and "3600 seconds".
std::string OutOfRangeLength(double seconds) {
  const double shown = std::round(seconds * 10) / 10;
  if (shown < 1 || shown > kMaxDurationSec) return LengthInWords(seconds);
  return OutsideRangeNumber(seconds, 1, kMaxDurationSec) + " seconds";
}

}  // namespace

std::string CheckSlotValue(ChatSlot slot, double value) {
  if (IsCountSlot(slot)) {
    if (std::isfinite(value) && value >= 0 && value <= kMaxCount) return "";
    return OutOfRangeCount(slot, value) + " is not possible: " + ChatSlotNoun(slot) + " must be between 0 and " +
           FormatCount(kMaxCount);
  }
  if (slot == ChatSlot::duration_sec) {
    if (std::isfinite(value) && value >= 1 && value <= kMaxDurationSec) return "";
    return "A video of " + (std::isfinite(value) ? OutOfRangeLength(value) : ValueText(slot, value)) +
           " is not possible: TikTok videos last between 1 second and " + FormatPlain(kMaxDurationSec / 60) +
           " minutes";
  }
  if (slot == ChatSlot::verified) return value == 0 || value == 1 ? "" : "verified must be 0 or 1";
  const bool status_ok = value == static_cast<double>(AuthorStatus::active) ||
                         value == static_cast<double>(AuthorStatus::under_review) ||
                         value == static_cast<double>(AuthorStatus::banned);
  return status_ok ? "" : "the account status must be active, under review or banned";
}

std::string DescribeSlot(ChatSlot slot, double value) {
  switch (slot) {
    case ChatSlot::duration_sec: return "a " + FormatDuration(value) + " video";
    case ChatSlot::verified: return value != 0 ? "a verified account" : "an unverified account";
    case ChatSlot::author_status: {
      const auto status = static_cast<AuthorStatus>(static_cast<int>(value));
      if (status == AuthorStatus::under_review) return "an account under review";
      return status == AuthorStatus::banned ? "a banned account" : "an active account";
    }
    default: {
      // Singular for one: "1 share", "1 view".
      std::string noun = ChatSlotName(slot);
      if (std::round(value) == 1 && !noun.empty()) noun.pop_back();
      return FormatCount(value) + " " + noun;
    }
  }
}

}  // namespace likecast
