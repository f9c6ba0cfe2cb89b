// The bar at the top of the page: the name, a one-line description, and the
// page-wide actions (copy a link to the scenario, open a file, clear the
// saved data after a confirmation).
#include <cfloat>
#include <cmath>
#include <string>

#include <imgui.h>

#include "app/app.h"
#include "app/panels/panels.h"
#include "app/ui.h"
#include "app/web_bridge.h"

namespace likecast::app::panels {
namespace {

// A CSV file being opened: its name, size and progress, and a Cancel button.
void FileLoadStrip(App& app, Ui& ui) {
  const FileLoad* load = app.file_load();
  if (!load) return;
  const std::string label = "Opening " + load->name + " (" + FormatByteSize(static_cast<size_t>(load->bytes)) + "): " +
                            std::to_string(static_cast<int>(std::floor(load->fraction * 100.0f))) + "%";
  const float cancel_width = ButtonWidth("Cancel");
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label.c_str());
  ui.Mark("status:open-file");
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - cancel_width);
  if (SecondaryButton(ui, "Cancel", "button:cancel-open")) app.CancelCsvLoad();
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ui.palette->accent);
  ImGui::ProgressBar(load->fraction, ImVec2(-FLT_MIN, ui.Px(6)), "");
  ImGui::PopStyleColor();
  ui.Mark("progress:open-file");
}

}  // namespace

void TopBar(App& app, Ui& ui) {
  ImGui::PushFont(ui.fonts.title);
  ImGui::TextUnformatted("LikeCast");
  ImGui::PopFont();
  ui.Mark("title");

  const char* copy_label = "Copy link";
  const char* open_label = "Open file";
  const char* clear_label = ui.one_column ? "Clear" : "Clear data";
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  float buttons = ButtonWidth(copy_label) + ButtonWidth(clear_label) + spacing;
  if (!ui.one_column) buttons += ButtonWidth(open_label) + spacing;
  const float right = ImGui::GetWindowContentRegionMax().x;

  if (!ui.one_column) {
    ImGui::SameLine();
    ImGui::PushFont(ui.fonts.body);
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
    const char* tagline = "How many likes should your TikTok video get? Runs entirely in your browser.";
    if (ImGui::GetCursorPosX() + ImGui::CalcTextSize(tagline).x + spacing < right - buttons) {
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(tagline);
    }
    ImGui::PopStyleColor();
    ImGui::PopFont();
  }
  ImGui::SameLine(right - buttons);
  if (SecondaryButton(ui, copy_label, "button:copy-link")) app.CopyLink();
  if (!ui.one_column) {
    ImGui::SameLine();
    if (SecondaryButton(ui, open_label, "button:open-file")) web::OpenFilePicker();
  }
  ImGui::SameLine();
  if (SecondaryButton(ui, clear_label, "button:clear-data")) ImGui::OpenPopup("Clear data?");

  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(ui.Px(320), 0));
  if (ImGui::BeginPopupModal("Clear data?", nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove)) {
    WrappedText("This clears the chat, the scenario and what this browser saved for LikeCast, including a model "
                "kept for your next visit, so the built-in model is used again. An opened file stays.");
    if (PrimaryButton(ui, "Clear", "button:clear-confirm")) {
      app.ClearData();
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (SecondaryButton(ui, "Keep", "button:clear-cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  if (!app.notice().empty()) Caption(ui, app.notice().c_str());
  FileLoadStrip(app, ui);
}

}  // namespace likecast::app::panels
