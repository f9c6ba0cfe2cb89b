// Dataset loading (see dataset.h): header matching, cell parsing, row checks.
#include "core/data/dataset.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace likecast {
namespace {

enum Column { kVideoId, kViews, kLikes, kShares, kDownloads, kComments, kDuration, kVerified, kStatus, kClaim, kColumnCount };

struct ColumnSpec {
  const char* canonical;
  std::vector<const char*> aliases;
};

const ColumnSpec kColumns[kColumnCount] = {
    {"video_id", {"video_id", "id", "videoid"}},
    {"video_view_count", {"video_view_count", "views", "view_count", "video_views", "plays"}},
    {"video_like_count", {"video_like_count", "likes", "like_count", "video_likes"}},
    {"video_share_count", {"video_share_count", "shares", "share_count", "video_shares"}},
    {"video_download_count", {"video_download_count", "downloads", "download_count", "video_downloads"}},
    {"video_comment_count", {"video_comment_count", "comments", "comment_count", "video_comments"}},
    {"video_duration_sec", {"video_duration_sec", "duration", "duration_sec", "video_duration", "duration_seconds"}},
    {"verified_status", {"verified_status", "verified"}},
    {"author_ban_status", {"author_ban_status", "status", "account_status", "author_status", "ban_status"}},
    {"claim_status", {"claim_status", "claim"}},
};

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

// "Video View Count" -> "video_view_count".
std::string NormalizeHeader(std::string_view text) {
  std::string name = Lower(Trim(text));
  if (name.rfind("\xEF\xBB\xBF", 0) == 0) name.erase(0, 3);
  std::string out;
  for (char c : name) {
    if (c == ' ' || c == '-' || c == '.') c = '_';
    if (c == '_' && !out.empty() && out.back() == '_') continue;
    out += c;
  }
  return out;
}

// Removes thousands separators: spaces, no-break spaces, apostrophes, and commas in 3-digit groups.
std::string StripGrouping(std::string text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\'' || c == '_') continue;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      ++i;
      continue;
    }
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) == 0xAF) {
      i += 2;
      continue;
    }
    out += static_cast<char>(c);
  }
  const size_t comma = out.find(',');
  if (comma == std::string::npos) return out;
  // Commas every three digits are grouping ("1,234,567"); a single comma otherwise is a decimal comma.
  bool grouped = true;
  size_t digits_since_comma = 0;
  bool seen_comma = false;
  for (size_t i = 0; i < out.size() && out[i] != '.'; ++i) {
    if (out[i] == ',') {
      if (seen_comma && digits_since_comma != 3) grouped = false;
      seen_comma = true;
      digits_since_comma = 0;
    } else if (std::isdigit(static_cast<unsigned char>(out[i]))) {
      ++digits_since_comma;
    }
  }
  if (digits_since_comma != 3) grouped = false;
  if (grouped) {
    out.erase(std::remove(out.begin(), out.end(), ','), out.end());
  } else if (std::count(out.begin(), out.end(), ',') == 1 && out.find('.') == std::string::npos) {
    out[comma] = '.';
  }
  return out;
}

bool IsMissingToken(const std::string& lowered) {
  static const char* const tokens[] = {"", "#n/a", "n/a", "na", "nan", "null", "none", "undefined", "-", "?", "#value!", "#ref!", "#div/0!", "#name?", "#num!", "#null!"};
  for (const char* token : tokens)
    if (lowered == token) return true;
  return false;
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

std::string Quote(const std::string& text) {
  std::string shown = text.size() > 40 ? text.substr(0, 40) + "..." : text;
  return "\"" + shown + "\"";
}

struct HeaderMap {
  int index[kColumnCount];
  size_t field_count = 0;
  std::vector<std::string> names;
};

HeaderMap MapHeader(const std::vector<std::string>& fields) {
  HeaderMap map;
  std::fill(std::begin(map.index), std::end(map.index), -1);
  map.field_count = fields.size();
  for (size_t i = 0; i < fields.size(); ++i) {
    const std::string name = NormalizeHeader(fields[i]);
    map.names.push_back(name);
    for (int column = 0; column < kColumnCount; ++column) {
      if (map.index[column] >= 0) continue;
      for (const char* alias : kColumns[column].aliases)
        if (name == alias) map.index[column] = static_cast<int>(i);
    }
  }
  return map;
}

bool IsBlankRecord(const std::vector<std::string>& fields) {
  return std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return Trim(f).empty(); });
}

