// Dataset loading (see dataset.h): finding the header, turning each row into a
// VideoRecord or a skipped row with its reason, and the file-level checks.
#include "core/data/dataset.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>

#include "core/common/format.h"

namespace likecast {
namespace {

// --- Columns -------------------------------------------------------------------

enum Column { kVideoId, kViews, kLikes, kShares, kDownloads, kComments, kDuration, kVerified, kStatus, kClaim, kColumnCount };

struct ColumnSpec {
  const char* canonical;
  const char* short_name;
  std::vector<const char*> aliases;    // compared as keys (see HeaderKey), so "View Count" matches view_count
};

const ColumnSpec kColumns[kColumnCount] = {
    {"video_id", "id", {"video_id", "id", "tiktok_id", "post_id"}},
    {"video_view_count", "views", {"video_view_count", "views", "view_count", "video_views", "plays", "play_count"}},
    {"video_like_count", "likes", {"video_like_count", "likes", "like_count", "video_likes", "hearts"}},
    {"video_share_count", "shares", {"video_share_count", "shares", "share_count", "video_shares"}},
    {"video_download_count", "downloads", {"video_download_count", "downloads", "download_count", "video_downloads"}},
    {"video_comment_count", "comments", {"video_comment_count", "comments", "comment_count", "video_comments"}},
    {"video_duration_sec", "duration",
     {"video_duration_sec", "duration", "duration_sec", "duration_s", "video_duration", "duration_seconds",
      "video_duration_s", "length_sec"}},
    {"verified_status", "verified", {"verified_status", "verified", "is_verified"}},
    {"author_ban_status", "status", {"author_ban_status", "status", "account_status", "author_status", "ban_status"}},
    {"claim_status", "claim", {"claim_status", "claim"}},
};

constexpr size_t kHeaderSearchRecords = 10;   // non-blank lines above the header that are tolerated
constexpr size_t kQuotedValueChars = 40;

std::string Trim(std::string_view text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return std::string(text.substr(begin, end - begin));
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Reduces a header cell to lowercase letters and digits, so "Video View Count", "video-view-count"
// and "videoViewCount" all become "videoviewcount".
std::string HeaderKey(std::string_view text) {
  std::string key;
  for (char c : text)
    if (std::isalnum(static_cast<unsigned char>(c))) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

// Shows a cell value in a message: quoted, and cut to kQuotedValueChars characters.
std::string Quote(std::string_view text) {
  std::string excerpt(text.substr(0, kQuotedValueChars));
  if (text.size() > kQuotedValueChars) {
    // Cut at a character boundary: drop UTF-8 continuation bytes, then the lead byte they belonged to.
    while (!excerpt.empty() && (static_cast<unsigned char>(excerpt.back()) & 0xC0) == 0x80) excerpt.pop_back();
    if (!excerpt.empty() && static_cast<unsigned char>(excerpt.back()) >= 0xC0) excerpt.pop_back();
    excerpt += "...";
  }
  return "\"" + excerpt + "\"";
}

struct HeaderMap {
  int index[kColumnCount];
  std::vector<std::string> cells;     // as written, trimmed
  std::vector<std::string> keys;
};

HeaderMap MapHeader(const std::vector<std::string>& fields) {
  HeaderMap map;
  std::fill(std::begin(map.index), std::end(map.index), -1);
  for (size_t i = 0; i < fields.size(); ++i) {
    map.cells.push_back(Trim(fields[i]));
    map.keys.push_back(HeaderKey(fields[i]));
  }
  // The canonical name wins over an alias when a file has both ("views" and "video_view_count").
  for (int column = 0; column < kColumnCount; ++column) {
    for (const char* alias : kColumns[column].aliases) {
      const auto it = std::find(map.keys.begin(), map.keys.end(), HeaderKey(alias));
      if (it != map.keys.end()) {
        map.index[column] = static_cast<int>(it - map.keys.begin());
        break;
      }
    }
  }
  return map;
}

// Returns an error when a column LikeCast reads is named twice ("likes" and "Likes"), since either
// could hold the values; else "". Repeated names of columns that are not read do no harm.
std::string DuplicateColumnError(const HeaderMap& header) {
  for (int column = 0; column < kColumnCount; ++column) {
    const int index = header.index[column];
    if (index < 0) continue;
    for (size_t other = static_cast<size_t>(index) + 1; other < header.keys.size(); ++other) {
      if (header.keys[other] != header.keys[static_cast<size_t>(index)]) continue;
      return "columns " + std::to_string(index + 1) + " and " + std::to_string(other + 1) + " of the header are both " +
             kColumns[column].canonical + " (" + Quote(header.cells[static_cast<size_t>(index)]) + " and " +
             Quote(header.cells[other]) + "), so either could hold the values. Rename or delete one of them.";
    }
  }
  return "";
}

std::vector<Column> RequiredColumns(const DatasetOptions& options) {
  if (options.require_likes) return {kViews, kLikes, kShares, kDownloads, kComments};
  return {kViews};
}

std::vector<Column> MissingColumns(const HeaderMap& header, const DatasetOptions& options) {
  std::vector<Column> missing;
  for (Column column : RequiredColumns(options))
    if (header.index[column] < 0) missing.push_back(column);
  return missing;
}

bool IsBlankRecord(const std::vector<std::string>& fields) {
  return std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return Trim(f).empty(); });
}

bool LooksLikeData(const std::vector<std::string>& fields) {
  size_t numbers = 0;
  for (const std::string& field : fields) numbers += ParseNumberCell(field).has_value();
  return numbers * 2 >= fields.size();
}

std::string MissingColumnsError(const std::vector<std::string>& first_record, const DatasetOptions& options) {
  const HeaderMap header = MapHeader(first_record);
  std::string missing;
  std::string names;
  const std::vector<Column> columns = MissingColumns(header, options);
  for (size_t i = 0; i < columns.size(); ++i) {
    const char* separator = i == 0 ? "" : i + 1 == columns.size() ? " and " : ", ";
    missing += separator + std::string(kColumns[columns[i]].canonical);
    names += separator + std::string(kColumns[columns[i]].canonical) + " (or " + kColumns[columns[i]].short_name + ")";
  }
  std::string found;
  for (size_t i = 0; i < header.cells.size() && i < 12; ++i) found += (i ? ", " : "") + Quote(header.cells[i]);
  if (header.cells.size() > 12) found += ", ...";
  const bool plural = columns.size() > 1;
  if (LooksLikeData(first_record)) {
    return "the first line looks like data, not a header (" + found + "). Add a first line that names the columns, " +
           "including " + names + ".";
  }
  return std::string(plural ? "missing columns " : "missing column ") + missing + " (the header has " + found +
         "). Name the column" + (plural ? "s " : " ") + names + ", or check that this file is the right one.";
}

// --- Rows ------------------------------------------------------------------------

bool IsRepeatedHeader(const std::vector<std::string>& fields, const HeaderMap& header) {
  for (int column = 0; column < kColumnCount; ++column) {
    const int index = header.index[column];
    if (index < 0) continue;
    if (static_cast<size_t>(index) >= fields.size() || HeaderKey(fields[index]) != header.keys[index]) return false;
  }
  return true;
}

// Returns the label of a totals or averages line at the bottom of a sheet ("Total" as its first
// non-blank cell), or "" for any other row.
std::string SummaryRowLabel(const std::vector<std::string>& fields) {
  static const char* const kLabels[] = {"total", "totals", "grand total", "sum", "average", "mean"};
  for (const std::string& field : fields) {
    const std::string text = Trim(field);
    if (text.empty()) continue;
    for (const char* label : kLabels)
      if (Lower(text) == label) return text;
    return "";
  }
  return "";
}

std::optional<bool> ParseVerified(const std::string& text) {
  const std::string value = Lower(Trim(text));
  if (value == "verified" || value == "true" || value == "yes" || value == "1" || value == "y") return true;
  if (value == "not verified" || value == "not_verified" || value == "unverified" || value == "false" || value == "no" ||
      value == "0" || value == "n")
    return false;
  return std::nullopt;
}

std::optional<bool> ParseClaim(const std::string& text) {
  const std::string value = Lower(Trim(text));
  if (value == "claim") return true;
  if (value == "opinion") return false;
  return std::nullopt;
}

struct VideoIdCell {
  std::optional<std::int64_t> id;
  std::string problem;     // set when the cell is a number but not one id: "is not a whole number"
};

// Reads integer ids, also as Excel writes long numbers: "7017666017.0" or "7.017666017E+09". Text that
// is not a number ("abc", "") gives no id and no problem. A fraction, or a number that cannot be held
// exactly (by a 64-bit integer, or by a double when written with a decimal point or exponent), gives a
// problem. Taking it as some other id would move the row between the training and test splits.
VideoIdCell ParseVideoId(const std::string& cell) {
  const std::string text = Trim(cell);
  char* end = nullptr;
  errno = 0;
  const long long id = std::strtoll(text.c_str(), &end, 10);
  const bool integer_text = !text.empty() && *end == '\0';
  if (integer_text && errno == 0) return {id, ""};
  const char* const kTooLarge = "does not fit in a 64-bit integer (the largest id is 9223372036854775807)";
  if (integer_text) return {std::nullopt, kTooLarge};
  std::string number_problem;
  const std::optional<double> number = ParseNumberCell(text, &number_problem);
  if (!number) return {std::nullopt, number_problem == "is out of range" ? kTooLarge : ""};
  if (*number != std::floor(*number)) return {std::nullopt, "is not a whole number"};
  constexpr double kMaxExactInteger = 9007199254740992.0;   // 2^53: larger doubles skip integers
  if (std::fabs(*number) > kMaxExactInteger) {
    return {std::nullopt, "is above 2^53 with a decimal point or an exponent, so its last digits are lost. Format the "
                          "id column as a whole number and export the file again"};
  }
  return {static_cast<std::int64_t>(*number), ""};
}

struct CellProblem {
  std::string column;
  std::string value;       // the cell, quoted, or "" when the predicate shows it
  std::string predicate;   // "is empty", "is not a number"
};

// Joins the problems of one row, naming together the columns that share a problem:
// "video_view_count and video_like_count are missing ("#N/A"); video_share_count is empty".
std::string DescribeProblems(const std::vector<CellProblem>& problems) {
  std::string reason;
  std::vector<bool> done(problems.size(), false);
  for (size_t i = 0; i < problems.size(); ++i) {
    if (done[i]) continue;
    std::string subject;
    size_t columns = 0;
    for (size_t k = i; k < problems.size(); ++k) {
      if (done[k] || problems[k].value != problems[i].value || problems[k].predicate != problems[i].predicate) continue;
      done[k] = true;
      ++columns;
      const bool last = std::none_of(problems.begin() + k + 1, problems.end(), [&](const CellProblem& p) {
        return p.value == problems[i].value && p.predicate == problems[i].predicate;
      });
      subject += (columns == 1 ? "" : last ? " and " : ", ") + problems[k].column;
    }
    std::string predicate = problems[i].predicate;
    if (columns > 1) predicate.replace(0, 2, "are");   // every predicate starts with "is"
    if (!problems[i].value.empty()) subject += " " + problems[i].value;
    reason += (reason.empty() ? "" : "; ") + subject + " " + predicate;
  }
  return reason;
}

class RowParser {
 public:
  RowParser(const HeaderMap& header, const DatasetOptions& options, bool decimal_comma)
      : header_(header), options_(options), decimal_comma_(decimal_comma) {}

