// Normalising and splitting a message into tokens (see lexer.h). Every loop
// moves forward through the text, so the work is linear in its length.
#include "core/chat/lexer.h"

#include <cstdlib>

namespace likecast::chat {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return c >= 'a' && c <= 'z'; }
bool IsAlnum(char c) { return IsDigit(c) || IsLetter(c); }

// The ASCII text a Unicode code point stands for in a message, or " " for anything else.
const char* MapCodePoint(unsigned code) {
  switch (code) {
    case 0x00A0: case 0x2007: case 0x2008: case 0x2009: case 0x200A: case 0x202F: case 0x205F: case 0x3000:
      return " ";
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: return "'";
    case 0x201C: case 0x201D: return "\"";
    case 0x2010: case 0x2011: case 0x2013: case 0x2212: return "-";
    case 0x2014: case 0x2015: case 0xFF0C: return ",";
    case 0x223C: case 0x2248: return "~";
    case 0x221E: return " infinity ";
    case 0x00D7: return "x";
    case 0x2026: return ".";
    default: return " ";
  }
}

// Decodes the UTF-8 sequence at `i`; returns its length in bytes, or 0 when it is invalid.
size_t DecodeUtf8(std::string_view text, size_t i, unsigned* code) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned lead = byte(i);
  size_t length = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    *code = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    *code = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    *code = lead & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    *code = (*code << 6) | (byte(i + k) & 0x3F);
  }
  return length;
}

// ---------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------

struct AttachedUnit {
  const char* text;
  NumberUnit unit;
};

// Units that may follow the digits with no space, longest first where one is a prefix of another.
const AttachedUnit kAttachedUnits[] = {
    {"thousands", NumberUnit::thousand}, {"thousand", NumberUnit::thousand}, {"millions", NumberUnit::million},
    {"million", NumberUnit::million}, {"billions", NumberUnit::billion}, {"billion", NumberUnit::billion},
    {"mill", NumberUnit::million}, {"mil", NumberUnit::million}, {"mln", NumberUnit::million},
    {"mio", NumberUnit::million}, {"bn", NumberUnit::billion}, {"seconds", NumberUnit::seconds},
    {"second", NumberUnit::seconds}, {"secs", NumberUnit::seconds}, {"sec", NumberUnit::seconds},
    {"minutes", NumberUnit::minutes}, {"minute", NumberUnit::minutes}, {"mins", NumberUnit::minutes},
    {"min", NumberUnit::minutes}, {"hours", NumberUnit::hours}, {"hour", NumberUnit::hours},
    {"hrs", NumberUnit::hours}, {"hr", NumberUnit::hours}, {"st", NumberUnit::ordinal}, {"nd", NumberUnit::ordinal},
    {"rd", NumberUnit::ordinal}, {"th", NumberUnit::ordinal}, {"k", NumberUnit::thousand},
    {"m", NumberUnit::million_or_minutes}, {"b", NumberUnit::billion}, {"s", NumberUnit::seconds},
    {"h", NumberUnit::hours}, {"x", NumberUnit::times},
};

// True when `count` digits start at `i` and no further digit follows them.
bool DigitsAt(const std::string& s, size_t i, size_t count) {
  if (i + count > s.size()) return false;
  for (size_t k = 0; k < count; ++k)
    if (!IsDigit(s[i + k])) return false;
  return i + count == s.size() || !IsDigit(s[i + count]);
}

// Reads thousands groups after the integer part: "1,234,567", "1 234", "1'234", "1.234.567".
// A single dot group ("1.234") stays a decimal and is flagged, since it may be either.
void ReadGroups(const std::string& s, size_t* j, std::string* clean, Token* token) {
  const size_t first_group = clean->size();
  if (first_group == 0 || first_group > 3) return;
  char separator = 0;
  int groups = 0;
  std::string group_digits;
  while (*j < s.size()) {
    const char c = s[*j];
    if (c != ',' && c != '\'' && c != ' ' && c != '.') break;
    if (separator != 0 && c != separator) break;
    if (!DigitsAt(s, *j + 1, 3)) break;
    const char after = *j + 4 < s.size() ? s[*j + 4] : ' ';
    // "5 000 views" groups, but "5 000k" or "45 100x" do not read as one number.
    if ((c == ' ' || c == '.') && IsLetter(after)) break;
    if (c == ' ' && (after == '.' || after == ',') && *j + 5 < s.size() && IsDigit(s[*j + 5])) break;
    group_digits += s.substr(*j + 1, 3);
    separator = c;
    ++groups;
    *j += 4;
  }
  if (separator == '.' && groups == 1) {
    *clean += "." + group_digits;
    token->dot_thousands = (*clean)[0] != '0';
  } else {
    *clean += group_digits;
  }
}

