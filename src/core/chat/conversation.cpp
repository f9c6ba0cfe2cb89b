// The conversation (see chat.h): applies what each message changes to the
// slots, keeps the undo history, and picks the sentences of the reply.
#include <algorithm>
#include <cmath>

#include "core/chat/chat.h"
#include "core/chat/replies.h"
#include "core/common/format.h"

namespace likecast {

// The effect of one message on the slots, for the reply.
struct Conversation::Step {
  std::vector<ChatSlot> changed;
  std::vector<std::string> rejected_messages;
  std::vector<ChatSlot> rejected;
  std::vector<std::string> notes;
  bool undone = false;
  bool nothing_to_undo = false;
};

namespace {

bool IsCount(ChatSlot slot) {
  return slot == ChatSlot::shares || slot == ChatSlot::comments || slot == ChatSlot::downloads ||
         slot == ChatSlot::views || slot == ChatSlot::likes;
}

// The base a relative change starts from: the slot's value, or the value the model assumed for it.
std::optional<double> BaseFor(const ChatSlots& slots, const ChatNumbers& numbers, ChatSlot slot) {
  if (const std::optional<double> value = SlotNumber(slots, slot)) return value;
  if (!numbers.has_prediction) return std::nullopt;
  switch (slot) {
    case ChatSlot::shares: return numbers.used.shares;
    case ChatSlot::comments: return numbers.used.comments;
    case ChatSlot::downloads: return numbers.used.downloads;
    case ChatSlot::duration_sec: return numbers.used.duration_sec;
    default: return std::nullopt;
  }
}

// Describes a relative change as the object of "To see what ... does", for example "doubling the shares",
// "raising the views by 20%", "adding 10K comments" or "making the video 15 s shorter".
std::string ChangeInWords(const SlotChange& change) {
  const double value = change.value;
  if (change.slot == ChatSlot::duration_sec) {
    if (change.kind == ChangeKind::add) {
      return "making the video " + FormatDuration(std::fabs(value)) + (value >= 0 ? " longer" : " shorter");
    }
    if (value == 2) return "making the video twice as long";
    if (value == 0.5) return "making the video half as long";
    const std::string percent = FormatPlain(std::fabs(value - 1) * 100, 1) + "%";
    return "making the video " + percent + (value >= 1 ? " longer" : " shorter");
  }
  const std::string noun = ChatSlotNoun(change.slot);
  if (change.kind == ChangeKind::add) {
    return (value >= 0 ? "adding " : "removing ") + DescribeSlot(change.slot, std::fabs(value));
  }
  if (value == 2) return "doubling the " + noun;
  if (value == 3) return "tripling the " + noun;
  if (value == 0.5) return "halving the " + noun;
  if (value > 2) return "multiplying the " + noun + " by " + FormatPlain(value, 2);
  const std::string percent = FormatPlain(std::fabs(value - 1) * 100, 1) + "%";
  return (value >= 1 ? "raising the " : "cutting the ") + noun + " by " + percent;
}

// The changed inputs in the slots' order, without likes (a real count, not an input): "1.8K shares instead of 900 shares".
std::string ChangeList(const ChatSlots& before, const ChatSlots& after, std::vector<ChatSlot> changed) {
  std::sort(changed.begin(), changed.end());
  changed.erase(std::remove(changed.begin(), changed.end(), ChatSlot::likes), changed.end());
  std::vector<std::string> parts;
  for (ChatSlot slot : changed) {
    const std::optional<double> now = SlotNumber(after, slot);
    const std::optional<double> then = SlotNumber(before, slot);
    std::string part = now ? DescribeSlot(slot, *now) : std::string("no ") + ChatSlotNoun(slot);
    if (then && now && *then != *now && slot != ChatSlot::verified && slot != ChatSlot::author_status)
      part += " instead of " + DescribeSlot(slot, *then);
    parts.push_back(part);
  }
  std::string text;
  for (size_t i = 0; i < parts.size(); ++i) text += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  return text;
}

}  // namespace

Conversation::Conversation(const Model* model, ChatOptions options) : model_(model), options_(options) {}

void Conversation::PushHistory(const ChatSlots& before, std::optional<ChatSlot> slider) {
  if (slider && slider_slot_ == slider && !history_.empty()) return;   // the same drag: one undo step
  slider_slot_ = slider;
  history_.push_back(before);
  while (history_.size() > options_.max_undo) {
    history_.pop_front();
    if (what_if_depth_ && *what_if_depth_ > 0) --*what_if_depth_;
  }
}

void Conversation::AddTurn(bool from_user, std::string text) {
  transcript_.push_back({from_user, std::move(text)});
  while (transcript_.size() > options_.max_transcript) transcript_.pop_front();
}

ChatReply Conversation::Current() const {
  ChatReply reply;
  reply.slots = slots_;
  chat::PredictInto(model_, slots_, &reply.numbers);
  reply.asking = asking_;
  return reply;
}

ChatReply Conversation::Send(std::string_view message) {
  const size_t kept_bytes = std::min(message.size(), options_.max_message_bytes);
  AddTurn(true, std::string(message.substr(0, kept_bytes)) + (kept_bytes < message.size() ? " [...]" : ""));

  ParseOptions parse_options;
  parse_options.max_message_bytes = options_.max_message_bytes;
  parse_options.expected_slot = asking_;
  const ParsedMessage parsed = ParseMessage(message, parse_options);
  const ChatSlots before = slots_;
  Step step;
  Intent intent = parsed.intent.value_or(Intent::help);

  if (intent == Intent::reset) {
    slots_ = ChatSlots{};
    asking_.reset();
    asked_ = 0;
    what_if_depth_.reset();
  }
  if (intent == Intent::undo) {
    if (history_.empty()) {
      step.nothing_to_undo = true;
    } else {
      slots_ = history_.back();
      history_.pop_back();
      step.undone = true;
    }
    slider_slot_.reset();
  } else if (!parsed.too_long) {
    ChatNumbers base;
    chat::PredictInto(model_, slots_, &base);
    for (const RejectedValue& rejected : parsed.rejected) {
      step.rejected.push_back(rejected.slot);
      step.rejected_messages.push_back(rejected.message);
    }
    for (const SlotChange& change : parsed.changes) {
      double value = change.value;
      if (change.kind != ChangeKind::set) {
        const std::optional<double> start = BaseFor(slots_, base, change.slot);
        if (!start) {
          // The typical value of every other input depends on the views. Likes have no typical value.
          const std::string needed = change.slot == ChatSlot::likes ? "likes" : "views";
          step.notes.push_back("To see what " + ChangeInWords(change) + " does, I first need the video's " + needed +
                               ".");
          continue;
        }
        if (!SlotNumber(slots_, change.slot)) {
          step.notes.push_back("You haven't given the " + std::string(ChatSlotNoun(change.slot)) +
                               ", so I started from the typical " + DescribeSlot(change.slot, *start) + ".");
        }
        value = change.kind == ChangeKind::scale ? *start * value : *start + value;
        if (IsCount(change.slot)) value = std::round(value);
        const std::string problem = CheckSlotValue(change.slot, value);
        if (!problem.empty()) {
          step.rejected.push_back(change.slot);
          step.rejected_messages.push_back(problem + " (" + change.text + " of " +
                                           DescribeSlot(change.slot, *start) + ")");
          continue;
        }
      } else if (IsCount(change.slot)) {
        value = std::round(value);
      }
      SetSlotNumber(&slots_, change.slot, value);
      step.changed.erase(std::remove(step.changed.begin(), step.changed.end(), change.slot), step.changed.end());
      step.changed.push_back(change.slot);
    }
    step.notes.insert(step.notes.end(), parsed.notes.begin(), parsed.notes.end());
  }
  const size_t depth_before = history_.size();
  if (!step.undone && !SameSlots(before, slots_)) PushHistory(before, std::nullopt);
  if (intent == Intent::what_if && (!before.inputs.views || step.changed.empty()) && !step.changed.empty())
    intent = Intent::predict;   // nothing to compare with yet: a what-if on an empty conversation is a prediction

  // Track whether the slots are a what-if scenario rather than the video as the creator described it.
  const bool inputs_changed = std::any_of(step.changed.begin(), step.changed.end(),
                                          [](ChatSlot slot) { return slot != ChatSlot::likes; });
  if (intent == Intent::what_if && inputs_changed && !what_if_depth_) what_if_depth_ = depth_before;
  // A correction after a what-if keeps the scenario: its hypothetical values are still in the slots.
  if (step.undone && what_if_depth_ && history_.size() <= *what_if_depth_) what_if_depth_.reset();

  ChatReply reply = Reply(intent, before, parsed, step);
  AddTurn(false, reply.text);
  return reply;
}

ChatReply Conversation::SetSlot(ChatSlot slot, std::optional<double> value) {
  const ChatSlots before = slots_;
  ChatReply reply;
  if (value) {
    const double stored = IsCount(slot) ? std::round(*value) : *value;
    const std::string problem = CheckSlotValue(slot, stored);
    if (!problem.empty()) {
      reply = Current();
      reply.intent = Intent::predict;
      reply.rejected.push_back(slot);
      reply.text = problem + ".";
      return reply;
    }
    value = stored;
  }
  SetSlotNumber(&slots_, slot, value);
  if (!SameSlots(before, slots_)) PushHistory(before, slot);
  reply = Current();
  reply.intent = Intent::predict;
  reply.changed.push_back(slot);
  ChatNumbers previous;
  chat::PredictInto(model_, before, &previous);
  if (previous.has_prediction && reply.numbers.has_prediction) {
    reply.numbers.has_delta = true;
    reply.numbers.previous_likes = previous.likes;
    reply.numbers.delta_likes = reply.numbers.likes - previous.likes;
  }
  reply.text = value ? "Set " + DescribeSlot(slot, *value) + "." : "Cleared " + std::string(ChatSlotNoun(slot)) + ".";
  if (reply.numbers.has_prediction) reply.text += " Now " + chat::RangeText(reply.numbers) + ".";
  return reply;
}

ChatReply Conversation::Reply(Intent intent, const ChatSlots& before, const ParsedMessage& parsed, const Step& step) {
  ChatReply reply;
  reply.intent = intent;
  reply.slots = slots_;
  reply.changed = step.changed;
  reply.rejected = step.rejected;
  chat::PredictInto(model_, slots_, &reply.numbers);
  ChatNumbers previous;
  chat::PredictInto(model_, before, &previous);
  ChatNumbers& numbers = reply.numbers;
  if (!step.changed.empty() || step.undone) {
    if (previous.has_prediction && numbers.has_prediction && !SameSlots(before, slots_)) {
      numbers.has_delta = true;
      numbers.previous_likes = previous.likes;
      numbers.delta_likes = numbers.likes - previous.likes;
    }
  }

  std::vector<std::string> lines;
  if (parsed.too_long) {
    reply.text = "That message is " + FormatInteger(static_cast<double>(options_.max_message_bytes) + 1) +
                 "+ characters long, and I read messages of up to " +
                 FormatInteger(static_cast<double>(options_.max_message_bytes)) +
                 " characters. Send the video's numbers in a shorter message, e.g. \"120K views, 3.4K shares\".";
    reply.asking = asking_;
    return reply;
  }
  for (const std::string& message : step.rejected_messages) {
    const bool ends_sentence = !message.empty() && (message.back() == '?' || message.back() == '.');
    lines.push_back(ends_sentence ? message : message + ".");
  }
  if (!step.rejected_messages.empty() && !step.changed.empty()) lines.back() += " I kept the rest of your message.";
  for (const std::string& note : step.notes) lines.push_back(note);
  if (!parsed.unused_counts.empty()) {
    std::string list;
    for (size_t i = 0; i < parsed.unused_counts.size(); ++i) list += (i ? ", " : "") + parsed.unused_counts[i];
    lines.push_back("LikeCast doesn't use " + list + ", so I left that out: it predicts from views, shares, "
                    "comments, downloads, length and account status.");
  }
  if (!parsed.unknown_numbers.empty()) {
    lines.push_back("I'm not sure what " + parsed.unknown_numbers.front() + " counts. Say it with a name, e.g. \"" +
                    parsed.unknown_numbers.front() + " views\" or \"" + parsed.unknown_numbers.front() + " shares\".");
  }

  const bool has_views = numbers.has_prediction;
  const std::string changes = ChangeList(before, slots_, step.changed);
  std::optional<ChatSlot> ask;
  // Adds the prediction line. A what-if gets only the change. A prediction also lists the assumed inputs
  // and requests, once, the missing input that matters most.
  auto add_comparison = [&] {
    lines.push_back(chat::CompareText(*slots_.likes, &numbers));
    if (what_if_depth_ && intent != Intent::what_if)
      lines.push_back("Note: that compares them with the what-if scenario, not your video. \"undo\" takes the what-if "
                      "changes back one at a time.");
  };
  auto add_prediction = [&](bool what_if) {
    std::string line = (changes.empty() ? "The prediction is " : "With " + changes + ": ") + chat::RangeText(numbers);
    if (numbers.has_delta && std::round(numbers.delta_likes) != 0)
      line += ", " + chat::DeltaText(numbers.delta_likes, numbers.previous_likes) + " compared with before";
    lines.push_back(line + ".");
    if (const std::string unusual = chat::UnusualText(slots_); !unusual.empty()) lines.push_back(unusual);
    const bool length_changed =
        std::find(step.changed.begin(), step.changed.end(), ChatSlot::duration_sec) != step.changed.end();
    if (length_changed && model_) {
      if (const std::string note = chat::LengthNote(*model_, slots_); !note.empty()) lines.push_back(note);
    }
    // The assumed values and the note on views far from the training videos are repeated only when the views change.
    const bool views_changed = std::find(step.changed.begin(), step.changed.end(), ChatSlot::views) != step.changed.end();
    if (views_changed && model_) {
      if (const std::string note = chat::ViewsNote(*model_, slots_); !note.empty()) lines.push_back(note);
    }
    if (slots_.likes) add_comparison();
    if (what_if || !views_changed) return;
    if (const std::string assumed = chat::AssumedText(*model_, numbers, slots_); !assumed.empty()) {
      lines.push_back(assumed);
      const std::optional<ChatSlot> missing = chat::MostUsefulMissing(*model_, slots_, numbers);
      if (missing && !(asked_ & (1u << static_cast<int>(*missing)))) ask = missing;
    }
  };
  auto need_views = [&](const std::string& for_what) {
    ask = ChatSlot::views;
    if (!model_) {
      lines.push_back("No model is loaded, so I can't " + for_what + " yet.");
      return;
    }
    lines.push_back("I need the video's views to " + for_what + ".");
  };

  switch (intent) {
    case Intent::help:
      if (!parsed.intent && !lines.empty()) {
        lines.push_back("Type \"help\" for examples of what I understand.");
        break;
      }
      if (parsed.thanks && !parsed.intent && lines.empty()) {
        lines.push_back("You're welcome! Tell me about another video, or ask \"what if\", \"why\" or \"tips\".");
        break;
      }
      if (parsed.greeting && lines.empty()) lines.push_back("Hi! I'm LikeCast.");
      lines.push_back(chat::HelpText());
      break;
    case Intent::reset:
      if (step.changed.empty()) {
        lines.push_back("Cleared. Tell me about the next video.");
        ask = ChatSlot::views;
        break;
      }
      [[fallthrough]];
    case Intent::predict:
      if (has_views) {
        add_prediction(false);
      } else if (step.changed.empty() && !step.rejected.empty()) {
        if (!slots_.inputs.views) ask = ChatSlot::views;
      } else {
        if (!changes.empty()) lines.push_back("Got it: " + changes + ".");
        need_views("predict likes");
      }
      break;
    case Intent::what_if:
      if (step.changed.empty()) {
        if (step.rejected.empty())
          lines.push_back("What should change? For example: \"what if shares doubled?\" or \"what if comments were 600?\"");
      } else if (has_views) {
        add_prediction(true);
        lines.push_back("Say \"undo\" to go back.");
      } else {
        need_views("compare scenarios");
      }
      break;
    case Intent::undo:
      if (step.nothing_to_undo) {
        lines.push_back("There's nothing to undo yet.");
      } else {
        lines.push_back("Undone: back to " + (chat::SlotList(slots_).empty() ? "an empty video" : chat::SlotList(slots_)) +
                        ".");
        if (has_views) lines.push_back("That's " + chat::RangeText(numbers) + ".");
      }
      break;
    case Intent::explain:
      if (!has_views) {
        need_views("explain a prediction");
      } else {
        if (!step.changed.empty()) lines.push_back("With " + changes + ": " + chat::RangeText(numbers) + ".");
        lines.push_back(chat::ExplainText(*model_, numbers));
      }
      break;
    case Intent::tips:
      if (!has_views) {
        lines.push_back(chat::GeneralTipsText());
        if (model_) ask = ChatSlot::views;
      } else {
        lines.push_back(chat::TipsText(*model_, numbers));
      }
      break;
    case Intent::benchmark:
      if (parsed.topic == ChatSlot::likes && slots_.likes && has_views) {
        add_comparison();
      } else if (model_) {
        lines.push_back(chat::BenchmarkText(*model_, slots_, numbers, parsed.topic, parsed.topic_rate));
      } else {
        lines.push_back("No model is loaded, so I have no benchmarks to compare with.");
      }
      break;
  }
  if (ask) {
    lines.push_back(chat::QuestionFor(*ask));
    asked_ |= 1u << static_cast<int>(*ask);
  }
  asking_ = ask;
  reply.asking = ask;
  for (size_t i = 0; i < lines.size(); ++i) reply.text += (i ? "\n" : "") + lines[i];
  return reply;
}

}  // namespace likecast
