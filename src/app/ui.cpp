// Shared widgets and registries of the page's panels (see ui.h).
#include "app/ui.h"

#include <cfloat>
#include <cmath>
#include <string_view>

#include <imgui_internal.h>

namespace likecast::app {
namespace {

// The cards being drawn, innermost last.
std::vector<ImGuiID> g_card_stack;

}  // namespace

void Ui::BeginFrame() {
  marks.clear();
  fields.clear();
  drag_widget_active = false;
  wants_another_frame = false;
}

void Ui::Mark(const std::string& name) {
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  marks.push_back({name, ImVec2(min.x / scale, min.y / scale), ImVec2(max.x / scale, max.y / scale), ImGui::IsItemVisible()});
}

void Ui::AddTextField(const std::string& id, const std::string& kind, const std::string& value, const std::string& label) {
  ImVec2 min = ImGui::GetItemRectMin();
  ImVec2 max = ImGui::GetItemRectMax();
  // Only the part inside the window's visible area: the HTML input must not float over other panels.
  const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
  min.x = std::fmax(min.x, clip.Min.x);
  min.y = std::fmax(min.y, clip.Min.y);
  max.x = std::fmin(max.x, clip.Max.x);
  max.y = std::fmin(max.y, clip.Max.y);
  if (max.x - min.x < 4 || max.y - min.y < 4) return;
  fields.push_back({id, kind, ImVec2(min.x / scale, min.y / scale), ImVec2(max.x / scale, max.y / scale), value, label});
}

ImU32 Ui::Color(const ImVec4& color, float alpha) const {
  return ImGui::GetColorU32(ImVec4(color.x, color.y, color.z, color.w * alpha));
}

void SectionTitle(Ui& ui, const char* text) {
  ImGui::PushFont(ui.fonts.small);
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

void Caption(Ui& ui, const char* text) {
  ImGui::PushFont(ui.fonts.small);
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
  WrappedText(text);
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

std::string WrapAtSpaces(ImFont* font, float size, std::string_view text, float width) {
  // ImGui adds glyph advances without kerning, so a line's width is the sum of its words' widths.
  auto measure = [&](std::string_view part) { return font->CalcTextSizeA(size, FLT_MAX, 0, part.data(), part.data() + part.size()).x; };
  std::string out;
  out.reserve(text.size() + 16);
  float line_width = 0;
  bool line_empty = true;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\n') {
      out += '\n';
      line_width = 0;
      line_empty = true;
      ++i;
      continue;
    }
    // The next word with the spaces before it.
    size_t word_start = i;
    while (word_start < text.size() && text[word_start] == ' ') ++word_start;
    size_t end = word_start;
    while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
    const std::string_view spaces = text.substr(i, word_start - i);
    const std::string_view word = text.substr(word_start, end - word_start);
    const float word_width = measure(word);
    const float spaces_width = measure(spaces);
    if (!line_empty && line_width + spaces_width + word_width > width) {
      out += '\n';   // the spaces before the word go at the line break
      line_width = word_width;
    } else {
      out += spaces;
      line_width += spaces_width + word_width;
    }
    out += word;
    line_empty = line_empty && word.empty();
    i = end;
  }
  return out;
}

void WrappedText(const char* text) {
  // ImGui 1.86 also wraps after '.' and ',', which splits numbers such as 46.9K and 1,169.
  const float width = ImGui::GetContentRegionAvail().x;
  const std::string wrapped = WrapAtSpaces(ImGui::GetFont(), ImGui::GetFontSize(), text, width);
  ImGui::TextUnformatted(wrapped.c_str());
}

void ColoredWrappedText(const ImVec4& color, const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  WrappedText(text);
  ImGui::PopStyleColor();
}

bool PrimaryButton(Ui& ui, const char* label, const char* mark, float width) {
  const Palette& p = *ui.palette;
  ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(p.accent.x * 0.9f, p.accent.y * 0.9f, p.accent.z * 0.9f, 1));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(p.accent.x * 0.8f, p.accent.y * 0.8f, p.accent.z * 0.8f, 1));
  ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
  ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0, 0, 0, 0));
  const bool pressed = ImGui::Button(label, ImVec2(width, 0));
  ImGui::PopStyleColor(5);
  ui.Mark(mark);
  return pressed;
}

bool SecondaryButton(Ui& ui, const char* label, const char* mark, float width) {
  const bool pressed = ImGui::Button(label, ImVec2(width, 0));
  ui.Mark(mark);
  return pressed;
}

bool Chip(Ui& ui, const char* label, const char* mark, float width) {
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, ImGui::GetFrameHeight() * 0.5f);
  const bool pressed = ImGui::Button(label, ImVec2(width, 0));
  ImGui::PopStyleVar();
  ui.Mark(mark);
  return pressed;
}

float ButtonWidth(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f;
}

void SameLineIfFits(float width) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  const float next_x = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;
  if (next_x + width <= right) ImGui::SameLine();
}

void BeginCard(Ui& ui, const char* id, float width) {
  const ImGuiID key = ImGui::GetID(id);
  const auto found = ui.card_heights.find(key);
  const float height = found != ui.card_heights.end() ? found->second : ui.Px(120);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ui.palette->panel);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.Px(ui.compact ? 10 : 16), ui.Px(ui.compact ? 8 : 14)));
  ImGui::BeginChild(id, ImVec2(width, height), false,
                    ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar |
                        ImGuiWindowFlags_NoScrollWithMouse);
  g_card_stack.push_back(key);
}

void EndCard(Ui& ui) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float content_bottom = ImGui::GetCursorPosY() - style.ItemSpacing.y + style.WindowPadding.y;
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  const ImGuiID key = g_card_stack.back();
  g_card_stack.pop_back();
  float& height = ui.card_heights[key];
  if (std::fabs(height - content_bottom) > 0.5f) {
    height = content_bottom;
    ui.wants_another_frame = true;
  }
}

void ProgressBar(Ui& ui, float fraction, const char* overlay, const char* mark) {
  // The label sits above the bar: text over the accent fill would not meet the contrast of the palette.
  if (overlay && *overlay) ImGui::TextUnformatted(overlay);
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ui.palette->accent);
  ImGui::ProgressBar(fraction, ImVec2(-FLT_MIN, ui.Px(10)), "");
  ImGui::PopStyleColor();
  ui.Mark(mark);
}

}  // namespace likecast::app
