// Loading videos from a CSV file, as training data or for scoring.
//
// Columns are found by name, in any order, case and spacing ("Video View
// Count" matches video_view_count; short names such as "views" work too).
// Rows that cannot be used are skipped, each with its line and a reason that
// names the column and the value. A file that cannot be used at all gets an
// `error` and no rows. Nothing here throws.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/csv.h"
#include "core/data/video.h"

namespace likecast {

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

struct DatasetOptions {
  bool require_likes = true;              // training data needs likes; scoring does not
  size_t max_bytes = 0;                   // 0: no limit; else the file is rejected above this size
  size_t max_skipped_kept = 1000;         // skipped rows past this are counted but not listed
};

struct Dataset {
  std::vector<VideoRecord> rows;
  std::vector<SkippedRow> skipped;        // the first max_skipped_kept skipped rows
  size_t rows_skipped = 0;                // all skipped rows
  std::string error;                      // non-empty when the whole file was rejected
  std::string encoding;
  char delimiter = ',';
  bool ok() const { return error.empty(); }
};

Dataset LoadDataset(std::string_view bytes, const DatasetOptions& options = {});
Dataset LoadDatasetFromSource(ByteSource source, const DatasetOptions& options = {});
Dataset LoadDatasetFromFile(const std::string& path, const DatasetOptions& options = {});

// Streams rows to `on_row` one by one, for files too large to hold (scoring a 200 MB file).
// The returned Dataset has no rows, only the counts, the skipped rows and any error.
Dataset StreamDataset(ByteSource source, const DatasetOptions& options,
                      const std::function<void(const VideoRecord&)>& on_row,
                      const std::function<void(const SkippedRow&)>& on_skip = {});

// The fixed test split: a video belongs to the test set when video_id % 5 == 0.
bool IsTestVideo(const VideoRecord& record);

// Parses a count or number cell: "1,234", "1 234", "289935.0", "1.2e3". Returns nullopt when
// the text is not a finite number; `problem` then says why ("is not a number", "is not finite").
std::optional<double> ParseNumberCell(std::string_view text, std::string* problem = nullptr);

}  // namespace likecast
