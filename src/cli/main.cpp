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
  std::printf("usage: likecast COMMAND [OPTIONS]\n       likecast help COMMAND\n\ncommands:\n");
  for (const Command& command : kCommands) std::printf("  %-10s %s\n", command.name, command.summary);
  std::printf(
      "\nRun 'likecast COMMAND --help' for the options of a command.\n\n"
      "exit codes:\n"
      "  %d  success\n"
      "  %d  usage error: an unknown command, option or argument, or a missing or invalid value\n"
      "  %d  an input file was rejected (a CSV file that cannot be read or has no usable rows)\n"
      "  %d  the model file could not be loaded or used\n"
      "  %d  training failed\n"
      "  %d  an output file could not be written\n",
      likecast::cli::kExitOk, likecast::cli::kExitUsage, likecast::cli::kExitRejected, likecast::cli::kExitModel,
      likecast::cli::kExitTraining, likecast::cli::kExitWrite);
}

const Command* FindCommand(const char* name) {
  for (const Command& command : kCommands)
    if (std::strcmp(name, command.name) == 0) return &command;
  return nullptr;
}

int PrintUnknown(const char* problem, const char* word) {
  std::fprintf(stderr, "error: %s \"%s\"\nusage: likecast COMMAND [OPTIONS]\nRun 'likecast --help' for the list.\n",
               problem, word);
  return likecast::cli::kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  const bool help = argc >= 2 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "help") == 0);
  if (argc < 2 || (help && argc == 2)) {
    PrintUsage();
    return argc < 2 ? likecast::cli::kExitUsage : likecast::cli::kExitOk;
  }

  // "likecast help COMMAND" is "likecast COMMAND --help".
  if (help) {
    const Command* command = argc == 3 ? FindCommand(argv[2]) : nullptr;
    if (command == nullptr) return PrintUnknown(argc == 3 ? "unknown command" : "unexpected argument", argv[argc - 1]);
    char help_flag[] = "--help";
    char* help_argv[] = {argv[0], argv[2], help_flag, nullptr};
    return command->run(3, help_argv);
  }

  const Command* command = FindCommand(argv[1]);
  if (command == nullptr) return PrintUnknown("unknown command", argv[1]);
  return command->run(argc, argv);
}
