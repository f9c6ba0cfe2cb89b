// The chat engine: parses what a creator types about a video, keeps the
// conversation (the video's inputs, undo history, transcript) and replies with
// the model's numbers. Platform-free, so the page and `likecast chat` share it.
// Index: [SECTION] Slots, [SECTION] Understanding, [SECTION] Conversation.
#pragma once

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/video.h"
#include "core/model/model.h"

namespace likecast {

// ---------------------------------------------------------------------------
// [SECTION] Slots: the video's values the conversation stores
// ---------------------------------------------------------------------------

// One slot: the model's seven inputs plus the likes the video actually got.
enum class ChatSlot { views, shares, comments, downloads, duration_sec, verified, author_status, likes };
constexpr int kChatSlotCount = 8;

const char* ChatSlotName(ChatSlot slot);                          // "views", ..., "author_status", "likes"
std::optional<ChatSlot> ChatSlotFromName(std::string_view name);
const char* ChatSlotNoun(ChatSlot slot);                          // "views", "duration", "account status", ...

struct ChatSlots {
  VideoInputs inputs;
  std::optional<double> likes;    // the video's real likes, compared with the prediction
};

// A slot's value as a number: counts, seconds, 0/1 for verified, the AuthorStatus index. nullopt when unset.
std::optional<double> SlotNumber(const ChatSlots& slots, ChatSlot slot);
void SetSlotNumber(ChatSlots* slots, ChatSlot slot, std::optional<double> value);   // nullopt clears the slot
bool SameSlots(const ChatSlots& a, const ChatSlots& b);

// The values a slot accepts: counts 0 to kMaxCount, duration 1 to kMaxDurationSec seconds.
// Returns "" when `value` is allowed, else a message naming it and the range,
// e.g. "-500 views is not possible: views must be between 0 and 10B".
std::string CheckSlotValue(ChatSlot slot, double value);

// A slot's value as a creator reads it: "35.2K views", "a 45 s video", "a verified account".
std::string DescribeSlot(ChatSlot slot, double value);

// ---------------------------------------------------------------------------
// [SECTION] Understanding one message
// ---------------------------------------------------------------------------

enum class Intent { predict, what_if, explain, tips, benchmark, help, reset, undo };
const char* IntentName(Intent intent);                            // "predict", "what_if", ...

// The kind of change a message makes to one slot.
enum class ChangeKind {
  set,      // "600 comments", "verified": the value replaces the old one
  scale,    // "double my shares", "+20% views": the value is a factor
  add,      // "10k more views", "another 500 shares": the value is added (negative: removed)
};

struct SlotChange {
  ChatSlot slot = ChatSlot::views;
  ChangeKind kind = ChangeKind::set;
  double value = 0;          // see ChangeKind; verified is 0/1 and author_status the AuthorStatus index
  std::string text;          // the words it came from, lower case: "3.4k", "doubled", "no"
  bool approximate = false;  // "about 5k", "7k+", "~300"
};

// A value the message gave that cannot be stored: negative, not finite.
struct RejectedValue {
  ChatSlot slot = ChatSlot::views;
  std::string message;       // "-500 views is not possible: views must be between 0 and 10B"
};

struct ParsedMessage {
  std::optional<Intent> intent;             // an intent the words ask for; nullopt: decided by the conversation
  bool hypothetical = false;                // "what if", "suppose", "imagine"
  std::vector<SlotChange> changes;          // in the order written; a later change to a slot wins
  std::vector<RejectedValue> rejected;
  std::vector<std::string> unused_counts;   // counts LikeCast does not use: "followers", "saves", "hashtags"
  std::vector<std::string> unknown_numbers; // numbers whose meaning was not found, as typed: "300"
  std::vector<std::string> notes;           // readings worth telling: "took 50K-60K as 55K"
  std::optional<ChatSlot> topic;            // what a benchmark question is about: "share rate" -> shares
  std::optional<double> topic_rate;         // a rate to place among similar videos: "is 5% good?" -> 0.05
  bool greeting = false;                    // "hi", "hello"
  bool thanks = false;                      // "thanks", "ok", "cool"
  bool too_long = false;                    // longer than ParseOptions::max_message_bytes: nothing was read
};

struct ParseOptions {
  size_t max_message_bytes = 2000;          // longer messages are not read, and the reply tells the user
  std::optional<ChatSlot> expected_slot;    // the slot the last reply asked for: "25k" alone fills it
};

// Reads one message. Linear in its length; a message longer than max_message_bytes is not read at all.
ParsedMessage ParseMessage(std::string_view message, const ParseOptions& options = {});

// ---------------------------------------------------------------------------
// [SECTION] Conversation: state, replies, undo, save and restore
// ---------------------------------------------------------------------------

// The numbers behind a reply, for the page to show next to the text.
struct ChatNumbers {
  bool has_prediction = false;              // views are known and a model is loaded
  double likes = 0;                         // the prediction for the current slots
  double p10 = 0;                           // the likely range: 10% of similar videos get fewer
  double p90 = 0;                           // and 10% get more
  CompleteInputs used;                      // the inputs after filling the unknown ones
  std::vector<InputField> assumed;          // the inputs that were unknown and filled with typical values

