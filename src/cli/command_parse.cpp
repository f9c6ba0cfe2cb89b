// likecast parse: sends chat messages to the engine in order and prints what
// it understood after the last one, as JSON, for scripts and tests:
//   {"intent": "...", "slots": {...}, "rejected": ["views"], "reply": "..."}
#include <cmath>
#include <cstdint>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/video_options.h"
#include "core/chat/chat.h"
#include "core/model/model_io.h"

namespace likecast::cli {
namespace {

// Slots as the cases list them: whole counts as integers, verified as a boolean, the status by name.
nlohmann::ordered_json SlotsJson(const ChatSlots& slots) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (int i = 0; i < kChatSlotCount; ++i) {
    const auto slot = static_cast<ChatSlot>(i);
    const std::optional<double> value = SlotNumber(slots, slot);
    if (!value) continue;
    if (slot == ChatSlot::verified) {
      out[ChatSlotName(slot)] = *value != 0;
    } else if (slot == ChatSlot::author_status) {
      out[ChatSlotName(slot)] = AuthorStatusName(static_cast<AuthorStatus>(static_cast<int>(*value)));
    } else if (std::floor(*value) == *value && std::fabs(*value) < 9e15) {
      out[ChatSlotName(slot)] = static_cast<long long>(*value);
    } else {
      out[ChatSlotName(slot)] = *value;
    }
  }
  return out;
}

}  // namespace

int RunParse(int argc, char** argv) {
  const char* const usage = "likecast parse [--model M] MESSAGE...";
  Args args(argc, argv, 2, {"model"}, {"help"}, SIZE_MAX);
  if (args.Flag("help")) {
    std::printf(
        "usage: %s\n\n"
        "Sends each MESSAGE to the chat engine in order and prints the state after the last one:\n"
        "  {\"intent\": \"...\", \"slots\": {...}, \"rejected\": [...], \"reply\": \"...\"}\n\n"
        "  --model FILE     model file for the reply's numbers (default: models/likecast.json;\n"
        "                   when the default is missing, the reply has no prediction)\n",
        usage);
    return kExitOk;
  }
  if (!args.error().empty()) return PrintUsageError(args.error(), "parse", usage);
  if (args.positional().empty()) return PrintUsageError("no message given", "parse", usage);

  Model model;
  const Model* model_used = nullptr;
  if (args.Value("model")) {
    if (!LoadModelOption(args, &model)) return kExitModel;
    model_used = &model;
  } else if (ModelLoadResult loaded = LoadModelFile("models/likecast.json"); loaded.model) {
    model = std::move(*loaded.model);
    model_used = &model;
  } else {
    std::fprintf(stderr, "warning: models/likecast.json could not be loaded (%s); the reply has no prediction\n",
                 loaded.error.c_str());
  }

  Conversation conversation(model_used);
  ChatReply reply;
  for (const std::string& message : args.positional()) reply = conversation.Send(message);

  nlohmann::ordered_json out;
  out["intent"] = IntentName(reply.intent);
  out["slots"] = SlotsJson(reply.slots);
  out["rejected"] = nlohmann::ordered_json::array();
  for (ChatSlot slot : reply.rejected) out["rejected"].push_back(ChatSlotName(slot));
  out["reply"] = reply.text;
  std::printf("%s\n", out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
  return kExitOk;
}

}  // namespace likecast::cli