  // Returns why the row is skipped, or "" when `record` is filled.
  std::string Parse(const std::vector<std::string>& fields, VideoRecord& record) const {
    const size_t header_fields = header_.keys.size();
    if (fields.size() > header_fields) {
      const bool extras_blank = std::all_of(fields.begin() + header_fields, fields.end(),
                                            [](const std::string& f) { return Trim(f).empty(); });
      if (!extras_blank) {
        return "the row has " + std::to_string(fields.size()) + " fields but the header has " +
               std::to_string(header_fields) + "; a text cell with an unquoted delimiter may have split it";
      }
    }
    if (const std::string label = SummaryRowLabel(fields); !label.empty())
      return "the row is a " + Quote(label) + " line, not a video";

    std::vector<CellProblem> problems;
    for (Column column : RequiredColumns(options_)) {
      if (static_cast<size_t>(header_.index[column]) >= fields.size()) {
        return "the row has " + std::to_string(fields.size()) + " fields but the header has " +
               std::to_string(header_fields) + ", so it has no " + kColumns[column].canonical;
      }
    }
    record.inputs.views = Count(fields, kViews, true, problems);
    record.likes = Count(fields, kLikes, options_.require_likes, problems);
    record.inputs.shares = Count(fields, kShares, options_.require_likes, problems);
    record.inputs.downloads = Count(fields, kDownloads, options_.require_likes, problems);
    record.inputs.comments = Count(fields, kComments, options_.require_likes, problems);
    if (!problems.empty()) return DescribeProblems(problems);

    record.inputs.duration_sec = Count(fields, kDuration, false, problems);
    if (record.inputs.duration_sec && *record.inputs.duration_sec > kMaxDurationSec) record.inputs.duration_sec.reset();
    if (const std::string* cell = Cell(fields, kVerified)) record.inputs.verified = ParseVerified(*cell);
    if (const std::string* cell = Cell(fields, kStatus)) record.inputs.author_status = AuthorStatusFromName(Lower(Trim(*cell)));
    if (const std::string* cell = Cell(fields, kClaim)) record.claim = ParseClaim(*cell);
    if (const std::string* cell = Cell(fields, kVideoId)) {
      const VideoIdCell id = ParseVideoId(*cell);
      // In training data the id decides the test split, so a row whose id lost digits is skipped. Scoring
      // (likes not required) does not use the id, so the row is kept without it.
      if (!id.problem.empty() && options_.require_likes)
        return std::string(kColumns[kVideoId].canonical) + " " + Quote(Trim(*cell)) + " " + id.problem;
      if (id.problem.empty()) record.video_id = id.id;
    }
    return "";
  }

