// CSV reader (see csv.h). Bytes from the source are decoded to UTF-8 into a
// refillable buffer, and records are parsed from that buffer in one pass, so
// time is linear in the file size and memory is bounded by the longest record.
#include "core/data/csv.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "core/common/format.h"

namespace likecast {

ByteSource ByteSourceFromString(std::string_view bytes) {
  auto offset = std::make_shared<size_t>(0);
  return [bytes, offset](char* buffer, size_t capacity) -> size_t {
    const size_t count = std::min(capacity, bytes.size() - *offset);
    std::memcpy(buffer, bytes.data() + *offset, count);
    *offset += count;
    return count;
  };
}

ByteSource ByteSourceFromFile(std::FILE* file) {
  return [file](char* buffer, size_t capacity) -> size_t { return std::fread(buffer, 1, capacity, file); };
}

std::string FormatByteSize(size_t bytes) {
  const double kKilo = 1024.0;
  if (bytes < 1024) return std::to_string(bytes) + " bytes";
  if (bytes < (1u << 20)) return FormatPlain(bytes / kKilo, 1) + " KB";
  if (bytes < (1u << 30)) return FormatPlain(bytes / (kKilo * kKilo), 1) + " MB";
  return FormatPlain(bytes / (kKilo * kKilo * kKilo), 1) + " GB";
}

namespace {

constexpr size_t kChunkBytes = 64 * 1024;
constexpr size_t kSniffBytes = 8;   // enough to recognise a BOM or the signature of a binary file type
constexpr unsigned kReplacementCharacter = 0xFFFD;
constexpr size_t kDelimiterSearchLines = 20;   // non-blank lines without a delimiter (titles) looked past

enum class Encoding { utf8, utf8_bom, utf16le, utf16be, windows1252 };

// Unicode code points of the Windows-1252 bytes 0x80 to 0x9F. The five bytes the code page leaves
// undefined keep their Latin-1 code point (a C1 control), as browsers decode them. 0xA0 to 0xFF are Latin-1.
constexpr unsigned kWindows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

enum class Utf8Sequence { complete, incomplete, invalid };

// Checks the bytes of one UTF-8 character read so far (a lead byte, then continuation bytes). Overlong
// forms, surrogates and code points above U+10FFFF are invalid.
Utf8Sequence CheckUtf8Sequence(std::string_view bytes) {
  const auto lead = static_cast<unsigned char>(bytes[0]);
  size_t length = 0;
  unsigned char second_min = 0x80;
  unsigned char second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) second_min = 0xA0;   // below: an overlong form
    if (lead == 0xED) second_max = 0x9F;   // above: a UTF-16 surrogate
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) second_min = 0x90;   // below: an overlong form
    if (lead == 0xF4) second_max = 0x8F;   // above: past U+10FFFF
  } else {
    return Utf8Sequence::invalid;          // a continuation byte, 0xC0, 0xC1 or 0xF5 to 0xFF
  }
  for (size_t i = 1; i < bytes.size(); ++i) {
    const auto byte = static_cast<unsigned char>(bytes[i]);
    const unsigned char min = i == 1 ? second_min : 0x80;
    const unsigned char max = i == 1 ? second_max : 0xBF;
    if (byte < min || byte > max) return Utf8Sequence::invalid;
  }
  return bytes.size() == length ? Utf8Sequence::complete : Utf8Sequence::incomplete;
}

std::string HexByte(unsigned char byte) {
  static const char kDigits[] = "0123456789ABCDEF";
  return std::string("0x") + kDigits[byte >> 4] + kDigits[byte & 0x0F];
}

