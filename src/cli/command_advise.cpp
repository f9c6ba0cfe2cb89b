// TODO: placeholder until the advise command is written; it only reports that.
#include "cli/args.h"
#include "cli/commands.h"

namespace likecast::cli {

int RunAdvise(int, char**) { return PrintError("likecast advise is not built yet", kExitUsage); }

}  // namespace likecast::cli
