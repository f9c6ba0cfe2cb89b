// Internal to src/core/chat: the first steps of reading a message. The text is
// normalised to lower-case ASCII, split into words, numbers and punctuation,
// and every word is looked up in the chat's lexicon. Used by understand.cpp
// and by the tests; the public API is chat.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/chat/chat.h"

namespace likecast::chat {

// ---------------------------------------------------------------------------
// [SECTION] Tokens
// ---------------------------------------------------------------------------

enum class TokenKind { word, number, punct };

// A unit written right after a number ("25k", "45s", "2x") or as the next word ("3.2 mil", "45 sec").
enum class NumberUnit {
  none,
  thousand, million, billion,
  million_or_minutes,   // "2m": minutes for a duration, million for a count
  seconds, minutes, hours,
  clock,                // "0:42", "1:02:03": the value is already in seconds
  times,                // "2x": a factor
  ordinal,              // "1st", "2nd": not a count
};

struct Token {
  TokenKind kind = TokenKind::word;
  std::string text;               // the word, the punctuation character, or the number as typed (lower case)
  double value = 0;               // numbers: the value before the unit is applied
  NumberUnit unit = NumberUnit::none;
  bool space_before = true;       // whitespace or the start of the message precedes the token
  bool minus = false;             // "-500": a minus sign right before the digits
  bool plus = false;              // "+20%": a plus sign right before the digits
  bool plus_after = false;        // "7k+": at least that many
  bool dot_thousands = false;     // "1.234": value 1.234, but 1234 when read as a count
  bool digit_follows = false;     // "1m30s": the next number follows with no space
};

// Lower-case ASCII: Unicode spaces (no-break, thin) become spaces, curly quotes become ', dashes
// become - or ',', "≈" and "∼" become ~, "×" becomes x, newlines become ';', other bytes become spaces.
std::string NormalizeMessage(std::string_view message);

// Splits normalised text. Linear in its length: every byte is looked at a bounded number of times.
std::vector<Token> Tokenize(const std::string& normalized);

// ---------------------------------------------------------------------------
// [SECTION] Lexicon
// ---------------------------------------------------------------------------

enum class WordClass {
  other,          // any word not listed: breaks the link between a number and a field
  field,          // views, shares, commented, likes, ...
  unused_field,   // followers, saves, hashtags: counts LikeCast does not use
  duration_field, // duration, length, long
  number_word,    // zero ... ninety, hundred, dozen
  scale,          // thousand, million, billion, k, m, b, mil, bn
  time_unit,      // s, sec, seconds, min, minutes, h, hours
  factor,         // double, twice, triple, half
  more,           // more, extra, another, up, increase, longer
  less,           // less, fewer, down, decrease, shorter
  binder,         // is, are, was, were, of, at, to, reached: "shares went up to 5k"
  by,             // "increase shares by 20%"
  approx,         // about, around, nearly, ~, over, roughly
  filler,         // a, the, my, only, total, times, people: may stand between a number and its field
  separator,      // and, but, with, plus
  negation,       // no, without, none, nobody
  percent,        // percent, pct
};

struct WordInfo {
  WordClass word_class = WordClass::other;
  ChatSlot slot = ChatSlot::views;    // field: the slot it names
  bool verb = false;                  // field: "viewed", "shared" (the number usually follows)
  double value = 0;                   // number_word, scale (multiplier), time_unit (seconds), factor
  NumberUnit unit = NumberUnit::none; // scale and time_unit
  const char* canonical = "";         // unused_field: the plural noun for the reply, "followers"
};

WordInfo LookupWord(std::string_view word);

// ---------------------------------------------------------------------------
// [SECTION] Items: tokens merged into the units a message is read in
// ---------------------------------------------------------------------------

enum class ItemKind {
  number,          // a value, see NumberKind
  field,           // an input or likes: "views", "shared"
  unused_field,    // "followers"
  duration_field,  // "duration", "long"
  verified,        // "verified" (value 1) or "unverified", "not verified" (value 0)
  status,          // "banned", "under review", "active": value is the AuthorStatus index
  negation,        // "no", "without", "none", "no one"
  more, less,      // directions of a relative change
  factor_word,     // "double", "half": value is the factor
  binder, by, approx, filler, separator,
  other,           // any other word or sign
};

enum class NumberKind { count, seconds, percent, factor };

struct Item {
  ItemKind kind = ItemKind::other;
  std::string text;                  // as typed (lower case), for replies: "3.4k", "double"
  NumberKind number_kind = NumberKind::count;
  double value = 0;
  bool million_or_minutes = false;   // "2m": decided by the field the number goes with
  bool dot_thousands = false;        // "1.234": 1234 as a count
  bool minus = false;                // "-500" or "minus 500"
  bool plus = false;                 // "+10k"
  bool approximate = false;          // "about", "~", "7k+", a range
  bool spelled = false;              // "ten thousand"
  bool hours = false;                // written in hours: a video length only next to "long" or "duration"
  bool minutes = false;              // written in minutes: "90 minutes", for the reply to an impossible length
  bool not_a_length = false;         // "5 minutes ago", "in 2 hours": a time, not the video's length
  ChatSlot slot = ChatSlot::views;   // field
  bool verb = false;                 // field: "viewed"
  std::string unused_name;           // unused_field: "followers"
  bool bound = false;                // set while binding numbers to fields
};

// Merges tokens into items: spelled numbers, units ("3.2 mil", "45 sec", "1m30s"), percent and factor
// signs, ranges ("50k-60k" becomes 55k), and two-word terms ("under review", "no one", "more than").
// `notes` receives readings worth telling the creator.
std::vector<Item> BuildItems(const std::vector<Token>& tokens, std::vector<std::string>* notes);

}  // namespace likecast::chat
