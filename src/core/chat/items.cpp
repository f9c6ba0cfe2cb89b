// Merging tokens into items (see lexer.h): numbers with their units, spelled
// numbers, ranges, and the two-word terms the binder needs as one unit.
#include <cmath>
#include <optional>
#include <string_view>
#include <utility>

#include "core/chat/lexer.h"
#include "core/common/format.h"

namespace likecast::chat {
namespace {

// True when one typing slip turns `a` into `b`: a letter left out, added, replaced, or two swapped.
bool OneSlipApart(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return a.size() != b.size();
  if (a.size() < b.size()) return a.substr(i) == b.substr(i + 1);
  if (a.substr(i + 1) == b.substr(i + 1)) return true;
  return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
}

// The input a misspelt count noun stands for ("vews", "coments", "donwloads"), or nullopt. Only words of 4
// letters or more are tried, so short words ("vies") stay unread. Likes are left out: "lines", "bikes" and
// "hikes" are one slip from them.
std::optional<ChatSlot> MisspeltField(std::string_view word) {
  struct Noun { const char* text; ChatSlot slot; };
  static const Noun kNouns[] = {{"views", ChatSlot::views}, {"shares", ChatSlot::shares},
                                {"comments", ChatSlot::comments}, {"downloads", ChatSlot::downloads}};
  if (word.size() < 4) return std::nullopt;
  for (const Noun& noun : kNouns)
    if (OneSlipApart(word, noun.text)) return noun.slot;
  return std::nullopt;
}

class ItemBuilder {
 public:
  ItemBuilder(const std::vector<Token>& tokens, std::vector<std::string>* notes) : tokens_(tokens), notes_(notes) {}
  std::vector<Item> Build();

 private:
  bool WordAt(size_t i, std::string_view text) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::word && tokens_[i].text == text;
  }
  bool PunctAt(size_t i, std::string_view text) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::punct && tokens_[i].text == text;
  }
  WordClass ClassAt(size_t i) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::word ? LookupWord(tokens_[i].text).word_class
                                                                    : WordClass::other;
  }
  bool ScaleWordAt(size_t i) const;
  size_t ReadSpelled(size_t t, double* value) const;
  bool ReadNumber(Item* item);
  void ReadUnitsAfter(Item* item, NumberUnit unit);
  void ReadRange(Item* item);
  void ReadWord();
  bool ReadTwoWordTerm(const std::string& word);
  bool Negated() const;
  enum class Answer { none, yes, no, no_longer };
  Answer ReadAnswer();
  void ApplyAnswer(Item* item);
  void Push(Item item);

  const std::vector<Token>& tokens_;
  std::vector<std::string>* notes_;
  std::vector<Item> items_;
  size_t t_ = 0;
  bool pending_approx_ = false;
  bool pending_minus_ = false;
  bool pending_time_ = false;     // "in", "within", "every": the next duration is a time, not a length
  bool time_context_ = false;     // pending_time_ as it was when the current item started
};

// Scales written as words after a spelled number: "ten thousand", "half a million".
bool ItemBuilder::ScaleWordAt(size_t i) const {
  if (i >= tokens_.size() || tokens_[i].kind != TokenKind::word) return false;
  const std::string& w = tokens_[i].text;
  return w == "thousand" || w == "thousands" || w == "million" || w == "millions" || w == "billion" ||
         w == "billions";
}

