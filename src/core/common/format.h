// Number formatting as creators see it on TikTok: 980, 35.2K, 1.2M, 3B.
#pragma once

#include <string>

namespace likecast {

// FormatCount and FormatInteger write counts of 1e12 and more, past the largest suffix, as a power of ten
// with the mantissa cut to one decimal: 1.5e12 -> "1.5e12", 1e27 -> "1e27".
constexpr double kScientificFrom = 1e12;

// 950 -> "950", 35290 -> "35.2K", 999999 -> "999.9K", 1.25e6 -> "1.2M": whole below 1,000, then one decimal
// cut (not rounded) so a count never shows a milestone it has not reached. Negative values keep their sign.
std::string FormatCount(double value);
std::string FormatInteger(double value);            // 35200 -> "35,200" (rounded), 1e12 and up as above
std::string FormatPercent(double fraction, int decimals = 1);  // 0.123 -> "12.3%"
std::string FormatDuration(double seconds);         // 90 -> "1:30", 42 -> "42 s"
std::string FormatPlain(double value, int max_decimals = 2);   // shortest form, no trailing zeros

}  // namespace likecast
