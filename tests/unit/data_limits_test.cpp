// Size limits of the dataset loader. A file over DatasetOptions::max_bytes is
// rejected before it is read whole: from its size when that is known, else
// after max_bytes + 1 bytes of the stream. Also: streaming keeps no rows, long
// values load, and the errors for paths that cannot be read and for a read error
// part way through a file.
#include <doctest/doctest.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/data/dataset.h"

namespace likecast {
namespace {

const std::string kHeader = "video_id,views,likes,shares,downloads,comments\n";

std::string Rows(size_t count) {
  std::string text = kHeader;
  for (size_t i = 0; i < count; ++i) text += std::to_string(i) + ",1000,100,10,5,3\n";
  return text;
}

// A temporary file that is deleted with the object.
class TempFile {
 public:
  explicit TempFile(const std::string& contents)
      : path_((std::filesystem::temp_directory_path() / ("likecast_data_test_" + std::to_string(++count_) + ".csv")).string()) {
    std::ofstream(path_, std::ios::binary) << contents;
  }
  ~TempFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  static inline int count_ = 0;
  std::string path_;
};

TEST_CASE("size check before reading") {
  DatasetOptions options;
  options.max_bytes = 100u << 20;
  CHECK(CheckDatasetSize(100u << 20, options).empty());
  CHECK(CheckDatasetSize((250u << 20) + 1, options) ==
        "the file is 250 MB, over the limit of 100 MB. Split it into smaller files, or train with the likecast "
        "command-line tool, which has no size limit.");
  options.max_bytes = 0;
  CHECK(CheckDatasetSize(std::uint64_t{5} << 40, options).empty());
}

TEST_CASE("size limit on bytes in memory") {
  DatasetOptions options;
  options.max_bytes = 1000;
  const std::string text = Rows(100);
  const Dataset d = LoadDataset(text, options);
  CHECK(d.error == CheckDatasetSize(text.size(), options));
  CHECK(d.rows.empty());
  CHECK(d.rows_loaded == 0);
}

TEST_CASE("size limit on a stream") {
  const std::string text = Rows(20000);
  size_t pulled = 0;
  ByteSource counting = [&, source = ByteSourceFromString(text)](char* buffer, size_t capacity) {
    const size_t count = source(buffer, capacity);
    pulled += count;
    return count;
  };
  DatasetOptions options;
  options.max_bytes = 64 * 1024;
  size_t streamed = 0;
  const Dataset d = StreamDataset(counting, options, [&](const VideoRecord& row) {
    CHECK(row.inputs.views == 1000);   // a row cut at the limit is never handed over
    ++streamed;
  });
  CHECK(d.error ==
        "the file is larger than the limit of 64 KB. Split it into smaller files, or train with the likecast "
        "command-line tool, which has no size limit.");
  CHECK(pulled == options.max_bytes + 1);
  CHECK(streamed < 20000);
}

TEST_CASE("size limit at the largest value") {
  DatasetOptions options;
  options.max_bytes = SIZE_MAX;
  const std::string text = Rows(10);
  CHECK(StreamDataset(ByteSourceFromString(text), options, [](const VideoRecord&) {}).rows_loaded == 10);
}

TEST_CASE("size limit on a file uses its size") {
  const TempFile file(Rows(1000));
  DatasetOptions options;
  options.max_bytes = 10 * 1024;
  const Dataset d = LoadDatasetFromFile(file.path(), options);
  CHECK(d.error == CheckDatasetSize(std::filesystem::file_size(file.path()), options));
  CHECK(d.rows_loaded == 0);
  options.max_bytes = 0;
  CHECK(LoadDatasetFromFile(file.path(), options).rows.size() == 1000);
}

TEST_CASE("stream keeps no rows") {
  const TempFile file(Rows(5000) + "x,#N/A,1,1,1,1\n");
  size_t streamed = 0;
  size_t skipped = 0;
  const Dataset d = StreamDatasetFromFile(
      file.path(), {}, [&](const VideoRecord&) { ++streamed; }, [&](const SkippedRow&) { ++skipped; });
  CHECK(d.ok());
  CHECK(d.rows.empty());
  CHECK(d.rows_loaded == 5000);
  CHECK(streamed == 5000);
  CHECK(skipped == 1);
  CHECK(d.rows_skipped == 1);
  CHECK(d.skipped.front().line == 5002);
}

TEST_CASE("dataset 2 MB text cell") {
  const std::string text = "note,views,likes,shares,downloads,comments\n\"" + std::string(2u << 20, 'a') +
                           "\",1000,100,10,5,3\n" + std::string(2u << 20, 'b') + ",2000,200,20,10,6\n";
  const Dataset d = LoadDataset(text);
  REQUIRE(d.ok());
  CHECK(d.rows.size() == 2);
  CHECK(d.rows[1].inputs.views == 2000);
  CHECK(d.rows[1].line == 3);
}

TEST_CASE("unreadable paths") {
  const std::string missing = (std::filesystem::temp_directory_path() / "likecast_no_such_file.csv").string();
  CHECK(LoadDatasetFromFile(missing).error ==
        "cannot open " + missing + ": No such file or directory. Check the path and the file's permissions.");
  const std::string folder = std::filesystem::temp_directory_path().string();
  CHECK(LoadDatasetFromFile(folder).error == "cannot read " + folder + ": it is a folder. Give the path of a .csv file.");
}

#if defined(__GLIBC__)
// A stream that gives the first `readable_bytes` bytes of `bytes` and then fails with EIO, as a network drive that
// drops part way through a file would. fopencookie is glibc's, so the wasm build skips this test.
struct FailingStream {
  std::string bytes;
  size_t readable_bytes = 0;
  size_t offset = 0;
};

ssize_t ReadFailingStream(void* cookie, char* buffer, size_t size) {
  auto* stream = static_cast<FailingStream*>(cookie);
  if (stream->offset >= stream->readable_bytes) {
    errno = EIO;
    return -1;
  }
  const size_t count = std::min(size, stream->readable_bytes - stream->offset);
  std::memcpy(buffer, stream->bytes.data() + stream->offset, count);
  stream->offset += count;
  return static_cast<ssize_t>(count);
}

TEST_CASE("read error part way through") {
  FailingStream stream{Rows(20000), 100000};
  REQUIRE(stream.bytes.size() > 2 * stream.readable_bytes);
  cookie_io_functions_t functions = {};
  functions.read = ReadFailingStream;
  std::FILE* file = fopencookie(&stream, "r", functions);
  REQUIRE(file != nullptr);
  size_t rows = 0;
  const Dataset d = StreamDatasetFromOpenFile(file, "videos.csv", {}, [&](const VideoRecord&) { ++rows; });
  std::fclose(file);
  CHECK(rows > 1000);   // the rows before the failure were streamed
  CHECK(rows < 20000);
  CHECK_FALSE(d.ok());
  CHECK(d.error == std::string("reading videos.csv failed after 97.7 KB: ") + std::strerror(EIO) +
                       ". Copy the file to a local disk and try again.");
}
#endif

}  // namespace
}  // namespace likecast
