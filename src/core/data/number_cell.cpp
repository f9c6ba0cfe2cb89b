// Number and missing-value cells as spreadsheets write them (see dataset.h):
// digit grouping with commas, points, spaces or apostrophes, decimal points or
// commas, exponents, K/M/B suffixes, Excel's ="123" text form and error values.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/data/dataset.h"

namespace likecast {
namespace {

constexpr size_t kMaxExponentDigits = 4;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Returns the byte length of the digit-group space at text[i], or 0. Group spaces are a space, a no-break
// space (U+00A0), a narrow no-break space (U+202F), and the Swiss apostrophe or right single quote (U+2019).
size_t GroupSpaceLength(std::string_view text, size_t i) {
  if (text[i] == ' ' || text[i] == '\'') return 1;
  if (text.compare(i, 2, "\xC2\xA0") == 0) return 2;
  if (text.compare(i, 3, "\xE2\x80\xAF") == 0 || text.compare(i, 3, "\xE2\x80\x99") == 0) return 3;
  return 0;
}

std::string_view TrimCell(std::string_view text) {
  for (;;) {
    if (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
      text.remove_prefix(1);
    } else if (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
      text.remove_suffix(1);
    } else if (text.size() >= 2 && text.compare(0, 2, "\xC2\xA0") == 0) {
      text.remove_prefix(2);
    } else if (text.size() >= 2 && text.compare(text.size() - 2, 2, "\xC2\xA0") == 0) {
      text.remove_suffix(2);
    } else {
      return text;
    }
  }
}

// Checks that `integer` (digits split by one kind of separator) is grouped as numbers are written.
// The first group has 1 to 3 digits, then come groups of 3 ("1,234,567"), or groups of 2 before a
// last group of 3, as in India ("12,34,567").
bool IsValidGrouping(const std::string& integer) {
  std::vector<size_t> groups(1, 0);
  char separator = 0;
  for (char c : integer) {
    if (IsDigit(c)) {
      ++groups.back();
      continue;
    }
    if (separator != 0 && c != separator) return false;
    separator = c;
    groups.push_back(0);
  }
  if (groups.size() == 1) return true;
  if (groups.front() < 1 || groups.front() > 3 || groups.back() != 3) return false;
  const size_t middle = groups.size() > 2 ? groups[1] : 3;
  if (middle != 2 && middle != 3) return false;
  for (size_t i = 1; i + 1 < groups.size(); ++i)
    if (groups[i] != middle) return false;
  return true;
}

// Decides which separator in `mantissa` (digits, '.', ',' and 'G' for a group space) is the decimal
// one, and returns the number as digits with at most one '.', or "" when the separators make no sense.
std::string ResolveSeparators(const std::string& mantissa, bool decimal_comma) {
  const size_t points = std::count(mantissa.begin(), mantissa.end(), '.');
  const size_t commas = std::count(mantissa.begin(), mantissa.end(), ',');
  const bool spaces = mantissa.find('G') != std::string::npos;
  char decimal = 0;
  if (points > 0 && commas > 0) {
    decimal = mantissa[mantissa.find_last_of(".,")];   // "1,234.5" and "1.234,5": the last one
  } else if (points == 1 || commas == 1) {
    const char separator = points == 1 ? '.' : ',';
    const size_t at = mantissa.find(separator);
    const bool local_decimal = separator == (decimal_comma ? ',' : '.');
    // The other locale's separator is grouping only in the one form that reads as grouping: "1,500".
    const bool reads_as_grouping = !spaces && at >= 1 && at <= 3 && mantissa[0] != '0' && mantissa.size() - at - 1 == 3;
    decimal = local_decimal || !reads_as_grouping ? separator : 0;
  }

  const size_t decimal_at = decimal == 0 ? std::string::npos : mantissa.find(decimal);
  if (decimal != 0 && mantissa.find(decimal, decimal_at + 1) != std::string::npos) return "";
  const std::string integer = mantissa.substr(0, decimal_at);
  const std::string fraction = decimal == 0 ? "" : mantissa.substr(decimal_at + 1);
  for (char c : fraction)
    if (!IsDigit(c)) return "";
  if (!IsValidGrouping(integer)) return "";

  std::string digits;
  for (char c : integer)
    if (IsDigit(c)) digits += c;
  if (digits.empty() && fraction.empty()) return "";
  return (digits.empty() ? "0" : digits) + "." + (fraction.empty() ? "0" : fraction);
}

}  // namespace

bool IsMissingCell(std::string_view text) {
  static const char* const kMissing[] = {
      "", "#n/a", "#n/a n/a", "n/a", "na", "nan", "null", "none", "nil", "undefined", "-", "--", "?",
      "#value!", "#ref!", "#div/0!", "#name?", "#num!", "#null!",
  };
  std::string lowered(TrimCell(text));
  for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* missing : kMissing)
    if (lowered == missing) return true;
  return false;
}

