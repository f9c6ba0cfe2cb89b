// The video's length in the chat: hours next to "duration" or "long" are read,
// an impossible length is rejected in words with a likely meaning, and a
// possible length far from the training videos' lengths gets a note.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/advice/benchmarks.h"
#include "core/chat/chat.h"
#include "core/chat/replies.h"

namespace likecast {
namespace {

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

ChatReply SendOne(const std::string& message) {
  Conversation conversation;
  return conversation.Send(message);
}

TEST_CASE("length: hours next to a length word are the video's length") {
  for (const char* message : {"duration 2 hours", "duration 3h", "a 1.5 hour video", "it's 2 hours long"}) {
    INFO("message: " << message);
    const ChatReply reply = SendOne(message);
    CHECK(reply.rejected == std::vector<ChatSlot>{ChatSlot::duration_sec});
  }
  CHECK(SlotNumber(SendOne("length: 1h").slots, ChatSlot::duration_sec) == 3600);
}

TEST_CASE("length: hours that are not the video's length") {
  const ChatReply in_hours = SendOne("got 10k views in 2 hours");
  CHECK(in_hours.rejected.empty());
  CHECK_FALSE(SlotNumber(in_hours.slots, ChatSlot::duration_sec).has_value());
  const ChatReply ago = SendOne("posted 3 hours ago, 5k views");
  CHECK(ago.rejected.empty());
  CHECK_FALSE(SlotNumber(ago.slots, ChatSlot::duration_sec).has_value());
}

TEST_CASE("length: an impossible length is named in words with a likely meaning") {
  const ChatReply hours = SendOne("20k views, duration 2 hours");
  CHECK(Contains(hours.text, "A video of 2 hours is not possible: TikTok videos last between 1 second and 60 minutes. "
                             "Did you mean 2 minutes? I kept the rest of your message."));
  CHECK(SlotNumber(hours.slots, ChatSlot::views) == 20000);
  CHECK(Contains(SendOne("it's 90 minutes long").text, "A video of 1.5 hours is not possible"));
  CHECK(Contains(SendOne("it's 90 minutes long").text, "Did you mean 90 seconds?"));
  CHECK(Contains(SendOne("duration 61 minutes").text, "A video of 61 minutes is not possible"));
  CHECK(Contains(SendOne("0.5 s long").text, "A video of 0.5 seconds is not possible"));
  CHECK_FALSE(Contains(SendOne("0.5 s long").text, "Did you mean"));
  CHECK_FALSE(Contains(SendOne("0.5 s long").text, "?."));
}

TEST_CASE("length: a length the model rarely saw gets a note") {
  // Benchmarks of videos lasting 10 to 60 seconds; the note needs nothing else from the model.
  std::vector<VideoRecord> rows;
  for (int i = 0; i < 500; ++i) {
    VideoRecord row;
    row.likes = 100;
    row.inputs.views = 1000 + i;
    row.inputs.duration_sec = 10 + i % 51;
    rows.push_back(row);
  }
  Model model;
  model.benchmarks = ComputeBenchmarks(rows);
  const BenchmarkGroup& all = OverallBenchmark(model.benchmarks);
  const double longest = all.At(BenchmarkMetric::duration_sec, 95);
  const double shortest = all.At(BenchmarkMetric::duration_sec, 5);

  ChatSlots slots;
  slots.inputs.duration_sec = 45;
  CHECK(chat::LengthNote(model, slots) == "");
  slots.inputs.duration_sec = 2 * longest;
  CHECK(chat::LengthNote(model, slots) == "");
  slots.inputs.duration_sec = 600;
  CHECK(Contains(chat::LengthNote(model, slots), "the effect of a 10:00 length is a rough guess"));
  slots.inputs.duration_sec = shortest / 2 - 1;
  CHECK(Contains(chat::LengthNote(model, slots), "rough guess"));
}

}  // namespace
}  // namespace likecast
