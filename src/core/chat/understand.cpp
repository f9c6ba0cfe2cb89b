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
// directions ("views up by 10k"). Sets `through_binder` when a binder stands between.
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

void Binder::AddChange(ChatSlot slot, ChangeKind kind, double value, const Item& number) {
  SlotChange change;
  change.slot = slot;
  change.kind = kind;
  change.value = value;
  change.text = number.text;
  change.approximate = number.approximate;
  if (kind == ChangeKind::set) {
    const std::string problem = CheckSlotValue(slot, value);
    if (!problem.empty()) {
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
    const int direction = percent ? (item.plus ? 1 : item.minus ? -1 : DirectionNear(i, field.value_or(i))) : 0;
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
    if (item.hours && !next_is_video) continue;   // "posted 3 hours ago" or "for 2 hours": not the video
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
    if (std::find(out_->unused_counts.begin(), out_->unused_counts.end(), item.unused_name) == out_->unused_counts.end())
      out_->unused_counts.push_back(item.unused_name);
  }
}

// ---------------------------------------------------------------------------
// Intents
// ---------------------------------------------------------------------------

bool Has(const std::string& padded, const char* phrase) { return padded.find(phrase) != std::string::npos; }

template <size_t N>
bool HasAny(const std::string& padded, const char* const (&phrases)[N]) {
  for (const char* phrase : phrases)
    if (Has(padded, phrase)) return true;
  return false;
}

// The words of the message joined by single spaces, with a space at each end, so " why " matches whole words.
// A question mark is kept as its own word.
std::string PaddedWords(const std::vector<Token>& tokens) {
  std::string padded = " ";
  for (const Token& token : tokens) {
    if (token.kind == TokenKind::word || (token.kind == TokenKind::punct && token.text == "?")) padded += token.text + " ";
  }
  return padded;
}

std::optional<ChatSlot> FindTopic(const std::vector<Item>& items, const std::string& padded) {
  if (Has(padded, " like rate ") || Has(padded, " like ratio ") || Has(padded, " engagement ") ||
      Has(padded, " likes per ") || Has(padded, " like to view "))
    return ChatSlot::likes;
  for (const Item& item : items) {
    if (item.kind == ItemKind::field && item.slot != ChatSlot::views) return item.slot;
    if (item.kind == ItemKind::duration_field) return ChatSlot::duration_sec;
  }
  if (Has(padded, " how long ")) return ChatSlot::duration_sec;
  return std::nullopt;
}

void DetectIntent(const std::vector<Token>& tokens, const std::vector<Item>& items, ParsedMessage* out) {
  const std::string padded = PaddedWords(tokens);
  static const char* const kReset[] = {" reset ", " start over ", " start again ", " restart ", " clear ",
                                       " new video ", " from scratch ", " forget everything ", " start fresh ",
                                       " forget it all ", " another video "};
  static const char* const kUndo[] = {" undo ", " go back ", " revert ", " take that back ", " take it back ",
                                      " never mind ", " nevermind ", " scratch that ", " undo that "};
  static const char* const kHelp[] = {" help ", " what can you do ", " how does this work ", " how do i use ",
                                      " commands ", " what do you need ", " what can i ask ", " usage ",
                                      " how does it work ", " what should i type ", " what do i type "};
  static const char* const kExplain[] = {" why ", " explain ", " what drives ", " what's driving ", " how come ",
                                         " what is driving ", " what affects ", " which input ", " what matters ",
                                         " breakdown ", " reason ", " biggest factor ", " what's behind ",
                                         " drivers ", " driving ", " what makes ", " so low ", " so high "};
  static const char* const kTips[] = {" tip ", " tips ", " advice ", " advise ", " recommend ", " recommendation ",
                                      " recommendations ", " suggest ", " suggestion ", " suggestions ", " improve ",
                                      " how can i get more ", " how do i get more ", " how to get more ",
                                      " get more likes ", " what should i do ", " what should i change ",
                                      " what should i focus ", " grow ", " do better ", " more likes ",
                                      " increase my likes ", " boost my likes ", " raise my likes "};
  static const char* const kBenchmark[] = {" rate ", " rates ", " ratio ", " average ", " typical ", " normal ",
                                           " benchmark ", " benchmarks ", " median ", " per view ", " engagement ",
                                           " good number of ", " compare ", " compared ", " percentile "};
  static const char* const kWhatIf[] = {" what if ", " if ", " suppose ", " supposing ", " imagine ",
                                        " what about ", " how about ", " assuming ", " hypothetically ",
                                        " would ", " say i had ", " say i got ", " were to ", " instead "};
  static const char* const kPredict[] = {" predict ", " prediction ", " estimate ", " how many likes ",
                                         " forecast ", " guess ", " expect ", " will i get ", " would i get "};
  static const char* const kGreeting[] = {" hi ", " hello ", " hey ", " thanks ", " thank you ", " yo ",
                                          " good morning ", " good evening ", " thx ", " ty ", " ok ", " okay ",
                                          " cool ", " great ", " nice "};
  static const char* const kIsItGood[] = {" is that good ", " is this good ", " is it good ", " good or bad ",
                                          " how did i do ", " how does it compare ", " how do i compare ",
                                          " is that bad ", " is this bad ", " did well ", " is that normal "};

  out->hypothetical = HasAny(padded, kWhatIf);
  out->greeting = HasAny(padded, kGreeting);
  bool count_changes = false;
  bool relative = false;
  for (const SlotChange& change : out->changes) {
    if (change.kind != ChangeKind::set) relative = true;
    if (change.slot != ChatSlot::views) count_changes = true;
  }
  const bool has_likes = std::any_of(out->changes.begin(), out->changes.end(),
                                     [](const SlotChange& c) { return c.slot == ChatSlot::likes; });

  if (HasAny(padded, kReset)) {
    out->intent = Intent::reset;
  } else if (HasAny(padded, kUndo) && out->changes.empty()) {
    out->intent = Intent::undo;
  } else if (HasAny(padded, kExplain)) {
    out->intent = Intent::explain;
  } else if (HasAny(padded, kTips) && !relative && !count_changes && !out->hypothetical) {
    out->intent = Intent::tips;
  } else if (HasAny(padded, kIsItGood) && out->changes.empty()) {
    out->intent = Intent::benchmark;   // the conversation answers with a comparison when likes are known
    out->topic = ChatSlot::likes;
  } else if (HasAny(padded, kBenchmark) && !has_likes && !relative && !count_changes) {
    out->intent = Intent::benchmark;
    out->topic = FindTopic(items, padded);
  } else if (relative || (out->hypothetical && !out->changes.empty())) {
    out->intent = Intent::what_if;
  } else if (!out->changes.empty() || !out->rejected.empty() || HasAny(padded, kPredict)) {
    out->intent = Intent::predict;
  } else if (HasAny(padded, kHelp) || padded == " ? ") {
    out->intent = Intent::help;
  }
  if (!out->intent && HasAny(padded, kHelp)) out->intent = Intent::help;
  if (out->intent == Intent::benchmark) {
    for (const Item& item : items)
      if (item.kind == ItemKind::number && item.number_kind == NumberKind::percent && !item.bound)
        out->topic_rate = item.value / 100.0;
  }
}

// Numbers left over: "25k" alone answers the slot the last reply asked for; others are reported.
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
  chat::DetectIntent(tokens, items, &out);
  if (!out.intent && (!out.changes.empty() || !out.rejected.empty())) out.intent = Intent::predict;
  return out;
}

}  // namespace likecast