void AppendUtf8(std::string& out, unsigned code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

struct BinarySignature {
  const char* magic;
  size_t size;
  const char* kind;
  const char* advice;
};

const char* const kExportAdvice = "Export the sheet as CSV (comma, semicolon or tab separated) and choose that file.";

const BinarySignature kBinarySignatures[] = {
    {"PK\x03\x04", 4, "an Excel workbook (.xlsx) or another ZIP archive",
     "In Excel use File > Save As > CSV UTF-8, then choose the .csv file."},
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, "an old Excel workbook (.xls) or another Office file",
     "In Excel use File > Save As > CSV UTF-8, then choose the .csv file."},
    {"%PDF", 4, "a PDF document", kExportAdvice},
    {"\x89PNG", 4, "a PNG image", kExportAdvice},
    {"\xFF\xD8\xFF", 3, "a JPEG image", kExportAdvice},
    {"GIF8", 4, "a GIF image", kExportAdvice},
    {"\x1F\x8B", 2, "a gzip archive", "Unpack it first, then choose the .csv file inside."},
};

const BinarySignature* FindBinarySignature(std::string_view start) {
  for (const BinarySignature& signature : kBinarySignatures) {
    if (start.size() >= signature.size && std::memcmp(start.data(), signature.magic, signature.size) == 0)
      return &signature;
  }
  return nullptr;
}

}  // namespace

struct CsvReader::State {
  ByteSource source;
  CsvOptions options;
  std::vector<char> chunk = std::vector<char>(kChunkBytes);
  bool source_done = false;
  size_t bytes_read = 0;

  // Decoding.
  bool encoding_known = false;
  Encoding encoding = Encoding::utf8;
  std::string first_bytes;        // raw bytes kept until the encoding is known
  std::string utf16_pending;      // a trailing odd byte of UTF-16 input
  unsigned high_surrogate = 0;
  std::string utf8_pending;       // the bytes of a UTF-8 character cut off by the end of a chunk
  int utf8_pending_line = 0;
  int utf8_text_line = 0;         // line of the first multi-byte UTF-8 character, 0 before one is read
  int raw_line = 1;               // line of the next byte given to DecodeUtf8
  bool raw_after_cr = false;
  std::string buffer;             // decoded UTF-8 not yet parsed
  size_t pos = 0;

  // Parsing.
  bool delimiter_known = false;
  char delimiter = ',';
  int line = 1;                   // line of the next character
  int record_line = 0;
  std::string error;
  std::string decode_error;       // a byte that is not UTF-8: becomes `error` once the text before it is parsed

  // --- Decoding ------------------------------------------------------------

  // Appends decoded text to the buffer. Returns false at the end of input or on an error.
  bool Refill() {
    if (pos == buffer.size()) {
      buffer.clear();
      pos = 0;
    } else if (pos >= kChunkBytes) {
      buffer.erase(0, pos);
      pos = 0;
    }
    const size_t size_before = buffer.size();
    while (buffer.size() == size_before && error.empty() && decode_error.empty() && !source_done) {
      const size_t count = source(chunk.data(), chunk.size());
      if (count == 0) {
        source_done = true;
        if (!encoding_known) DecideEncoding();
        if (!utf8_pending.empty()) HandleInvalidUtf8({});   // the file ends inside a character
        break;
      }
      bytes_read += count;
      Feed(std::string_view(chunk.data(), count));
    }
    return buffer.size() > size_before;
  }

  void Feed(std::string_view bytes) {
    if (!encoding_known) {
      first_bytes.append(bytes.data(), bytes.size());
      if (first_bytes.size() >= kSniffBytes) DecideEncoding();
      return;
    }
    if (encoding == Encoding::utf16le || encoding == Encoding::utf16be) {
      DecodeUtf16(bytes);
    } else if (encoding == Encoding::windows1252) {
      DecodeWindows1252(bytes);
    } else {
      DecodeUtf8(bytes);
    }
  }

