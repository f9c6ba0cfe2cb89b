// CSV reader (see csv.h). Decoding and record parsing are one pass over a
// refillable UTF-8 buffer; UTF-16 input is converted to UTF-8 as it arrives.
#include "core/data/csv.h"

#include <cstdio>
#include <cstring>

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

namespace {

constexpr size_t kChunkBytes = 64 * 1024;

enum class Encoding { utf8, utf8_bom, utf16le, utf16be };

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

}  // namespace

struct CsvReader::State {
  ByteSource source;
  CsvOptions options;
  Encoding encoding = Encoding::utf8;
  bool started = false;
  bool source_done = false;
  std::string buffer;        // decoded UTF-8 not yet parsed
  size_t pos = 0;
  std::string raw_pending;   // UTF-16 bytes waiting for their pair
  unsigned high_surrogate = 0;
  char delimiter = ',';
  int line = 1;              // line of the next character
  int record_line = 0;
  size_t bytes_read = 0;
  std::string error;

  // Reads one chunk from the source and appends it, decoded, to the buffer.
  bool Refill() {
    if (source_done) return false;
    char chunk[kChunkBytes];
    const size_t count = source(chunk, sizeof chunk);
    if (count == 0) {
      source_done = true;
      return false;
    }
    bytes_read += count;
    if (pos > 0 && pos == buffer.size()) {
      buffer.clear();
      pos = 0;
    } else if (pos > kChunkBytes) {
      buffer.erase(0, pos);
      pos = 0;
    }
    std::string_view bytes(chunk, count);
    if (!started) {
      started = true;
      bytes = DetectEncoding(bytes);
    }
    if (encoding == Encoding::utf16le || encoding == Encoding::utf16be) {
      DecodeUtf16(bytes);
    } else {
      buffer.append(bytes.data(), bytes.size());
    }
    return true;
  }

  std::string_view DetectEncoding(std::string_view bytes) {
    auto starts_with = [&](const char* prefix, size_t size) {
      return bytes.size() >= size && std::memcmp(bytes.data(), prefix, size) == 0;
    };
    if (starts_with("\xEF\xBB\xBF", 3)) {
      encoding = Encoding::utf8_bom;
      return bytes.substr(3);
    }
    if (starts_with("\xFF\xFE", 2)) {
      encoding = Encoding::utf16le;
      return bytes.substr(2);
    }
    if (starts_with("\xFE\xFF", 2)) {
      encoding = Encoding::utf16be;
      return bytes.substr(2);
    }
    return bytes;
  }

  void DecodeUtf16(std::string_view bytes) {
    raw_pending.append(bytes.data(), bytes.size());
    size_t i = 0;
    for (; i + 1 < raw_pending.size(); i += 2) {
      const auto b0 = static_cast<unsigned char>(raw_pending[i]);
      const auto b1 = static_cast<unsigned char>(raw_pending[i + 1]);
      const unsigned unit = encoding == Encoding::utf16le ? (b0 | (b1 << 8)) : ((b0 << 8) | b1);
      if (unit >= 0xD800 && unit < 0xDC00) {
        high_surrogate = unit;
        continue;
      }
      if (unit >= 0xDC00 && unit < 0xE000) {
        if (high_surrogate != 0) AppendUtf8(buffer, 0x10000 + ((high_surrogate - 0xD800) << 10) + (unit - 0xDC00));
        high_surrogate = 0;
        continue;
      }
      high_surrogate = 0;
      AppendUtf8(buffer, unit);
    }
    raw_pending.erase(0, i);
  }

  // Returns the next character, or -1 at the end of input.
  int Get() {
    if (pos == buffer.size() && !Refill()) return -1;
    if (pos == buffer.size()) return Get();
    return static_cast<unsigned char>(buffer[pos++]);
  }

  int Peek() {
    if (pos == buffer.size() && !Refill()) return -1;
    if (pos == buffer.size()) return Peek();
    return static_cast<unsigned char>(buffer[pos]);
  }

  // Counts delimiter candidates outside quotes on the first line.
  void DetectDelimiter() {
    size_t counts[3] = {0, 0, 0};
    const char candidates[3] = {',', ';', '\t'};
    bool quoted = false;
    for (size_t i = pos;; ++i) {
      if (i == buffer.size() && !Refill()) break;
      if (i >= buffer.size()) break;
      const char c = buffer[i];
      if (c == '"') quoted = !quoted;
      if (!quoted && (c == '\n' || c == '\r')) break;
      for (int k = 0; k < 3; ++k)
        if (!quoted && c == candidates[k]) ++counts[k];
      if (i - pos > options.max_field_bytes) break;
    }
    int best = 0;
    for (int k = 1; k < 3; ++k)
      if (counts[k] > counts[best]) best = k;
    delimiter = candidates[best];
  }

  void ConsumeLineEnd(int c) {
    if (c == '\r' && Peek() == '\n') Get();
    ++line;
  }

  bool Fail(const std::string& message) {
    error = message;
    return false;
  }

  bool ReadRecord(std::vector<std::string>& fields) {
    fields.clear();
    // Skip empty lines between records.
    int c = Get();
    while (c == '\n' || c == '\r') {
      ConsumeLineEnd(c);
      c = Get();
    }
    if (c < 0) return false;
    record_line = line;
    std::string field;
    bool quoted = false;
    bool at_field_start = true;
    while (true) {
      if (c == 0) {
        return Fail("line " + std::to_string(line) +
                    " contains binary data (a NUL byte): this is not a CSV text file. "
                    "Export the sheet as CSV (comma, semicolon or tab separated) and open that file.");
      }
      if (field.size() > options.max_field_bytes) {
        return Fail("line " + std::to_string(record_line) + " has a field longer than " +
                    std::to_string(options.max_field_bytes >> 20) +
                    " MB (an unclosed quote?). Check the quotes on that line.");
      }
      if (quoted) {
        if (c < 0) {
          fields.push_back(std::move(field));  // an unclosed quote ends at the end of input
          return true;
        }
        if (c == '"') {
          if (Peek() == '"') {
            Get();
            field += '"';
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n' || (c == '\r' && Peek() != '\n')) ++line;
          field += static_cast<char>(c);
        }
      } else if (c == '"' && at_field_start) {
        quoted = true;
        at_field_start = false;
      } else if (c == delimiter) {
        fields.push_back(std::move(field));
        field.clear();
        at_field_start = true;
        if (fields.size() > options.max_fields) {
          return Fail("line " + std::to_string(record_line) + " has more than " +
                      std::to_string(options.max_fields) + " fields; is this a CSV file?");
        }
      } else if (c == '\n' || c == '\r' || c < 0) {
        fields.push_back(std::move(field));
        if (c >= 0) ConsumeLineEnd(c);
        return true;
      } else {
        field += static_cast<char>(c);
        at_field_start = false;
      }
      c = Get();
    }
  }
};

CsvReader::CsvReader(ByteSource source, CsvOptions options) : state_(std::make_unique<State>()) {
  state_->source = std::move(source);
  state_->options = options;
}

CsvReader::~CsvReader() = default;

bool CsvReader::Next(std::vector<std::string>& fields) {
  if (!state_->error.empty()) return false;
  if (!state_->started) {
    state_->Refill();
    state_->DetectDelimiter();
  }
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
  }
  return "?";
}

const std::string& CsvReader::error() const { return state_->error; }

size_t CsvReader::bytes_read() const { return state_->bytes_read; }

}  // namespace likecast
