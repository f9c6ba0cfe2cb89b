// likecast inspect: checks a CSV file the way train (or predict --csv) would
// load it, and prints how many rows load, which are skipped and why, or why the
// whole file is rejected. It streams the file, so any size works.
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "cli/commands.h"
#include "core/data/dataset.h"

namespace likecast::cli {
namespace {

const char* DelimiterName(char delimiter) {
  switch (delimiter) {
    case ',': return "comma-separated";
    case ';': return "semicolon-separated";
    case '\t': return "tab-separated";
  }
  return "separated by another character";
}

void PrintJson(const Dataset& result) {
  nlohmann::ordered_json out;
  out["rows_loaded"] = result.rows_loaded;
  out["rows_skipped"] = result.rows_skipped;
  nlohmann::ordered_json skipped = nlohmann::ordered_json::array();
  for (const SkippedRow& row : result.skipped) skipped.push_back({{"line", row.line}, {"reason", row.reason}});
  out["skipped"] = std::move(skipped);
  out["error"] = result.ok() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(result.error);
  out["encoding"] = result.encoding;
  out["delimiter"] = std::string(1, result.delimiter);
  // The reader converts or rejects text that is not UTF-8, so the replacement handler (bytes that are not
  // UTF-8 print as U+FFFD) only guards against a gap in that check.
  std::printf("%s\n", out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

void PrintText(const std::string& path, const Dataset& result) {
  if (!result.ok() && result.rows_loaded == 0 && result.rows_skipped == 0) return;   // nothing was read: the error alone is printed
  std::printf("%s: %zu rows loaded, %zu skipped (%s, %s)\n", path.c_str(), result.rows_loaded, result.rows_skipped,
              result.encoding.c_str(), DelimiterName(result.delimiter));
  for (const SkippedRow& row : result.skipped) std::printf("  line %d: %s\n", row.line, row.reason.c_str());
  if (result.skipped.size() < result.rows_skipped)
    std::printf("  ... and %zu more skipped rows\n", result.rows_skipped - result.skipped.size());
}

}  // namespace

int RunInspect(int argc, char** argv) {
  const char* const usage = "likecast inspect FILE [--json] [--scoring] [--max-mb N]";
  Args args(argc, argv, 2, {"max-mb"}, {"json", "scoring", "help"}, 1);
  if (args.Flag("help")) {
    std::printf(
        "usage: %s\n\n"
        "Loads FILE (a CSV file, or - for standard input) as training data and reports the rows loaded, the rows\n"
        "skipped with their line and reason, or why the whole file is rejected. Exit code 0: the file loads;\n"
        "2: it is rejected.\n\n"
        "  --json        print {\"rows_loaded\": N, \"rows_skipped\": M, \"skipped\": [{\"line\": L, \"reason\": \"...\"}],\n"
        "                \"error\": null or \"...\", \"encoding\": \"UTF-8\", \"delimiter\": \",\"}; the list holds the\n"
        "                first %zu skipped rows\n"
        "  --scoring     check the file as input for predict --csv: only views are required\n"
        "  --max-mb N    reject files larger than N MB, as the page does at %zu MB (default: no limit)\n",
        usage, DatasetOptions().max_skipped_kept, kBrowserMaxFileBytes >> 20);
    return kExitOk;
  }
  if (!args.error().empty()) return PrintUsageError(args.error(), "inspect", usage);
  if (args.positional().empty()) return PrintUsageError("inspect needs FILE, the CSV file to check", "inspect", usage);
  const std::string path = args.positional().front();

  DatasetOptions options;
  options.require_likes = !args.Flag("scoring");
  if (const auto max_mb = args.Count("max-mb", 1 << 20)) options.max_bytes = static_cast<size_t>(*max_mb * (1 << 20));
  if (!args.error().empty()) return PrintError(args.error(), kExitUsage);

  // Rows are only counted, never kept, so memory stays bounded whatever the file's size.
  auto count_only = [](const VideoRecord&) {};
  const Dataset result = path == "-" ? StreamDataset(ByteSourceFromFile(stdin), options, count_only)
                                     : StreamDatasetFromFile(path, options, count_only);

  if (args.Flag("json")) {
    PrintJson(result);
  } else {
    PrintText(path, result);
    if (!result.ok()) PrintError(path + ": " + result.error, kExitRejected);
  }
  return result.ok() ? kExitOk : kExitRejected;
}

}  // namespace likecast::cli
