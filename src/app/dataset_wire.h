// A loaded Dataset as one byte string, so the CSV worker (src/app/worker/),
// which parses files off the page's main thread, can hand its result to the
// app through a transferable ArrayBuffer. Both sides are the same wasm32
// build, so numbers are copied in their native (little-endian) layout.
#pragma once

#include <string>
#include <string_view>

#include "core/data/dataset.h"

namespace likecast::app {

// Every field of `dataset`: the rows, the counts, the skipped rows, the error, the encoding and the delimiter.
// NOTE: a field added to Dataset, VideoRecord or VideoInputs must be added here too, or the page drops it.
std::string EncodeDataset(const Dataset& dataset);

// Fills `dataset` from EncodeDataset's output. Returns "" or what is wrong with `bytes`.
std::string DecodeDataset(std::string_view bytes, Dataset* dataset);

}  // namespace likecast::app