// Reads a spelled number starting at token t ("a hundred and twenty", "two and a half", "half a
// million", "a minute"). Returns the tokens consumed, 0 when there is none.
size_t ItemBuilder::ReadSpelled(size_t t, double* value) const {
  double total = 0;
  double current = 0;
  bool any = false;
  bool article = false;   // "a hundred", "a thousand": the article is the 1
  size_t i = t;
  size_t end = t;
  double value_at_end = 0;
  auto record = [&] {
    end = i;
    value_at_end = total + current;
  };
  while (i < tokens_.size() && tokens_[i].kind == TokenKind::word) {
    const std::string& w = tokens_[i].text;
    const WordInfo info = LookupWord(w);
    const bool is_article = w == "a" || w == "an";
    if (is_article && !any && !article && (WordAt(i + 1, "hundred") || WordAt(i + 1, "dozen") || ScaleWordAt(i + 1))) {
      current = 1;
      article = true;
      ++i;
      continue;
    }
    if (is_article && !any && !article && ClassAt(i + 1) == WordClass::time_unit) {
      current = 1;
      any = true;
      ++i;
      record();
      break;
    }
    if (w == "half" && !any && (WordAt(i + 1, "a") || WordAt(i + 1, "an")) &&
        (ScaleWordAt(i + 2) || ClassAt(i + 2) == WordClass::time_unit)) {
      const bool scale = ScaleWordAt(i + 2);
      total = scale ? 0.5 * LookupWord(tokens_[i + 2].text).value : 0.5;
      any = true;
      i += scale ? 3 : 2;
      record();
      if (!scale) break;
      continue;
    }
    if (info.word_class == WordClass::number_word) {
      if (w == "hundred" || w == "hundreds") {
        current = (current == 0 ? 1 : current) * 100;
      } else if (w == "dozen") {
        current = (current == 0 ? 1 : current) * 12;
      } else {
        current += info.value;
      }
      any = true;
      ++i;
      record();
      continue;
    }
    if ((any || article) && ScaleWordAt(i)) {
      total += (current == 0 ? 1 : current) * info.value;
      current = 0;
      any = true;
      ++i;
      record();
      continue;
    }
    if (any && w == "and" && WordAt(i + 1, "a") && WordAt(i + 2, "half")) {
      current += 0.5;
      i += 3;
      record();
      continue;
    }
    if (any && w == "and" && ClassAt(i + 1) == WordClass::number_word && !WordAt(i + 1, "hundred")) {
      ++i;
      continue;
    }
    break;
  }
  if (!any) return 0;
  *value = value_at_end;
  return end - t;
}

// Reads the number at t_ (digits or words) with everything that belongs to it. Returns false when
// the token at t_ does not start a number.
bool ItemBuilder::ReadNumber(Item* item) {
  const Token& token = tokens_[t_];
  NumberUnit unit = NumberUnit::none;
  if (token.kind == TokenKind::number) {
    item->value = token.value;
    item->text = token.text;
    item->minus = token.minus;
    item->plus = token.plus;
    item->approximate = token.plus_after;
    item->dot_thousands = token.dot_thousands;
    unit = token.unit;
    ++t_;
  } else {
    double value = 0;
    const size_t used = ReadSpelled(t_, &value);
    if (used == 0) return false;
    item->value = value;
    item->spelled = true;
    for (size_t k = t_; k < t_ + used; ++k) item->text += (k == t_ ? "" : " ") + tokens_[k].text;
    t_ += used;
  }
  item->kind = ItemKind::number;
  ReadUnitsAfter(item, unit);
  return true;
}

