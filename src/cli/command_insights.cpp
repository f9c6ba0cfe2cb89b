// TODO: placeholder until the insights command is written; it only reports that.
#include "cli/args.h"
#include "cli/commands.h"

namespace likecast::cli {

int RunInsights(int, char**) { return PrintError("likecast insights is not built yet", kExitUsage); }

}  // namespace likecast::cli
