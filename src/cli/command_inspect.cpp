// TODO: placeholder until the inspect command is written; it only reports that.
#include "cli/args.h"
#include "cli/commands.h"

namespace likecast::cli {

int RunInspect(int, char**) { return PrintError("likecast inspect is not built yet", kExitUsage); }

}  // namespace likecast::cli
