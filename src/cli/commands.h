// The likecast subcommands. Each takes argv from the word after its name and
// returns the process exit code (args.h lists them).
#pragma once

namespace likecast::cli {

int RunTrain(int argc, char** argv);
int RunPredict(int argc, char** argv);
int RunEval(int argc, char** argv);
int RunParse(int argc, char** argv);
int RunChat(int argc, char** argv);
int RunAdvise(int argc, char** argv);
int RunInsights(int argc, char** argv);
int RunInspect(int argc, char** argv);

}  // namespace likecast::cli