 private:
  const std::string* Cell(const std::vector<std::string>& fields, Column column) const {
    const int index = header_.index[column];
    if (index < 0 || static_cast<size_t>(index) >= fields.size()) return nullptr;
    return &fields[static_cast<size_t>(index)];
  }

  // Reads a count. A problem with a required count is added to `problems`; an optional one is left unknown.
  std::optional<double> Count(const std::vector<std::string>& fields, Column column, bool required,
                              std::vector<CellProblem>& problems) const {
    const std::string* cell = Cell(fields, column);
    if (cell == nullptr) return std::nullopt;
    const std::string text = Trim(*cell);
    std::string problem;
    const std::optional<double> value =
        IsMissingCell(text) ? std::nullopt : ParseNumberCell(text, &problem, decimal_comma_);
    std::string shown = Quote(text);
    if (text.empty()) {
      problem = "is empty";
      shown.clear();
    } else if (IsMissingCell(text)) {
      problem = "is missing (" + shown + ")";
      shown.clear();
    } else if (!value) {
      // `problem` is set by ParseNumberCell.
    } else if (*value < 0) {
      problem = "is negative; counts are 0 or more";
    } else if (*value > kMaxCount) {
      problem = "is above " + FormatInteger(kMaxCount) + ", the largest count accepted";
    } else {
      return value;
    }
    // NOTE: an optional cell that cannot be read ("abc" shares when scoring) becomes unknown without a word,
    // so predict --csv fills in a typical value and leaves the row's error column empty.
    if (required) problems.push_back({kColumns[column].canonical, shown, problem});
    return std::nullopt;
  }

