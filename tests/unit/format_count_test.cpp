// FormatCount at every boundary where its unit or its number of digits changes:
// whole counts below 1,000, then one decimal cut (not rounded) so that a count
// shows "1K" or "1M" only once it has reached that milestone. From 1e12 up,
// FormatCount and FormatInteger both write a power of ten.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "core/common/format.h"

namespace likecast {
namespace {

TEST_CASE("FormatCount below 1,000 is the whole count") {
  CHECK(FormatCount(0) == "0");
  CHECK(FormatCount(1) == "1");
  CHECK(FormatCount(950) == "950");
  CHECK(FormatCount(999) == "999");
  CHECK(FormatCount(12.4) == "12");
}

TEST_CASE("FormatCount rounds a fraction to a whole count first") {
  CHECK(FormatCount(999.4) == "999");
  CHECK(FormatCount(999.5) == "1K");
  CHECK(FormatCount(0.4) == "0");
  CHECK(FormatCount(-0.4) == "0");
}

TEST_CASE("FormatCount thousands keep one decimal, cut") {
  CHECK(FormatCount(1000) == "1K");
  CHECK(FormatCount(1049) == "1K");
  CHECK(FormatCount(1050) == "1K");
  CHECK(FormatCount(1099) == "1K");
  CHECK(FormatCount(1100) == "1.1K");
  CHECK(FormatCount(9950) == "9.9K");
  CHECK(FormatCount(9999) == "9.9K");
  CHECK(FormatCount(10000) == "10K");
  CHECK(FormatCount(35290) == "35.2K");
  CHECK(FormatCount(99999) == "99.9K");
  CHECK(FormatCount(123456) == "123.4K");
}

TEST_CASE("FormatCount never shows 1M before a million") {
  CHECK(FormatCount(999900) == "999.9K");
  CHECK(FormatCount(999950) == "999.9K");
  CHECK(FormatCount(999999) == "999.9K");
  CHECK(FormatCount(1000000) == "1M");
  CHECK(FormatCount(1250000) == "1.2M");
  CHECK(FormatCount(9950000) == "9.9M");
  CHECK(FormatCount(999999999) == "999.9M");
}

TEST_CASE("FormatCount billions and beyond") {
  CHECK(FormatCount(1e9) == "1B");
  CHECK(FormatCount(10e9) == "10B");
  CHECK(FormatCount(999999999999) == "999.9B");
}

TEST_CASE("FormatCount from 1e12 is a power of ten") {
  CHECK(FormatCount(1e12) == "1e12");
  CHECK(FormatCount(1.5e12) == "1.5e12");
  CHECK(FormatCount(9.99e12) == "9.9e12");
  CHECK(FormatCount(999999999999999999999999999.0) == "1e27");
  CHECK(FormatCount(1e300) == "1e300");
  CHECK(FormatCount(-2.5e15) == "-2.5e15");
  CHECK(FormatCount(std::numeric_limits<double>::max()) == "1.7e308");
}

TEST_CASE("FormatInteger writes every digit below 1e12") {
  CHECK(FormatInteger(35200) == "35,200");
  CHECK(FormatInteger(10000000001) == "10,000,000,001");
  CHECK(FormatInteger(999999999999) == "999,999,999,999");
  CHECK(FormatInteger(-1234) == "-1,234");
}

TEST_CASE("FormatInteger from 1e12 matches FormatCount") {
  CHECK(FormatInteger(1e12) == "1e12");
  CHECK(FormatInteger(1e300) == "1e300");
  CHECK(FormatInteger(-1e27) == "-1e27");
}

TEST_CASE("FormatPlain keeps every digit of a huge value") {
  const std::string text = FormatPlain(1e300, 0);
  CHECK(text.size() == 301);
  CHECK(text.substr(0, 4) == "1000");
}

TEST_CASE("FormatCount negative values mirror positive ones") {
  CHECK(FormatCount(-950) == "-950");
  CHECK(FormatCount(-1299) == "-1.2K");
  CHECK(FormatCount(-999999) == "-999.9K");
}

TEST_CASE("FormatCount of a value that is not finite") {
  CHECK(FormatCount(std::numeric_limits<double>::infinity()) == "?");
  CHECK(FormatCount(std::nan("")) == "?");
}

}  // namespace
}  // namespace likecast
