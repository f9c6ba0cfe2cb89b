// libFuzzer target for the chat engine. The input is split at newlines into
// messages sent in order to one conversation with the small test model; a
// first line that starts with '{' is restored as a saved conversation first.
// Beyond the sanitizers it checks that every reply has text, that no stored
// slot is outside its allowed range, and that save then restore keeps the slots.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "../unit/test_model.h"
#include "core/chat/chat.h"

namespace {

constexpr int kMaxMessages = 64;

void CheckSlots(const likecast::ChatSlots& slots) {
  for (int i = 0; i < likecast::kChatSlotCount; ++i) {
    const auto slot = static_cast<likecast::ChatSlot>(i);
    if (const auto value = likecast::SlotNumber(slots, slot); value && !likecast::CheckSlotValue(slot, *value).empty())
      std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const likecast::Model model = likecast::testing::MakeChatTestModel();
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  // The whole input as one message, newlines included, with no length cap: the parser must stay linear.
  likecast::ParseOptions whole;
  whole.max_message_bytes = input.size();
  (void)likecast::ParseMessage(input, whole);

  likecast::Conversation conversation(&model);
  std::size_t start = 0;
  for (int count = 0; start <= input.size() && count < kMaxMessages; ++count) {
    std::size_t end = input.find('\n', start);
    if (end == std::string_view::npos) end = input.size();
    const std::string_view line = input.substr(start, end - start);
    if (count == 0 && !line.empty() && line[0] == '{') {
      (void)conversation.RestoreJson(line);
    } else {
      const likecast::ChatReply reply = conversation.Send(line);
      if (reply.text.empty()) std::abort();
      CheckSlots(reply.slots);
    }
    start = end + 1;
  }

  // A slider move on the first byte's slot, then the save and restore round trip.
  if (size > 0) {
    const auto slot = static_cast<likecast::ChatSlot>(data[0] % likecast::kChatSlotCount);
    (void)conversation.SetSlot(slot, static_cast<double>(data[size - 1]));
    CheckSlots(conversation.slots());
  }
  likecast::Conversation copy(&model);
  if (!copy.RestoreJson(conversation.SaveJson()).empty()) std::abort();
  if (!likecast::SameSlots(copy.slots(), conversation.slots())) std::abort();
  return 0;
}