  const HeaderMap& header_;
  const DatasetOptions& options_;
  const bool decimal_comma_;
};

// --- Streaming ---------------------------------------------------------------------

const char* const kSizeLimitAdvice =
    " Split it into smaller files, or train with the likecast command-line tool, which has no size limit.";

// Reads the records above the data: blank lines, title or note lines, then the header.
class HeaderFinder {
 public:
  // Returns true with `header` set, or false; error() then says why (nothing read, or no header found).
  bool Find(CsvReader& reader, const DatasetOptions& options, const std::function<bool()>& stopped) {
    std::vector<std::string> fields;
    while (reader.Next(fields) && !stopped()) {
      if (IsBlankRecord(fields)) continue;
      HeaderMap candidate = MapHeader(fields);
      if (MissingColumns(candidate, options).empty()) {
        header = std::move(candidate);
        return true;
      }
      if (first_record.empty()) first_record = fields;
      if (lines_above.size() == kHeaderSearchRecords) break;
      lines_above.push_back(reader.line());
    }
    return false;
  }

  std::string NotFoundError(const DatasetOptions& options) const {
    if (first_record.empty()) {
      return "the file is empty: it has no header line and no rows. Choose a CSV file with a header line and one row "
             "per video.";
    }
    return MissingColumnsError(first_record, options);
  }