// Applies a unit written with the digits, or reads one from the next word, then the signs that follow:
// "%", "x", "times more", "ago", and a second time part ("1m30s", "2 minutes 30 seconds").
void ItemBuilder::ReadUnitsAfter(Item* item, NumberUnit unit) {
  if (unit == NumberUnit::none && t_ < tokens_.size() && tokens_[t_].kind == TokenKind::word) {
    const WordInfo info = LookupWord(tokens_[t_].text);
    if (info.word_class == WordClass::scale || info.word_class == WordClass::time_unit) {
      unit = info.unit;
      item->text += " " + tokens_[t_].text;
      ++t_;
    }
  }
  switch (unit) {
    case NumberUnit::thousand: item->value *= 1e3; item->dot_thousands = false; break;
    case NumberUnit::million: item->value *= 1e6; item->dot_thousands = false; break;
    case NumberUnit::billion: item->value *= 1e9; item->dot_thousands = false; break;
    case NumberUnit::million_or_minutes: item->million_or_minutes = true; item->dot_thousands = false; break;
    case NumberUnit::seconds: case NumberUnit::clock: item->number_kind = NumberKind::seconds; break;
    case NumberUnit::minutes: item->number_kind = NumberKind::seconds; item->value *= 60; item->minutes = true; break;
    case NumberUnit::hours: item->number_kind = NumberKind::seconds; item->value *= 3600; item->hours = true; break;
    case NumberUnit::times: item->number_kind = NumberKind::factor; break;
    case NumberUnit::ordinal: item->kind = ItemKind::other; return;
    case NumberUnit::none: break;
  }
  if (unit != NumberUnit::none) item->dot_thousands = false;

  // "1m30s", "2 minutes 30 seconds", "1 min and 30 sec": a minutes part followed by a seconds part.
  const bool minutes_part = unit == NumberUnit::minutes || unit == NumberUnit::million_or_minutes;
  const size_t next = WordAt(t_, "and") ? t_ + 1 : t_;
  if (minutes_part && next < tokens_.size() && tokens_[next].kind == TokenKind::number &&
      (tokens_[next].unit == NumberUnit::seconds || ClassAt(next + 1) == WordClass::time_unit)) {
    const bool seconds_word = tokens_[next].unit == NumberUnit::none && LookupWord(tokens_[next + 1].text).unit ==
                                                                            NumberUnit::seconds;
    if (tokens_[next].unit == NumberUnit::seconds || seconds_word) {
      item->number_kind = NumberKind::seconds;
      item->million_or_minutes = false;
      item->value = (unit == NumberUnit::minutes ? item->value : item->value * 60) + tokens_[next].value;
      item->minutes = false;
      item->text += " " + tokens_[next].text + (seconds_word ? " " + tokens_[next + 1].text : "");
      t_ = next + (seconds_word ? 2 : 1);
    }
  }

  if (item->number_kind == NumberKind::count && (PunctAt(t_, "%") || ClassAt(t_) == WordClass::percent)) {
    item->number_kind = NumberKind::percent;
    item->text += "%";
    ++t_;
  } else if (item->number_kind == NumberKind::count && WordAt(t_, "times") &&
             (ClassAt(t_ + 1) == WordClass::more || WordAt(t_ + 1, "as") || WordAt(t_ + 1, "the") ||
              WordAt(t_ + 1, "my"))) {
    item->number_kind = NumberKind::factor;
    item->text += " times";
    ++t_;
  }
  if (WordAt(t_, "ago") || WordAt(t_, "days") || WordAt(t_, "day") || WordAt(t_, "weeks") || WordAt(t_, "week") ||
      WordAt(t_, "months") || WordAt(t_, "month") || WordAt(t_, "years") || WordAt(t_, "year") ||
      WordAt(t_, "am") || WordAt(t_, "pm")) {
    item->not_a_length = true;
  }
  if (time_context_ && item->number_kind == NumberKind::seconds) item->not_a_length = true;
}

// "50k-60k views" and "between 50k and 60k views": the middle of the range, flagged as approximate.
void ItemBuilder::ReadRange(Item* item) {
  const bool dash = PunctAt(t_, "-") && t_ + 1 < tokens_.size() && tokens_[t_ + 1].kind == TokenKind::number;
  const bool and_range = !items_.empty() && items_.back().kind == ItemKind::separator &&
                         items_.back().text == "between" && WordAt(t_, "and") &&
                         (t_ + 1 < tokens_.size() && (tokens_[t_ + 1].kind == TokenKind::number ||
                                                      ClassAt(t_ + 1) == WordClass::number_word));
  if (!dash && !and_range) return;
  const size_t saved = t_;
  ++t_;
  Item second;
  if (!ReadNumber(&second) || second.kind != ItemKind::number || second.number_kind != item->number_kind) {
    t_ = saved;
    return;
  }
  // "50-60k": the first number takes the second one's scale.
  const double second_raw = tokens_[saved + 1].kind == TokenKind::number ? tokens_[saved + 1].value : second.value;
  if (second.value != second_raw && second_raw != 0 && item->value <= second_raw)
    item->value *= second.value / second_raw;
  if (second.million_or_minutes && !item->million_or_minutes && item->value <= second.value)
    item->million_or_minutes = true;
  const double middle = (item->value + second.value) / 2;
  if (std::isfinite(middle) && notes_) {
    notes_->push_back("I took " + item->text + " to " + second.text + " as the middle, " +
                      (item->million_or_minutes || item->number_kind != NumberKind::count ? FormatPlain(middle)
                                                                                          : FormatCount(middle)) +
                      ".");
  }
  item->text += "-" + second.text;
  item->value = middle;
  item->approximate = true;
}