bool IsRepeatedHeader(const std::vector<std::string>& fields, const HeaderMap& header) {
  if (fields.size() != header.names.size()) return false;
  for (size_t i = 0; i < fields.size(); ++i)
    if (NormalizeHeader(fields[i]) != header.names[i]) return false;
  return true;
}

class RowParser {
 public:
  RowParser(const HeaderMap& header, const DatasetOptions& options) : header_(header), options_(options) {}

  // Returns the reason the row is skipped, or an empty string when `record` is filled.
  std::string Parse(const std::vector<std::string>& fields, VideoRecord& record) const {
    if (fields.size() > header_.field_count) {
      bool extras_blank = true;
      for (size_t i = header_.field_count; i < fields.size(); ++i) extras_blank = extras_blank && Trim(fields[i]).empty();
      if (!extras_blank)
        return "the row has " + std::to_string(fields.size()) + " fields but the header has " +
               std::to_string(header_.field_count) + " (an unquoted delimiter inside a text field?)";
    }
    std::string reason;
    auto count = [&](Column column, bool required) -> std::optional<double> {
      const std::string* cell = Cell(fields, column);
      if (cell == nullptr) return std::nullopt;
      std::string problem;
      const std::string text = Trim(*cell);
      std::optional<double> value = IsMissingToken(Lower(text)) ? std::nullopt : ParseNumberCell(text, &problem);
      if (IsMissingToken(Lower(text))) problem = "is missing";
      if (value && *value < 0) {
        problem = "is negative; counts must be 0 or more";
        value.reset();
      }
      if (!value && required && reason.empty())
        reason = std::string(kColumns[column].canonical) + " " + (text.empty() ? "\"\"" : Quote(text)) + " " + problem;
      return value;
    };

    record.inputs.views = count(kViews, true);
    record.likes = count(kLikes, options_.require_likes);
    record.inputs.shares = count(kShares, options_.require_likes);
    record.inputs.downloads = count(kDownloads, options_.require_likes);
    record.inputs.comments = count(kComments, options_.require_likes);
    if (!reason.empty()) return reason;

    record.inputs.duration_sec = count(kDuration, false);
    if (const std::string* cell = Cell(fields, kVerified)) record.inputs.verified = ParseVerified(*cell);
    if (const std::string* cell = Cell(fields, kStatus)) record.inputs.author_status = AuthorStatusFromName(Lower(Trim(*cell)));
    if (const std::string* cell = Cell(fields, kClaim)) record.claim = ParseClaim(*cell);
    if (const std::string* cell = Cell(fields, kVideoId)) {
      const std::string text = Trim(*cell);
      char* end = nullptr;
      const long long id = std::strtoll(text.c_str(), &end, 10);
      if (!text.empty() && end != nullptr && *end == '\0') record.video_id = id;
    }
    return "";
  }

 private:
  const std::string* Cell(const std::vector<std::string>& fields, Column column) const {
    const int index = header_.index[column];
    if (index < 0 || static_cast<size_t>(index) >= fields.size()) return index < 0 ? nullptr : &empty_;
    return &fields[static_cast<size_t>(index)];
  }

  const HeaderMap& header_;
  const DatasetOptions& options_;
  const std::string empty_;
};

std::string MissingColumnsError(const HeaderMap& header, const DatasetOptions& options) {
  std::vector<Column> required = {kViews};
  if (options.require_likes) required = {kViews, kLikes, kShares, kDownloads, kComments};
  std::string missing;
  for (Column column : required) {
    if (header.index[column] >= 0) continue;
    if (!missing.empty()) missing += ", ";
    missing += kColumns[column].canonical;
  }
  if (missing.empty()) return "";
  std::string found;
  for (size_t i = 0; i < header.names.size() && i < 20; ++i) found += (i ? ", " : "") + header.names[i];
  return "missing column " + missing + " (found: " + found +
         "). Rename the header cells to these names, or use the short names views, likes, shares, downloads, comments.";
}

}  // namespace