  HeaderMap header;
  std::vector<int> lines_above;        // lines of the records before the header
  std::vector<std::string> first_record;
};

}  // namespace

std::string CheckDatasetSize(std::uint64_t file_bytes, const DatasetOptions& options) {
  if (options.max_bytes == 0 || file_bytes <= options.max_bytes) return "";
  return "the file is " + FormatByteSize(static_cast<size_t>(file_bytes)) + ", over the limit of " +
         FormatByteSize(options.max_bytes) + "." + kSizeLimitAdvice;
}

bool IsTestVideo(const VideoRecord& record) { return record.video_id.has_value() && *record.video_id % 5 == 0; }

Dataset StreamDataset(ByteSource source, const DatasetOptions& options,
                      const std::function<void(const VideoRecord&)>& on_row,
                      const std::function<void(const SkippedRow&)>& on_skip) {
  // The size limit is checked as bytes arrive, so at most max_bytes + 1 bytes are ever read.
  size_t total_bytes = 0;
  bool over_limit = false;
  ByteSource limited = [&](char* buffer, size_t capacity) -> size_t {
    if (over_limit) return 0;
    if (options.max_bytes > 0 && options.max_bytes < SIZE_MAX)
      capacity = std::min(capacity, options.max_bytes + 1 - total_bytes);
    const size_t count = source(buffer, capacity);
    total_bytes += count;
    over_limit = options.max_bytes > 0 && total_bytes > options.max_bytes;
    return over_limit ? 0 : count;
  };
  CsvReader reader(limited, options.csv);
  Dataset result;
  // A file over the limit or one the reader cannot parse gets that error, before any other.
  auto finish = [&](std::string error) {
    if (!reader.error().empty()) error = reader.error();
    if (over_limit) error = "the file is larger than the limit of " + FormatByteSize(options.max_bytes) + "." + kSizeLimitAdvice;
    result.error = std::move(error);
    result.encoding = reader.encoding();
    result.delimiter = reader.delimiter();
    return result;
  };
  auto skip = [&](int line, std::string reason) {
    SkippedRow row{line, std::move(reason)};
    if (on_skip) on_skip(row);
    if (result.skipped.size() < options.max_skipped_kept) result.skipped.push_back(std::move(row));
    ++result.rows_skipped;
  };

  // Header.
  HeaderFinder finder;
  if (!finder.Find(reader, options, [&] { return over_limit; })) return finish(finder.NotFoundError(options));
  if (std::string error = DuplicateColumnError(finder.header); !error.empty()) return finish(std::move(error));
  const std::string header_line = std::to_string(reader.line());
  for (int line : finder.lines_above) skip(line, "the line is above the header on line " + header_line + ", not a video");

  // Rows.
  const bool decimal_comma = options.decimal_comma.value_or(reader.delimiter() == ';');
  const RowParser parser(finder.header, options, decimal_comma);
  std::vector<std::string> fields;
  while (reader.Next(fields) && !over_limit) {
    if (IsBlankRecord(fields)) continue;
    if (IsRepeatedHeader(fields, finder.header)) {
      skip(reader.line(), "the row repeats the header");
      continue;
    }
    VideoRecord record;
    record.line = reader.line();
    if (std::string reason = parser.Parse(fields, record); !reason.empty()) {
      skip(reader.line(), std::move(reason));
      continue;
    }
    ++result.rows_loaded;
    on_row(record);
  }
  if (over_limit || !reader.error().empty()) return finish("");

  if (result.rows_loaded == 0 && result.rows_skipped == 0)
    return finish("the file has a header but no data rows. Add at least one row of video metrics below the header.");
  if (result.rows_loaded == 0) {
    const std::string which =
        result.rows_skipped == 1 ? "the only row was" : "all " + std::to_string(result.rows_skipped) + " rows were";
    return finish("no usable rows: " + which + " skipped (line " + std::to_string(result.skipped.front().line) + ": " +
                  result.skipped.front().reason + "). Fix those cells and load the file again.");
  }
  return finish("");
}

Dataset LoadDatasetFromSource(ByteSource source, const DatasetOptions& options) {
  std::vector<VideoRecord> rows;
  Dataset result = StreamDataset(std::move(source), options, [&](const VideoRecord& row) { rows.push_back(row); });
  if (result.ok()) result.rows = std::move(rows);
  return result;
}

Dataset LoadDataset(std::string_view bytes, const DatasetOptions& options) {
  if (std::string error = CheckDatasetSize(bytes.size(), options); !error.empty()) {
    Dataset result;
    result.error = std::move(error);
    return result;
  }
  return LoadDatasetFromSource(ByteSourceFromString(bytes), options);
}

Dataset StreamDatasetFromFile(const std::string& path, const DatasetOptions& options,
                              const std::function<void(const VideoRecord&)>& on_row,
                              const std::function<void(const SkippedRow&)>& on_skip) {
  Dataset result;
  std::error_code code;
  if (std::filesystem::is_directory(path, code)) {
    result.error = "cannot read " + path + ": it is a folder. Give the path of a .csv file.";
    return result;
  }
  if (const auto size = std::filesystem::file_size(path, code); !code) {
    if (std::string error = CheckDatasetSize(size, options); !error.empty()) {
      result.error = std::move(error);
      return result;
    }
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) {
    result.error = "cannot open " + path + ": " + std::strerror(errno) + ". Check the path and the file's permissions.";
    return result;
  }
  return StreamDatasetFromOpenFile(file.get(), path, options, on_row, on_skip);
}

Dataset StreamDatasetFromOpenFile(std::FILE* file, const std::string& name, const DatasetOptions& options,
                                  const std::function<void(const VideoRecord&)>& on_row,
                                  const std::function<void(const SkippedRow&)>& on_skip) {
  // A read error ends the source like the end of the file would, so it is recorded here and replaces
  // whatever the reader made of the cut-off input.
  size_t bytes_read = 0;
  int read_error = 0;
  ByteSource source = [&](char* buffer, size_t capacity) -> size_t {
    errno = 0;
    const size_t count = std::fread(buffer, 1, capacity, file);
    bytes_read += count;
    if (count < capacity && std::ferror(file) && read_error == 0) read_error = errno != 0 ? errno : EIO;
    return count;
  };
  Dataset result = StreamDataset(source, options, on_row, on_skip);
  if (read_error != 0) {
    result.error = "reading " + name + " failed after " + FormatByteSize(bytes_read) + ": " + std::strerror(read_error) +
                   ". Copy the file to a local disk and try again.";
  }
  return result;
}

Dataset LoadDatasetFromFile(const std::string& path, const DatasetOptions& options) {
  std::vector<VideoRecord> rows;
  Dataset result = StreamDatasetFromFile(path, options, [&](const VideoRecord& row) { rows.push_back(row); });
  if (result.ok()) result.rows = std::move(rows);
  return result;
}

}  // namespace likecast