  // Reads the BOM or the pattern of the first bytes, then decodes what was kept.
  void DecideEncoding() {
    encoding_known = true;
    std::string_view bytes = first_bytes;
    auto starts_with = [&](const char* prefix, size_t size) {
      return bytes.size() >= size && std::memcmp(bytes.data(), prefix, size) == 0;
    };
    auto is_zero = [&](size_t i) { return bytes[i] == '\0'; };
    if (starts_with("\xEF\xBB\xBF", 3)) {
      encoding = Encoding::utf8_bom;
      bytes.remove_prefix(3);
    } else if (starts_with("\xFF\xFE", 2)) {
      encoding = Encoding::utf16le;
      bytes.remove_prefix(2);
    } else if (starts_with("\xFE\xFF", 2)) {
      encoding = Encoding::utf16be;
      bytes.remove_prefix(2);
    } else if (const BinarySignature* signature = FindBinarySignature(bytes)) {
      error = std::string("this file is ") + signature->kind + ", not a CSV text file. " + signature->advice;
      return;
    } else if (bytes.size() >= 4 && !is_zero(0) && is_zero(1) && !is_zero(2) && is_zero(3)) {
      encoding = Encoding::utf16le;   // ASCII text saved as UTF-16 without a BOM
    } else if (bytes.size() >= 4 && is_zero(0) && !is_zero(1) && is_zero(2) && !is_zero(3)) {
      encoding = Encoding::utf16be;
    }
    const std::string kept(bytes);
    first_bytes.clear();
    first_bytes.shrink_to_fit();
    Feed(kept);
  }

  void DecodeUtf16(std::string_view bytes) {
    utf16_pending.append(bytes.data(), bytes.size());
    size_t i = 0;
    for (; i + 1 < utf16_pending.size(); i += 2) {
      const auto b0 = static_cast<unsigned char>(utf16_pending[i]);
      const auto b1 = static_cast<unsigned char>(utf16_pending[i + 1]);
      const unsigned unit = encoding == Encoding::utf16le ? (b0 | (b1 << 8)) : ((b0 << 8) | b1);
      const bool is_high = unit >= 0xD800 && unit < 0xDC00;
      const bool is_low = unit >= 0xDC00 && unit < 0xE000;
      if (high_surrogate != 0 && !is_low) AppendUtf8(buffer, kReplacementCharacter);
      if (is_high) {
        high_surrogate = unit;
      } else if (is_low) {
        AppendUtf8(buffer, high_surrogate == 0 ? kReplacementCharacter
                                               : 0x10000 + ((high_surrogate - 0xD800) << 10) + (unit - 0xDC00));
        high_surrogate = 0;
      } else {
        high_surrogate = 0;
        AppendUtf8(buffer, unit);
      }
    }
    utf16_pending.erase(0, i);
  }

  // Copies UTF-8 to the buffer after checking it, holding back a character cut off at the end of
  // `bytes` until the next chunk completes it. Lines are counted here too, to name the line of a bad byte.
  void DecodeUtf8(std::string_view bytes) {
    for (size_t i = 0; i < bytes.size(); ++i) {
      const char c = bytes[i];
      if (c == '\n') {
        raw_line += raw_after_cr ? 0 : 1;
      } else if (c == '\r') {
        ++raw_line;
      }
      raw_after_cr = c == '\r';
      if (utf8_pending.empty() && static_cast<unsigned char>(c) < 0x80) {
        buffer += c;
        continue;
      }
      if (utf8_pending.empty()) utf8_pending_line = raw_line;
      utf8_pending += c;
      const Utf8Sequence sequence = CheckUtf8Sequence(utf8_pending);
      if (sequence == Utf8Sequence::complete) {
        buffer += utf8_pending;
        utf8_pending.clear();
        if (utf8_text_line == 0) utf8_text_line = utf8_pending_line;
      } else if (sequence == Utf8Sequence::invalid) {
        HandleInvalidUtf8(bytes.substr(i + 1));
        return;
      }
    }
  }

  // Handles the first byte sequence that is not UTF-8 (held in utf8_pending), followed by `rest`. When
  // all text before it was ASCII, the file is read as Windows-1252, which Excel and older Windows programs
  // write. ASCII reads the same in both, so nothing already read changes. A file that had UTF-8 text
  // before, or that starts with a UTF-8 BOM, mixes encodings, so the reader stops with an error.
  void HandleInvalidUtf8(std::string_view rest) {
    if (encoding == Encoding::utf8 && utf8_text_line == 0) {
      encoding = Encoding::windows1252;
      const std::string pending = std::move(utf8_pending);
      utf8_pending.clear();
      DecodeWindows1252(pending);
      DecodeWindows1252(rest);
      return;
    }
    const std::string byte = HexByte(static_cast<unsigned char>(utf8_pending[0]));
    const std::string where = "line " + std::to_string(utf8_pending_line) + " has the byte " + byte +
                              ", which is not UTF-8";
    if (encoding == Encoding::utf8_bom) {
      decode_error = where + ", but the file starts with a UTF-8 byte order mark. Open the file in a spreadsheet and "
                             "save it again as CSV UTF-8.";
    } else {
      decode_error = where + ", but line " + std::to_string(utf8_text_line) + " has UTF-8 text, so the file mixes " +
                     "two encodings. Open the file in a spreadsheet and save it again as CSV UTF-8.";
    }
    utf8_pending.clear();
  }

