// The scenario panel: one row per input with a logarithmic slider for quick
// changes and an exact field beside it, then verified and account status.
// Every change goes through the conversation's slots (App::SetSlot), so the
// chat uses what the sliders set and the sliders follow what the chat heard.
// On touch screens the exact fields are edited in an HTML input (the page
// opens it when the field is tapped), because a canvas cannot raise the
// on-screen keyboard.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/app.h"
#include "app/panels/panels.h"
#include "app/ui.h"
#include "app/web_bridge.h"
#include "core/common/format.h"

namespace likecast::app::panels {
namespace {

struct SlotRow {
  ChatSlot slot;
  const char* label;
  const char* short_label;   // the compact widget's label column
  double min;
  double max;       // of the slider; the exact field takes any value the slot accepts
};

constexpr SlotRow kRows[] = {
    {ChatSlot::views, "Views", "Views", 0, 1e9},
    {ChatSlot::shares, "Shares", "Shares", 0, 1e8},
    {ChatSlot::comments, "Comments", "Comments", 0, 1e7},
    {ChatSlot::downloads, "Downloads", "Downloads", 0, 1e7},
    {ChatSlot::duration_sec, "Length (seconds)", "Length (s)", 1, 600},
    {ChatSlot::likes, "Actual likes (optional)", "Actual likes", 0, 1e9},
};

// The value the model used for an unset slot, so its slider shows the value the prediction used.
std::optional<double> UsedValue(const App& app, ChatSlot slot) {
  const ChatNumbers& numbers = app.derived().numbers;
  if (!numbers.has_prediction) return std::nullopt;
  switch (slot) {
    case ChatSlot::shares: return numbers.used.shares;
    case ChatSlot::comments: return numbers.used.comments;
    case ChatSlot::downloads: return numbers.used.downloads;
    case ChatSlot::duration_sec: return numbers.used.duration_sec;
    default: return std::nullopt;
  }
}

void ExactField(App& app, Ui& ui, const SlotRow& row, const std::optional<double>& value, float width) {
  const std::string name = ChatSlotName(row.slot);
  const std::string plain = value ? FormatPlain(*value, 2) : "";
  if (ui.touch) {
    const std::string shown = (value ? FormatInteger(*value) : std::string("not set")) + "##exact";
    if (ImGui::Button(shown.c_str(), ImVec2(width, 0))) web::OpenNumberField(name);
    ui.Mark("field:" + name);
    ui.AddTextField(name, "number", plain, row.label);
    return;
  }
  std::string& text = app.panels().field_text[static_cast<int>(row.slot)];
  const ImGuiID id = ImGui::GetID("##exact");
  if (ImGui::GetActiveID() != id) text = plain;
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%s", text.c_str());
  ImGui::SetNextItemWidth(width);
  ImGui::InputTextWithHint("##exact", "not set", buffer, sizeof buffer, ImGuiInputTextFlags_AutoSelectAll);
  text = buffer;
  if (ImGui::IsItemDeactivatedAfterEdit()) app.CommitField(row.slot, text);
  ui.Mark("field:" + name);
}

void DrawRow(App& app, Ui& ui, const SlotRow& row) {
  const std::string name = ChatSlotName(row.slot);
  ImGui::PushID(name.c_str());
  const std::optional<double> value = SlotNumber(app.slots(), row.slot);
  const float spacing = ImGui::GetStyle().ItemSpacing.x;

  // The label, with the value assumed when the slot is not set.
  if (ui.compact) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(row.short_label);
    ImGui::SameLine(ui.Px(88));
  } else {
    ImGui::TextUnformatted(row.label);
    const std::optional<double> used = UsedValue(app, row.slot);
    if (!value && used) {
      ImGui::SameLine();
      const std::string note = "not set: typical " +
                               (row.slot == ChatSlot::duration_sec ? FormatDuration(*used) : FormatCount(*used)) + " used";
      ImGui::PushFont(ui.fonts.small);
      ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
      ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (ImGui::GetTextLineHeight() - ImGui::GetFontSize()) * 0.5f);
      ImGui::TextUnformatted(note.c_str());
      ImGui::PopStyleColor();
      ImGui::PopFont();
    }
  }

  // Slider and exact field.
  const float available = ImGui::GetContentRegionAvail().x;
  const float field_width = std::min(available * 0.4f, ui.Px(ui.compact ? 96 : 128));
  double slider = std::clamp(value.value_or(UsedValue(app, row.slot).value_or(row.min)), row.min, row.max);
  ImGui::SetNextItemWidth(available - field_width - spacing);
  const bool moved = ImGui::SliderScalar("##slider", ImGuiDataType_Double, &slider, &row.min, &row.max, "",
                                         ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_NoInput | ImGuiSliderFlags_AlwaysClamp);
  if (ImGui::IsItemActive()) ui.drag_widget_active = true;
  if (moved) app.SetSlot(row.slot, std::round(slider), false);
  if (ImGui::IsItemDeactivatedAfterEdit()) app.SetSlot(row.slot, SlotNumber(app.slots(), row.slot), true);
  ui.Mark("slider:" + name);
  ImGui::SameLine();
  ExactField(app, ui, row, value, field_width);

  const std::string& error = app.panels().field_error[static_cast<int>(row.slot)];
  if (!error.empty()) ColoredWrappedText(ui.palette->error, error.c_str());
  ImGui::PopID();
}

}  // namespace

void ScenarioPanel(App& app, Ui& ui) {
  BeginCard(ui, "scenario");
  SectionTitle(ui, "YOUR VIDEO");
  for (const SlotRow& row : kRows) {
    if (ui.compact && row.slot == ChatSlot::likes) continue;   // the widget has no room for the comparison
    DrawRow(app, ui, row);
  }

  const ChatSlots& slots = app.slots();
  bool verified = slots.inputs.verified.value_or(false);
  if (ImGui::Checkbox(ui.compact ? "Verified" : "Verified account", &verified))
    app.SetSlot(ChatSlot::verified, verified ? 1.0 : 0.0, true);
  ui.Mark("checkbox:verified");

  const AuthorStatus current = slots.inputs.author_status.value_or(AuthorStatus::active);
  static const char* const kLabels[] = {"Active", "Under review", "Banned"};
  static const char* const kMarks[] = {"radio:active", "radio:under_review", "radio:banned"};
  if (ui.compact) {
    // One row in the widget: the status as a drop-down beside the checkbox.
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    if (ImGui::BeginCombo("##status", kLabels[static_cast<int>(current)])) {
      for (int i = 0; i < 3; ++i) {
        if (ImGui::Selectable(kLabels[i], static_cast<int>(current) == i, 0, ImVec2(0, ImGui::GetFrameHeight())))
          app.SetSlot(ChatSlot::author_status, i, true);
        ui.Mark(kMarks[i]);
      }
      ImGui::EndCombo();
    }
    ui.Mark("combo:status");
    EndCard(ui);
    return;
  }
  ImGui::TextUnformatted("Account status");
  for (int i = 0; i < 3; ++i) {
    if (i > 0) SameLineIfFits(ImGui::GetFrameHeight() + ImGui::CalcTextSize(kLabels[i]).x + ui.Px(12));
    if (ImGui::RadioButton(kLabels[i], static_cast<int>(current) == i)) app.SetSlot(ChatSlot::author_status, i, true);
    ui.Mark(kMarks[i]);
  }
  EndCard(ui);
}

}  // namespace likecast::app::panels