bool ItemBuilder::Negated() const {
  for (size_t back = 0; back < 3 && back < items_.size(); ++back) {
    const Item& previous = items_[items_.size() - 1 - back];
    if (previous.kind == ItemKind::separator) return false;
    const std::string& w = previous.text;
    if (w == "not" || w == "no" || w == "never" || w == "non" || w == "without" || w == "nope" ||
        w == "no longer" || w == "used to be" || (w.size() > 3 && w.compare(w.size() - 3, 3, "n't") == 0))
      return true;
  }
  return false;
}

// Reads an answer written right after an account term: "verified: no", "verified? yep", "verified = false",
// "banned - not anymore", "verified: 0". Returns Answer::none, reading nothing, when no answer follows. An
// answer must end its part of the message, so "verified, no downloads" keeps "no" for the downloads.
ItemBuilder::Answer ItemBuilder::ReadAnswer() {
  size_t i = t_;
  while (i < tokens_.size()) {
    const Token& token = tokens_[i];
    const bool punct = token.kind == TokenKind::punct && (token.text == ":" || token.text == "=" ||
                                                          token.text == "?" || token.text == "-" ||
                                                          token.text == ",");
    const bool link_word = WordAt(i, "is") || WordAt(i, "status") || WordAt(i, "account") || WordAt(i, "but");
    if (!punct && !link_word) break;
    ++i;
  }

  Answer answer = Answer::none;
  size_t used = 1;
  const Token* token = i < tokens_.size() ? &tokens_[i] : nullptr;
  if (token && token->kind == TokenKind::word) {
    const std::string& w = token->text;
    if (w == "yes" || w == "y" || w == "yeah" || w == "yep" || w == "yup" || w == "true" || w == "correct") {
      answer = Answer::yes;
    } else if (w == "no" && (WordAt(i + 1, "longer") || WordAt(i + 1, "more"))) {
      answer = Answer::no_longer;
      used = 2;
    } else if (w == "no" || w == "n" || w == "nope" || w == "nah" || w == "false") {
      answer = Answer::no;
    } else if (w == "not" && WordAt(i + 1, "anymore")) {
      answer = Answer::no_longer;
      used = 2;
    } else if (w == "anymore") {
      answer = Answer::no_longer;
    }
  } else if (token && token->kind == TokenKind::number && token->unit == NumberUnit::none && !token->minus &&
             !token->plus && !token->plus_after && (token->value == 0 || token->value == 1) &&
             (token->text == "0" || token->text == "1")) {
    answer = token->value == 1 ? Answer::yes : Answer::no;
  }
  if (answer == Answer::none) return answer;

  // Only the end of the message, a punctuation mark or a separator word may follow the answer.
  const size_t after = i + used;
  const bool ends_part = after >= tokens_.size() || tokens_[after].kind == TokenKind::punct ||
                         ClassAt(after) == WordClass::separator;
  if (!ends_part) return Answer::none;
  t_ = after;
  return answer;
}

// Turns an account item around when an answer follows it: "verified: no" is unverified, "banned? no" is
// active. "Anymore" says the state has ended, so "not verified anymore" stays unverified. "active: no"
// names no status, so the item then sets nothing.
void ItemBuilder::ApplyAnswer(Item* item) {
  const Answer answer = ReadAnswer();
  if (answer == Answer::none || answer == Answer::yes) return;
  if (item->kind == ItemKind::verified) {
    item->value = answer == Answer::no_longer || item->value != 0 ? 0 : 1;
  } else if (item->value != static_cast<double>(AuthorStatus::active) || answer == Answer::no_longer) {
    item->value = static_cast<double>(AuthorStatus::active);
  } else {
    item->kind = ItemKind::other;
  }
}