// Reads the decimals, "1.2" or the European "1,5" (only before a k/m/b unit), and an exponent.
void ReadFraction(const std::string& s, size_t* j, std::string* clean, bool grouped) {
  const size_t n = s.size();
  if (!grouped && *j + 1 < n && s[*j] == '.' && IsDigit(s[*j + 1]) && clean->find('.') == std::string::npos) {
    *clean += '.';
    ++*j;
    while (*j < n && IsDigit(s[*j])) *clean += s[(*j)++];
  } else if (!grouped && *j + 1 < n && s[*j] == ',' && IsDigit(s[*j + 1])) {
    size_t k = *j + 1;
    while (k < n && IsDigit(s[k]) && k - *j <= 3) ++k;
    size_t unit = k < n && s[k] == ' ' ? k + 1 : k;
    const bool short_fraction = k - *j - 1 <= 2;
    const bool unit_follows = unit < n && (s[unit] == 'k' || s[unit] == 'm' || s[unit] == 'b') &&
                              (unit + 1 >= n || !IsLetter(s[unit + 1]) || s.compare(unit, 3, "mil") == 0);
    if (short_fraction && unit_follows) {
      *clean += '.' + s.substr(*j + 1, k - *j - 1);
      *j = k;
    }
  }
  if (*j + 1 < n && s[*j] == 'e') {
    size_t k = *j + 1;
    if (s[k] == '+' || s[k] == '-') ++k;
    if (k < n && IsDigit(s[k])) {
      size_t end = k;
      while (end < n && IsDigit(s[end])) ++end;
      if (end >= n || !IsLetter(s[end])) {
        *clean += s.substr(*j, end - *j);
        *j = end;
      }
    }
  }
}

// Reads "m:ss" or "h:mm:ss" after the first digits; returns false when the text is not a clock time.
bool ReadClock(const std::string& s, size_t* j, double* seconds) {
  if (*j >= s.size() || s[*j] != ':' || !DigitsAt(s, *j + 1, 2)) return false;
  *seconds = *seconds * 60 + std::atof(s.substr(*j + 1, 2).c_str());
  *j += 3;
  if (*j < s.size() && s[*j] == ':' && DigitsAt(s, *j + 1, 2)) {
    *seconds = *seconds * 60 + std::atof(s.substr(*j + 1, 2).c_str());
    *j += 3;
  }
  return true;
}

// Matches a unit written right after the digits. The letters left after the unit must be a word of the
// lexicon ("12kviews"), otherwise the letters are a word of their own ("5months").
void ReadAttachedUnit(const std::string& s, size_t* j, Token* token) {
  size_t end = *j;
  while (end < s.size() && IsLetter(s[end])) ++end;
  if (end == *j) return;
  const std::string_view letters(s.data() + *j, end - *j);
  for (const AttachedUnit& unit : kAttachedUnits) {
    const std::string_view text(unit.text);
    if (letters.substr(0, text.size()) != text) continue;
    const std::string_view rest = letters.substr(text.size());
    if (!rest.empty() && LookupWord(rest).word_class == WordClass::other) continue;
    token->unit = unit.unit;
    token->text += std::string(text);
    *j += text.size();
    token->digit_follows = *j < s.size() && IsDigit(s[*j]);
    return;
  }
}

