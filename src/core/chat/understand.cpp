// Reading one message (see ParseMessage in chat.h): numbers are tied to the
// fields they count, relative changes ("double", "+20%", "10k more") to the
// fields they change, and the words to an intent.
//
// A number goes with the field right after it ("12k views") or right before it
// ("views: 12k", "viewed 25000 times"); only filler words ("about", "my",
// "total") may stand between. Where both are possible ("views 12k shares
// 300"), the part of the message decides: one that opens with a number reads
// "number field", one that opens with a field reads "field number".
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "core/chat/chat.h"
#include "core/chat/lexer.h"
#include "core/common/format.h"

namespace likecast {
namespace chat {
namespace {

constexpr size_t kMaxGap = 4;   // filler items allowed between a number and its field

bool IsFieldLike(const Item& item) {
  return item.kind == ItemKind::field || item.kind == ItemKind::unused_field || item.kind == ItemKind::duration_field;
}

bool IsCount(const Item& item) {
  return item.kind == ItemKind::number && item.number_kind == NumberKind::count && !item.not_a_length;
}

class Binder {
 public:
  Binder(std::vector<Item>* items, ParsedMessage* out) : items_(*items), out_(out) {}
  void Run();

 private:
  std::optional<size_t> FieldAfter(size_t n, bool allow_binder) const;
  std::optional<size_t> FieldBefore(size_t n, bool* through_binder) const;
  bool CanTake(const Item& field, const Item& number) const;
  int DirectionNear(size_t from, size_t to) const;
  void BindRelative();
  void BindThroughBinders();
  void BindBySegment();
  void BindDurations();
  bool LengthWordNear(size_t i) const;
  void BindNegations();
  void ReadAccount();
  void Emit(size_t number, size_t field);
  void AddChange(ChatSlot slot, ChangeKind kind, double value, const Item& number);