  void DecodeWindows1252(std::string_view bytes) {
    for (char c : bytes) {
      const auto byte = static_cast<unsigned char>(c);
      if (byte < 0x80) {
        buffer += c;
      } else {
        AppendUtf8(buffer, byte < 0xA0 ? kWindows1252High[byte - 0x80] : byte);
      }
    }
  }

  // Returns the next character, or -1 at the end of input or on an error.
  int Get() {
    if (pos == buffer.size() && !Refill()) return EndOfText();
    return static_cast<unsigned char>(buffer[pos++]);
  }

  int Peek() {
    if (pos == buffer.size() && !Refill()) return EndOfText();
    return static_cast<unsigned char>(buffer[pos]);
  }

  // Called when every decoded character was parsed: a decoding error is reported only now, so the
  // records before the bad byte are read whatever the size of the chunks the source gives.
  int EndOfText() {
    if (error.empty()) error = decode_error;
    return -1;
  }

  // Returns the character `offset` places ahead without consuming it, or -1. Only called before
  // the first record is read: with pos at 0, Refill appends to the buffer and never moves it.
  int PeekAt(size_t offset) {
    while (pos + offset >= buffer.size()) {
      if (!Refill()) return -1;
    }
    return static_cast<unsigned char>(buffer[pos + offset]);
  }

  // --- Delimiter -----------------------------------------------------------

  // Takes the delimiter from an Excel "sep=X" first line (and skips that line),
  // or else picks the candidate that occurs most often outside quotes on the
  // first line that has any (blank and title lines have none). Ties go to the comma.
  void DetectDelimiter() {
    delimiter_known = true;
    static const char kSep[] = "sep=";
    bool is_sep_line = true;
    for (size_t k = 0; k < 4 && is_sep_line; ++k) is_sep_line = std::tolower(PeekAt(k)) == kSep[k];
    const int sep = is_sep_line ? PeekAt(4) : -1;
    const int after_sep = is_sep_line ? PeekAt(5) : -1;
    if (sep > 0 && sep != '\n' && sep != '\r' && sep != '"' && (after_sep < 0 || after_sep == '\n' || after_sep == '\r')) {
      delimiter = static_cast<char>(sep);
      pos += 5;
      if (after_sep >= 0) ConsumeLineEnd(Get());
      return;
    }

    const char candidates[] = {',', ';', '\t', '|'};   // in the order ties are broken
    constexpr size_t kCandidates = sizeof candidates;
    size_t counts[kCandidates] = {};
    size_t total = 0;
    size_t k = 0;
    size_t text_lines = 0;
    bool line_has_text = false;
    bool quoted = false;
    for (int c = PeekAt(k); c >= 0 && k < options.max_record_bytes; c = PeekAt(++k)) {
      if (c == '"') quoted = !quoted;
      if (quoted) continue;
      if (c == '\n' || c == '\r') {
        if (total > 0) break;
        if (line_has_text && ++text_lines == kDelimiterSearchLines) break;
        line_has_text = false;
        continue;
      }
      line_has_text = true;
      for (size_t i = 0; i < kCandidates; ++i) {
        counts[i] += c == candidates[i];
        total += c == candidates[i];
      }
    }
    size_t best = 0;
    for (size_t i = 1; i < kCandidates; ++i)
      if (counts[i] > counts[best]) best = i;
    delimiter = candidates[best];
  }

  // --- Records -------------------------------------------------------------

