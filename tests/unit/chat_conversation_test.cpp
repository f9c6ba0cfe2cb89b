// The conversation with a small model: slots that persist, replace, reset and
// undo, what-if deltas, assumed inputs, real likes against the range, sliders
// in sync with the chat, JSON save and restore, and the replies' numbers.
#include <doctest/doctest.h>

#include <string>
#include <utility>

#include "test_model.h"
#include "core/chat/chat.h"
#include "core/common/format.h"

namespace likecast {
namespace {

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST_CASE("test model is valid") { CHECK(testing::ChatTestModel().Validate() == ""); }

TEST_CASE("conversation: inputs persist and a new value replaces the old") {
  Conversation chat(&testing::ChatTestModel());
  chat.Send("30k views, 900 shares");
  chat.Send("40 comments");
  const ChatReply reply = chat.Send("actually it's 25k views");
  CHECK(SlotNumber(reply.slots, ChatSlot::views) == 25000);
  CHECK(SlotNumber(reply.slots, ChatSlot::shares) == 900);
  CHECK(SlotNumber(reply.slots, ChatSlot::comments) == 40);
  CHECK(Contains(reply.text, "25K views instead of 30K views"));
}

TEST_CASE("conversation: reset clears and undo brings it back") {
  Conversation chat(&testing::ChatTestModel());
  chat.Send("30k views, 900 shares");
  const ChatReply cleared = chat.Send("start over");
  CHECK(cleared.intent == Intent::reset);
  CHECK_FALSE(SlotNumber(cleared.slots, ChatSlot::views).has_value());
  CHECK(cleared.asking == ChatSlot::views);
  const ChatReply undone = chat.Send("undo");
  CHECK(undone.intent == Intent::undo);
  CHECK(SlotNumber(undone.slots, ChatSlot::views) == 30000);
  CHECK(SlotNumber(undone.slots, ChatSlot::shares) == 900);
}

TEST_CASE("conversation: undo reverts one change at a time") {
  Conversation chat(&testing::ChatTestModel());
  chat.Send("30k views");
  chat.Send("900 shares");
  chat.Send("1.2k shares");
  CHECK(SlotNumber(chat.Send("undo").slots, ChatSlot::shares) == 900);
  CHECK_FALSE(SlotNumber(chat.Send("undo").slots, ChatSlot::shares).has_value());
  CHECK_FALSE(SlotNumber(chat.Send("undo").slots, ChatSlot::views).has_value());
  const ChatReply nothing = chat.Send("undo");
  CHECK(Contains(nothing.text, "nothing to undo"));
}

TEST_CASE("conversation: a message that changes nothing adds no undo step") {
  Conversation chat(&testing::ChatTestModel());
  chat.Send("30k views");
  chat.Send("30k views");
  chat.Send("why?");
  CHECK(chat.undo_depth() == 1);
}

TEST_CASE("what-if: the delta is the model's difference against the current scenario") {
  Conversation chat(&testing::ChatTestModel());
  chat.Send("30k views, 900 shares, 40 comments");
  ChatSlots base;
  base.inputs.views = 30000;
  base.inputs.shares = 900;
  base.inputs.comments = 40;
  const double before = testing::ChatTestModel().Predict(base.inputs).likes;
  const ChatReply reply = chat.Send("what if I doubled my shares?");
  CHECK(reply.intent == Intent::what_if);
  CHECK(SlotNumber(reply.slots, ChatSlot::shares) == 1800);
  base.inputs.shares = 1800;
  const double after = testing::ChatTestModel().Predict(base.inputs).likes;
  REQUIRE(reply.numbers.has_delta);
  CHECK(reply.numbers.previous_likes == doctest::Approx(before));
  CHECK(reply.numbers.delta_likes == doctest::Approx(after - before));
  CHECK(Contains(reply.text, FormatCount(after - before)));
  CHECK(Contains(reply.text, "1.8K shares instead of 900 shares"));
  CHECK(Contains(reply.text, "undo"));
  // The next question compares against the new scenario, not the first one.
  const ChatReply next = chat.Send("what if comments were 600");
  CHECK(next.numbers.previous_likes == doctest::Approx(after));
  CHECK(SlotNumber(next.slots, ChatSlot::shares) == 1800);
}

TEST_CASE("what-if: a relative change to an unknown input starts from the assumed value") {
  Conversation chat(&testing::ChatTestModel());
  const ChatReply first = chat.Send("50k views");
  const double assumed_shares = first.numbers.used.shares;
  const ChatReply reply = chat.Send("double the shares");
  CHECK(SlotNumber(reply.slots, ChatSlot::shares) == doctest::Approx(2 * assumed_shares));
}

TEST_CASE("what-if: without views there is nothing to change by a percentage") {
  Conversation chat(&testing::ChatTestModel());
  const ChatReply reply = chat.Send("double my shares");
  CHECK_FALSE(SlotNumber(reply.slots, ChatSlot::shares).has_value());
  CHECK(Contains(reply.text, "I first need the video's views"));
}

TEST_CASE("what-if: a change before views, in words") {
  const std::pair<const char*, const char*> cases[] = {
      {"what if shares doubled?", "To see what doubling the shares does, I first need the video's views."},
      {"halve my comments", "To see what halving the comments does,"},
      {"3x the downloads", "To see what tripling the downloads does,"},
      {"+20% views", "To see what raising the views by 20% does,"},
      {"cut comments by 30%", "To see what cutting the comments by 30% does,"},
      {"10k more shares", "To see what adding 10K shares does,"},
      {"what if the video was 15 s shorter", "To see what making the video 15 s shorter does,"},
  };
  for (const auto& test_case : cases) {
    Conversation chat(&testing::ChatTestModel());
    const std::string text = chat.Send(test_case.first).text;
    INFO("message: " << test_case.first << "\nreply: " << text);
    CHECK(Contains(text, test_case.second));
  }
}

TEST_CASE("missing inputs: predicted anyway, with the assumed values and a question") {
  Conversation chat(&testing::ChatTestModel());
  const ChatReply reply = chat.Send("10k views, 300 shares");
  REQUIRE(reply.numbers.has_prediction);
  const Prediction p = testing::ChatTestModel().Predict(reply.slots.inputs);
  CHECK(reply.numbers.likes == doctest::Approx(p.likes));
  CHECK(reply.numbers.assumed == p.assumed);
  CHECK(Contains(reply.text, "I assumed what's typical for videos with 10K views"));
  CHECK(Contains(reply.text, FormatCount(p.used.comments) + " comments"));
  CHECK(Contains(reply.text, FormatCount(p.used.downloads) + " downloads"));
  CHECK(Contains(reply.text, FormatDuration(p.used.duration_sec)));
  CHECK(Contains(reply.text, "an unverified account"));
  REQUIRE(reply.asking.has_value());
  CHECK(*reply.asking != ChatSlot::shares);
  CHECK(*reply.asking != ChatSlot::views);
}

TEST_CASE("missing inputs: the question asked is the input that moves the prediction most") {
  Conversation chat(&testing::ChatTestModel());
  const ChatReply reply = chat.Send("10k views");
  // The test model weighs the share rate most (0.4 against 0.15 for comments and 0.1 for downloads).
  CHECK(reply.asking == ChatSlot::shares);
  CHECK(Contains(reply.text, "How many shares did it get?"));
  const ChatReply answered = chat.Send("250");
  CHECK(SlotNumber(answered.slots, ChatSlot::shares) == 250);
}

TEST_CASE("missing inputs: a yes or no answers the verified question") {
  Conversation chat(&testing::ChatTestModel());
  const ChatReply nope = chat.Send("nope");
  CHECK_FALSE(SlotNumber(nope.slots, ChatSlot::verified).has_value());   // nothing was asked yet
  ChatReply reply = chat.Send("10k views, 300 shares, 20 comments, 40 downloads, 25s");
  REQUIRE(reply.asking == ChatSlot::verified);
  reply = chat.Send("yes");
  CHECK(SlotNumber(reply.slots, ChatSlot::verified) == 1);
  CHECK(Contains(reply.text, "With a verified account"));
  // Asked once: the question does not come back.
  reply = chat.Send("22 comments");
  CHECK_FALSE(reply.asking.has_value());
}

TEST_CASE("missing inputs: the assumed values are told again only when views change") {
  Conversation chat(&testing::ChatTestModel());
  CHECK(Contains(chat.Send("10k views").text, "I assumed"));
  CHECK_FALSE(Contains(chat.Send("300 shares").text, "I assumed"));
  CHECK(Contains(chat.Send("20k views").text, "I assumed what's typical for videos with 20K views"));
}

TEST_CASE("missing inputs: without views, views are asked for") {
  Conversation chat(&testing::ChatTestModel());
  const ChatReply reply = chat.Send("300 shares and 20 comments");
  CHECK_FALSE(reply.numbers.has_prediction);
  CHECK(reply.asking == ChatSlot::views);
  CHECK(Contains(reply.text, "How many views does the video have?"));
  CHECK(SlotNumber(reply.slots, ChatSlot::shares) == 300);
}

TEST_CASE("replies: the range is always shown with the prediction") {
  Conversation chat(&testing::ChatTestModel());
  for (const char* message : {"120k views", "3.4k shares", "what if shares doubled", "undo", "verified"}) {
    const ChatReply reply = chat.Send(message);
    INFO(message << ": " << reply.text);
    REQUIRE(reply.numbers.has_prediction);
    CHECK(reply.numbers.p10 <= reply.numbers.likes);
    CHECK(reply.numbers.likes <= reply.numbers.p90);
    CHECK(Contains(reply.text, "likely " + FormatCount(reply.numbers.p10) + " to " + FormatCount(reply.numbers.p90)));
  }
}

TEST_CASE("actual likes: compared with the range") {
  Conversation chat(&testing::ChatTestModel());
  const ChatReply base = chat.Send("100k views, 5k shares, 80 comments, 300 downloads, 30s");
  const double p10 = base.numbers.p10;
  const double p90 = base.numbers.p90;

  const ChatReply above = chat.Send(FormatPlain(std::round(p90 * 2)) + " likes");
  CHECK(Contains(above.text, "above the range: better than about"));
  REQUIRE(above.numbers.actual_percentile.has_value());
  CHECK(*above.numbers.actual_percentile > 90);

  const ChatReply below = chat.Send(FormatPlain(std::round(p10 / 2)) + " likes");
  CHECK(Contains(below.text, "below the range"));
  CHECK(*below.numbers.actual_percentile < 10);

  const ChatReply within = chat.Send(FormatPlain(std::round(base.numbers.likes)) + " likes");
  CHECK(Contains(within.text, "within the range"));
  CHECK(*within.numbers.actual_percentile > 30);
  CHECK(*within.numbers.actual_percentile < 70);
}

TEST_CASE("actual likes: after a what-if, the reply says what they are compared with") {
  Conversation chat(&testing::ChatTestModel());
  chat.Send("20k views, 500 shares, 90 comments");
  chat.Send("what if comments were 300");
  const ChatReply in_scenario = chat.Send("it got 6.1k likes");
  CHECK(Contains(in_scenario.text, "compares them with the what-if scenario"));
  chat.Send("undo");
  const ChatReply real = chat.Send("is that good?");
  CHECK(SlotNumber(real.slots, ChatSlot::comments) == 300);   // the first undo took back the likes
  chat.Send("undo");
  const ChatReply back = chat.Send("6.1k likes");
  CHECK(SlotNumber(back.slots, ChatSlot::comments) == 90);
  CHECK_FALSE(Contains(back.text, "what-if scenario"));
  Conversation restored(&testing::ChatTestModel());
  chat.Send("what if comments were 300");
  REQUIRE(restored.RestoreJson(chat.SaveJson()) == "");
  CHECK(Contains(restored.Send("is that good?").text, "what-if scenario"));
}

TEST_CASE("actual likes: 'is that good?' compares again") {
  Conversation chat(&testing::ChatTestModel());
  chat.Send("100k views and 30k likes");
  const ChatReply reply = chat.Send("is that good?");
  CHECK(Contains(reply.text, "Your 30K likes are"));
}

TEST_CASE("unusual values: more shares than views is mentioned") {
  Conversation chat(&testing::ChatTestModel());
  const ChatReply reply = chat.Send("views: 80000, shares: 120000");
  CHECK(Contains(reply.text, "120K shares is more than the 80K views"));
  CHECK(reply.numbers.has_prediction);
}

TEST_CASE("unused counts: the reply says LikeCast does not use them") {
  Conversation chat(&testing::ChatTestModel());
  const ChatReply reply = chat.Send("I have 50k followers and my video has 20k views");
  CHECK(Contains(reply.text, "LikeCast doesn't use 50K followers"));
  CHECK(reply.numbers.has_prediction);
}

TEST_CASE("explain: from the model's attribution") {
  Conversation chat(&testing::ChatTestModel());
  chat.Send("80k views, 200 shares, 10 comments");
  const ChatReply reply = chat.Send("why is the prediction so low?");
  CHECK(reply.intent == Intent::explain);
  CHECK(Contains(reply.text, "A typical video with 80K views"));
  CHECK(Contains(reply.text, "shares"));
}

TEST_CASE("tips: ranked recommendations from the model") {
  Conversation chat(&testing::ChatTestModel());
  chat.Send("80k views, 200 shares, 10 comments, 30 downloads, 30s");
  const ChatReply reply = chat.Send("how can I get more likes?");
  CHECK(reply.intent == Intent::tips);
  CHECK(Contains(reply.text, "would add the most likes"));
  CHECK(Contains(reply.text, "1. "));
}

TEST_CASE("tips: without views, general advice and a question") {
  Conversation chat(&testing::ChatTestModel());
  const ChatReply reply = chat.Send("any tips?");
  CHECK(Contains(reply.text, "Likes follow engagement"));
  CHECK(reply.asking == ChatSlot::views);
}

TEST_CASE("benchmark: typical rate and where the video sits") {
  Conversation chat(&testing::ChatTestModel());
  const ChatReply general = chat.Send("what's a good share rate?");
  CHECK(Contains(general.text, "The typical share rate for all videos is"));
  chat.Send("50k views, 500 shares");
  const ChatReply mine = chat.Send("what's a good share rate?");
  CHECK(Contains(mine.text, "Yours, 1%, is at P"));
  const ChatReply rate = chat.Send("is a 5% share rate good?");
  CHECK(Contains(rate.text, "Yours, 5%, is at P"));
}

TEST_CASE("benchmark: video length") {
  Conversation chat(&testing::ChatTestModel());
  const ChatReply reply = chat.Send("how long should my video be?");
  CHECK(reply.intent == Intent::benchmark);
  CHECK(Contains(reply.text, "the typical length is"));
}

TEST_CASE("small talk: greetings get help, thanks get a short answer") {
  Conversation chat(&testing::ChatTestModel());
  CHECK(Contains(chat.Send("hello").text, "Hi! I'm LikeCast."));
  const ChatReply thanks = chat.Send("thanks!");
  CHECK(Contains(thanks.text, "You're welcome"));
  CHECK_FALSE(Contains(thanks.text, "For example"));
}

TEST_CASE("no model: understood and stored, but no prediction") {
  Conversation chat(nullptr);
  const ChatReply reply = chat.Send("10k views");
  CHECK(SlotNumber(reply.slots, ChatSlot::views) == 10000);
  CHECK_FALSE(reply.numbers.has_prediction);
  CHECK(Contains(reply.text, "No model is loaded"));
}

TEST_CASE("sliders: set slots directly, in sync with the chat") {
  Conversation chat(&testing::ChatTestModel());
  chat.Send("30k views, 900 shares");
  for (double shares : {1000.0, 1200.0, 1500.0}) chat.SetSlot(ChatSlot::shares, shares);
  CHECK(SlotNumber(chat.slots(), ChatSlot::shares) == 1500);
  const ChatReply reply = chat.Send("what if comments were 600");
  CHECK(SlotNumber(reply.slots, ChatSlot::shares) == 1500);
  chat.Send("undo");
  // One drag is one undo step: the second undo goes from 1.5K straight back to 900.
  CHECK(SlotNumber(chat.Send("undo").slots, ChatSlot::shares) == 900);
}

TEST_CASE("sliders: numbers and a rejected value") {
  Conversation chat(&testing::ChatTestModel());
  chat.Send("30k views");
  const ChatReply set = chat.SetSlot(ChatSlot::shares, 2000);
  CHECK(set.numbers.has_prediction);
  CHECK(set.numbers.has_delta);
  CHECK(Contains(set.text, "Set 2K shares"));
  const ChatReply bad = chat.SetSlot(ChatSlot::views, -1);
  CHECK(bad.rejected == std::vector<ChatSlot>{ChatSlot::views});
  CHECK(SlotNumber(chat.slots(), ChatSlot::views) == 30000);
  chat.SetSlot(ChatSlot::shares, std::nullopt);
  CHECK_FALSE(SlotNumber(chat.slots(), ChatSlot::shares).has_value());
}

TEST_CASE("state JSON: save and restore keep slots, undo history, transcript and the question") {
  Conversation chat(&testing::ChatTestModel());
  chat.Send("30k views, 900 shares, verified, under review");
  chat.Send("what if shares doubled?");
  Conversation restored(&testing::ChatTestModel());
  REQUIRE(restored.RestoreJson(chat.SaveJson()) == "");
  CHECK(SameSlots(restored.slots(), chat.slots()));
  CHECK(restored.undo_depth() == chat.undo_depth());
  CHECK(restored.transcript().size() == chat.transcript().size());
  CHECK(restored.transcript().front().text == "30k views, 900 shares, verified, under review");
  CHECK(SlotNumber(restored.Send("undo").slots, ChatSlot::shares) == 900);
}

TEST_CASE("state JSON: the question asked survives") {
  Conversation chat(&testing::ChatTestModel());
  chat.Send("how many likes will I get?");
  Conversation restored(&testing::ChatTestModel());
  REQUIRE(restored.RestoreJson(chat.SaveJson()) == "");
  CHECK(SlotNumber(restored.Send("25k").slots, ChatSlot::views) == 25000);
}

TEST_CASE("state JSON: corrupt or invalid state is reported and changes nothing") {
  Conversation chat(&testing::ChatTestModel());
  chat.Send("30k views");
  const std::string saved = chat.SaveJson();
  CHECK(Contains(chat.RestoreJson(saved.substr(0, saved.size() / 2)), "not valid JSON"));
  CHECK(Contains(chat.RestoreJson("[1, 2]"), "not a LikeCast chat"));
  CHECK(Contains(chat.RestoreJson(R"({"format": "likecast-chat", "version": 9, "slots": {}})"), "unsupported version"));
  CHECK(chat.RestoreJson(R"({"format": "likecast-chat", "version": 1, "slots": {"views": -5}})") ==
        "slots.views: -5 views is not possible: views must be between 0 and 10B");
  CHECK(chat.RestoreJson(R"({"format": "likecast-chat", "version": 1, "slots": {"views": "many"}})") ==
        "slots.views must be a number");
  CHECK(chat.RestoreJson(R"({"format": "likecast-chat", "version": 1, "slots": {"follows": 5}})") ==
        "slots has an unknown slot \"follows\"");
  CHECK(chat.RestoreJson(R"({"format": "likecast-chat", "version": 1, "slots": {}, "history": [{"verified": 1}]})") ==
        "history[0].verified must be true or false");
  CHECK(Contains(chat.RestoreJson(R"({"format": "likecast-chat", "version": 1, "slots": {}, "transcript": [5]})"),
                 "transcript[0] must be"));
  CHECK(Contains(chat.RestoreJson(R"({"format": "likecast-chat", "version": 1, "slots": {}, "asking": "fans"})"),
                 "\"asking\" must name a slot"));
  CHECK(SlotNumber(chat.slots(), ChatSlot::views) == 30000);
  CHECK(chat.SaveJson() == saved);
}

TEST_CASE("transcript: both sides are kept, bounded") {
  ChatOptions options;
  options.max_transcript = 4;
  Conversation chat(&testing::ChatTestModel(), options);
  for (int i = 1; i <= 5; ++i) chat.Send(std::to_string(i) + "k views");
  REQUIRE(chat.transcript().size() == 4);
  CHECK(chat.transcript()[2].from_user);
  CHECK(chat.transcript()[2].text == "5k views");
  CHECK_FALSE(chat.transcript()[3].from_user);
}

}  // namespace
}  // namespace likecast
