// TODO: placeholder until the parse command is written; it only reports that.
#include "cli/args.h"
#include "cli/commands.h"

namespace likecast::cli {

int RunParse(int, char**) { return PrintError("likecast parse is not built yet", kExitUsage); }

}  // namespace likecast::cli