  void ConsumeLineEnd(int c) {
    if (c == '\r' && Peek() == '\n') Get();
    ++line;
  }

  bool Fail(const std::string& message) {
    if (error.empty()) error = message;
    return false;
  }

  bool FailLong(bool quoted, int quote_line) {
    const std::string limit = FormatByteSize(options.max_record_bytes);
    if (quoted) {
      return Fail("line " + std::to_string(quote_line) + " opens a quoted field that runs past " + limit +
                  " without its closing quote. Add the missing \" on that line, or remove the stray one.");
    }
    return Fail("line " + std::to_string(record_line) + " is longer than " + limit +
                ", which no row of video metrics needs. Check that this is a CSV file with one video per line.");
  }

  bool ReadRecord(std::vector<std::string>& fields) {
    fields.clear();
    int c = Get();
    while (c == '\n' || c == '\r') {   // blank lines between records are not records
      ConsumeLineEnd(c);
      c = Get();
    }
    if (c < 0) return false;
    record_line = line;

    std::string field;
    size_t record_bytes = 0;
    bool quoted = false;
    bool at_field_start = true;       // only spaces seen so far in this field
    int quote_line = 0;
    for (;; c = Get()) {
      if (c == 0) {
        return Fail("line " + std::to_string(line) + " contains a NUL byte, so this is binary data, not a CSV text file. " +
                    kExportAdvice);
      }
      if (++record_bytes > options.max_record_bytes) return FailLong(quoted, quote_line);
      if (quoted) {
        if (c < 0) {
          if (!error.empty()) return false;
          return Fail("line " + std::to_string(quote_line) +
                      " opens a quoted field that is never closed, so the rest of the file would be one value. "
                      "Add the missing \" on that line, or remove the stray one.");
        }
        if (c == '"') {
          if (Peek() == '"') {
            Get();
            field += '"';
          } else {
            quoted = false;
          }
          continue;
        }
        if (c == '\n' || (c == '\r' && Peek() != '\n')) ++line;
        field += static_cast<char>(c);
        continue;
      }
      if (c == '"' && at_field_start) {
        quoted = true;
        quote_line = line;
        at_field_start = false;
        field.clear();                 // spaces before the opening quote are not part of the value
      } else if (c == delimiter) {
        fields.push_back(std::move(field));
        field.clear();
        at_field_start = true;
        if (fields.size() >= options.max_fields) {
          return Fail("line " + std::to_string(record_line) + " has more than " + std::to_string(options.max_fields) +
                      " fields, which no table of video metrics needs. Check that this is a CSV file.");
        }
      } else if (c == '\n' || c == '\r' || c < 0) {
        if (c < 0 && !error.empty()) return false;
        fields.push_back(std::move(field));
        if (c >= 0) ConsumeLineEnd(c);
        return true;
      } else {
        field += static_cast<char>(c);
        if (c != ' ' && c != '\t') at_field_start = false;
      }
    }
  }
};

CsvReader::CsvReader(ByteSource source, CsvOptions options) : state_(std::make_unique<State>()) {
  state_->source = std::move(source);
  state_->options = options;
}

CsvReader::~CsvReader() = default;

bool CsvReader::Next(std::vector<std::string>& fields) {
  fields.clear();
  if (!state_->error.empty()) return false;
  if (!state_->delimiter_known) state_->DetectDelimiter();
  return state_->ReadRecord(fields);
}

int CsvReader::line() const { return state_->record_line; }

char CsvReader::delimiter() const { return state_->delimiter; }

const char* CsvReader::encoding() const {
  switch (state_->encoding) {
    case Encoding::utf8: return "UTF-8";
    case Encoding::utf8_bom: return "UTF-8 with BOM";
    case Encoding::utf16le: return "UTF-16LE";
    case Encoding::utf16be: return "UTF-16BE";
    case Encoding::windows1252: return "Windows-1252";
  }
  return "UTF-8";
}

const std::string& CsvReader::error() const { return state_->error; }

size_t CsvReader::bytes_read() const { return state_->bytes_read; }

}  // namespace likecast
