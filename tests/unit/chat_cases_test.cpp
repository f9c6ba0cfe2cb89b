// Runs every conversation in the shared chat cases file through the chat
// engine: the last message's intent, the slots after it, and the rejected
// inputs must match. The file is read at test time, so new cases count at once.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/chat/chat.h"

namespace likecast {
namespace {

using json = nlohmann::json;

json LoadCases() {
  const std::string path = std::string(LIKECAST_CASES_DIR) + "/chat_messages.json";
  std::ifstream in(path);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path);
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

// The expected value of one slot in the case file's form, compared with what the conversation holds.
void CheckSlot(const ChatSlots& slots, ChatSlot slot, const json& expected, const std::string& context) {
  const std::optional<double> actual = SlotNumber(slots, slot);
  INFO(context << " slot " << ChatSlotName(slot));
  REQUIRE(actual.has_value());
  if (slot == ChatSlot::verified) {
    CHECK((*actual != 0) == expected.get<bool>());
  } else if (slot == ChatSlot::author_status) {
    CHECK(std::string(AuthorStatusName(static_cast<AuthorStatus>(static_cast<int>(*actual)))) ==
          expected.get<std::string>());
  } else {
    CHECK(*actual == doctest::Approx(expected.get<double>()));
  }
}

TEST_CASE("chat cases file: every conversation") {
  const json cases = LoadCases();
  REQUIRE(cases.contains("cases"));
  REQUIRE(cases["cases"].size() > 0);
  for (const json& item : cases["cases"]) {
    std::vector<std::string> messages;
    if (item["say"].is_string()) {
      messages.push_back(item["say"].get<std::string>());
    } else {
      for (const json& message : item["say"]) messages.push_back(message.get<std::string>());
    }
    const std::string context = item["say"].dump();
    Conversation conversation;
    ChatReply reply;
    for (const std::string& message : messages) reply = conversation.Send(message);

    INFO(context << "\nreply: " << reply.text);
    CHECK(std::string(IntentName(reply.intent)) == item["intent"].get<std::string>());

    const json& slots = item["slots"];
    const bool partial = item.value("partial", false);
    for (int i = 0; i < kChatSlotCount; ++i) {
      const auto slot = static_cast<ChatSlot>(i);
      if (slots.contains(ChatSlotName(slot))) {
        CheckSlot(reply.slots, slot, slots[ChatSlotName(slot)], context);
      } else if (!partial) {
        INFO(context << " slot " << ChatSlotName(slot) << " must be unset");
        CHECK_FALSE(SlotNumber(reply.slots, slot).has_value());
      }
    }

    std::vector<std::string> rejected;
    for (ChatSlot slot : reply.rejected) rejected.push_back(ChatSlotName(slot));
    std::vector<std::string> expected_rejected;
    if (item.contains("rejects"))
      for (const json& name : item["rejects"]) expected_rejected.push_back(name.get<std::string>());
    CHECK(rejected == expected_rejected);
  }
}

}  // namespace
}  // namespace likecast