// Terms of two or more words that must be one item. Returns true when one was read at t_.
bool ItemBuilder::ReadTwoWordTerm(const std::string& w) {
  Item item;
  item.text = w;
  size_t used = 0;
  if (w == "under" && (WordAt(t_ + 1, "review") || ((PunctAt(t_ + 1, "_") || PunctAt(t_ + 1, "-")) &&
                                                    WordAt(t_ + 2, "review")))) {
    item.kind = ItemKind::status;
    item.value = static_cast<double>(Negated() ? AuthorStatus::active : AuthorStatus::under_review);
    used = WordAt(t_ + 1, "review") ? 2 : 3;
  } else if ((w == "in" && WordAt(t_ + 1, "review")) || (w == "being" && WordAt(t_ + 1, "reviewed"))) {
    item.kind = ItemKind::status;
    item.value = static_cast<double>(Negated() ? AuthorStatus::active : AuthorStatus::under_review);
    used = 2;
  } else if ((w == "profile" && (WordAt(t_ + 1, "views") || WordAt(t_ + 1, "view") || WordAt(t_ + 1, "visits"))) ||
             (w == "watch" && WordAt(t_ + 1, "time"))) {
    item.kind = ItemKind::unused_field;
    item.unused_name = w == "watch" ? "watch time" : "profile views";
    used = 2;
  } else if (w == "blue" && (WordAt(t_ + 1, "check") || WordAt(t_ + 1, "tick") || WordAt(t_ + 1, "checkmark"))) {
    item.kind = ItemKind::verified;
    item.value = Negated() ? 0 : 1;
    used = 2;
  } else if ((w == "no" && (WordAt(t_ + 1, "one") || WordAt(t_ + 1, "body"))) || (w == "not" && WordAt(t_ + 1, "any"))) {
    item.kind = ItemKind::negation;
    used = 2;
  } else if ((w == "no" && WordAt(t_ + 1, "longer")) || (w == "used" && WordAt(t_ + 1, "to") && WordAt(t_ + 2, "be"))) {
    item.kind = ItemKind::other;   // read by Negated(): "no longer banned", "used to be verified"
    used = w == "no" ? 2 : 3;
  } else if ((w == "more" || w == "less" || w == "fewer") && WordAt(t_ + 1, "than")) {
    item.kind = ItemKind::approx;
    used = 2;
  } else if ((w == "up" || w == "down") && WordAt(t_ + 1, "to")) {
    item.kind = ItemKind::binder;
    used = 2;
  } else {
    return false;
  }
  for (size_t k = 1; k < used; ++k) item.text += " " + tokens_[t_ + k].text;
  t_ += used;
  if (item.kind == ItemKind::verified || item.kind == ItemKind::status) ApplyAnswer(&item);
  Push(std::move(item));
  return true;
}

void ItemBuilder::ReadWord() {
  const std::string& w = tokens_[t_].text;
  if (ReadTwoWordTerm(w)) return;
  Item item;
  item.text = w;
  const WordInfo info = LookupWord(w);
  ++t_;
  if (w == "verified" || w == "verify" || w == "verification" || w == "checkmark") {
    item.kind = ItemKind::verified;
    item.value = Negated() ? 0 : 1;
  } else if (w == "unverified" || w == "nonverified") {
    item.kind = ItemKind::verified;
    item.value = 0;
  } else if (w == "banned" || w == "ban") {
    item.kind = ItemKind::status;
    item.value = static_cast<double>(Negated() ? AuthorStatus::active : AuthorStatus::banned);
  } else if (w == "active" && !Negated()) {
    item.kind = ItemKind::status;
    item.value = static_cast<double>(AuthorStatus::active);
  } else if (w == "like" && !items_.empty() && items_.back().kind == ItemKind::number) {
    item.kind = ItemKind::field;   // "1 like"; elsewhere "like" is "about" ("like 5k views")
    item.slot = ChatSlot::likes;
  } else if (w == "x" && t_ < tokens_.size() && tokens_[t_].kind == TokenKind::number &&
             tokens_[t_].unit == NumberUnit::none) {
    item.kind = ItemKind::number;
    item.number_kind = NumberKind::factor;
    item.value = tokens_[t_].value;
    item.text = "x" + tokens_[t_].text;
    ++t_;
  } else if (w == "minus" || w == "negative") {
    pending_minus_ = true;
    return;
  } else if (w == "infinity" || w == "infinite" || w == "inf" || w == "nan") {
    item.kind = ItemKind::number;   // kept as a number so that the reply can reject it by name
    item.value = w == "nan" ? std::nan("") : HUGE_VAL;
  } else if (w == "any" && Negated()) {
    item.kind = ItemKind::negation;
  } else {
    switch (info.word_class) {
      case WordClass::field: item.kind = ItemKind::field; item.slot = info.slot; item.verb = info.verb; break;
      case WordClass::unused_field: item.kind = ItemKind::unused_field; item.unused_name = info.canonical; break;
      case WordClass::duration_field: item.kind = ItemKind::duration_field; break;
      case WordClass::factor: item.kind = ItemKind::factor_word; item.value = info.value; break;
      case WordClass::more: item.kind = ItemKind::more; break;
      case WordClass::less: item.kind = ItemKind::less; break;
      case WordClass::binder: item.kind = ItemKind::binder; break;
      case WordClass::by: item.kind = ItemKind::by; break;
      case WordClass::approx: item.kind = ItemKind::approx; break;
      case WordClass::filler: item.kind = ItemKind::filler; break;
      case WordClass::separator: item.kind = ItemKind::separator; break;
      case WordClass::negation: item.kind = ItemKind::negation; break;
      default: item.kind = ItemKind::other; break;
    }
  }
  // A misspelt count noun right after a number: "120k vews" is 120K views, and the reply says so.
  const bool after_number = !items_.empty() && items_.back().kind == ItemKind::number &&
                            items_.back().number_kind == NumberKind::count;
  if (item.kind == ItemKind::other && after_number) {
    if (const std::optional<ChatSlot> slot = MisspeltField(w)) {
      item.kind = ItemKind::field;
      item.slot = *slot;
      if (notes_) notes_->push_back("I read \"" + w + "\" as " + ChatSlotName(*slot) + ".");
    }
  }
  if (item.kind == ItemKind::verified || item.kind == ItemKind::status) ApplyAnswer(&item);
  if (w == "ago" && !items_.empty() && items_.back().kind == ItemKind::number) items_.back().not_a_length = true;
  if (w == "in" || w == "within" || w == "every" || w == "per" || w == "after" || w == "since") pending_time_ = true;
  Push(std::move(item));
}

