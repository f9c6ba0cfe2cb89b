// The verified status and the account status in every form a creator uses to
// say no: a negation before the term ("isn't verified", "no longer banned"),
// an answer after it ("verified: no", "verified? nope", "verified = false") and
// "anymore". Each case sends one message to a conversation without a model.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "core/chat/chat.h"

namespace likecast {
namespace {

std::optional<double> SlotAfter(const std::string& message, ChatSlot slot) {
  Conversation conversation;
  return SlotNumber(conversation.Send(message).slots, slot);
}

void CheckVerified(const std::string& message, bool expected) {
  INFO("message: " << message);
  const std::optional<double> value = SlotAfter(message, ChatSlot::verified);
  REQUIRE(value.has_value());
  CHECK(*value == (expected ? 1 : 0));
}

void CheckStatus(const std::string& message, AuthorStatus expected) {
  INFO("message: " << message);
  const std::optional<double> value = SlotAfter(message, ChatSlot::author_status);
  REQUIRE(value.has_value());
  CHECK(*value == static_cast<double>(expected));
}

TEST_CASE("verified: an answer after the word decides") {
  CheckVerified("verified: no", false);
  CheckVerified("verified? nope", false);
  CheckVerified("verified = false", false);
  CheckVerified("verified: false", false);
  CheckVerified("verified - no", false);
  CheckVerified("verified no", false);
  CheckVerified("verified: n", false);
  CheckVerified("verified: 0", false);
  CheckVerified("is it verified? no", false);
  CheckVerified("verified status: no", false);
  CheckVerified("verified? yes", true);
  CheckVerified("verified? y", true);
  CheckVerified("verified = true", true);
  CheckVerified("verified: 1", true);
  CheckVerified("verified account? yep", true);
}

TEST_CASE("verified: a negation before the word") {
  CheckVerified("isn't verified", false);
  CheckVerified("not verified anymore", false);
  CheckVerified("account is no longer verified", false);
  CheckVerified("used to be verified", false);
  CheckVerified("unverified account", false);
  CheckVerified("verified, not anymore", false);
  CheckVerified("verified no more", false);
}

TEST_CASE("verified: an answer mid-message keeps the rest") {
  Conversation conversation;
  const ChatReply reply = conversation.Send("20k views, verified: no, 300 shares");
  CHECK(SlotNumber(reply.slots, ChatSlot::verified) == 0);
  CHECK(SlotNumber(reply.slots, ChatSlot::views) == 20000);
  CHECK(SlotNumber(reply.slots, ChatSlot::shares) == 300);
}

TEST_CASE("verified: a no that counts something else is not an answer") {
  Conversation conversation;
  const ChatReply reply = conversation.Send("verified, no downloads");
  CHECK(SlotNumber(reply.slots, ChatSlot::verified) == 1);
  CHECK(SlotNumber(reply.slots, ChatSlot::downloads) == 0);
}

TEST_CASE("verified: 1 before a count word is a count") {
  Conversation conversation;
  const ChatReply reply = conversation.Send("verified, 1 share");
  CHECK(SlotNumber(reply.slots, ChatSlot::verified) == 1);
  CHECK(SlotNumber(reply.slots, ChatSlot::shares) == 1);
}

TEST_CASE("account status: an ended ban or review is active") {
  CheckStatus("not under review anymore", AuthorStatus::active);
  CheckStatus("no longer under review", AuthorStatus::active);
  CheckStatus("no longer banned", AuthorStatus::active);
  CheckStatus("not banned anymore", AuthorStatus::active);
  CheckStatus("was banned but not anymore", AuthorStatus::active);
  CheckStatus("banned? no", AuthorStatus::active);
  CheckStatus("under review: no", AuthorStatus::active);
  CheckStatus("banned? yes", AuthorStatus::banned);
  CheckStatus("account under review", AuthorStatus::under_review);
}

TEST_CASE("account status: not active names no status") {
  CHECK_FALSE(SlotAfter("active: no", ChatSlot::author_status).has_value());
  CHECK_FALSE(SlotAfter("not active", ChatSlot::author_status).has_value());
}

}  // namespace
}  // namespace likecast
