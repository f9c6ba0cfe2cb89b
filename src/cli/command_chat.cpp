// TODO: placeholder until the chat command is written; it only reports that.
#include "cli/args.h"
#include "cli/commands.h"

namespace likecast::cli {

int RunChat(int, char**) { return PrintError("likecast chat is not built yet", kExitUsage); }

}  // namespace likecast::cli