  bool has_delta = false;                   // the message changed the slots and both sides have a prediction
  double previous_likes = 0;                // the prediction before the message
  double delta_likes = 0;                   // likes - previous_likes

  std::optional<double> actual_percentile;  // with real likes: share of similar videos they beat, 0-100
};

struct ChatReply {
  Intent intent = Intent::help;
  std::string text;                         // what the chat shows, plain text, lines separated by '\n'
  ChatSlots slots;                          // the slots after the message
  std::vector<ChatSlot> changed;            // the slots the message changed
  std::vector<ChatSlot> rejected;           // the slots whose value was refused and not stored
  ChatNumbers numbers;
  std::optional<ChatSlot> asking;           // the slot the reply requests next
};

struct ChatTurn {
  bool from_user = false;
  std::string text;
};

struct ChatOptions {
  size_t max_message_bytes = 2000;          // see ParseOptions
  size_t max_undo = 50;                     // older changes drop out of the undo history
  size_t max_transcript = 200;              // turns kept (and saved); older ones drop out
  // Largest saved state RestoreJson reads. SaveJson drops the oldest turns of a state that would be larger
  // (long replies can make it so), so every saved state restores.
  size_t max_state_bytes = 2u << 20;
};

class Conversation {
 public:
  // `model` may be null: the conversation then understands and stores, but cannot predict.
  // The model must outlive the conversation (or be replaced with SetModel first).
  explicit Conversation(const Model* model = nullptr, ChatOptions options = {});

  ChatReply Send(std::string_view message);             // one message from the creator

  // Sets one slot directly, as the page's sliders do; nullopt clears it. Consecutive calls on the
  // same slot make one undo step, so dragging a slider is undone at once. The reply contains the
  // numbers and a short text ("Set 1.8K shares. Now about ..."). Nothing is added to the transcript,
  // so the page decides whether to show the text.
  ChatReply SetSlot(ChatSlot slot, std::optional<double> value);

  ChatReply Current() const;                            // the numbers for the current slots, no text
  void SetModel(const Model* model) { model_ = model; }

  const ChatSlots& slots() const { return slots_; }
  const std::deque<ChatTurn>& transcript() const { return transcript_; }
  size_t undo_depth() const { return history_.size(); }

  // The state as JSON (slots, undo history, transcript, the slot asked for), and back.
  // Restore returns "" on success. On failure the state is unchanged and the error names the problem,
  // e.g. "slots.views must be a number". A state over max_state_bytes is rejected unread; of a longer
  // history or transcript only the newest max_undo steps and max_transcript turns are read and kept.
  std::string SaveJson() const;
  std::string RestoreJson(std::string_view json);

 private:
  struct Step;
  ChatReply Reply(Intent intent, const ChatSlots& before, const ParsedMessage& parsed, const Step& step);
  void PushHistory(const ChatSlots& before, std::optional<ChatSlot> slider);
  void AddTurn(bool from_user, std::string text);

  const Model* model_ = nullptr;
  ChatOptions options_;
  ChatSlots slots_;
  std::deque<ChatSlots> history_;           // the slots before each change, newest last
  std::optional<ChatSlot> slider_slot_;     // the slot the last undo step was a slider drag on
  std::optional<ChatSlot> asking_;
  unsigned asked_ = 0;                      // bit per ChatSlot: asked once already, so not asked again
  std::optional<size_t> what_if_depth_;     // undo depth before the first what-if still in effect
  std::deque<ChatTurn> transcript_;
};

}  // namespace likecast
