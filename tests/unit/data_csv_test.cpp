// CsvReader: delimiters, encodings, line ends, quoted fields, line numbers and
// the errors that stop it. Every input is also read one byte at a time, which
// must give the same records as reading it whole.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "core/data/csv.h"

namespace likecast {
namespace {

using Records = std::vector<std::vector<std::string>>;

struct Parsed {
  Records records;
  std::vector<int> lines;
  std::string error;
  char delimiter = 0;
  std::string encoding;
};

// A source that hands over at most `chunk` bytes per call.
ByteSource ChunkedSource(std::string_view bytes, size_t chunk) {
  auto offset = std::make_shared<size_t>(0);
  return [bytes, chunk, offset](char* buffer, size_t capacity) -> size_t {
    const size_t count = std::min({capacity, chunk, bytes.size() - *offset});
    std::memcpy(buffer, bytes.data() + *offset, count);
    *offset += count;
    return count;
  };
}

Parsed ReadWith(ByteSource source, CsvOptions options) {
  CsvReader reader(std::move(source), options);
  Parsed parsed;
  std::vector<std::string> fields;
  while (reader.Next(fields)) {
    parsed.records.push_back(fields);
    parsed.lines.push_back(reader.line());
  }
  parsed.error = reader.error();
  parsed.delimiter = reader.delimiter();
  parsed.encoding = reader.encoding();
  return parsed;
}

// Reads `bytes` whole, and checks that reading them a byte at a time gives the same result.
Parsed Read(std::string_view bytes, CsvOptions options = {}) {
  Parsed whole = ReadWith(ByteSourceFromString(bytes), options);
  Parsed bytewise = ReadWith(ChunkedSource(bytes, 1), options);
  CHECK(bytewise.records == whole.records);
  CHECK(bytewise.lines == whole.lines);
  CHECK(bytewise.error == whole.error);
  CHECK(bytewise.delimiter == whole.delimiter);
  CHECK(bytewise.encoding == whole.encoding);
  return whole;
}

std::string Utf16(std::string_view ascii_or_utf8, bool little_endian, bool bom) {
  // Test inputs use ASCII, é (U+00E9) and 😀 (U+1F600, a surrogate pair), encoded here by hand.
  std::vector<unsigned> units;
  for (size_t i = 0; i < ascii_or_utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(ascii_or_utf8[i]);
    if (c < 0x80) {
      units.push_back(c);
    } else if (ascii_or_utf8.compare(i, 2, "\xC3\xA9") == 0) {
      units.push_back(0xE9);
      i += 1;
    } else if (ascii_or_utf8.compare(i, 4, "\xF0\x9F\x98\x80") == 0) {
      units.push_back(0xD83D);
      units.push_back(0xDE00);
      i += 3;
    } else {
      FAIL("Utf16() only encodes ASCII, e-acute and one emoji");
    }
  }
  std::string out;
  if (bom) units.insert(units.begin(), 0xFEFF);
  for (unsigned unit : units) {
    const char low = static_cast<char>(unit & 0xFF);
    const char high = static_cast<char>(unit >> 8);
    out += little_endian ? low : high;
    out += little_endian ? high : low;
  }
  return out;
}

TEST_CASE("csv delimiter detection") {
  SUBCASE("comma") {
    const Parsed p = Read("a,b,c\n1,2,3\n");
    CHECK(p.delimiter == ',');
    CHECK(p.records == Records{{"a", "b", "c"}, {"1", "2", "3"}});
  }
  SUBCASE("semicolon") {
    const Parsed p = Read("a;b;c\n1,5;2;3\n");
    CHECK(p.delimiter == ';');
    CHECK(p.records == Records{{"a", "b", "c"}, {"1,5", "2", "3"}});
  }
  SUBCASE("tab") {
    const Parsed p = Read("a\tb\tc\n1,000\t2;0\t3\n");
    CHECK(p.delimiter == '\t');
    CHECK(p.records == Records{{"a", "b", "c"}, {"1,000", "2;0", "3"}});
  }
  SUBCASE("pipe") {
    const Parsed p = Read("a|b|c\n1,5|2|3\n");
    CHECK(p.delimiter == '|');
    CHECK(p.records == Records{{"a", "b", "c"}, {"1,5", "2", "3"}});
  }
  SUBCASE("quoted delimiters in the header do not count") {
    const Parsed p = Read("\"a;b;c\",d,e\n1,2,3\n");
    CHECK(p.delimiter == ',');
    CHECK(p.records.front() == std::vector<std::string>{"a;b;c", "d", "e"});
  }
  SUBCASE("blank lines before the header") {
    const Parsed p = Read("\n\r\n\na;b\n1;2\n");
    CHECK(p.delimiter == ';');
    CHECK(p.records == Records{{"a", "b"}, {"1", "2"}});
    CHECK(p.lines == std::vector<int>{4, 5});
  }
  SUBCASE("title line without delimiters") {
    const Parsed p = Read("My videos\r\n\r\na;b;c,d\r\n1;2;3\r\n");
    CHECK(p.delimiter == ';');
    CHECK(p.records == Records{{"My videos"}, {"a", "b", "c,d"}, {"1", "2", "3"}});
  }
  SUBCASE("many blank lines before the header") {
    const Parsed p = Read(std::string(100, '\n') + "a;b\n1;2\n");
    CHECK(p.delimiter == ';');
    CHECK(p.lines == std::vector<int>{101, 102});
  }
  SUBCASE("excel sep line") {
    const Parsed p = Read("sep=;\r\na;b,c\r\n1;2,5\r\n");
    CHECK(p.delimiter == ';');
    CHECK(p.records == Records{{"a", "b,c"}, {"1", "2,5"}});
    CHECK(p.lines == std::vector<int>{2, 3});
  }
  SUBCASE("single column") {
    const Parsed p = Read("views\n10\n");
    CHECK(p.delimiter == ',');
    CHECK(p.records == Records{{"views"}, {"10"}});
  }
}

TEST_CASE("csv encodings") {
  const std::string text = "name,views\nCaf\xC3\xA9 \xF0\x9F\x98\x80,10\n";
  const Records expected = {{"name", "views"}, {"Caf\xC3\xA9 \xF0\x9F\x98\x80", "10"}};
  SUBCASE("UTF-8 without BOM") {
    const Parsed p = Read(text);
    CHECK(p.encoding == "UTF-8");
    CHECK(p.records == expected);
  }
  SUBCASE("UTF-8 with BOM") {
    const Parsed p = Read("\xEF\xBB\xBF" + text);
    CHECK(p.encoding == "UTF-8 with BOM");
    CHECK(p.records == expected);
  }
  SUBCASE("UTF-16LE with BOM") {
    const Parsed p = Read(Utf16(text, true, true));
    CHECK(p.encoding == "UTF-16LE");
    CHECK(p.records == expected);
  }
  SUBCASE("UTF-16BE with BOM") {
    const Parsed p = Read(Utf16(text, false, true));
    CHECK(p.encoding == "UTF-16BE");
    CHECK(p.records == expected);
  }
  SUBCASE("UTF-16LE without BOM") {
    const Parsed p = Read(Utf16(text, true, false));
    CHECK(p.encoding == "UTF-16LE");
    CHECK(p.records == expected);
  }
  SUBCASE("excel unicode text is UTF-16LE and tab-separated") {
    const Parsed p = Read(Utf16("name\tviews\r\nCaf\xC3\xA9\t10\r\n", true, true));
    CHECK(p.delimiter == '\t');
    CHECK(p.records == Records{{"name", "views"}, {"Caf\xC3\xA9", "10"}});
  }
  SUBCASE("unpaired UTF-16 surrogate becomes U+FFFD") {
    std::string bytes = Utf16("a,b\n", true, true);
    bytes += std::string("\x3D\xD8", 2) + Utf16(",1\n", true, false);   // a high surrogate followed by ','
    const Parsed p = Read(bytes);
    CHECK(p.records.back() == std::vector<std::string>{"\xEF\xBF\xBD", "1"});
  }
}

TEST_CASE("csv windows-1252 converted to utf-8") {
  // "Café – 5€" in Windows-1252: é is 0xE9, the en dash 0x96, the euro sign 0x80.
  const Parsed p = Read("name,views\nCaf\xE9 \x96 5\x80,10\n");
  CHECK(p.error.empty());
  CHECK(p.encoding == "Windows-1252");
  CHECK(p.records.back() == std::vector<std::string>{"Caf\xC3\xA9 \xE2\x80\x93 5\xE2\x82\xAC", "10"});
}

TEST_CASE("csv windows-1252 byte that starts a utf-8 character") {
  // 0xC3 0x28 is not UTF-8 (0x28 is not a continuation byte), so the file is Windows-1252: "Ã(".
  const Parsed p = Read("name,views\n\xC3(x),10\n");
  CHECK(p.encoding == "Windows-1252");
  CHECK(p.records.back() == std::vector<std::string>{"\xC3\x83(x)", "10"});
}

TEST_CASE("csv windows-1252 byte at the end of the file") {
  const Parsed p = Read("name,views\n10,Caf\xE9");
  CHECK(p.encoding == "Windows-1252");
  CHECK(p.records.back() == std::vector<std::string>{"10", "Caf\xC3\xA9"});
}

TEST_CASE("csv utf-8 split across chunks") {
  // Read() also reads one byte at a time, so every multi-byte character arrives in pieces.
  const Parsed p = Read("name,views\n\xE2\x82\xAC \xF0\x9F\x98\x80 \xC3\xA9,10\n");
  CHECK(p.encoding == "UTF-8");
  CHECK(p.records.back() == std::vector<std::string>{"\xE2\x82\xAC \xF0\x9F\x98\x80 \xC3\xA9", "10"});
}

TEST_CASE("csv mixed encodings rejected") {
  SUBCASE("a byte that is not utf-8 after utf-8 text") {
    const Parsed p = Read("name,views\nCaf\xC3\xA9,10\r\nx,1\rCaf\xE9,20\n");
    CHECK(p.error ==
          "line 4 has the byte 0xE9, which is not UTF-8, but line 2 has UTF-8 text, so the file mixes two encodings. "
          "Open the file in a spreadsheet and save it again as CSV UTF-8.");
  }
  SUBCASE("a byte that is not utf-8 after a utf-8 byte order mark") {
    const Parsed p = Read("\xEF\xBB\xBFname,views\nok,1\nCaf\xE9,20\n");
    CHECK(p.error ==
          "line 3 has the byte 0xE9, which is not UTF-8, but the file starts with a UTF-8 byte order mark. Open the "
          "file in a spreadsheet and save it again as CSV UTF-8.");
  }
  SUBCASE("a utf-8 character cut off by the end of the file") {
    const Parsed p = Read("name,views\n\xC3\xA9,1\n\xE2\x82");
    CHECK(p.error ==
          "line 3 has the byte 0xE2, which is not UTF-8, but line 2 has UTF-8 text, so the file mixes two encodings. "
          "Open the file in a spreadsheet and save it again as CSV UTF-8.");
  }
  SUBCASE("the records before the byte are read") {
    const Parsed p = Read("name,views\n\xC3\xA9,1\n\xFF,2\n");
    CHECK(p.records.size() == 2);
    CHECK_FALSE(p.error.empty());
  }
}

TEST_CASE("csv invalid utf-8 forms") {
  // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8: a file whose first
  // non-ASCII bytes are one of them is Windows-1252.
  const char* const forms[] = {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF5\x80", "\x80"};
  for (const char* form : forms) {
    CAPTURE(form);
    const Parsed p = Read(std::string("name,views\n") + form + ",1\n");
    CHECK(p.encoding == "Windows-1252");
    CHECK(p.records.size() == 2);
  }
}

TEST_CASE("csv line ends") {
  const Records expected = {{"a", "b"}, {"1", "2"}, {"3", "4"}};
  for (const char* end : {"\n", "\r\n", "\r"}) {
    CAPTURE(std::string(end) == "\r" ? "CR" : std::string(end) == "\n" ? "LF" : "CRLF");
    const std::string e = end;
    const Parsed p = Read("a,b" + e + "1,2" + e + "3,4" + e + e + e);
    CHECK(p.records == expected);
    CHECK(p.lines == std::vector<int>{1, 2, 3});
  }
  SUBCASE("no line end after the last record") {
    const Parsed p = Read("a,b\n1,2\n3,4");
    CHECK(p.records == expected);
  }
}

TEST_CASE("csv quoted fields") {
  SUBCASE("delimiters, doubled quotes and line breaks inside quotes") {
    const Parsed p = Read("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"one\ntwo\"\n");
    CHECK(p.records.back() == std::vector<std::string>{"x, y", "say \"hi\"", "one\ntwo"});
  }
  SUBCASE("line numbers count the line breaks inside quotes") {
    const Parsed p = Read("a,b\n\"1\n2\r\n3\r4\",x\n5,y\r\n\"\n\",z\n6,w\n");
    CHECK(p.records.size() == 5);
    CHECK(p.lines == std::vector<int>{1, 2, 6, 7, 9});
    CHECK(p.records[1].front() == "1\n2\r\n3\r4");
  }
  SUBCASE("spaces before an opening quote are dropped") {
    const Parsed p = Read("a,b\n1,  \"x, y\"\n");
    CHECK(p.records.back() == std::vector<std::string>{"1", "x, y"});
  }
  SUBCASE("a quote inside an unquoted field is kept") {
    const Parsed p = Read("a,b\n1,5\" tall\n");
    CHECK(p.records.back() == std::vector<std::string>{"1", "5\" tall"});
  }
  SUBCASE("empty fields and trailing delimiters") {
    const Parsed p = Read("a,b,c\n,,\n\"\",x,\n");
    CHECK(p.records == Records{{"a", "b", "c"}, {"", "", ""}, {"", "x", ""}});
  }
}

TEST_CASE("csv 2 MB field") {
  const std::string big(2u << 20, 'x');
  const std::string text = "a,b\n\"" + big + "\",1\n" + big + ",2\n3,4\n";
  const Parsed p = ReadWith(ByteSourceFromString(text), {});
  CHECK(p.error.empty());
  REQUIRE(p.records.size() == 4);
  CHECK(p.records[1].front().size() == big.size());
  CHECK(p.records[2].front().size() == big.size());
  CHECK(p.records[3] == std::vector<std::string>{"3", "4"});
  CHECK(p.lines == std::vector<int>{1, 2, 3, 4});
}

TEST_CASE("csv errors") {
  SUBCASE("NUL byte") {
    const Parsed p = Read(std::string("a,b\n1,2\n3\0,4\n", 13));
    CHECK(p.records.size() == 2);
    CHECK(p.error ==
          "line 3 contains a NUL byte, so this is binary data, not a CSV text file. Export the sheet as CSV (comma, "
          "semicolon or tab separated) and choose that file.");
  }
  SUBCASE("Excel workbook") {
    const Parsed p = Read(std::string("PK\x03\x04\x14\0\x06\0", 8) + "[Content_Types].xml");
    CHECK(p.records.empty());
    CHECK(p.error ==
          "this file is an Excel workbook (.xlsx) or another ZIP archive, not a CSV text file. In Excel use File > "
          "Save As > CSV UTF-8, then choose the .csv file.");
  }
  SUBCASE("quote never closed") {
    const Parsed p = Read("a,b\n1,2\n3,\"four\n5,6\n7,8\n");
    CHECK(p.records.size() == 2);
    CHECK(p.error ==
          "line 3 opens a quoted field that is never closed, so the rest of the file would be one value. Add the "
          "missing \" on that line, or remove the stray one.");
  }
  SUBCASE("record over the size limit") {
    CsvOptions options;
    options.max_record_bytes = 1000;
    const Parsed p = Read("a,b\n1," + std::string(1200, 'x') + "\n", options);
    CHECK(p.records.size() == 1);
    CHECK(p.error ==
          "line 2 is longer than 1000 bytes, which no row of video metrics needs. Check that this is a CSV file with "
          "one video per line.");
  }
  SUBCASE("quoted field over the size limit") {
    CsvOptions options;
    options.max_record_bytes = 2048;
    const Parsed p = Read("a,b\n1,\"" + std::string(3000, 'x') + "\"\n", options);
    CHECK(p.error ==
          "line 2 opens a quoted field that runs past 2 KB without its closing quote. Add the missing \" on that line, "
          "or remove the stray one.");
  }
  SUBCASE("too many fields") {
    CsvOptions options;
    options.max_fields = 4;
    const Parsed p = Read("a,b,c,d\n1,2,3,4,5\n", options);
    CHECK(p.records.size() == 1);
    CHECK(p.error ==
          "line 2 has more than 4 fields, which no table of video metrics needs. Check that this is a CSV file.");
  }
  SUBCASE("reading stops after an error") {
    const std::string bytes("a\n\0\nb\n", 6);
    CsvReader reader(ByteSourceFromString(bytes));
    std::vector<std::string> fields;
    CHECK(reader.Next(fields));
    CHECK_FALSE(reader.Next(fields));
    CHECK_FALSE(reader.Next(fields));
    CHECK(fields.empty());
    CHECK_FALSE(reader.error().empty());
  }
}

TEST_CASE("csv empty input") {
  const Parsed p = Read("");
  CHECK(p.records.empty());
  CHECK(p.error.empty());
  const Parsed blank = Read("\r\n\n\r");
  CHECK(blank.records.empty());
  CHECK(blank.error.empty());
}

TEST_CASE("byte size formatting") {
  CHECK(FormatByteSize(0) == "0 bytes");
  CHECK(FormatByteSize(1023) == "1023 bytes");
  CHECK(FormatByteSize(1536) == "1.5 KB");
  CHECK(FormatByteSize(100u << 20) == "100 MB");
  CHECK(FormatByteSize(3u << 30) == "3 GB");
}

}  // namespace
}  // namespace likecast
