// Number and missing-value cells as spreadsheets write them: grouping and
// decimal separators of different locales, float-formatted counts, exponents,
// K/M/B suffixes, Excel's text form, and what is rejected, with the reason.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/data/dataset.h"

namespace likecast {
namespace {

// Parses `text` and returns the value, or NaN when it is rejected.
double Parse(const std::string& text, bool decimal_comma = false) {
  return ParseNumberCell(text, nullptr, decimal_comma).value_or(std::nan(""));
}

// Returns the reason `text` is rejected.
std::string Problem(const std::string& text, bool decimal_comma = false) {
  std::string reason;
  CHECK_FALSE(ParseNumberCell(text, &reason, decimal_comma).has_value());
  return reason;
}

TEST_CASE("number cell plain and float-formatted") {
  CHECK(Parse("0") == 0);
  CHECK(Parse("289935") == 289935);
  CHECK(Parse("289935.0") == 289935);
  CHECK(Parse(" 42 ") == 42);
  CHECK(Parse("+7") == 7);
  CHECK(Parse("-40") == -40);
  CHECK(Parse(".5") == 0.5);
  CHECK(Parse("5.") == 5);
  CHECK(Parse("1.2e3") == 1200);
  CHECK(Parse("7.017666017E+09") == 7017666017.0);
  CHECK(Parse("2.5E-1") == 0.25);
}

TEST_CASE("number cell thousands separators") {
  CHECK(Parse("1,234") == 1234);
  CHECK(Parse("1,234,567") == 1234567);
  CHECK(Parse("1,234,567.5") == 1234567.5);
  CHECK(Parse("12,34,567") == 1234567);          // Indian grouping
  CHECK(Parse("1 234 567") == 1234567);
  CHECK(Parse("1\xC2\xA0" "234") == 1234);       // no-break space, as French Excel writes
  CHECK(Parse("1\xE2\x80\xAF" "234") == 1234);   // narrow no-break space
  CHECK(Parse("1'234'567") == 1234567);          // Swiss
  CHECK(Parse("\"1,234\"") == 1234);             // quotes left in the cell
  CHECK(Parse("=\"1234\"") == 1234);             // Excel's text form
}

TEST_CASE("number cell decimal comma") {
  SUBCASE("in a comma-separated file the comma groups thousands") {
    CHECK(Parse("1,500") == 1500);
    CHECK(Parse("1,5") == 1.5);                  // not a thousands group, so a decimal comma
    CHECK(Parse("0,500") == 0.5);                // a group never starts with 0
    CHECK(Parse("1234,567") == 1234.567);        // four digits cannot precede a group
    CHECK(Parse("1.500") == 1.5);
  }
  SUBCASE("in a semicolon-separated file the comma is the decimal separator") {
    CHECK(Parse("1,500", true) == 1.5);
    CHECK(Parse("1,5", true) == 1.5);
    CHECK(Parse("1.500", true) == 1500);
    CHECK(Parse("1.234.567", true) == 1234567);
    CHECK(Parse("1.234,5", true) == 1234.5);
    CHECK(Parse("289935.0", true) == 289935);    // a float-formatted count written by a program, not a locale
    CHECK(Parse("1 234,5", true) == 1234.5);
  }
  SUBCASE("both separators: the last one is the decimal") {
    CHECK(Parse("1.234,5") == 1234.5);
    CHECK(Parse("1,234.5", true) == 1234.5);
  }
}

TEST_CASE("number cell suffixes") {
  CHECK(Parse("35.2K") == doctest::Approx(35200));
  CHECK(Parse("1.2M") == doctest::Approx(1200000));
  CHECK(Parse("3b") == 3e9);
  CHECK(Parse("12k") == 12000);
}

TEST_CASE("number cell rejections") {
  CHECK(Problem("") == "is empty");
  CHECK(Problem("abc") == "is not a number");
  CHECK(Problem("12x") == "is not a number");
  CHECK(Problem("1.2.3") == "is not a number");
  CHECK(Problem("1,23,4") == "is not a number");
  CHECK(Problem("12 34") == "is not a number");
  CHECK(Problem("1,234.5,6") == "is not a number");
  CHECK(Problem("0x1F") == "is not a number");
  CHECK(Problem("inf") == "is not a number");
  CHECK(Problem("nan") == "is not a number");
  CHECK(Problem("1e") == "is not a number");
  CHECK(Problem("$100") == "is not a number");
  CHECK(Problem("50%") == "is not a number");
  CHECK(Problem("-") == "is not a number");
  CHECK(Problem(".") == "is not a number");
  CHECK(Problem("1e400") == "is out of range");
  CHECK(Problem("1e99999") == "is out of range");
}

TEST_CASE("missing cells") {
  for (const char* text : {"", "  ", "#N/A", "#n/a", "N/A", "NA", "NaN", "null", "NULL", "None", "undefined",
                           "Undefined", "-", "--", "?", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!"}) {
    CAPTURE(text);
    CHECK(IsMissingCell(text));
  }
  for (const char* text : {"0", "abc", "n", "nana", "#N/A!"}) {
    CAPTURE(text);
    CHECK_FALSE(IsMissingCell(text));
  }
}

}  // namespace
}  // namespace likecast
