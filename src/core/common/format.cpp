// Creator-style number formatting (see format.h).
#include "core/common/format.h"

#include <cmath>
#include <cstdio>

namespace likecast {

std::string FormatPlain(double value, int max_decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", max_decimals, value);
  std::string text = buffer;
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
  const double magnitude = std::fabs(value);
  struct Unit { double size; const char* suffix; };
  static const Unit units[] = {{1e9, "B"}, {1e6, "M"}, {1e3, "K"}};
  for (const Unit& unit : units) {
    // Round first, so 999,960 shows as 1M rather than 1000K.
    const double scaled = std::round(magnitude / unit.size * 10.0) / 10.0;
    if (scaled >= 1.0) {
      if (scaled >= 1000.0 && unit.size < 1e9) continue;
      return sign + FormatPlain(scaled, scaled >= 100 ? 0 : 1) + unit.suffix;
    }
  }
  return sign + FormatPlain(std::round(magnitude), 0);
}

std::string FormatInteger(double value) {
  if (!std::isfinite(value)) return "?";
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
