// Replies a new creator found confusing. Misspelt count nouns are read and
// noted, a number left unread is named, and a relative change to an input
// never given starts from its typical value. "why?" uses verbs that agree with
// their subject and calls estimated downloads estimated, not typical, and a
// like rate from the prediction is called predicted. Views far outside the
// training videos get a note that the prediction is an extrapolation, and an
// input the model never learned about is neither assumed nor asked for.
#include <doctest/doctest.h>

#include <string>

#include "core/chat/chat.h"
#include "test_model.h"

namespace likecast {
namespace {

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST_CASE("replies: a misspelt count noun after a number is read and told") {
  Conversation chat;
  const ChatReply reply = chat.Send("120k vews 3400 shares 560 coments");
  CHECK(SlotNumber(reply.slots, ChatSlot::views) == 120000);
  CHECK(SlotNumber(reply.slots, ChatSlot::comments) == 560);
  CHECK(Contains(reply.text, "I read \"vews\" as views."));
  CHECK(Contains(reply.text, "I read \"coments\" as comments."));
}

TEST_CASE("replies: words one slip from likes are not read as likes") {
  Conversation chat;
  const ChatReply reply = chat.Send("2 lines");
  CHECK_FALSE(SlotNumber(reply.slots, ChatSlot::likes).has_value());
}

TEST_CASE("replies: an unread number is told even when others were read") {
  Conversation chat;
  const ChatReply reply = chat.Send("30k views and 45 froggies");
  CHECK(SlotNumber(reply.slots, ChatSlot::views) == 30000);
  CHECK(Contains(reply.text, "I'm not sure what 45 counts."));
}

TEST_CASE("replies: texting shorthand ties a field to its number") {
  Conversation chat;
  CHECK(SlotNumber(chat.Send("shares r like 6k").slots, ChatSlot::shares) == 6000);
}

TEST_CASE("replies: my videos is no unused count") {
  Conversation chat;
  CHECK_FALSE(Contains(chat.Send("how long should my videos be").text, "doesn't use"));
  CHECK(Contains(chat.Send("I have 40 videos").text, "doesn't use 40 videos"));
}

TEST_CASE("replies: relative change starts from the typical value") {
  Conversation chat(&testing::ChatTestModel());
  chat.Send("300k views");
  const ChatReply reply = chat.Send("and +20% shares");
  CHECK(Contains(reply.text, "You haven't given the shares, so I started from the typical "));
}

// The verb after "SUBJECT (typical: ...) " in an explanation, or "" when the subject is not there.
std::string VerbAfter(const std::string& text, const std::string& subject) {
  const size_t start = text.find(subject + " (typical: ");
  if (start == std::string::npos) return "";
  const size_t close = text.find(") ", start);
  if (close == std::string::npos) return "";
  const std::string rest = text.substr(close + 2);
  if (rest.rfind("takes away", 0) == 0) return "takes away";
  if (rest.rfind("take away", 0) == 0) return "take away";
  return rest.substr(0, rest.find(' '));
}

TEST_CASE("replies: why? uses a verb that agrees with each input") {
  Conversation chat(&testing::ChatTestModel());
  chat.Send("80k views, 200 shares, 1 comment, 9k downloads, a 50 s video");
  const std::string text = chat.Send("why?").text;
  INFO("reply: " << text);
  for (const char* plural : {"200 shares", "9K downloads"}) {
    const std::string verb = VerbAfter(text, plural);
    if (verb.empty()) continue;   // a part under 1% of the typical likes is left out
    CHECK((verb == "add" || verb == "take away"));
  }
  for (const char* singular : {"1 comment", "A 50 s video", "a 50 s video"}) {
    const std::string verb = VerbAfter(text, singular);
    if (verb.empty()) continue;
    CHECK((verb == "adds" || verb == "takes away"));
  }
  CHECK_FALSE(VerbAfter(text, "200 shares").empty());
}

// The chat test model with downloads estimated as equal to the shares, so that giving the shares moves the
// estimated downloads away from the typical video's.
const Model& DownloadsFromSharesModel() {
  static const Model model = [] {
    Model copy = testing::MakeChatTestModel();
    copy.imputer.download_regression = {0.0, 1.0, 0.0, 0.0};
    return copy;
  }();
  return model;
}

// The line of `text` that contains `part`, or "".
std::string LineWith(const std::string& text, const std::string& part) {
  const size_t at = text.find(part);
  if (at == std::string::npos) return "";
  const size_t start = text.rfind('\n', at);
  const size_t begin = start == std::string::npos ? 0 : start + 1;
  return text.substr(begin, text.find('\n', at) - begin);
}

TEST_CASE("replies: why? names estimated downloads") {
  Conversation chat(&DownloadsFromSharesModel());
  const std::string first = chat.Send("80k views 2k shares").text;
  INFO("first reply: " << first);
  CHECK(Contains(first, "I estimated 2K downloads from your views and shares."));
  CHECK_FALSE(Contains(LineWith(first, "I assumed what's typical"), "downloads,"));

  const std::string why = chat.Send("why is the prediction so low?").text;
  INFO("why reply: " << why);
  CHECK(Contains(why, "Downloads were estimated from your views and shares, not set to the typical value."));
  const std::string typical = LineWith(why, "assumed typical");
  CHECK(Contains(typical, "Comments and duration are assumed typical"));
  CHECK_FALSE(Contains(typical, "downloads"));
}

TEST_CASE("replies: note on views outside training") {
  Model model = testing::ChatTestModel();
  CurvePoint lowest_bin, highest_bin;
  lowest_bin.low = 20;
  lowest_bin.high = 500;
  highest_bin.low = 100000;
  highest_bin.high = 999800;
  model.insights.views_curve = {lowest_bin, highest_bin};
  Conversation huge(&model);
  const std::string reply = huge.Send("5 billion views").text;
  CAPTURE(reply);
  CHECK(Contains(reply, "Note: the videos LikeCast learned from have 20 to 999.8K views, so for 5B views the "
                        "prediction is an extrapolation: read it as a rough guess."));
  Conversation tiny(&model);
  CHECK(Contains(tiny.Send("8 views").text, "so for 8 views the prediction is an extrapolation"));
  Conversation usual(&model);
  const std::string usual_reply = usual.Send("50k views").text;
  CAPTURE(usual_reply);
  CHECK_FALSE(Contains(usual_reply, "extrapolation"));
  CHECK_FALSE(Contains(usual.Send("what if shares doubled").text, "extrapolation"));
}

TEST_CASE("replies: unlearned inputs not assumed") {
  Model model = testing::ChatTestModel();
  model.features.scaling[4].std = kConstantFeatureStd;   // as if trained on a file without durations
  Conversation chat(&model);
  const std::string reply = chat.Send("50k views, 1k shares, 100 comments, 200 downloads").text;
  CAPTURE(reply);
  CHECK(Contains(reply, "The model's training videos gave it nothing to learn about the duration (every one had the "
                        "same value), so it does not change the prediction."));
  CHECK_FALSE(Contains(reply, " s video"));
  CHECK_FALSE(Contains(reply, "How long is the video?"));
  const std::string length_reply = chat.Send("it is 30 seconds long").text;
  CHECK(Contains(length_reply, "Note: this model's training videos had no lengths to learn from, so the length does "
                               "not change the prediction."));
}

TEST_CASE("replies: why? with only views") {
  Conversation chat(&DownloadsFromSharesModel());
  chat.Send("80k views");
  const std::string why = chat.Send("why?").text;
  INFO("why reply: " << why);
  CHECK(Contains(why, "Shares, comments, downloads and duration are assumed typical, so they add nothing here."));
  CHECK_FALSE(Contains(why, "estimated"));
}

TEST_CASE("replies: a like rate from the prediction is named predicted") {
  Conversation chat(&testing::ChatTestModel());
  chat.Send("80k views");
  CHECK(Contains(chat.Send("what's a good like rate?").text, "Your predicted like rate, "));
  chat.Send("4k shares");
  const std::string actual = chat.Send("what's a good share rate?").text;
  INFO("reply: " << actual);
  CHECK(Contains(actual, "Yours, 5%, is at P"));
  CHECK_FALSE(Contains(actual, "predicted"));
}

TEST_CASE("replies: a correction keeps the what-if scenario") {
  Conversation chat(&testing::ChatTestModel());
  chat.Send("85k views, 2.1k shares, 140 comments");
  chat.Send("what if i had 5000 shares");
  const ChatReply reply = chat.Send("actually comments were 410, and it ended up with 21k likes");
  CHECK(SlotNumber(reply.slots, ChatSlot::shares) == 5000);
  CHECK(Contains(reply.text, "compares them with the what-if scenario, not your video"));
  chat.Send("undo");
  chat.Send("undo");
  CHECK_FALSE(Contains(chat.Send("21k likes").text, "what-if scenario"));
}

}  // namespace
}  // namespace likecast
