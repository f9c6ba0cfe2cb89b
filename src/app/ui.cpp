// Shared widgets and registries of the page's panels (see ui.h).
#include "app/ui.h"

#include <cfloat>
#include <cmath>

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

void WrappedText(const char* text) {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
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

bool Chip(Ui& ui, const char* label, const char* mark) {
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, ImGui::GetFrameHeight() * 0.5f);
  const bool pressed = ImGui::Button(label);
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
