// likecast: the command-line tool. It trains, evaluates and scripts
// everything the page does, with the same core.
#include <cstdio>
#include <cstring>
#include <string>

#include "cli/args.h"
#include "cli/commands.h"

namespace {

struct Command {
  const char* name;
  int (*run)(int argc, char** argv);
  const char* summary;
};

const Command kCommands[] = {
    {"train", likecast::cli::RunTrain, "train a model on a CSV file and write it as JSON"},
    {"predict", likecast::cli::RunPredict, "predict likes for one video, or for every row of a CSV file"},
    {"eval", likecast::cli::RunEval, "score a model on the test split of a CSV file"},
    {"parse", likecast::cli::RunParse, "send chat messages and print the conversation state as JSON"},
    {"chat", likecast::cli::RunChat, "talk to LikeCast in the terminal"},
    {"advise", likecast::cli::RunAdvise, "recommendations to raise a video's likes"},
    {"insights", likecast::cli::RunInsights, "what the data says about likes: rates, segments, correlations"},
    {"inspect", likecast::cli::RunInspect, "check a CSV file as training data: rows loaded and skipped"},
};

void PrintUsage() {
  std::printf("usage: likecast COMMAND [OPTIONS]\n\ncommands:\n");
  for (const Command& command : kCommands) std::printf("  %-10s %s\n", command.name, command.summary);
  std::printf("\nRun 'likecast COMMAND --help' for the options of a command.\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "help") == 0) {
    PrintUsage();
    return argc < 2 ? likecast::cli::kExitUsage : likecast::cli::kExitOk;
  }
  for (const Command& command : kCommands) {
    if (std::strcmp(argv[1], command.name) == 0) return command.run(argc, argv);
  }
  return likecast::cli::PrintError(std::string("unknown command \"") + argv[1] + "\"; run 'likecast help' for the list",
                                   likecast::cli::kExitUsage);
}
