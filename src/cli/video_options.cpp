// Video options shared by predict and advise (see video_options.h).
#include "cli/video_options.h"

#include <cstdio>

#include "core/model/model_io.h"

namespace likecast::cli {

const std::set<std::string> kVideoValueOptions = {"views", "shares", "comments", "downloads", "duration", "status"};
const std::set<std::string> kVideoFlagOptions = {"verified", "not-verified"};
const char* const kVideoOptionsHelp =
    "  --views N        views of the video (required)\n"
    "  --shares N       shares (assumed typical for the view count when left out)\n"
    "  --comments N     comments (assumed typical when left out)\n"
    "  --downloads N    downloads (assumed typical when left out)\n"
    "  --duration S     length of the video in seconds (assumed typical when left out)\n"
    "  --verified       the account is verified (default: not verified)\n"
    "  --status S       account status: active (default), under_review or banned\n";

std::string ReadVideoOptions(Args& args, VideoInputs* inputs) {
  inputs->views = args.Count("views", kMaxCount);
  inputs->shares = args.Count("shares", kMaxCount);
  inputs->comments = args.Count("comments", kMaxCount);
  inputs->downloads = args.Count("downloads", kMaxCount);
  inputs->duration_sec = args.Count("duration", kMaxDurationSec);
  if (!args.error().empty()) return args.error();
  if (!inputs->views) return "--views is required: how many views does the video have?";
  inputs->verified = args.Flag("verified");
  inputs->author_status = AuthorStatus::active;
  if (const auto status = args.Value("status")) {
    inputs->author_status = AuthorStatusFromName(*status);
    if (!inputs->author_status) return "--status \"" + *status + "\" is invalid: use active, under_review or banned";
  }
  return "";
}

bool LoadModelOption(const Args& args, Model* model) {
  const std::optional<std::string> model_option = args.Value("model");
  ModelLoadResult loaded = LoadModelFile(model_option.value_or(kDefaultModelPath));
  if (!loaded.model) {
    // Outside the repository the default path finds nothing, so the message names the option to use.
    PrintError(loaded.error + (model_option ? "" : ". Without --model, likecast reads " + std::string(kDefaultModelPath) +
                                                " from the current folder; give --model FILE to use another path"),
               kExitModel);
    return false;
  }
  *model = std::move(*loaded.model);
  return true;
}

}  // namespace likecast::cli
