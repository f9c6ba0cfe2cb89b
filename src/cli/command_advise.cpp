// likecast advise: which lever (shares, comments, downloads, duration) would
// raise one video's predicted likes the most, against similar videos, and why
// the model predicts what it does. Takes the same video options as predict.
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/video_options.h"
#include "core/advice/benchmarks.h"
#include "core/advice/explain.h"
#include "core/advice/recommend.h"
#include "core/common/format.h"

namespace likecast::cli {
namespace {

using nlohmann::ordered_json;

// Whole numbers print without a decimal point ("45", not "45.0").
ordered_json JsonNumber(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15)
    return ordered_json(static_cast<long long>(value));
  return ordered_json(value);
}

ordered_json ExplanationToJson(const Explanation& e) {
  ordered_json parts = ordered_json::array();
  for (const Attribution& part : e.parts) {
    parts.push_back({{"input", part.name},
                     {"value", part.value_text},
                     {"typical", part.baseline_text},
                     {"likes", JsonNumber(std::round(part.likes))}});
  }
  return {{"likes", JsonNumber(std::round(e.likes))},
          {"baseline_likes", JsonNumber(std::round(e.baseline_likes))},
          {"parts", std::move(parts)},
          {"summary", e.summary}};
}

// predicted_likes and gain use the rounding of `likecast predict --json`, so the numbers can be checked with it.
void PrintJson(const RecommendResult& result, const Explanation* explanation) {
  ordered_json out;
  const double likes = std::round(result.likes);
  out["likes"] = JsonNumber(likes);
  ordered_json list = ordered_json::array();
  for (const Recommendation& r : result.recommendations) {
    const double predicted = std::round(r.target.likes);
    list.push_back({{"lever", r.lever_name},
                    {"current", JsonNumber(r.current)},
                    {"target", JsonNumber(r.target.value)},
                    {"percentile", JsonNumber(std::round(r.percentile))},
                    {"predicted_likes", JsonNumber(predicted)},
                    {"gain", JsonNumber(predicted - likes)},
                    {"action", r.action}});
  }
  out["recommendations"] = std::move(list);
  if (explanation) out["explanation"] = ExplanationToJson(*explanation);
  std::printf("%s\n", out.dump(2).c_str());
}

std::string CurrentText(const Recommendation& r) {
  if (r.lever == Lever::duration_sec) return FormatDuration(r.current);
  std::string noun = r.lever_name;
  if (std::round(r.current) == 1) noun.pop_back();   // "1 share"
  return FormatInteger(r.current) + " " + noun;
}

void PrintText(const RecommendResult& result, const Explanation& explanation, const Prediction& prediction) {
  std::printf("Predicted likes: %s.\n", FormatInteger(result.likes).c_str());
  std::printf("Compared with %s videos like this one: %s.\n", FormatInteger(static_cast<double>(result.group_rows)).c_str(),
              result.group.c_str());
  std::printf("%s\n\n", result.summary.c_str());

  int rank = 1;
  for (const Recommendation& r : result.recommendations) {
    if (r.already_strong) {
      std::printf("%d. %s: keep it at %s\n", rank++, r.lever_name.c_str(), r.target_text.c_str());
    } else {
      std::printf("%d. %s: %s at %s%s\n", rank++, r.lever_name.c_str(), r.gain_text.c_str(), r.target_text.c_str(),
                  r.target.gain < 0 ? " (lowers the prediction)" : (r.small_effect ? " (a small effect)" : ""));
    }
    std::printf("   Now: %s, %s of similar videos.\n", CurrentText(r).c_str(), FormatPercentileRank(r.percentile).c_str());
    std::printf("   Why: %s\n", r.reason.c_str());
    std::printf("   Do:  %s\n", r.action.c_str());
  }

  std::printf("\nWhy %s likes: %s\n", FormatCountBrief(explanation.likes).c_str(), explanation.summary.c_str());
  for (const Attribution& part : explanation.parts) {
    const double likes = std::round(part.likes);
    std::printf("  %-14s %9s  (%s; typical %s)\n", part.name.c_str(),
                ((likes >= 0 ? "+" : "") + FormatCountBrief(likes)).c_str(), part.value_text.c_str(),
                part.baseline_text.c_str());
  }

  std::string assumed;
  for (InputField field : prediction.assumed) {
    if (field == InputField::verified || field == InputField::author_status) continue;
    assumed += std::string(assumed.empty() ? "" : ", ") + InputFieldName(field);
  }
  if (!assumed.empty())
    std::printf("\nAssumed typical values for %s; give them with the options above for advice on this video.\n",
                assumed.c_str());
  std::printf("\nThe gains are the model's estimates from how likes go with these rates in the data, not promises.\n");
}

}  // namespace

int RunAdvise(int argc, char** argv) {
  std::set<std::string> values = kVideoValueOptions;
  values.insert("model");
  std::set<std::string> flags = kVideoFlagOptions;
  flags.insert({"json", "explain", "help"});
  const char* const usage =
      "likecast advise --model M --views N [--shares N --comments N --downloads N --duration S]\n"
      "                       [--verified] [--status active|under_review|banned] [--json [--explain]]";
  Args args(argc, argv, 2, values, flags);
  if (args.Flag("help")) {
    std::printf(
        "usage: %s\n\n"
        "Ranks the levers a creator controls by the model's gain in likes when the video reaches the\n"
        "median or P75 rate of similar videos (same view band, verified and account status).\n\n"
        "  --model FILE     model file (default: models/likecast.json)\n%s"
        "  --json           print {\"likes\": N, \"recommendations\": [{\"lever\", \"current\", \"target\", \"percentile\",\n"
        "                   \"predicted_likes\", \"gain\", \"action\"}]}, largest gain first\n"
        "  --explain        with --json, add \"explanation\": each input's share of the prediction\n",
        usage, kVideoOptionsHelp);
    return kExitOk;
  }
  if (!args.error().empty()) return PrintUsageError(args.error(), "advise", usage);

  Model model;
  if (!LoadModelOption(args, &model)) return kExitModel;
  VideoInputs inputs;
  if (std::string error = ReadVideoOptions(args, &inputs); !error.empty()) return PrintError(error, kExitUsage);

  if (!(*inputs.views > 0)) return PrintError("--views must be above 0 to compare the video with similar ones", kExitUsage);

  const Prediction prediction = model.Predict(inputs);
  const RecommendResult result = RecommendFor(model, prediction.used);
  if (!result.error.empty()) return PrintError(result.error, kExitModel);
  const Explanation explanation = Explain(model, prediction.used);
  if (!explanation.error.empty()) return PrintError(explanation.error, kExitModel);

  if (args.Flag("json")) {
    PrintJson(result, args.Flag("explain") ? &explanation : nullptr);
  } else {
    PrintText(result, explanation, prediction);
  }
  return kExitOk;
}

}  // namespace likecast::cli
