// The CSV worker's wasm: parses a file the page opened, in a Web Worker, so
// the page keeps drawing however large the file is. web/csv_worker.js passes
// the file's bytes in and posts the progress and the encoded Dataset
// (src/app/dataset_wire.h) back to the page.
#include <algorithm>
#include <string>
#include <string_view>

#include <emscripten.h>

#include "app/dataset_wire.h"
#include "core/data/dataset.h"

namespace {

// Posts the share of the file read so far, as a fraction 0-1, to the page.
EM_JS(void, PostProgress, (double fraction), { postMessage({ type: 'progress', fraction: fraction }); });

constexpr size_t kProgressStepBytes = 1u << 20;   // a progress message per mebibyte read

}  // namespace

extern "C" {

// Parses `size` bytes at `data` with the page's limits (the same options as the app's own loading). Returns the
// encoded Dataset, valid until the next call, and its size in `out_size`.
EMSCRIPTEN_KEEPALIVE const char* likecast_csv_parse(const char* data, int size, int* out_size) {
  static std::string encoded;
  const std::string_view bytes(data, static_cast<size_t>(size));
  likecast::DatasetOptions options;
  options.max_bytes = likecast::kBrowserMaxFileBytes;

  // What LoadDataset does, with a source that counts the bytes read for the progress messages.
  likecast::Dataset dataset;
  dataset.error = likecast::CheckDatasetSize(bytes.size(), options);
  if (dataset.ok()) {
    likecast::ByteSource source = likecast::ByteSourceFromString(bytes);
    size_t read = 0, reported = 0;
    likecast::ByteSource counted = [&](char* buffer, size_t capacity) {
      const size_t count = source(buffer, capacity);
      read += count;
      if (read - reported >= kProgressStepBytes && !bytes.empty()) {
        reported = read;
        PostProgress(static_cast<double>(read) / static_cast<double>(bytes.size()));
      }
      return count;
    };
    dataset = likecast::LoadDatasetFromSource(counted, options);
  }
  encoded = likecast::app::EncodeDataset(dataset);
  *out_size = static_cast<int>(encoded.size());
  return encoded.data();
}

}  // extern "C"
