// Loading videos from a CSV file, as training data or for scoring.
//
// Columns are found by name, in any order, case, spacing or punctuation, so
// "Video View Count", "videoViewCount" and video_view_count are the same
// column. Short names such as "views" work too. When the first line is not a
// header (a title or a note above the table), the header is looked for in the
// next few lines. Rows that cannot be used are skipped, each with its line and
// a reason that names the column and the value. A file that cannot be used at
// all gets an `error` and no rows. Nothing here throws.
//
// Number cells accept what spreadsheets write: "1,234", "1 234", "289935.0",
// "1.2e3", "1.2K", and in semicolon-separated files the decimal comma of
// European locales ("1.234,5"; "1,500" is 1.5 there but 1500 in a comma file).
// Blank cells and "#N/A", "NA", "null", "undefined" and Excel error values are
// missing values.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/csv.h"
#include "core/data/video.h"

namespace likecast {

// --- Results -----------------------------------------------------------------

// One video read from a file.
struct VideoRecord {
  int line = 0;                           // line in the file where the row starts
  std::optional<std::int64_t> video_id;
  std::optional<double> likes;
  std::optional<bool> claim;              // claim_status: true for "claim", false for "opinion"
  VideoInputs inputs;
};

struct SkippedRow {
  int line = 0;
  std::string reason;                     // names the column and the value
};

struct Dataset {
  std::vector<VideoRecord> rows;          // empty from StreamDataset, which hands rows to a callback
  size_t rows_loaded = 0;                 // rows read without a problem (rows.size() when they are kept)
  std::vector<SkippedRow> skipped;        // the first max_skipped_kept skipped rows
  size_t rows_skipped = 0;                // all skipped rows
  std::string error;                      // non-empty when the whole file was rejected
  std::string encoding;                   // "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE", "Windows-1252"
  char delimiter = ',';
  bool ok() const { return error.empty(); }
};

// --- Options -----------------------------------------------------------------

struct DatasetOptions {
  bool require_likes = true;              // training data needs likes, shares, downloads, comments; scoring only views
  size_t max_bytes = 0;                   // 0: no limit; a larger file is rejected, reading at most this many bytes
  size_t max_skipped_kept = 1000;         // skipped rows past this are counted but not listed
  std::optional<bool> decimal_comma;      // unset: a decimal comma in semicolon-separated files, a decimal point otherwise
  CsvOptions csv;                         // record size and field count limits
};

// The size limit for a file the page loads: the page holds the file's bytes and
// every parsed row in WebAssembly memory at once.
// NOTE: an estimate, not a measured browser limit. A 100 MB file of this schema
// contains about 650,000 rows of 144 bytes; with the bytes and the row vector's
// growth, loading it peaks near 300 MB (measured natively), and training needs
// more. Emscripten's default maximum for a growing wasm32 heap is 2 GB.
constexpr size_t kBrowserMaxFileBytes = 100u << 20;

// --- Loading -----------------------------------------------------------------

// Returns an error when a file of `file_bytes` is over options.max_bytes, else "". The page calls it
// with the file's size before reading the file into memory.
std::string CheckDatasetSize(std::uint64_t file_bytes, const DatasetOptions& options);

Dataset LoadDataset(std::string_view bytes, const DatasetOptions& options = {});
Dataset LoadDatasetFromSource(ByteSource source, const DatasetOptions& options = {});
Dataset LoadDatasetFromFile(const std::string& path, const DatasetOptions& options = {});

// Streams rows to `on_row` one by one, so memory stays bounded however large the file is.
// The returned Dataset has no rows, only the counts, the skipped rows and any error. An error
// found late in the file (a quote never closed) comes after some rows were already streamed.
Dataset StreamDataset(ByteSource source, const DatasetOptions& options,
                      const std::function<void(const VideoRecord&)>& on_row,
                      const std::function<void(const SkippedRow&)>& on_skip = {});
Dataset StreamDatasetFromFile(const std::string& path, const DatasetOptions& options,
                              const std::function<void(const VideoRecord&)>& on_row,
                              const std::function<void(const SkippedRow&)>& on_skip = {});
// Streams a file that is already open, and does not close it. `name` is the file's name in messages. A read
// error part way through replaces the result's error with the bytes read and the reason.
Dataset StreamDatasetFromOpenFile(std::FILE* file, const std::string& name, const DatasetOptions& options,
                                  const std::function<void(const VideoRecord&)>& on_row,
                                  const std::function<void(const SkippedRow&)>& on_skip = {});

// The fixed test split: a video belongs to the test set when video_id % 5 == 0.
bool IsTestVideo(const VideoRecord& record);

// --- Cells -------------------------------------------------------------------

// Parses a count or number cell: "1,234", "1 234", "289935.0", "1.2e3", "35.2K". With `decimal_comma`
// the comma is the decimal separator when the cell alone cannot tell ("1,500" is then 1.5).
// Returns nullopt when the text is not a finite number, and then sets `problem` to the reason ("is not a number").
std::optional<double> ParseNumberCell(std::string_view text, std::string* problem = nullptr,
                                      bool decimal_comma = false);

// True for the cells spreadsheets write for a missing value: "", "#N/A", "NA", "null", "undefined", "#VALUE!".
bool IsMissingCell(std::string_view text);

}  // namespace likecast
