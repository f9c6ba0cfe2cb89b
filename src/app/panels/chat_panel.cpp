// The chat pane: the history as bubbles (the creator's on the right,
// LikeCast's on the left, errors in red with a red edge), quick-reply chips,
// and the input. The input itself is a real HTML <input> that the page places
// over the frame drawn here, so phones raise their keyboard and screen
// readers find a labelled field; its text reaches the app through
// likecast_app_send. On phones, LikeCast's newest message also floats over
// the other tabs until it is seen.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/app.h"
#include "app/panels/panels.h"
#include "app/ui.h"
#include "app/web_bridge.h"

namespace likecast::app::panels {
namespace {

constexpr size_t kUnseenMessageChars = 180;   // the floating message (UnseenMessage) cuts longer ones

struct QuickReply {
  const char* label;
  const char* message;   // sent to the conversation as if typed
  const char* mark;
};

constexpr QuickReply kQuickReplies[] = {
    {"Why?", "why?", "chip:why"},
    {"Tips", "tips", "chip:tips"},
    {"Shares x2", "what if I doubled my shares?", "chip:shares-x2"},
    {"Is that good?", "is my like rate good?", "chip:benchmark"},
    {"Undo", "undo", "chip:undo"},
};

void Bubble(Ui& ui, const LogEntry& entry, float width) {
  const Palette& p = *ui.palette;
  const bool user = entry.kind == LogKind::user;
  const ImVec2 pad(ui.Px(12), ui.Px(8));
  const float max_width = width * (user ? 0.8f : 0.92f);
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  const std::string wrapped = WrapAtSpaces(font, size, entry.text, max_width - 2 * pad.x);
  const char* begin = wrapped.c_str();
  const char* end = begin + wrapped.size();
  const ImVec2 text = font->CalcTextSizeA(size, FLT_MAX, 0, begin, end);
  const ImVec2 bubble(std::min(max_width, text.x + 2 * pad.x), text.y + 2 * pad.y);

  ImVec2 pos = ImGui::GetCursorScreenPos();
  if (user) pos.x += width - bubble.x;
  ImVec4 fill = p.assistant_bubble;
  ImVec4 ink = p.text;
  if (user) fill = p.user_bubble;
  if (entry.kind == LogKind::error) {
    fill = p.error_bubble;
    ink = p.error;
  }
  if (entry.kind == LogKind::note) ink = p.muted;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 corner(pos.x + bubble.x, pos.y + bubble.y);
  draw->AddRectFilled(pos, corner, ui.Color(fill), ui.Px(12));
  if (entry.kind == LogKind::error) draw->AddRectFilled(pos, ImVec2(pos.x + ui.Px(4), corner.y), ui.Color(p.error), ui.Px(2));
  draw->AddText(font, size, ImVec2(pos.x + pad.x, pos.y + pad.y), ui.Color(ink), begin, end);
  ImGui::Dummy(ImVec2(width, bubble.y));
}

// The quick replies as rows of whole chips. When they need more than one row, every row is stretched to the
// pane's width, so a phone shows two even rows and never a chip cut at the edge.
void QuickReplies(App& app, Ui& ui) {
  const float available = ImGui::GetContentRegionAvail().x;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  constexpr size_t kCount = std::size(kQuickReplies);
  float widths[kCount];
  std::vector<size_t> row_starts = {0};
  float row_width = 0;
  for (size_t i = 0; i < kCount; ++i) {
    widths[i] = ButtonWidth(kQuickReplies[i].label);
    if (i > row_starts.back() && row_width + spacing + widths[i] > available) {
      row_starts.push_back(i);
      row_width = 0;
    }
    row_width += (i > row_starts.back() ? spacing : 0) + widths[i];
  }
  row_starts.push_back(kCount);
  const bool one_row = row_starts.size() == 2;

  for (size_t row = 0; row + 1 < row_starts.size(); ++row) {
    const size_t begin = row_starts[row], end = row_starts[row + 1];
    float used = spacing * static_cast<float>(end - begin - 1);
    for (size_t i = begin; i < end; ++i) used += widths[i];
    const float extra = one_row ? 0.0f : std::max(0.0f, available - used) / static_cast<float>(end - begin);
    for (size_t i = begin; i < end; ++i) {
      if (i > begin) ImGui::SameLine();
      const QuickReply& reply = kQuickReplies[i];
      if (Chip(ui, reply.label, reply.mark, std::floor(widths[i] + extra))) app.SendMessage(reply.message);
    }
  }
}

// The frame the page's HTML chat input covers, and the Send button beside it.
void InputRow(App& app, Ui& ui) {
  const Palette& p = *ui.palette;
  const float send_width = ButtonWidth("Send");
  const float width = ImGui::GetContentRegionAvail().x - send_width - ImGui::GetStyle().ItemSpacing.x;
  if (ImGui::InvisibleButton("chat-input", ImVec2(std::max(width, ui.Px(80)), ImGui::GetFrameHeight())))
    web::FocusChatInput();
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, ui.Color(p.frame), ImGui::GetStyle().FrameRounding);
  draw->AddRect(min, max, ui.Color(p.border), ImGui::GetStyle().FrameRounding);
  ui.Mark("chat:input");
  ui.AddTextField("chat", "chat", "", "Message LikeCast");
  ImGui::SameLine();
  if (PrimaryButton(ui, "Send", "button:send")) web::SubmitChat();
}

}  // namespace

