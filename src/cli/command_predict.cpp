// likecast predict: likes for one video, or for every row of a CSV file.
#include <cmath>
#include <cstdio>
#include <memory>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/video_options.h"
#include "core/common/format.h"
#include "core/data/dataset.h"

namespace likecast::cli {
namespace {

std::string CsvEscape(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += (c == '"') ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string AssumedList(const Prediction& p) {
  std::string text;
  for (InputField field : p.assumed) {
    if (field == InputField::verified || field == InputField::author_status) continue;
    if (!text.empty()) text += ", ";
    const CompleteInputs& u = p.used;
    switch (field) {
      case InputField::shares: text += FormatCount(u.shares) + " shares"; break;
      case InputField::comments: text += FormatCount(u.comments) + " comments"; break;
      case InputField::downloads: text += FormatCount(u.downloads) + " downloads"; break;
      case InputField::duration_sec: text += FormatDuration(u.duration_sec) + " duration"; break;
      default: break;
    }
  }
  return text;
}

int ScoreCsv(const Model& model, const std::string& in_path, const std::string& out_path) {
  if (IsSameFile(in_path, out_path))
    return PrintError("--out " + out_path + " is the input file; choose another file for the predictions", kExitUsage);
  // Predictions go to a temporary file, renamed over --out only when scoring succeeded,
  // so a rejected input never clobbers an earlier output.
  const std::string temporary = out_path + ".tmp";
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> out(std::fopen(temporary.c_str(), "wb"), &std::fclose);
  if (!out) return PrintError("cannot write " + temporary + ": check that the folder exists and is writable", kExitWrite);
  auto discard = [&](int code) {
    out.reset();
    std::remove(temporary.c_str());
    return code;
  };

  std::fprintf(out.get(), "line,video_id,predicted_likes,p10,p90,error\n");
  DatasetOptions options;
  options.require_likes = false;
  size_t scored = 0;
  auto on_row = [&](const VideoRecord& row) {
    const Prediction p = model.Predict(row.inputs);
    const std::string id = row.video_id ? std::to_string(*row.video_id) : "";
    std::fprintf(out.get(), "%d,%s,%.0f,%.0f,%.0f,\n", row.line, id.c_str(), std::round(p.likes), std::round(p.p10),
                 std::round(p.p90));
    ++scored;
  };
  auto on_skip = [&](const SkippedRow& row) {
    std::fprintf(out.get(), "%d,,,,,%s\n", row.line, CsvEscape(row.reason).c_str());
  };
  // StreamDatasetFromFile reports a missing file, a folder and a read error part way through, so a
  // file cut short by a failing disk is rejected, not scored up to the failure as if it ended there.
  const Dataset result = StreamDatasetFromFile(in_path, options, on_row, on_skip);
  if (!result.ok()) return discard(PrintError(in_path + ": " + result.error, kExitRejected));
  if (std::fflush(out.get()) != 0) return discard(PrintError("writing " + temporary + " failed (disk full?)", kExitWrite));
  out.reset();
  if (std::rename(temporary.c_str(), out_path.c_str()) != 0)
    return discard(PrintError("cannot replace " + out_path + " with the predictions", kExitWrite));
  std::fprintf(stderr, "scored %zu rows, %zu could not be scored; wrote %s\n", scored, result.rows_skipped, out_path.c_str());
  return kExitOk;
}

}  // namespace

int RunPredict(int argc, char** argv) {
  std::set<std::string> values = kVideoValueOptions;
  values.insert({"model", "csv", "out"});
  std::set<std::string> flags = kVideoFlagOptions;
  flags.insert({"json", "help"});
  const char* const usage =
      "likecast predict --model M --views N [--shares N --comments N --downloads N --duration S]\n"
      "                        [--verified] [--status active|under_review|banned] [--json]\n"
      "       likecast predict --model M --csv IN --out OUT";
  Args args(argc, argv, 2, values, flags);
  if (args.Flag("help")) {
    std::printf(
        "usage: %s\n\n"
        "  --model FILE     model file (default: models/likecast.json)\n%s"
        "  --json           print {\"likes\": N, \"p10\": N, \"p90\": N}\n"
        "  --csv IN         score every row of IN; writes line,video_id,predicted_likes,p10,p90,error to --out\n",
        usage, kVideoOptionsHelp);
    return kExitOk;
  }
  if (!args.error().empty()) return PrintUsageError(args.error(), "predict", usage);

  Model model;
  if (!LoadModelOption(args, &model)) return kExitModel;

  if (const auto csv = args.Value("csv")) {
    const auto out = args.Value("out");
    if (!out) return PrintError("--csv needs --out FILE: where to write the predictions", kExitUsage);
    const std::string model_path = args.Value("model").value_or(kDefaultModelPath);
    if (IsSameFile(model_path, *out))
      return PrintError("--out " + *out + " is the model file; choose another file for the predictions", kExitUsage);
    if (std::string problem = CheckWritable(*out); !problem.empty()) return PrintError("--out: " + problem, kExitWrite);
    return ScoreCsv(model, *csv, *out);
  }

  VideoInputs inputs;
  if (std::string error = ReadVideoOptions(args, &inputs); !error.empty()) return PrintError(error, kExitUsage);
  const Prediction p = model.Predict(inputs);
  if (args.Flag("json")) {
    std::printf("{\"likes\": %.0f, \"p10\": %.0f, \"p90\": %.0f}\n", std::round(p.likes), std::round(p.p10), std::round(p.p90));
    return kExitOk;
  }
  std::printf("Predicted likes: %s (likely between %s and %s)\n", FormatInteger(p.likes).c_str(), FormatCount(p.p10).c_str(),
              FormatCount(p.p90).c_str());
  if (const std::string assumed = AssumedList(p); !assumed.empty())
    std::printf("Assumed typical values for videos with this many views: %s.\n", assumed.c_str());
  return kExitOk;
}

}  // namespace likecast::cli
