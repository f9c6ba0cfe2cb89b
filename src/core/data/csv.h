// A CSV reader for the files spreadsheets produce. It pulls bytes from a
// source in chunks, so memory stays bounded by the longest record, and handles:
//   - UTF-8 with or without BOM, UTF-16 LE/BE with BOM, and UTF-16 without BOM
//     when its first characters are ASCII (converted to UTF-8 as they arrive);
//   - Windows-1252 (what Excel writes as plain "CSV"), converted to UTF-8: a
//     file is read as Windows-1252 when its first byte that is not ASCII does
//     not start a UTF-8 character;
//   - comma, semicolon, tab or pipe delimiters, detected from the first line
//     that has any, or set by an Excel "sep=;" first line;
//   - CR, LF and CRLF line ends; quoted fields with delimiters, doubled quotes
//     ("") and line breaks inside them; spaces before an opening quote.
// Errors stop the reader, and error() then says what failed, on which line,
// and what to do: binary data (a NUL byte, or an Excel, PDF, image or archive
// file), a record over the size limit, a quote that is never closed, a byte
// that is not UTF-8 after UTF-8 text or a UTF-8 BOM (two encodings in one file).
#pragma once

#include <cstddef>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace likecast {

// Fills `buffer` with up to `capacity` bytes and returns how many; 0 means end of input.
using ByteSource = std::function<size_t(char* buffer, size_t capacity)>;

ByteSource ByteSourceFromString(std::string_view bytes);    // `bytes` must outlive the source
ByteSource ByteSourceFromFile(std::FILE* file);             // reads until EOF or a read error; does not close

struct CsvOptions {
  size_t max_record_bytes = 8u << 20;  // a longer record stops the reader with an error
  size_t max_fields = 4096;            // more fields in one record stop the reader with an error
};

class CsvReader {
 public:
  explicit CsvReader(ByteSource source, CsvOptions options = {});
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  bool Next(std::vector<std::string>& fields);   // reads one record; false at the end or on error
  int line() const;                              // 1-based line where the last record started
  char delimiter() const;                        // detected on the first call to Next()
  const char* encoding() const;                  // "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE", "Windows-1252"
  const std::string& error() const;              // empty unless reading failed
  size_t bytes_read() const;                     // bytes taken from the source so far

 private:
  struct State;
  std::unique_ptr<State> state_;
};

std::string FormatByteSize(size_t bytes);        // 512 -> "512 bytes", 3 << 20 -> "3 MB", 1536 -> "1.5 KB"

}  // namespace likecast
