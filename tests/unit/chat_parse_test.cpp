// The chat parser: numbers in creators' forms, inputs by name, synonym and
// verb, durations, account status, negation, relative changes, unused counts,
// rejected values and intents. Each case sends messages to a conversation
// without a model, so only understanding is tested here.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/chat/chat.h"

namespace likecast {
namespace {

ChatReply SendAll(const std::vector<std::string>& messages) {
  Conversation conversation;
  ChatReply reply;
  for (const std::string& message : messages) reply = conversation.Send(message);
  return reply;
}

std::optional<double> SlotAfter(const std::string& message, ChatSlot slot) {
  return SlotNumber(SendAll({message}).slots, slot);
}

void CheckSlotValue(const std::string& message, ChatSlot slot, double expected) {
  INFO("message: " << message << ", slot " << ChatSlotName(slot));
  const std::optional<double> value = SlotAfter(message, slot);
  REQUIRE(value.has_value());
  CHECK(*value == doctest::Approx(expected));
}

void CheckUnset(const std::string& message, ChatSlot slot) {
  INFO("message: " << message << ", slot " << ChatSlotName(slot));
  CHECK_FALSE(SlotAfter(message, slot).has_value());
}

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST_CASE("numbers: k, m and b suffixes in any case") {
  CheckSlotValue("1.2M views", ChatSlot::views, 1.2e6);
  CheckSlotValue("3.2 mil views", ChatSlot::views, 3.2e6);
  CheckSlotValue("25K shares and 100k views", ChatSlot::shares, 25000);
  CheckSlotValue("2.5k views", ChatSlot::views, 2500);
  CheckSlotValue("1B views", ChatSlot::views, 1e9);
  CheckSlotValue("2 bn views", ChatSlot::views, 2e9);
  CheckSlotValue("7 million views", ChatSlot::views, 7e6);
  CheckSlotValue("3.2mil views", ChatSlot::views, 3.2e6);
  CheckSlotValue("12kviews", ChatSlot::views, 12000);
  CheckSlotValue("40 K views", ChatSlot::views, 40000);
  CheckSlotValue("5 grand views", ChatSlot::views, 5000);
}

TEST_CASE("numbers: decimals and thousands separators") {
  CheckSlotValue("1,234,567 views", ChatSlot::views, 1234567);
  CheckSlotValue("1 234 567 views", ChatSlot::views, 1234567);
  CheckSlotValue("1\xC2\xA0" "234 views", ChatSlot::views, 1234);             // no-break space
  CheckSlotValue("12\xE2\x80\xAF" "500 views", ChatSlot::views, 12500);       // narrow no-break space
  CheckSlotValue("1'234'567 views", ChatSlot::views, 1234567);
  CheckSlotValue("1\xE2\x80\x99" "234 views", ChatSlot::views, 1234);         // curly apostrophe
  CheckSlotValue("1.234.567 views", ChatSlot::views, 1234567);
  CheckSlotValue("1.234 views", ChatSlot::views, 1234);
  CheckSlotValue("1,5k views", ChatSlot::views, 1500);
  CheckSlotValue("0.5M views", ChatSlot::views, 500000);
  CheckSlotValue(".5m views", ChatSlot::views, 500000);
  CheckSlotValue("1e6 views", ChatSlot::views, 1e6);
}

TEST_CASE("numbers: list commas are not thousands separators") {
  const ChatReply reply = SendAll({"12k views, 300 shares, 45 comments"});
  CHECK(SlotNumber(reply.slots, ChatSlot::views) == 12000);
  CHECK(SlotNumber(reply.slots, ChatSlot::shares) == 300);
  CHECK(SlotNumber(reply.slots, ChatSlot::comments) == 45);
}

TEST_CASE("numbers: spelled out") {
  CheckSlotValue("ten thousand views", ChatSlot::views, 10000);
  CheckSlotValue("fifty shares, 1k views", ChatSlot::shares, 50);
  CheckSlotValue("a hundred and twenty comments", ChatSlot::comments, 120);
  CheckSlotValue("twenty-five downloads", ChatSlot::downloads, 25);
  CheckSlotValue("two and a half thousand views", ChatSlot::views, 2500);
  CheckSlotValue("half a million views", ChatSlot::views, 500000);
  CheckSlotValue("a dozen comments", ChatSlot::comments, 12);
  CheckSlotValue("one million views", ChatSlot::views, 1e6);
  CheckSlotValue("three hundred thousand views", ChatSlot::views, 300000);
  CheckSlotValue("a thousand views", ChatSlot::views, 1000);
}

TEST_CASE("numbers: approximations keep the value") {
  CheckSlotValue("about 5k views", ChatSlot::views, 5000);
  CheckSlotValue("nearly 300 shares", ChatSlot::shares, 300);
  CheckSlotValue("~40 comments", ChatSlot::comments, 40);
  CheckSlotValue("7k+ views", ChatSlot::views, 7000);
  CheckSlotValue("around 2k views", ChatSlot::views, 2000);
  CheckSlotValue("over 10k views", ChatSlot::views, 10000);
  CheckSlotValue("more than 500 shares", ChatSlot::shares, 500);
  CheckSlotValue("roughly 1,200 views", ChatSlot::views, 1200);
  CheckSlotValue("\xE2\x89\x88 300 shares", ChatSlot::shares, 300);
  CheckSlotValue("like 5k views", ChatSlot::views, 5000);
  CheckSlotValue("at least 2k views", ChatSlot::views, 2000);
}

TEST_CASE("numbers: a range is read as its middle") {
  const ChatReply reply = SendAll({"50k-60k views"});
  CHECK(SlotNumber(reply.slots, ChatSlot::views) == 55000);
  CHECK(Contains(reply.text, "55K"));
  CheckSlotValue("50-60k views", ChatSlot::views, 55000);
  CheckSlotValue("between 10k and 20k views", ChatSlot::views, 15000);
}

TEST_CASE("inputs: synonyms and verbs") {
  CheckSlotValue("viewed 25000 times", ChatSlot::views, 25000);
  CheckSlotValue("25k plays", ChatSlot::views, 25000);
  CheckSlotValue("it was watched 3k times", ChatSlot::views, 3000);
  CheckSlotValue("shared 700 times", ChatSlot::shares, 700);
  CheckSlotValue("reposted 12 times", ChatSlot::shares, 12);
  CheckSlotValue("40 people commented", ChatSlot::comments, 40);
  CheckSlotValue("downloaded 90 times", ChatSlot::downloads, 90);
  CheckSlotValue("12 replies", ChatSlot::comments, 12);
  CheckSlotValue("it was viewed 25k times and shared 700 times", ChatSlot::shares, 700);
}

TEST_CASE("inputs: any order and separator") {
  CheckSlotValue("views: 5k", ChatSlot::views, 5000);
  CheckSlotValue("views=5000", ChatSlot::views, 5000);
  CheckSlotValue("views 12k | shares 300", ChatSlot::shares, 300);
  CheckSlotValue("views 12k shares 300 comments 45", ChatSlot::shares, 300);
  CheckSlotValue("views 12k shares 300 comments 45", ChatSlot::comments, 45);
  CheckSlotValue("12k views 300 shares 45 comments", ChatSlot::shares, 300);
  CheckSlotValue("shares: 300; views: 12k", ChatSlot::views, 12000);
  CheckSlotValue("VIEWS - 8000", ChatSlot::views, 8000);
  CheckSlotValue("views: 9000\nshares: 80", ChatSlot::shares, 80);
  CheckSlotValue("12k views - 300 shares", ChatSlot::views, 12000);
  CheckSlotValue("12k views shares 300", ChatSlot::shares, 300);
}

TEST_CASE("durations: units, clock times and words") {
  CheckSlotValue("45s, 1k views", ChatSlot::duration_sec, 45);
  CheckSlotValue("45 sec", ChatSlot::duration_sec, 45);
  CheckSlotValue("0:42", ChatSlot::duration_sec, 42);
  CheckSlotValue("1m30s long", ChatSlot::duration_sec, 90);
  CheckSlotValue("1m 30s", ChatSlot::duration_sec, 90);
  CheckSlotValue("2 minutes", ChatSlot::duration_sec, 120);
  CheckSlotValue("1.5 min", ChatSlot::duration_sec, 90);
  CheckSlotValue("a 1 minute clip", ChatSlot::duration_sec, 60);
  CheckSlotValue("it's a minute long", ChatSlot::duration_sec, 60);
  CheckSlotValue("half a minute", ChatSlot::duration_sec, 30);
  CheckSlotValue("2 minutes 30 seconds", ChatSlot::duration_sec, 150);
  CheckSlotValue("duration: 15", ChatSlot::duration_sec, 15);
  CheckSlotValue("length 1:30", ChatSlot::duration_sec, 90);
  CheckSlotValue("a 2m video", ChatSlot::duration_sec, 120);
  CheckSlotValue("duration = 2m", ChatSlot::duration_sec, 120);
  CheckSlotValue("video length: 32 seconds", ChatSlot::duration_sec, 32);
}

TEST_CASE("durations: times that are not the video's length") {
  CheckUnset("posted 5 minutes ago, 3k views", ChatSlot::duration_sec);
  CheckUnset("got 10k views in 2 hours", ChatSlot::duration_sec);
  CheckSlotValue("got 10k views in 2 hours", ChatSlot::views, 10000);
  CheckUnset("10k views after 3 days", ChatSlot::duration_sec);
}

TEST_CASE("account: verified and status") {
  CheckSlotValue("verified", ChatSlot::verified, 1);
  CheckSlotValue("not verified", ChatSlot::verified, 0);
  CheckSlotValue("unverified account", ChatSlot::verified, 0);
  CheckSlotValue("I'm not verified", ChatSlot::verified, 0);
  CheckSlotValue("non-verified account", ChatSlot::verified, 0);
  CheckSlotValue("I have the blue check", ChatSlot::verified, 1);
  CheckSlotValue("active account", ChatSlot::author_status, static_cast<double>(AuthorStatus::active));
  CheckSlotValue("account under review", ChatSlot::author_status, static_cast<double>(AuthorStatus::under_review));
  CheckSlotValue("my account is in review", ChatSlot::author_status, static_cast<double>(AuthorStatus::under_review));
  CheckSlotValue("I got banned", ChatSlot::author_status, static_cast<double>(AuthorStatus::banned));
  CheckSlotValue("verified, not banned", ChatSlot::author_status, static_cast<double>(AuthorStatus::active));
  CheckSlotValue("verified, not banned", ChatSlot::verified, 1);
}

TEST_CASE("negation: no count is zero") {
  CheckSlotValue("5k views, no downloads", ChatSlot::downloads, 0);
  CheckSlotValue("5k views without any comments", ChatSlot::comments, 0);
  CheckSlotValue("5k views, didn't get any shares", ChatSlot::shares, 0);
  CheckSlotValue("views: 5k, downloads: none", ChatSlot::downloads, 0);
  CheckSlotValue("5k views and no one commented", ChatSlot::comments, 0);
  CheckSlotValue("5k views, zero shares", ChatSlot::shares, 0);
}

TEST_CASE("unused counts are never taken for inputs") {
  const ChatReply reply = SendAll({"50k followers, 300 saves, 5 hashtags, 1.2k following and 20k views"});
  CHECK(SlotNumber(reply.slots, ChatSlot::views) == 20000);
  CHECK_FALSE(SlotNumber(reply.slots, ChatSlot::shares).has_value());
  CHECK_FALSE(SlotNumber(reply.slots, ChatSlot::downloads).has_value());
  CHECK(Contains(reply.text, "doesn't use"));
  CHECK(Contains(reply.text, "50K followers"));
  CHECK(Contains(reply.text, "300 saves"));
  CheckSlotValue("2k profile views and 10k views", ChatSlot::views, 10000);
  CheckUnset("I have 3k followers", ChatSlot::views);
  CheckUnset("saved 400 times", ChatSlot::downloads);
}

TEST_CASE("hashtags, mentions and links hold no counts") {
  const ChatReply reply = SendAll({"#fyp2024 @maker99 https://example.com/video/7017666017 has 5k views"});
  CHECK(SlotNumber(reply.slots, ChatSlot::views) == 5000);
  CHECK_FALSE(Contains(reply.text, "not sure"));
}

TEST_CASE("likes: the real count is a slot of its own") {
  CheckSlotValue("100k views and 30k likes", ChatSlot::likes, 30000);
  CheckSlotValue("5k views, 1 like", ChatSlot::likes, 1);
  CheckUnset("how many likes will 5k views get", ChatSlot::likes);
  CheckUnset("predict likes for 300k views", ChatSlot::likes);
}

TEST_CASE("rejected values: named with the range, not stored") {
  const ChatReply negative = SendAll({"-500 views, 300 shares"});
  CHECK_FALSE(SlotNumber(negative.slots, ChatSlot::views).has_value());
  CHECK(SlotNumber(negative.slots, ChatSlot::shares) == 300);
  REQUIRE(negative.rejected.size() == 1);
  CHECK(negative.rejected[0] == ChatSlot::views);
  CHECK(Contains(negative.text, "-500 views is not possible: views must be between 0 and 10B"));
  CHECK(Contains(negative.text, "I kept the rest"));

  const ChatReply huge = SendAll({"15B views"});
  CHECK_FALSE(SlotNumber(huge.slots, ChatSlot::views).has_value());
  CHECK(Contains(huge.text, "15B views is not possible"));

  const ChatReply infinite = SendAll({"1e400 views"});
  CHECK_FALSE(SlotNumber(infinite.slots, ChatSlot::views).has_value());
  CHECK(Contains(infinite.text, "infinite views is not possible"));

  const ChatReply word = SendAll({"infinity shares"});
  CHECK(word.rejected == std::vector<ChatSlot>{ChatSlot::shares});

  const ChatReply minus_word = SendAll({"minus 20 comments"});
  CHECK(minus_word.rejected == std::vector<ChatSlot>{ChatSlot::comments});

  const ChatReply long_video = SendAll({"10k views, 2 hours long"});
  CHECK(long_video.rejected == std::vector<ChatSlot>{ChatSlot::duration_sec});
  CHECK(Contains(long_video.text, "between 1 second and 60 minutes"));
  CHECK(SlotNumber(long_video.slots, ChatSlot::views) == 10000);

  const ChatReply zero_length = SendAll({"0 seconds"});
  CHECK(zero_length.rejected == std::vector<ChatSlot>{ChatSlot::duration_sec});
}

TEST_CASE("rejected values: shown visibly out of range") {
  CHECK(Contains(SendAll({"10000000001 views"}).text,
                 "10,000,000,001 views is not possible: views must be between 0 and 10B"));
  CHECK(Contains(SendAll({"10040000000 shares"}).text, "10,040,000,000 shares is not possible"));
  CHECK(Contains(SendAll({"-0.3 views"}).text, "-0.3 views is not possible"));
  CHECK(Contains(SendAll({"999999999999999999999999999 views"}).text, "1e27 views is not possible"));
  CHECK(Contains(SendAll({"0.96 s video"}).text, "A video of 0.96 seconds is not possible"));
  CHECK(Contains(SendAll({"3600.04 seconds long"}).text, "A video of 3600.04 seconds is not possible"));
}

TEST_CASE("rejected values: an old value stays") {
  const ChatReply reply = SendAll({"20k views", "views: -3"});
  CHECK(SlotNumber(reply.slots, ChatSlot::views) == 20000);
  CHECK(reply.rejected == std::vector<ChatSlot>{ChatSlot::views});
}

TEST_CASE("unusual but possible values are kept and mentioned") {
  const ChatReply reply = SendAll({"views: 80000, shares: 120000"});
  CHECK(SlotNumber(reply.slots, ChatSlot::shares) == 120000);
  CHECK(reply.rejected.empty());
}

TEST_CASE("relative changes") {
  const auto after = [](const std::string& change, ChatSlot slot) {
    return SlotNumber(SendAll({"10k views, 400 shares, 50 comments, 20 downloads, 30s", change}).slots, slot);
  };
  CHECK(after("double my shares", ChatSlot::shares) == 800);
  CHECK(after("what if shares doubled?", ChatSlot::shares) == 800);
  CHECK(after("triple the comments", ChatSlot::comments) == 150);
  CHECK(after("3x shares", ChatSlot::shares) == 1200);
  CHECK(after("shares x2", ChatSlot::shares) == 800);
  CHECK(after("halve the downloads", ChatSlot::downloads) == 10);
  CHECK(after("twice as many comments", ChatSlot::comments) == 100);
  CHECK(after("+20% views", ChatSlot::views) == 12000);
  CHECK(after("views +20%", ChatSlot::views) == 12000);
  CHECK(after("20% more views", ChatSlot::views) == 12000);
  CHECK(after("20% fewer comments", ChatSlot::comments) == 40);
  CHECK(after("increase shares by 50%", ChatSlot::shares) == 600);
  CHECK(after("10k more views", ChatSlot::views) == 20000);
  CHECK(after("another 500 shares", ChatSlot::shares) == 900);
  CHECK(after("views up by 5k", ChatSlot::views) == 15000);
  CHECK(after("+100 shares", ChatSlot::shares) == 500);
  CHECK(after("10 seconds longer", ChatSlot::duration_sec) == 40);
  CHECK(after("50% shorter", ChatSlot::duration_sec) == 15);
  CHECK(after("twice as long", ChatSlot::duration_sec) == 60);
  CHECK(after("shares went up to 5k", ChatSlot::shares) == 5000);
  CHECK(after("what if comments were 600", ChatSlot::comments) == 600);
}

TEST_CASE("relative changes: a decrease below zero is rejected") {
  const ChatReply reply = SendAll({"10k views, 400 shares", "600 fewer shares"});
  CHECK(SlotNumber(reply.slots, ChatSlot::shares) == 400);
  CHECK(reply.rejected == std::vector<ChatSlot>{ChatSlot::shares});
}

TEST_CASE("intents") {
  CHECK(SendAll({"help"}).intent == Intent::help);
  CHECK(SendAll({"what can you do?"}).intent == Intent::help);
  CHECK(SendAll({"5k views", "start over"}).intent == Intent::reset);
  CHECK(SendAll({"5k views", "go back"}).intent == Intent::undo);
  CHECK(SendAll({"5k views", "what drives this?"}).intent == Intent::explain);
  CHECK(SendAll({"5k views", "any tips?"}).intent == Intent::tips);
  CHECK(SendAll({"what's a good share rate?"}).intent == Intent::benchmark);
  CHECK(SendAll({"what's the average like rate?"}).intent == Intent::benchmark);
  CHECK(SendAll({"5k views", "what if I had 600 comments"}).intent == Intent::what_if);
  CHECK(SendAll({"5k views", "20% more views"}).intent == Intent::what_if);
  CHECK(SendAll({"5k views", "actually it's 6k views"}).intent == Intent::predict);
  CHECK(SendAll({"how many likes will I get?"}).intent == Intent::predict);
  CHECK(SendAll({"what if I had 5k views"}).intent == Intent::predict);   // nothing to compare with yet
}

TEST_CASE("benchmark questions name their topic") {
  CHECK(ParseMessage("what's a good share rate?").topic == ChatSlot::shares);
  CHECK(ParseMessage("what's a typical comment rate").topic == ChatSlot::comments);
  CHECK(ParseMessage("what's the average like rate?").topic == ChatSlot::likes);
  CHECK(ParseMessage("what's a normal video length?").topic == ChatSlot::duration_sec);
  const ParsedMessage rate = ParseMessage("is a 5% share rate good?");
  CHECK(rate.topic == ChatSlot::shares);
  REQUIRE(rate.topic_rate.has_value());
  CHECK(*rate.topic_rate == doctest::Approx(0.05));
}

TEST_CASE("a bare number answers the question asked") {
  const ChatReply views = SendAll({"how many likes will I get?", "25k"});
  CHECK(SlotNumber(views.slots, ChatSlot::views) == 25000);
  const ChatReply unknown = SendAll({"help", "300"});
  CHECK_FALSE(SlotNumber(unknown.slots, ChatSlot::views).has_value());
  CHECK(Contains(unknown.text, "not sure what 300 counts"));
}

TEST_CASE("too long messages are not read") {
  const std::string huge(5000, '9');
  Conversation conversation;
  conversation.Send("10k views");
  const ChatReply reply = conversation.Send(huge + " views");
  CHECK(SlotNumber(reply.slots, ChatSlot::views) == 10000);
  CHECK(Contains(reply.text, "I read messages of up to 2,000 characters"));
  CHECK(ParseMessage(huge).too_long);
}

TEST_CASE("parser: odd bytes and empty input") {
  CHECK(ParseMessage("").changes.empty());
  CHECK(ParseMessage("\xFF\xFE\x80 views").changes.empty());
  CHECK(ParseMessage(std::string("5k\0views", 8)).changes.size() == 1);
  CHECK(ParseMessage("---+++...,,,:::").changes.empty());
  CHECK(ParseMessage("99999999999999999999999999999999999999 views").rejected.size() == 1);
}

}  // namespace
}  // namespace likecast