Token ReadNumber(const std::string& s, size_t* i) {
  Token token;
  token.kind = TokenKind::number;
  const size_t start = *i;
  size_t j = *i;
  std::string clean;
  while (j < s.size() && IsDigit(s[j])) clean += s[j++];
  if (clean.empty()) clean = "0";
  bool grouped = false;
  if (j < s.size() && s[j] != ':') {
    const size_t before = clean.size();
    ReadGroups(s, &j, &clean, &token);
    grouped = clean.size() != before && !token.dot_thousands;
  }
  ReadFraction(s, &j, &clean, grouped);
  token.value = std::strtod(clean.c_str(), nullptr);
  if (!grouped && clean.find_first_of(".e") == std::string::npos && ReadClock(s, &j, &token.value))
    token.unit = NumberUnit::clock;
  token.text = s.substr(start, j - start);
  if (token.unit == NumberUnit::none) ReadAttachedUnit(s, &j, &token);
  if (j < s.size() && s[j] == '+' && (j + 1 >= s.size() || !IsDigit(s[j + 1]))) {
    token.plus_after = true;
    token.text += '+';
    ++j;
  }
  *i = j;
  return token;
}

}  // namespace

std::string NormalizeMessage(std::string_view message) {
  std::string out;
  out.reserve(message.size());
  size_t i = 0;
  while (i < message.size()) {
    const unsigned char c = static_cast<unsigned char>(message[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') {
        out += static_cast<char>(c - 'A' + 'a');
      } else if (c == '\n' || c == '\r') {
        out += ';';
      } else if (c < 0x20 || c == 0x7F) {
        out += ' ';
      } else {
        out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    unsigned code = 0;
    const size_t length = DecodeUtf8(message, i, &code);
    out += length == 0 ? " " : MapCodePoint(code);
    i += length == 0 ? 1 : length;
  }
  return out;
}

std::vector<Token> Tokenize(const std::string& s) {
  std::vector<Token> tokens;
  const size_t n = s.size();
  size_t i = 0;
  bool space_before = true;
  while (i < n) {
    const char c = s[i];
    if (c == ' ') {
      space_before = true;
      ++i;
      continue;
    }
    const bool sign = (c == '-' || c == '+') && i + 1 < n && (IsDigit(s[i + 1]) || s[i + 1] == '.');
    // "50k - 60k" is a range, so a sign right after a number is a dash.
    const bool sign_stands_alone =
        (i == 0 || !IsAlnum(s[i - 1])) && (tokens.empty() || tokens.back().kind != TokenKind::number);
    if (IsDigit(c) || (c == '.' && i + 1 < n && IsDigit(s[i + 1])) || (sign && sign_stands_alone)) {
      const bool minus = c == '-';
      const bool plus = c == '+';
      if (!IsDigit(c) && c != '.') ++i;
      Token token = ReadNumber(s, &i);
      token.minus = minus;
      token.plus = plus;
      token.space_before = space_before;
      if (minus || plus) token.text.insert(0, 1, c);
      tokens.push_back(std::move(token));
      space_before = false;
      continue;
    }
    if ((c == '#' || c == '@') && i + 1 < n && IsAlnum(s[i + 1])) {
      // A hashtag or a mention: its digits are no count.
      Token token;
      token.text = c == '#' ? "#" : "@";
      token.kind = TokenKind::punct;
      token.space_before = space_before;
      ++i;
      while (i < n && (IsAlnum(s[i]) || s[i] == '_' || s[i] == '.')) ++i;
      tokens.push_back(std::move(token));
      space_before = false;
      continue;
    }
    if (s.compare(i, 4, "http") == 0 || s.compare(i, 4, "www.") == 0) {
      while (i < n && s[i] != ' ' && s[i] != ';') ++i;   // a link: its digits are no count either
      space_before = true;
      continue;
    }
    if (IsLetter(c)) {
      Token token;
      token.space_before = space_before;
      const size_t start = i;
      while (i < n && (IsLetter(s[i]) || (s[i] == '\'' && i + 1 < n && IsLetter(s[i + 1])))) ++i;
      token.text = s.substr(start, i - start);
      tokens.push_back(std::move(token));
      space_before = false;
      continue;
    }
    if (c == '-' && i > 0 && IsLetter(s[i - 1]) && i + 1 < n && IsLetter(s[i + 1])) {
      space_before = true;   // "non-verified", "twenty-five": a hyphen between words joins nothing
      ++i;
      continue;
    }
    Token token;
    token.kind = TokenKind::punct;
    token.text = std::string(1, c);
    token.space_before = space_before;
    tokens.push_back(std::move(token));
    space_before = false;
    ++i;
  }
  return tokens;
}

}  // namespace likecast::chat
