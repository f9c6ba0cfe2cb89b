// The video options shared by predict and advise:
//   --views N --shares N --comments N --downloads N --duration S
//   [--verified] [--status active|under_review|banned]
#pragma once

#include <set>
#include <string>

#include "cli/args.h"
#include "core/data/video.h"
#include "core/model/model.h"

namespace likecast::cli {

extern const std::set<std::string> kVideoValueOptions;
extern const std::set<std::string> kVideoFlagOptions;
extern const char* const kVideoOptionsHelp;

// Reads the video options. Returns an error message, or "" when `inputs` is filled.
std::string ReadVideoOptions(Args& args, VideoInputs* inputs);

// The model file commands read when no --model is given.
constexpr const char* kDefaultModelPath = "models/likecast.json";

// Loads --model (default kDefaultModelPath); prints the error and returns false on failure.
bool LoadModelOption(const Args& args, Model* model);

}  // namespace likecast::cli