std::optional<double> ParseNumberCell(std::string_view text, std::string* problem, bool decimal_comma) {
  auto fail = [&](const char* why) -> std::optional<double> {
    if (problem) *problem = why;
    return std::nullopt;
  };
  std::string_view cell = TrimCell(text);
  if (cell.size() >= 3 && cell.compare(0, 2, "=\"") == 0 && cell.back() == '"') {
    cell = TrimCell(cell.substr(2, cell.size() - 3));   // Excel's ="123", written to keep a number as text
  } else if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"') {
    cell = TrimCell(cell.substr(1, cell.size() - 2));
  }
  if (cell.empty()) return fail("is empty");

  // Sign, then digits and separators, then an exponent or a K/M/B suffix.
  size_t i = 0;
  const bool negative = cell[0] == '-';
  if (cell[0] == '-' || cell[0] == '+') ++i;
  std::string mantissa;
  while (i < cell.size()) {
    if (IsDigit(cell[i]) || cell[i] == '.' || cell[i] == ',') {
      mantissa += cell[i++];
    } else if (const size_t length = GroupSpaceLength(cell, i)) {
      mantissa += 'G';
      i += length;
    } else {
      break;
    }
  }
  std::string_view rest = cell.substr(i);
  std::string exponent;
  double multiplier = 1;
  if (!rest.empty() && (rest[0] == 'e' || rest[0] == 'E')) {
    exponent = "e";
    size_t k = 1;
    if (k < rest.size() && (rest[k] == '+' || rest[k] == '-')) exponent += rest[k++];
    const size_t first_digit = k;
    while (k < rest.size() && IsDigit(rest[k])) exponent += rest[k++];
    if (k != rest.size() || k == first_digit) return fail("is not a number");
    if (k - first_digit > kMaxExponentDigits) return fail("is out of range");
  } else if (rest.size() == 1 && std::string_view("kKmMbB").find(rest[0]) != std::string_view::npos) {
    // TikTok shows counts this way: 35.2K, 1.2M, 3B.
    const char suffix = static_cast<char>(std::tolower(static_cast<unsigned char>(rest[0])));
    if (suffix == 'k') {
      multiplier = 1e3;
    } else if (suffix == 'm') {
      multiplier = 1e6;
    } else {
      multiplier = 1e9;
    }
  } else if (!rest.empty()) {
    return fail("is not a number");
  }

  const std::string plain = ResolveSeparators(mantissa, decimal_comma);
  if (plain.empty()) return fail("is not a number");
  const std::string number = plain + exponent;
  char* end = nullptr;
  const double magnitude = std::strtod(number.c_str(), &end) * multiplier;
  if (end != number.c_str() + number.size()) return fail("is not a number");
  if (!std::isfinite(magnitude)) return fail("is out of range");
  return negative ? -magnitude : magnitude;
}

}  // namespace likecast
