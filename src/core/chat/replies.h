// Internal to src/core/chat: the sentences of the chat's replies, built from
// the model's numbers. conversation.cpp decides which ones a reply gets.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/chat/chat.h"

namespace likecast::chat {

// Fills numbers.has_prediction, likes, p10, p90, used and assumed for `slots` (needs views and a model).
void PredictInto(const Model* model, const ChatSlots& slots, ChatNumbers* numbers);

std::string RangeText(const ChatNumbers& numbers);             // "about 35.2K likes (likely 28K to 44K)"
std::string DeltaText(double delta, double previous);          // "+1.2K likes (+14%)"
// Lists the unknown inputs the prediction used, typical or estimated: "I assumed what's typical for videos
// with 80K views: 60 comments, ... I estimated 197 downloads from your views and shares." "" when none.
std::string AssumedText(const Model& model, const ChatNumbers& numbers, const ChatSlots& slots);
std::string SlotList(const ChatSlots& slots);                   // "120K views, 3.4K shares, 32 s"

// The unknown input whose typical value moves the prediction most when halved or doubled.
std::optional<ChatSlot> MostUsefulMissing(const Model& model, const ChatSlots& slots, const ChatNumbers& numbers);
std::string QuestionFor(ChatSlot slot);                         // "How many shares did it get?"

// Where real likes fall against the prediction's range; fills numbers->actual_percentile.
std::string CompareText(double actual_likes, ChatNumbers* numbers);
std::string UnusualText(const ChatSlots& slots);               // "120K shares is more than the 80K views ..."
// A note when the video's length is far outside the lengths the model learned from; "" otherwise.
std::string LengthNote(const Model& model, const ChatSlots& slots);
// A note when the views are outside the view counts of the videos the model learned from; "" otherwise.
std::string ViewsNote(const Model& model, const ChatSlots& slots);

std::string ExplainText(const Model& model, const ChatNumbers& numbers);
std::string TipsText(const Model& model, const ChatNumbers& numbers);
std::string GeneralTipsText();
std::string BenchmarkText(const Model& model, const ChatSlots& slots, const ChatNumbers& numbers,
                          std::optional<ChatSlot> topic, std::optional<double> topic_rate);
std::string HelpText();

}  // namespace likecast::chat