  std::vector<Item>& items_;
  ParsedMessage* out_;
};

// The nearest field after item n, across filler only (and binders when allowed).
std::optional<size_t> Binder::FieldAfter(size_t n, bool allow_binder) const {
  size_t gap = 0;
  for (size_t i = n + 1; i < items_.size(); ++i) {
    const Item& item = items_[i];
    if (IsFieldLike(item)) return i;
    const bool skippable = item.kind == ItemKind::filler || item.kind == ItemKind::approx ||
                           item.kind == ItemKind::more || item.kind == ItemKind::less ||
                           (allow_binder && (item.kind == ItemKind::binder || item.kind == ItemKind::by));
    if (!skippable || ++gap > kMaxGap) return std::nullopt;
  }
  return std::nullopt;
}

// The nearest field before item n, across filler, binders ("views: 5k", "shares went up to 5k") and
// directions ("views up by 10k"). Sets `through_binder` when a binder lies between.
std::optional<size_t> Binder::FieldBefore(size_t n, bool* through_binder) const {
  size_t gap = 0;
  *through_binder = false;
  for (size_t i = n; i-- > 0;) {
    const Item& item = items_[i];
    if (IsFieldLike(item)) return i;
    if (item.kind == ItemKind::binder || item.kind == ItemKind::by) *through_binder = true;
    const bool skippable = item.kind == ItemKind::filler || item.kind == ItemKind::approx ||
                           item.kind == ItemKind::binder || item.kind == ItemKind::by ||
                           item.kind == ItemKind::more || item.kind == ItemKind::less;
    if (!skippable || ++gap > kMaxGap) return std::nullopt;
  }
  return std::nullopt;
}

bool Binder::CanTake(const Item& field, const Item& number) const {
  if (field.bound || number.bound || number.kind != ItemKind::number || number.not_a_length) return false;
  if (field.kind == ItemKind::duration_field)
    return number.number_kind == NumberKind::count || number.number_kind == NumberKind::seconds;
  return number.number_kind == NumberKind::count;
}

// For each item, whether the part of the message holding it (between separators) names a number before
// any field. One pass, so that long messages stay linear.
std::vector<bool> SegmentsOpeningWithNumber(const std::vector<Item>& items) {
  std::vector<bool> opens(items.size(), true);
  size_t start = 0;
  while (start < items.size()) {
    size_t end = start;
    while (end < items.size() && items[end].kind != ItemKind::separator) ++end;
    bool number_first = true;
    for (size_t i = start; i < end; ++i) {
      if (IsFieldLike(items[i])) {
        number_first = false;
        break;
      }
      if (IsCount(items[i])) break;
    }
    for (size_t i = start; i < end; ++i) opens[i] = number_first;
    start = end + 1;
  }
  return opens;
}

// +1 for "more", "up", "+"; -1 for "less", "down", "-"; 0 when no direction word lies within
// two items of the span [from, to] without crossing a separator.
int DirectionOf(const Item& item) {
  if (item.kind == ItemKind::more) return 1;
  if (item.kind == ItemKind::less) return -1;
  return 0;
}

int Binder::DirectionNear(size_t from, size_t to) const {
  const size_t low = std::min(from, to);
  const size_t high = std::max(from, to);
  for (size_t i = low; i <= high && i < items_.size(); ++i)
    if (int direction = DirectionOf(items_[i])) return direction;
  for (size_t step = 1; step <= 2; ++step) {
    if (high + step < items_.size()) {
      if (items_[high + step].kind == ItemKind::separator) break;
      if (int direction = DirectionOf(items_[high + step])) return direction;
    }
  }
  for (size_t step = 1; step <= 3 && step <= low; ++step) {
    if (items_[low - step].kind == ItemKind::separator) break;
    if (int direction = DirectionOf(items_[low - step])) return direction;
  }
  return 0;
}

// A likely reading of an impossible length written in hours or minutes: "2 hours" was probably 2 minutes.
// Returns "" when the other unit is impossible too.
std::string LengthSuggestion(const Item& number) {
  if (!std::isfinite(number.value) || number.value <= 0 || (!number.hours && !number.minutes)) return "";
  const double typed = number.value / (number.hours ? 3600 : 60);
  const double guess = number.hours ? typed * 60 : typed;
  if (!CheckSlotValue(ChatSlot::duration_sec, guess).empty()) return "";
  std::string unit = number.hours ? " minute" : " second";
  if (typed != 1) unit += "s";
  return ". Did you mean " + FormatPlain(typed, 1) + unit + "?";
}

void Binder::AddChange(ChatSlot slot, ChangeKind kind, double value, const Item& number) {
  SlotChange change;
  change.slot = slot;
  change.kind = kind;
  change.value = value;
  change.text = number.text;
  change.approximate = number.approximate;
  if (kind == ChangeKind::set) {
    std::string problem = CheckSlotValue(slot, value);
    if (!problem.empty()) {
      if (slot == ChatSlot::duration_sec) problem += LengthSuggestion(number);
      out_->rejected.push_back({slot, problem});
      return;
    }
  }
  out_->changes.push_back(std::move(change));
}

// Turns a bound (number, field) pair into a change.
void Binder::Emit(size_t n, size_t f) {
  Item& number = items_[n];
  Item& field = items_[f];
  number.bound = true;
  field.bound = true;
  if (field.kind == ItemKind::unused_field) {
    out_->unused_counts.push_back(FormatCount(number.value) + " " + field.unused_name);
    return;
  }
  if (field.kind == ItemKind::duration_field) {
    double seconds = number.value;
    if (number.number_kind == NumberKind::count && number.million_or_minutes) seconds *= 60;
    AddChange(ChatSlot::duration_sec, ChangeKind::set, seconds, number);
    return;
  }
  double value = number.value;
  if (number.million_or_minutes) value *= 1e6;
  if (number.dot_thousands) value *= 1000;
  // A relative count: "another 10k views", "10k more views", "+10k views", "views up by 10k".
  int direction = number.plus ? 1 : 0;
  if (direction == 0 && n > 0) direction = DirectionOf(items_[n - 1]);
  const size_t low = std::min(n, f);
  const size_t high = std::max(n, f);
  bool has_to = false;
  for (size_t i = low + 1; i < high; ++i) {
    if (items_[i].kind == ItemKind::binder && items_[i].text != "by") has_to = true;
    if (direction == 0) direction = DirectionOf(items_[i]);
  }
  if (f < n && direction == 0 && f > 0) direction = DirectionOf(items_[f - 1]);   // "increase views by 10k"
  if (has_to && f < n) direction = 0;                                                // "went up to 5k"
  if (direction != 0 && value >= 0) {
    AddChange(field.slot, ChangeKind::add, direction * value, number);
  } else {
    AddChange(field.slot, ChangeKind::set, value, number);
  }
}

// "double my shares", "shares x2", "20% more views", "views +20%", "twice as long".
void Binder::BindRelative() {
  for (size_t i = 0; i < items_.size(); ++i) {
    Item& item = items_[i];
    const bool factor_word = item.kind == ItemKind::factor_word;
    const bool factor = item.kind == ItemKind::number && item.number_kind == NumberKind::factor;
    const bool percent = item.kind == ItemKind::number && item.number_kind == NumberKind::percent;
    if (!factor_word && !factor && !percent) continue;
    std::optional<size_t> field = FieldAfter(i, true);
    bool through_binder = false;
    if (!field || items_[*field].kind == ItemKind::unused_field) field = FieldBefore(i, &through_binder);
    int direction = 0;
    if (percent && item.plus) {
      direction = 1;
    } else if (percent && item.minus) {
      direction = -1;
    } else if (percent) {
      direction = DirectionNear(i, field.value_or(i));
    }
    if (percent && direction == 0) continue;   // "a 5% share rate" is a rate, read by the benchmark question
    double scale = factor_word || factor ? item.value : 1.0 + direction * item.value / 100.0;
    if (!field) {
      // "20% longer", "twice as long" without a field word: the length.
      bool about_length = false;
      for (size_t k = i + 1; k < items_.size() && k <= i + 3; ++k)
        if (items_[k].text == "longer" || items_[k].text == "shorter") about_length = true;
      if (!about_length) continue;
      item.bound = true;
      AddChange(ChatSlot::duration_sec, ChangeKind::scale, scale, item);
      continue;
    }
    if (items_[*field].kind == ItemKind::unused_field) continue;
    item.bound = true;
    const ChatSlot slot = items_[*field].kind == ItemKind::duration_field ? ChatSlot::duration_sec : items_[*field].slot;
    items_[*field].bound = true;
    if (std::isfinite(scale) && scale >= 0) {
      AddChange(slot, ChangeKind::scale, scale, item);
    } else {
      out_->rejected.push_back({slot, item.text + " cannot change " + ChatSlotNoun(slot) +
                                          ": the result would be below 0. Use a smaller decrease."});
    }
  }
}

// "views: 5k", "comments were 600", "shares went up to 5k", "duration = 15s".
void Binder::BindThroughBinders() {
  for (size_t f = 0; f < items_.size(); ++f) {
    if (!IsFieldLike(items_[f]) || items_[f].bound) continue;
    bool binder = false;
    size_t gap = 0;
    for (size_t i = f + 1; i < items_.size(); ++i) {
      const Item& item = items_[i];
      if (item.kind == ItemKind::number) {
        if (binder && CanTake(items_[f], item)) Emit(i, f);
        break;
      }
      if (item.kind == ItemKind::binder || item.kind == ItemKind::by) {
        binder = true;
      } else if (item.kind != ItemKind::filler && item.kind != ItemKind::approx && item.kind != ItemKind::more &&
                 item.kind != ItemKind::less) {
        break;
      }
      if (++gap > kMaxGap) break;
    }
  }
}

void Binder::BindBySegment() {
  const std::vector<bool> opens_with_number = SegmentsOpeningWithNumber(items_);
  for (size_t n = 0; n < items_.size(); ++n) {
    if (!IsCount(items_[n]) || items_[n].bound) continue;
    std::optional<size_t> after = FieldAfter(n, false);
    bool through_binder = false;
    std::optional<size_t> before = FieldBefore(n, &through_binder);
    if (after && !CanTake(items_[*after], items_[n])) after.reset();
    if (before && !CanTake(items_[*before], items_[n])) before.reset();
    if (opens_with_number[n] && after) {
      Emit(n, *after);
    } else if (before) {
      Emit(n, *before);
    } else if (after) {
      Emit(n, *after);
    }
  }
}

// True when "duration", "length" or "long" is next to item i, across filler and binders only.
bool Binder::LengthWordNear(size_t i) const {
  bool through_binder = false;
  const std::optional<size_t> before = FieldBefore(i, &through_binder);
  const std::optional<size_t> after = FieldAfter(i, false);
  return (before && items_[*before].kind == ItemKind::duration_field) ||
         (after && items_[*after].kind == ItemKind::duration_field);
}

// Durations written with a unit ("45s", "0:42", "2 minutes") need no field word, and "a 2m video" is minutes.
void Binder::BindDurations() {
  for (size_t i = 0; i < items_.size(); ++i) {
    Item& item = items_[i];
    if (item.kind != ItemKind::number || item.bound || item.not_a_length) continue;
    const bool next_is_video = i + 1 < items_.size() &&
                               (items_[i + 1].text == "video" || items_[i + 1].text == "clip" ||
                                items_[i + 1].text == "vid" || items_[i + 1].text == "long");
    if (item.number_kind == NumberKind::count && item.million_or_minutes && next_is_video) {
      item.bound = true;
      AddChange(ChatSlot::duration_sec, ChangeKind::set, item.value * 60, item);
      continue;
    }
    if (item.number_kind != NumberKind::seconds) continue;
    // "posted 3 hours ago" or "for 2 hours" are not the video; "duration 2 hours" and "2h long" are.
    if (item.hours && !next_is_video && !LengthWordNear(i)) continue;
    item.bound = true;
    const int direction = i + 1 < items_.size() ? DirectionOf(items_[i + 1]) : 0;   // "10 seconds longer"
    if (direction != 0 && item.value >= 0) {
      AddChange(ChatSlot::duration_sec, ChangeKind::add, direction * item.value, item);
    } else {
      AddChange(ChatSlot::duration_sec, ChangeKind::set, item.value, item);
    }
  }
}

// "no downloads", "without any comments", "didn't get any shares", "downloads: none", "no one commented".
void Binder::BindNegations() {
  for (size_t i = 0; i < items_.size(); ++i) {
    if (items_[i].kind != ItemKind::negation) continue;
    std::optional<size_t> field = FieldAfter(i, false);
    if (!field) {
      bool through_binder = false;
      field = FieldBefore(i, &through_binder);
      if (field && !through_binder && items_[i].text != "none") field.reset();
    }
    if (!field || items_[*field].bound || items_[*field].kind == ItemKind::duration_field) continue;
    Item zero;
    zero.kind = ItemKind::number;
    zero.text = items_[i].text;
    items_[i].bound = true;
    if (items_[*field].kind == ItemKind::unused_field) {
      items_[*field].bound = true;
      out_->unused_counts.push_back("0 " + items_[*field].unused_name);
      continue;
    }
    items_[*field].bound = true;
    AddChange(items_[*field].slot, ChangeKind::set, 0, zero);
  }
}

void Binder::ReadAccount() {
  for (Item& item : items_) {
    if (item.kind == ItemKind::verified) AddChange(ChatSlot::verified, ChangeKind::set, item.value, item);
    if (item.kind == ItemKind::status) AddChange(ChatSlot::author_status, ChangeKind::set, item.value, item);
  }
}

void Binder::Run() {
  BindRelative();
  BindThroughBinders();
  BindBySegment();
  BindDurations();
  BindNegations();
  ReadAccount();
  // Mentions of unused counts without a number still get the note ("does my follower count matter?").
  for (const Item& item : items_) {
    if (item.kind != ItemKind::unused_field || item.bound) continue;
    // "my videos" and "my posts" are everyday words: only a count of them is worth the note.
    if (item.unused_name == "videos" || item.unused_name == "posts") continue;
    if (std::find(out_->unused_counts.begin(), out_->unused_counts.end(), item.unused_name) == out_->unused_counts.end())
      out_->unused_counts.push_back(item.unused_name);
  }
}

// ---------------------------------------------------------------------------
// Intents
// ---------------------------------------------------------------------------

// The phrases that signal an intent, grouped by what they signal. A phrase matches whole words.
enum PhraseGroup {
  kReset, kUndo, kHelp, kExplain, kTips, kBenchmark, kWhatIf, kPredict, kGreeting, kThanks, kIsItGood,
  kLikeRateTopic, kLengthTopic, kPhraseGroupCount
};

struct PhraseList {
  PhraseGroup group;
  std::vector<const char*> phrases;
};

const std::vector<PhraseList>& PhraseLists() {
  static const std::vector<PhraseList> lists = {
      {kReset, {"reset", "start over", "start again", "restart", "clear", "new video", "from scratch",
                "forget everything", "start fresh", "forget it all", "another video"}},
      {kUndo, {"undo", "go back", "revert", "take that back", "take it back", "never mind", "nevermind",
               "scratch that"}},
      {kHelp, {"help", "what can you do", "how does this work", "how do i use", "commands", "what do you need",
               "what can i ask", "usage", "how does it work", "what should i type", "what do i type"}},
      {kExplain, {"why", "explain", "what drives", "what's driving", "how come", "what is driving", "what affects",
                  "which input", "what matters", "breakdown", "reason", "biggest factor", "what's behind",
                  "drivers", "driving", "what makes", "so low", "so high"}},
      {kTips, {"tip", "tips", "advice", "advise", "recommend", "recommendation", "recommendations", "suggest",
               "suggestion", "suggestions", "improve", "how can i get more", "how do i get more", "how to get more",
               "get more likes", "what should i do", "what should i change", "what should i focus", "grow",
               "do better", "more likes", "increase my likes", "boost my likes", "raise my likes"}},
      {kBenchmark, {"rate", "rates", "ratio", "average", "typical", "normal", "benchmark", "benchmarks", "median",
                    "per view", "engagement", "good number of", "compare", "compared", "percentile",
                    "how long should", "best length", "ideal length", "best duration", "ideal duration"}},
      {kWhatIf, {"what if", "if", "suppose", "supposing", "imagine", "what about", "how about", "assuming",
                 "hypothetically", "would", "say i had", "say i got", "were to", "instead"}},
      {kPredict, {"predict", "prediction", "estimate", "how many likes", "forecast", "guess", "expect", "will i get",
                  "would i get"}},
      {kGreeting, {"hi", "hello", "hey", "yo", "good morning", "good evening", "hiya"}},
      {kThanks, {"thanks", "thank you", "thx", "ty", "cheers", "ok", "okay", "cool", "great", "nice", "got it"}},
      {kIsItGood, {"is that good", "is this good", "is it good", "good or bad", "how did i do", "how does it compare",
                   "how do i compare", "is that bad", "is this bad", "did well", "is that normal"}},
      {kLikeRateTopic, {"like rate", "like ratio", "engagement", "likes per", "like to view"}},
      {kLengthTopic, {"how long", "length", "duration", "how many seconds"}},
  };
  return lists;
}

struct IndexedPhrase {
  std::vector<std::string> words;
  PhraseGroup group;
};

// Phrases by their first word, so that one pass over a message's words finds every phrase in it.
const std::unordered_map<std::string, std::vector<IndexedPhrase>>& PhraseIndex() {
  static const auto index = [] {
    std::unordered_map<std::string, std::vector<IndexedPhrase>> built;
    for (const PhraseList& list : PhraseLists()) {
      for (const char* phrase : list.phrases) {
        IndexedPhrase indexed{{}, list.group};
        std::string word;
        for (const char* c = phrase;; ++c) {
          if (*c == ' ' || *c == '\0') {
            indexed.words.push_back(word);
            word.clear();
            if (*c == '\0') break;
          } else {
            word += *c;
          }
        }
        built[indexed.words.front()].push_back(std::move(indexed));
      }
    }
    return built;
  }();
  return index;
}

// Bit g is set when a phrase of group g occurs in `words`.
unsigned MatchPhrases(const std::vector<std::string>& words) {
  unsigned found = 0;
  const auto& index = PhraseIndex();
  for (size_t i = 0; i < words.size(); ++i) {
    const auto it = index.find(words[i]);
    if (it == index.end()) continue;
    for (const IndexedPhrase& phrase : it->second) {
      if (i + phrase.words.size() > words.size()) continue;
      bool match = true;
      for (size_t k = 1; k < phrase.words.size() && match; ++k) match = words[i + k] == phrase.words[k];
      if (match) found |= 1u << phrase.group;
    }
  }
  return found;
}

std::optional<ChatSlot> FindTopic(const std::vector<Item>& items, unsigned phrases) {
  if (phrases & (1u << kLikeRateTopic)) return ChatSlot::likes;
  for (const Item& item : items) {
    if (item.kind == ItemKind::field && item.slot != ChatSlot::views) return item.slot;
    if (item.kind == ItemKind::duration_field) return ChatSlot::duration_sec;
  }
  if (phrases & (1u << kLengthTopic)) return ChatSlot::duration_sec;
  return std::nullopt;
}

void DetectIntent(const std::vector<Token>& tokens, const std::vector<Item>& items, ParsedMessage* out) {
  std::vector<std::string> words;
  for (const Token& token : tokens)
    if (token.kind == TokenKind::word) words.push_back(token.text);
  const unsigned phrases = MatchPhrases(words);
  const auto has = [phrases](PhraseGroup group) { return (phrases & (1u << group)) != 0; };

  out->hypothetical = has(kWhatIf);
  out->greeting = has(kGreeting);
  out->thanks = has(kThanks);
  bool count_changes = false;
  bool relative = false;
  for (const SlotChange& change : out->changes) {
    if (change.kind != ChangeKind::set) relative = true;
    if (change.slot != ChatSlot::views) count_changes = true;
  }
  const bool has_likes = std::any_of(out->changes.begin(), out->changes.end(),
                                     [](const SlotChange& c) { return c.slot == ChatSlot::likes; });
  const bool only_question_mark = words.empty() && tokens.size() == 1 && tokens[0].text == "?";

  if (has(kReset)) {
    out->intent = Intent::reset;
  } else if (has(kUndo) && out->changes.empty()) {
    out->intent = Intent::undo;
  } else if (has(kExplain)) {
    out->intent = Intent::explain;
  } else if (has(kTips) && !relative && !count_changes && !out->hypothetical) {
    out->intent = Intent::tips;
  } else if (has(kIsItGood) && out->changes.empty()) {
    out->intent = Intent::benchmark;   // with real likes known, the reply compares them with the range
    out->topic = ChatSlot::likes;
  } else if (has(kBenchmark) && !has_likes && !relative && !count_changes) {
    out->intent = Intent::benchmark;
    out->topic = FindTopic(items, phrases);
  } else if (relative || (out->hypothetical && !out->changes.empty())) {
    out->intent = Intent::what_if;
  } else if (!out->changes.empty() || !out->rejected.empty() || has(kPredict)) {
    out->intent = Intent::predict;
  } else if (has(kHelp) || only_question_mark) {
    out->intent = Intent::help;
  }
  if (out->intent == Intent::benchmark) {
    for (const Item& item : items)
      if (item.kind == ItemKind::number && item.number_kind == NumberKind::percent && !item.bound)
        out->topic_rate = item.value / 100.0;
  }
}

// Numbers left over: "25k" alone fills the slot the last reply requested, and others are reported.
void ReadLeftovers(const std::vector<Item>& items, const ParseOptions& options, ParsedMessage* out) {
  std::vector<const Item*> left;
  bool any_field = false;
  for (const Item& item : items) {
    if (IsFieldLike(item) || item.kind == ItemKind::verified || item.kind == ItemKind::status) any_field = true;
    if (item.kind == ItemKind::number && !item.bound && !item.not_a_length && item.number_kind != NumberKind::factor)
      left.push_back(&item);
  }
  if (left.size() == 1 && !any_field && out->changes.empty() && out->rejected.empty() && options.expected_slot &&
      left[0]->number_kind != NumberKind::percent) {
    const Item& item = *left[0];
    const ChatSlot slot = *options.expected_slot;
    SlotChange change;
    change.slot = slot;
    change.text = item.text;
    change.approximate = item.approximate;
    double value = item.value;
    if (slot == ChatSlot::duration_sec) {
      if (item.million_or_minutes) value *= 60;
    } else if (slot == ChatSlot::verified || slot == ChatSlot::author_status) {
      out->unknown_numbers.push_back(item.text);
      return;
    } else {
      if (item.number_kind == NumberKind::seconds) {
        out->unknown_numbers.push_back(item.text);
        return;
      }
      if (item.million_or_minutes) value *= 1e6;
      if (item.dot_thousands) value *= 1000;
    }
    change.value = value;
    const std::string problem = CheckSlotValue(slot, value);
    if (problem.empty()) {
      out->changes.push_back(change);
    } else {
      out->rejected.push_back({slot, problem});
    }
    return;
  }
  for (const Item* item : left) {
    if (item->spelled || item->number_kind == NumberKind::percent) continue;
    out->unknown_numbers.push_back(item->text);
  }
}

// "yes" or "no" answers the question "Is the account verified?".
void ReadYesNo(const std::vector<Item>& items, const ParseOptions& options, ParsedMessage* out) {
  if (options.expected_slot != ChatSlot::verified || !out->changes.empty() || !out->rejected.empty()) return;
  std::optional<bool> answer;
  for (const Item& item : items) {
    const std::string& w = item.text;
    if (w == "yes" || w == "yeah" || w == "yep" || w == "yup" || w == "sure" || w == "correct" || w == "y") {
      answer = true;
    } else if (w == "no" || w == "nope" || w == "nah" || w == "not" || w == "n") {
      answer = false;
      break;
    }
  }
  if (!answer) return;
  SlotChange change;
  change.slot = ChatSlot::verified;
  change.value = *answer ? 1 : 0;
  change.text = *answer ? "yes" : "no";
  out->changes.push_back(change);
}

}  // namespace
}  // namespace chat

ParsedMessage ParseMessage(std::string_view message, const ParseOptions& options) {
  ParsedMessage out;
  if (message.size() > options.max_message_bytes) {
    out.too_long = true;
    return out;
  }
  const std::vector<chat::Token> tokens = chat::Tokenize(chat::NormalizeMessage(message));
  std::vector<chat::Item> items = chat::BuildItems(tokens, &out.notes);
  chat::Binder(&items, &out).Run();
  chat::ReadLeftovers(items, options, &out);
  chat::ReadYesNo(items, options, &out);
  chat::DetectIntent(tokens, items, &out);
  if (!out.intent && (!out.changes.empty() || !out.rejected.empty())) out.intent = Intent::predict;
  return out;
}

}  // namespace likecast
