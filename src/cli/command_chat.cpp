// likecast chat: the chat engine in the terminal. It reads one message per
// line from stdin (a terminal or a pipe) and prints each reply. With --state,
// the conversation is restored from a file at start and saved there at the end.
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/video_options.h"
#include "core/chat/chat.h"

namespace likecast::cli {
namespace {

bool ReadFile(const std::string& path, std::string* text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *text = buffer.str();
  return true;
}

// Writes the state to a temporary file, then renames it, so a failed write leaves the previous state intact.
bool SaveState(const std::string& path, const std::string& json) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary);
    out << json;
    out.flush();
    if (!out) {
      std::remove(temporary.c_str());
      return false;
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) == 0) return true;
  std::remove(temporary.c_str());
  return false;
}

}  // namespace

int RunChat(int argc, char** argv) {
  const char* const usage = "likecast chat [--model M] [--state FILE]";
  Args args(argc, argv, 2, {"model", "state"}, {"help"});
  if (args.Flag("help")) {
    std::printf(
        "usage: %s\n\n"
        "Talk to LikeCast: type what you know about a video, one message per line; \"quit\" or end of input stops.\n"
        "  --model FILE     model file (default: models/likecast.json)\n"
        "  --state FILE     restore the conversation from FILE if it exists, and save it there at the end\n",
        usage);
    return kExitOk;
  }
  if (!args.error().empty()) return PrintUsageError(args.error(), "chat", usage);

  Model model;
  if (!LoadModelOption(args, &model)) return kExitModel;
  Conversation conversation(&model);

  std::optional<std::string> state_path = args.Value("state");
  std::error_code code;
  // Saving renames a new file over the path, which would replace a link with a file: save to its target.
  if (state_path && std::filesystem::is_symlink(*state_path, code)) {
    const std::filesystem::path target = std::filesystem::weakly_canonical(*state_path, code);
    if (!code) state_path = target.string();
  }
  if (state_path && std::filesystem::exists(*state_path, code) && std::filesystem::is_directory(*state_path, code))
    return PrintError("--state " + *state_path + " is a folder; give a file name, for example " + *state_path + "/chat.json",
                      kExitUsage);
  std::string saved;
  // A state file that cannot be restored stops the command before any message: saving over it at the end
  // would lose the conversation it holds.
  const bool state_exists = state_path && std::filesystem::exists(*state_path, code);
  if (state_exists && !ReadFile(*state_path, &saved))
    return PrintError(*state_path + " could not be read, so it was not restored and is left unchanged. Check its "
                                    "permissions, or give another --state FILE.",
                      kExitRejected);
  if (state_exists) {
    if (std::string error = conversation.RestoreJson(saved); !error.empty())
      return PrintError(*state_path + " was not restored and is left unchanged: " + error +
                            ". To keep it, give another --state FILE.",
                        kExitRejected);
  }

  if (state_path) {
    // Checked now, so a conversation is never typed into a state file that cannot be saved.
    if (std::string problem = CheckWritable(*state_path); !problem.empty()) return PrintError("--state: " + problem, kExitWrite);
    // A reader that stops early (chat ... | head) must not end the command before the state is saved.
    std::signal(SIGPIPE, SIG_IGN);
  }

  // On a terminal the prompt marks where to type; from a pipe each message is echoed, so the output reads
  // as a transcript.
  const bool interactive = isatty(STDIN_FILENO) != 0;
  if (interactive) std::printf("LikeCast: tell me about your video, or type \"help\". \"quit\" ends.\n");
  std::string line;
  while (true) {
    if (interactive) std::printf("\nyou> "), std::fflush(stdout);
    if (!std::getline(std::cin, line)) break;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line == "quit" || line == "exit" || line == "bye") break;
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    if (!interactive) std::printf("> %s\n", line.c_str());
    const ChatReply reply = conversation.Send(line);
    std::printf("%s\n", reply.text.c_str());
    if (!interactive) std::printf("\n");
    std::fflush(stdout);
  }

  if (state_path && !SaveState(*state_path, conversation.SaveJson()))
    return PrintError("writing " + *state_path + " failed: check that the folder exists and is writable", kExitWrite);
  return kExitOk;
}

}  // namespace likecast::cli