void ItemBuilder::Push(Item item) {
  if (item.kind == ItemKind::approx) pending_approx_ = true;
  if (item.kind == ItemKind::separator) pending_approx_ = false;
  if (item.kind == ItemKind::number) {
    if (pending_approx_) item.approximate = true;
    if (pending_minus_) item.minus = true;
    pending_approx_ = false;
    pending_minus_ = false;
  }
  items_.push_back(std::move(item));
}

std::vector<Item> ItemBuilder::Build() {
  while (t_ < tokens_.size()) {
    const Token& token = tokens_[t_];
    time_context_ = pending_time_;
    pending_time_ = false;
    Item number;
    if (ReadNumber(&number)) {
      if (number.kind == ItemKind::number) ReadRange(&number);
      const bool signed_value = number.number_kind == NumberKind::count || number.number_kind == NumberKind::seconds;
      if ((number.minus || pending_minus_) && signed_value) number.value = -number.value;
      Push(std::move(number));
      continue;
    }
    if (token.kind == TokenKind::word) {
      ReadWord();
      continue;
    }
    Item item;
    item.text = token.text;
    const char c = token.text[0];
    if (c == ':' || c == '=') {
      item.kind = ItemKind::binder;
    } else if (c == '~') {
      item.kind = ItemKind::approx;
    } else if (c == '+' || c == '#' || c == '@' || c == '%' || c == '*' || c == '\'' || c == '_') {
      item.kind = ItemKind::filler;
    } else if (c == '$' || c == '<' || c == '>') {
      item.kind = ItemKind::other;
    } else {
      item.kind = ItemKind::separator;
    }
    if (c == '>') item.kind = ItemKind::approx;
    // "views - 8000": a dash between a field and its number ties them, unless a number came before the field.
    const bool field_before = !items_.empty() && (items_.back().kind == ItemKind::field ||
                                                  items_.back().kind == ItemKind::duration_field);
    const bool number_before_field = items_.size() >= 2 && items_[items_.size() - 2].kind == ItemKind::number;
    if (c == '-' && field_before && !number_before_field && t_ + 1 < tokens_.size() &&
        tokens_[t_ + 1].kind == TokenKind::number)
      item.kind = ItemKind::binder;
    ++t_;
    Push(std::move(item));
  }
  return std::move(items_);
}

}  // namespace

std::vector<Item> BuildItems(const std::vector<Token>& tokens, std::vector<std::string>* notes) {
  return ItemBuilder(tokens, notes).Build();
}

}  // namespace likecast::chat
