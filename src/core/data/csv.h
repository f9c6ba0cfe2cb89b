// A CSV reader for the files spreadsheets produce. It pulls bytes from a
// source in chunks, so memory stays bounded by the longest record, and handles:
//   - UTF-8 with or without BOM, UTF-16 LE/BE with BOM (converted to UTF-8);
//   - comma, semicolon or tab delimiters, detected from the header line;
//   - CR, LF and CRLF line ends; quoted fields with delimiters, quotes ("")
//     and line breaks inside them.
// Errors (binary data, a field over the size limit) stop the reader; error()
// then says what failed and on which line.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace likecast {

// Fills `buffer` with up to `capacity` bytes and returns how many; 0 means end of input.
using ByteSource = std::function<size_t(char* buffer, size_t capacity)>;

ByteSource ByteSourceFromString(std::string_view bytes);    // `bytes` must outlive the source
ByteSource ByteSourceFromFile(std::FILE* file);             // reads until EOF; does not close

struct CsvOptions {
  size_t max_field_bytes = 4u << 20;   // a longer field stops the reader with an error
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
  const char* encoding() const;                  // "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE"
  const std::string& error() const;              // empty unless reading failed
  size_t bytes_read() const;                     // bytes taken from the source so far

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace likecast
