// Creator-style number formatting (see format.h).
#include "core/common/format.h"

#include <cmath>
#include <cstdio>
#include <vector>

namespace likecast {
namespace {

// Formats a magnitude of at least kScientificFrom as "1e27" or "9.9e299". The mantissa keeps one decimal,
// cut rather than rounded as in the suffixed forms.
std::string FormatScientific(double magnitude) {
  // 17 significant digits (%.16e) tell any two doubles apart, so the double nearest 10^27 reads "1e27" and
  // the cut never rounds a value up to a step that another double is nearer to.
  char digits[32];
  std::snprintf(digits, sizeof digits, "%.16e", magnitude);
  const std::string text = digits;
  const std::string exponent = std::to_string(std::stoi(text.substr(text.find('e') + 1)));
  std::string mantissa(1, text[0]);
  if (text[2] != '0') mantissa += std::string(".") + text[2];
  return mantissa + "e" + exponent;
}

}  // namespace

std::string FormatPlain(double value, int max_decimals) {
  // Sized from snprintf's own count, so 1e300 keeps all of its 301 digits.
  const int length = std::snprintf(nullptr, 0, "%.*f", max_decimals, value);
  if (length < 0) return "?";
  std::vector<char> buffer(static_cast<size_t>(length) + 1);
  std::snprintf(buffer.data(), buffer.size(), "%.*f", max_decimals, value);
  std::string text = buffer.data();
  if (text.find('.') != std::string::npos) {
    while (!text.empty() && text.back() == '0') text.pop_back();
    if (!text.empty() && text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  return text;
}

std::string FormatCount(double value) {
  if (!std::isfinite(value)) return "?";
  const std::string sign = value < 0 ? "-" : "";
  // Counts are whole numbers, so a prediction of 999.7 likes is a count of 1,000 and shows as "1K".
  const double magnitude = std::round(std::fabs(value));
  if (magnitude < 1000) return magnitude == 0 ? "0" : sign + FormatPlain(magnitude, 0);
  if (magnitude >= kScientificFrom) return sign + FormatScientific(magnitude);
  struct Unit { double size; const char* suffix; };
  static const Unit kUnits[] = {{1e9, "B"}, {1e6, "M"}, {1e3, "K"}};
  for (const Unit& unit : kUnits) {
    if (magnitude < unit.size) continue;
    // Cut to one decimal rather than rounded, so 999,999 reads "999.9K" and a count reads "1M" only once it
    // has reached 1,000,000. Dividing an integer by a power of ten is exact when the result is whole, so
    // the floor never loses a step.
    const double tenths = std::floor(magnitude / (unit.size / 10));
    return sign + FormatPlain(tenths / 10, 1) + unit.suffix;
  }
  return sign + FormatPlain(magnitude, 0);
}

std::string FormatInteger(double value) {
  if (!std::isfinite(value)) return "?";
  if (std::fabs(std::round(value)) >= kScientificFrom)
    return (value < 0 ? "-" : "") + FormatScientific(std::fabs(std::round(value)));
  char digits[64];
  std::snprintf(digits, sizeof digits, "%.0f", std::fabs(std::round(value)));
  std::string text = digits;
  for (int i = static_cast<int>(text.size()) - 3; i > 0; i -= 3) text.insert(static_cast<size_t>(i), ",");
  if (value < 0 && text != "0") text.insert(0, "-");
  return text;
}

std::string FormatPercent(double fraction, int decimals) {
  if (!std::isfinite(fraction)) return "?";
  return FormatPlain(fraction * 100.0, decimals) + "%";
}

std::string FormatDuration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "?";
  const long total = std::lround(seconds);
  if (total < 60) return std::to_string(total) + " s";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%ld:%02ld", total / 60, total % 60);
  return buffer;
}

}  // namespace likecast