void ChatPane(App& app, Ui& ui, float height) {
  PanelState& panels = app.panels();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float chips = panels.chips_height > 0 ? panels.chips_height : ImGui::GetFrameHeight();
  const float history = std::max(ui.Px(80), height - ImGui::GetFrameHeight() - chips - 2 * style.ItemSpacing.y);

  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
  ImGui::BeginChild("chat-history", ImVec2(0, history), false);
  // Scrolled to its end before this frame's content? Then it keeps to its end, which moves on new messages but
  // also when the scrollbar appears (and rewraps every bubble) or the phone's keyboard shortens the pane.
  const bool at_end = ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1.0f;
  const float width = ImGui::GetContentRegionAvail().x;
  for (const LogEntry& entry : app.log()) Bubble(ui, entry, width);
  if (at_end && !panels.scroll_chat_to_end) ImGui::SetScrollHereY(1.0f);
  if (panels.scroll_chat_to_end) {
    ImGui::SetScrollHereY(1.0f);
    panels.scroll_chat_to_end = false;
    ui.wants_another_frame = true;
  }
  panels.chat_scroll_y = ImGui::GetScrollY() / ui.scale;
  ImGui::EndChild();
  ImGui::PopStyleColor();
  ui.Mark("chat:history");

  const float chips_top = ImGui::GetCursorPosY();
  QuickReplies(app, ui);
  const float chips_height = ImGui::GetCursorPosY() - chips_top - style.ItemSpacing.y;
  if (chips_height != panels.chips_height) {
    panels.chips_height = chips_height;
    ui.wants_another_frame = true;
  }
  InputRow(app, ui);
}

void UnseenMessage(App& app, Ui& ui) {
  // A file opened, an error or training finished: on a phone the chat is hidden behind its tab, so the
  // newest of LikeCast's messages floats at the bottom of the screen until it is closed or the chat shown.
  PanelState& panels = app.panels();
  const std::vector<LogEntry>& log = app.log();
  const LogEntry* last = nullptr;
  for (auto it = log.rbegin(); it != log.rend() && !last; ++it)
    if (it->kind != LogKind::user) last = &*it;
  // The Model tab itself shows the opened file, the training progress and the model in use, so only errors
  // float over it. A note there would only cover the Train and "Use new model" buttons.
  if (panels.tab == Tab::model && last && last->kind != LogKind::error) panels.chat_seen = app.log_added();
  if (app.log_added() <= panels.chat_seen || !last) {
    panels.floating_message_height = 0;
    return;
  }

  // Long messages are cut at a space; "Show chat" shows them whole.
  std::string text = last->text.substr(0, last->text.find('\n'));
  if (text.size() > kUnseenMessageChars) {
    const size_t space = text.rfind(' ', kUnseenMessageChars);
    text = text.substr(0, space == std::string::npos ? kUnseenMessageChars : space) + "\xE2\x80\xA6";
  }
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float margin = ui.Px(12);
  ImGui::SetNextWindowPos(ImVec2(margin, display.y - margin), ImGuiCond_Always, ImVec2(0, 1));
  ImGui::SetNextWindowSize(ImVec2(display.x - 2 * margin, 0));   // height 0: fit the content
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ui.palette->panel);
  ImGui::PushStyleColor(ImGuiCol_Border, ui.palette->border);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, ui.Px(12));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, ui.Px(1));
  ImGui::Begin("##unseen-message", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
  if (ImGui::IsWindowAppearing()) ui.wants_another_frame = true;   // the height fits the text a frame later
  // A click or tap anywhere else closes it too, and still presses what it lands on.
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !ImGui::IsWindowHovered()) panels.chat_seen = app.log_added();
  ColoredWrappedText(last->kind == LogKind::error ? ui.palette->error : ui.palette->text, text.c_str());
  ui.Mark("banner:message");
  if (SecondaryButton(ui, "Show chat", "button:banner-chat")) panels.tab = Tab::chat;
  ImGui::SameLine();
  if (SecondaryButton(ui, "OK", "button:banner-ok")) panels.chat_seen = app.log_added();
  // The tab's content ends with this much room, so it can scroll out from under the message.
  const float covered = ImGui::GetWindowHeight() + margin;
  if (std::fabs(covered - panels.floating_message_height) > 0.5f) ui.wants_another_frame = true;
  panels.floating_message_height = covered;
  ImGui::End();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(2);
}

void OneLineChat(App& app, Ui& ui) {
  // The last reply, cut to two lines: the embedded widget has no room for a history.
  const std::vector<LogEntry>& log = app.log();
  const LogEntry* last = nullptr;
  for (auto it = log.rbegin(); it != log.rend() && !last; ++it)
    if (it->kind != LogKind::user) last = &*it;
  if (last) {
    // The reply's first line: the numbers. The rest (notes, questions) has no room here.
    const std::string first_line = last->text.substr(0, last->text.find('\n'));
    const float height = ImGui::GetTextLineHeight() * 2.0f + ui.Px(2);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
    ImGui::BeginChild("last-reply", ImVec2(0, height), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ColoredWrappedText(last->kind == LogKind::error ? ui.palette->error : ui.palette->text, first_line.c_str());
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ui.Mark("chat:last-reply");
  }
  InputRow(app, ui);
}

}  // namespace likecast::app::panels