std::optional<double> ParseNumberCell(std::string_view text, std::string* problem) {
  std::string cleaned = StripGrouping(Trim(text));
  if (cleaned.size() >= 2 && cleaned.front() == '"' && cleaned.back() == '"') cleaned = cleaned.substr(1, cleaned.size() - 2);
  auto fail = [&](const char* why) -> std::optional<double> {
    if (problem) *problem = why;
    return std::nullopt;
  };
  if (cleaned.empty()) return fail("is missing");
  // strtod accepts "inf", "nan" and hex floats; counts are plain decimal numbers.
  for (char c : cleaned) {
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'))
      return fail("is not a number");
  }
  char* end = nullptr;
  const double value = std::strtod(cleaned.c_str(), &end);
  if (end == cleaned.c_str() || *end != '\0') return fail("is not a number");
  if (!std::isfinite(value)) return fail("is not a finite number");
  return value;
}

bool IsTestVideo(const VideoRecord& record) { return record.video_id.has_value() && *record.video_id % 5 == 0; }

Dataset StreamDataset(ByteSource source, const DatasetOptions& options,
                      const std::function<void(const VideoRecord&)>& on_row,
                      const std::function<void(const SkippedRow&)>& on_skip) {
  Dataset result;
  size_t total_bytes = 0;
  ByteSource counted = [&](char* buffer, size_t capacity) -> size_t {
    const size_t count = source(buffer, capacity);
    total_bytes += count;
    return count;
  };
  CsvReader reader(counted);
  std::vector<std::string> fields;

  auto finish = [&](std::string error) {
    result.error = std::move(error);
    result.encoding = reader.encoding();
    result.delimiter = reader.delimiter();
    return result;
  };

  // Header.
  bool have_header = false;
  while (reader.Next(fields)) {
    if (IsBlankRecord(fields)) continue;
    have_header = true;
    break;
  }
  if (!reader.error().empty()) return finish(reader.error());
  if (!have_header) return finish("the file is empty: it has no header line and no rows. Choose a CSV file with a header row.");
  const HeaderMap header = MapHeader(fields);
  if (std::string error = MissingColumnsError(header, options); !error.empty()) return finish(error);

  // Rows.
  const RowParser parser(header, options);
  size_t rows_loaded = 0;
  auto skip = [&](int line, std::string reason) {
    SkippedRow row{line, std::move(reason)};
    if (on_skip) on_skip(row);
    if (result.skipped.size() < options.max_skipped_kept) result.skipped.push_back(std::move(row));
    ++result.rows_skipped;
  };
  while (reader.Next(fields)) {
    if (options.max_bytes > 0 && total_bytes > options.max_bytes) {
      return finish("the file is larger than the limit of " + std::to_string(options.max_bytes >> 20) +
                    " MB; split it into smaller files or use the likecast command-line tool.");
    }
    if (IsBlankRecord(fields)) continue;
    if (IsRepeatedHeader(fields, header)) {
      skip(reader.line(), "the row repeats the header");
      continue;
    }
    VideoRecord record;
    record.line = reader.line();
    std::string reason = parser.Parse(fields, record);
    if (!reason.empty()) {
      skip(reader.line(), std::move(reason));
      continue;
    }
    ++rows_loaded;
    on_row(record);
  }
  if (!reader.error().empty()) return finish(reader.error());
  if (rows_loaded == 0 && result.rows_skipped == 0)
    return finish("the file has a header but no data rows. Add at least one row of video metrics.");
  if (rows_loaded == 0)
    return finish("no usable rows: all " + std::to_string(result.rows_skipped) + " rows were skipped (line " +
                  std::to_string(result.skipped.front().line) + ": " + result.skipped.front().reason + ").");
  return finish("");
}

Dataset LoadDatasetFromSource(ByteSource source, const DatasetOptions& options) {
  std::vector<VideoRecord> rows;
  Dataset result = StreamDataset(std::move(source), options, [&](const VideoRecord& row) { rows.push_back(row); });
  if (result.ok()) result.rows = std::move(rows);
  return result;
}

Dataset LoadDataset(std::string_view bytes, const DatasetOptions& options) {
  if (options.max_bytes > 0 && bytes.size() > options.max_bytes) {
    Dataset result;
    result.error = "the file is " + std::to_string(bytes.size() >> 20) + " MB, over the limit of " +
                   std::to_string(options.max_bytes >> 20) + " MB; split it into smaller files or use the likecast command-line tool.";
    return result;
  }
  return LoadDatasetFromSource(ByteSourceFromString(bytes), options);
}

Dataset LoadDatasetFromFile(const std::string& path, const DatasetOptions& options) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) {
    Dataset result;
    result.error = "cannot open " + path + ": file not found or not readable";
    return result;
  }
  return LoadDatasetFromSource(ByteSourceFromFile(file.get()), options);
}

}  // namespace likecast
