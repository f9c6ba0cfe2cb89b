// Restoring a saved conversation of any size: a state over max_state_bytes is
// rejected unread with its size in the message, and of a long history or
// transcript only the newest entries the options keep are read.
#include <doctest/doctest.h>

#include <string>

#include "core/chat/chat.h"

namespace likecast {
namespace {

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A saved state with `steps` undo steps (views 1, 2, ...) and `turns` transcript turns ("turn 0", ...).
std::string StateWith(size_t steps, size_t turns) {
  std::string text = R"({"format": "likecast-chat", "version": 1, "slots": {"views": 5000}, "history": [)";
  for (size_t i = 0; i < steps; ++i) text += (i ? "," : "") + std::string(R"({"views":)") + std::to_string(i + 1) + "}";
  text += R"(], "transcript": [)";
  for (size_t i = 0; i < turns; ++i)
    text += (i ? "," : "") + std::string(R"({"from":"user","text":"turn )") + std::to_string(i) + "\"}";
  return text + "]}";
}

TEST_CASE("state JSON: a state over the size limit is rejected with its size") {
  ChatOptions options;
  options.max_state_bytes = 1000;
  Conversation chat(nullptr, options);
  chat.Send("30k views");
  const std::string state = StateWith(200, 0);
  REQUIRE(state.size() == 2791);
  const std::string error = chat.RestoreJson(state);
  CHECK(Contains(error, "the saved conversation is 3 KB, over the 1 KB limit"));
  CHECK(Contains(error, "start a new conversation"));
  CHECK(SlotNumber(chat.slots(), ChatSlot::views) == 30000);
}

TEST_CASE("state JSON: a save over the size limit drops the oldest turns") {
  ChatOptions options;
  options.max_state_bytes = 4000;
  Conversation chat(nullptr, options);
  for (int i = 0; i < 40; ++i) chat.Send("message " + std::to_string(i) + " " + std::string(100, 'x'));
  const std::string state = chat.SaveJson();
  CHECK(state.size() <= 4000);
  Conversation restored(nullptr, options);
  REQUIRE(restored.RestoreJson(state) == "");
  REQUIRE_FALSE(restored.transcript().empty());
  CHECK(restored.transcript().size() < chat.transcript().size());
  CHECK(restored.transcript().back().text == chat.transcript().back().text);
}

TEST_CASE("state JSON: a long history keeps only the newest undo steps") {
  Conversation chat;
  REQUIRE(chat.RestoreJson(StateWith(100000, 0)) == "");
  CHECK(chat.undo_depth() == ChatOptions{}.max_undo);
  CHECK(SlotNumber(chat.Send("undo").slots, ChatSlot::views) == 100000);
  CHECK(SlotNumber(chat.Send("undo").slots, ChatSlot::views) == 99999);
}

TEST_CASE("state JSON: a long transcript keeps only the newest turns") {
  ChatOptions options;
  options.max_transcript = 3;
  Conversation chat(nullptr, options);
  REQUIRE(chat.RestoreJson(StateWith(0, 50000)) == "");
  REQUIRE(chat.transcript().size() == 3);
  CHECK(chat.transcript().front().text == "turn 49997");
  CHECK(chat.transcript().back().text == "turn 49999");
}

TEST_CASE("state JSON: dropped undo steps are not read") {
  ChatOptions options;
  options.max_undo = 1;
  Conversation chat(nullptr, options);
  const std::string old_step_invalid = R"({"format": "likecast-chat", "version": 1, "slots": {},
      "history": [{"views": -1}, {"views": 7}], "what_if_depth": 1})";
  REQUIRE(chat.RestoreJson(old_step_invalid) == "");
  CHECK(chat.undo_depth() == 1);
  CHECK(SlotNumber(chat.Send("undo").slots, ChatSlot::views) == 7);
}

TEST_CASE("state JSON: an invalid kept undo step is still reported") {
  Conversation chat;
  CHECK(chat.RestoreJson(R"({"format": "likecast-chat", "version": 1, "slots": {}, "history": [{"views": -1}]})") ==
        "history[0].views: -1 views is not possible: views must be between 0 and 10B");
}

TEST_CASE("state JSON: a huge count is reported as a power of ten") {
  Conversation chat;
  CHECK(chat.RestoreJson(R"({"format": "likecast-chat", "version": 1, "slots": {"views": 1e300}})") ==
        "slots.views: 1e300 views is not possible: views must be between 0 and 10B");
}

TEST_CASE("state JSON: a worst-case conversation saves under the size limit") {
  // Control characters are escaped as \u0001 (6 bytes each) and digits are echoed by the reply, so these
  // are the messages that make the saved state largest.
  const std::string control(ChatOptions{}.max_message_bytes, '\x01');
  const std::string digits(ChatOptions{}.max_message_bytes, '7');
  Conversation chat;
  for (size_t i = 0; i < ChatOptions{}.max_transcript; ++i) chat.Send(i % 2 ? control : digits);
  const std::string saved = chat.SaveJson();
  CHECK(saved.size() < ChatOptions{}.max_state_bytes);
  Conversation restored;
  CHECK(restored.RestoreJson(saved) == "");
}

}  // namespace
}  // namespace likecast
