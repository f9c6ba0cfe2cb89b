// The byte layout of a Dataset between the CSV worker and the app (see dataset_wire.h): a tag and version,
// the file-level fields, the skipped rows, then one fixed-layout record per row. An optional value is a
// presence byte followed by the value.
#include "app/dataset_wire.h"

#include <cstdint>
#include <cstring>
#include <type_traits>

namespace likecast::app {
namespace {

constexpr std::uint32_t kTag = 0x4C435631;   // "LCV1"

class Writer {
 public:
  template <typename T>
  void Put(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    char raw[sizeof(T)];
    std::memcpy(raw, &value, sizeof(T));
    out.append(raw, sizeof(T));
  }
  template <typename T>
  void PutOptional(const std::optional<T>& value) {
    Put<std::uint8_t>(value.has_value());
    Put<T>(value.value_or(T{}));
  }
  void PutString(const std::string& text) {
    Put<std::uint32_t>(static_cast<std::uint32_t>(text.size()));
    out += text;
  }
  std::string out;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  template <typename T>
  T Get() {
    T value{};
    if (bytes_.size() - offset_ < sizeof(T)) {
      failed_ = true;
      return value;
    }
    std::memcpy(&value, bytes_.data() + offset_, sizeof(T));
    offset_ += sizeof(T);
    return value;
  }
  template <typename T>
  std::optional<T> GetOptional() {
    const bool present = Get<std::uint8_t>() != 0;
    const T value = Get<T>();
    return present ? std::optional<T>(value) : std::nullopt;
  }
  std::string GetString() {
    const std::uint32_t size = Get<std::uint32_t>();
    if (failed_ || bytes_.size() - offset_ < size) {
      failed_ = true;
      return "";
    }
    std::string text(bytes_.substr(offset_, size));
    offset_ += size;
    return text;
  }
  bool failed() const { return failed_; }
  bool at_end() const { return offset_ == bytes_.size(); }

 private:
  std::string_view bytes_;
  size_t offset_ = 0;
  bool failed_ = false;
};

void PutRow(Writer& w, const VideoRecord& row) {
  w.Put<std::int32_t>(row.line);
  w.PutOptional(row.video_id);
  w.PutOptional(row.likes);
  w.PutOptional(row.claim);
  const VideoInputs& in = row.inputs;
  w.PutOptional(in.views);
  w.PutOptional(in.shares);
  w.PutOptional(in.comments);
  w.PutOptional(in.downloads);
  w.PutOptional(in.duration_sec);
  w.PutOptional(in.verified);
  w.PutOptional(in.author_status);
}

VideoRecord GetRow(Reader& r) {
  VideoRecord row;
  row.line = r.Get<std::int32_t>();
  row.video_id = r.GetOptional<std::int64_t>();
  row.likes = r.GetOptional<double>();
  row.claim = r.GetOptional<bool>();
  VideoInputs& in = row.inputs;
  in.views = r.GetOptional<double>();
  in.shares = r.GetOptional<double>();
  in.comments = r.GetOptional<double>();
  in.downloads = r.GetOptional<double>();
  in.duration_sec = r.GetOptional<double>();
  in.verified = r.GetOptional<bool>();
  in.author_status = r.GetOptional<AuthorStatus>();
  return row;
}

}  // namespace

std::string EncodeDataset(const Dataset& dataset) {
  Writer w;
  w.out.reserve(64 + dataset.rows.size() * 96);
  w.Put<std::uint32_t>(kTag);
  w.PutString(dataset.error);
  w.PutString(dataset.encoding);
  w.Put<char>(dataset.delimiter);
  w.Put<std::uint64_t>(dataset.rows_loaded);
  w.Put<std::uint64_t>(dataset.rows_skipped);
  w.Put<std::uint64_t>(dataset.skipped.size());
  for (const SkippedRow& skipped : dataset.skipped) {
    w.Put<std::int32_t>(skipped.line);
    w.PutString(skipped.reason);
  }
  w.Put<std::uint64_t>(dataset.rows.size());
  for (const VideoRecord& row : dataset.rows) PutRow(w, row);
  return std::move(w.out);
}

std::string DecodeDataset(std::string_view bytes, Dataset* dataset) {
  Reader r(bytes);
  if (r.Get<std::uint32_t>() != kTag) return "the parsed file has an unknown layout (a page built from mixed versions)";
  Dataset out;
  out.error = r.GetString();
  out.encoding = r.GetString();
  out.delimiter = r.Get<char>();
  out.rows_loaded = static_cast<size_t>(r.Get<std::uint64_t>());
  out.rows_skipped = static_cast<size_t>(r.Get<std::uint64_t>());
  const std::uint64_t skipped = r.Get<std::uint64_t>();
  for (std::uint64_t i = 0; i < skipped && !r.failed(); ++i) {
    SkippedRow row;
    row.line = r.Get<std::int32_t>();
    row.reason = r.GetString();
    out.skipped.push_back(std::move(row));
  }
  const std::uint64_t rows = r.Get<std::uint64_t>();
  if (!r.failed() && rows <= bytes.size()) out.rows.reserve(static_cast<size_t>(rows));
  for (std::uint64_t i = 0; i < rows && !r.failed(); ++i) out.rows.push_back(GetRow(r));
  if (r.failed() || !r.at_end()) return "the parsed file is cut short or has extra bytes";
  *dataset = std::move(out);
  return "";
}

}  // namespace likecast::app
