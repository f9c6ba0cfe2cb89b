// libFuzzer target for the CSV reader and the dataset loader: any bytes must
// load or be rejected with a message, never crash, and give the same result
// whether the source hands them over whole or in small chunks.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/dataset.h"

namespace {

void Require(bool condition) {
  if (!condition) std::abort();
}

// A source that returns at most `chunk` bytes per call, as a network stream might.
likecast::ByteSource ChunkedSource(std::string_view bytes, size_t chunk) {
  auto offset = std::make_shared<size_t>(0);
  return [bytes, chunk, offset](char* buffer, size_t capacity) -> size_t {
    const size_t count = std::min({capacity, chunk, bytes.size() - *offset});
    std::memcpy(buffer, bytes.data() + *offset, count);
    *offset += count;
    return count;
  };
}

struct Summary {
  std::vector<int> lines;
  std::vector<std::string> reasons;
  size_t rows_skipped = 0;
  std::string error;

  bool operator==(const Summary& other) const {
    return lines == other.lines && reasons == other.reasons && rows_skipped == other.rows_skipped && error == other.error;
  }
};

Summary Summarize(const likecast::Dataset& data) {
  Summary summary;
  for (const likecast::VideoRecord& row : data.rows) summary.lines.push_back(row.line);
  for (const likecast::SkippedRow& row : data.skipped) {
    summary.lines.push_back(-row.line);
    summary.reasons.push_back(row.reason);
  }
  summary.rows_skipped = data.rows_skipped;
  summary.error = data.error;
  return summary;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the chunk size and whether likes are required; the rest is the file.
  const size_t chunk = 1 + (data[0] & 0x0F);
  likecast::DatasetOptions options;
  options.require_likes = (data[0] & 0x10) == 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);

  const likecast::Dataset whole = likecast::LoadDataset(bytes, options);
  Require(whole.ok() || whole.rows.empty());
  Require(!whole.ok() || !whole.rows.empty());
  Require(whole.skipped.size() <= whole.rows_skipped);
  for (const likecast::SkippedRow& row : whole.skipped) Require(row.line > 0 && !row.reason.empty());
  for (size_t i = 1; i < whole.rows.size(); ++i) Require(whole.rows[i].line > whole.rows[i - 1].line);

  const likecast::Dataset chunked = likecast::LoadDatasetFromSource(ChunkedSource(bytes, chunk), options);
  Require(Summarize(whole) == Summarize(chunked));

  std::string problem;
  likecast::ParseNumberCell(bytes.substr(0, 64), &problem);
  return 0;
}
