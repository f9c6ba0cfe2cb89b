// The page's layouts (App::Draw): two columns on desktop (the chat beside
// tabs for the video, insights and the model), one column with tabs on
// phones, and the compact embedded widget. Also what follows each frame:
// saving state, placing the HTML inputs, reporting the embed height.
#include <algorithm>
#include <cmath>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/panels/panels.h"
#include "app/ui.h"
#include "app/web_bridge.h"

namespace likecast::app {
namespace {

constexpr ImGuiWindowFlags kPageFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

// A row of tab buttons; the selected one is filled with the accent colour.
void TabButtons(App& app, Ui& ui, const Tab* tabs, const char* const* labels, int count) {
  PanelState& panels = app.panels();
  const float spacing = ImGui::GetStyle().ItemSpacing.x * 0.5f;
  const float width = (ImGui::GetContentRegionAvail().x - spacing * static_cast<float>(count - 1)) / static_cast<float>(count);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(spacing, ImGui::GetStyle().ItemSpacing.y));
  for (int i = 0; i < count; ++i) {
    if (i > 0) ImGui::SameLine();
    const bool selected = panels.tab == tabs[i];
    const std::string mark = std::string("tab:") + TabName(tabs[i]);
    const bool pressed = selected ? PrimaryButton(ui, labels[i], mark.c_str(), width)
                                  : SecondaryButton(ui, labels[i], mark.c_str(), width);
    if (pressed) panels.tab = tabs[i];
  }
  ImGui::PopStyleVar();
}

void VideoTab(App& app, Ui& ui, bool two_columns) {
  if (!two_columns) {
    panels::PredictionCard(app, ui);
    panels::ScenarioPanel(app, ui);
    panels::Recommendations(app, ui);
    return;
  }
  if (ImGui::BeginTable("video-columns", 2, ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableNextColumn();
    panels::ScenarioPanel(app, ui);
    ImGui::TableNextColumn();
    panels::PredictionCard(app, ui);
    panels::Recommendations(app, ui);
    ImGui::EndTable();
  }
}

void TabContent(App& app, Ui& ui, bool two_columns) {
  switch (app.panels().tab) {
    case Tab::chat:
    case Tab::video: VideoTab(app, ui, two_columns); break;
    case Tab::insights: panels::InsightsTab(app, ui); break;
    case Tab::model: panels::ModelTab(app, ui); break;
  }
}

void DesktopLayout(App& app, Ui& ui, float width) {
  panels::TopBar(app, ui);
  const float top = ImGui::GetCursorPosY();
  const float height = ImGui::GetWindowHeight() - top - ImGui::GetStyle().WindowPadding.y;
  const float chat_width = std::clamp(width * 0.36f, ui.Px(340), ui.Px(520));

  ImGui::PushStyleColor(ImGuiCol_ChildBg, ui.palette->panel);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.Px(14), ui.Px(14)));
  ImGui::BeginChild("chat-pane", ImVec2(chat_width, height), false,
                    ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleVar();
  panels::ChatPane(app, ui, ImGui::GetContentRegionAvail().y);
  ImGui::EndChild();
  ImGui::PopStyleColor();

  ImGui::SameLine();
  ImGui::BeginGroup();
  if (app.panels().tab == Tab::chat) app.panels().tab = Tab::video;   // the chat is always shown here
  static const Tab kTabs[] = {Tab::video, Tab::insights, Tab::model};
  static const char* const kLabels[] = {"Your video", "Insights", "Model & data"};
  TabButtons(app, ui, kTabs, kLabels, 3);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
  ImGui::BeginChild("tab-content", ImVec2(0, height - (ImGui::GetCursorPosY() - top)), false);
  ImGui::PopStyleColor();
  const bool two_columns = ImGui::GetContentRegionAvail().x > ui.Px(640);
  TabContent(app, ui, two_columns);
  app.panels().tab_scroll_y = ImGui::GetScrollY() / ui.scale;
  ImGui::EndChild();
  ui.Mark("pane:tab-content");
  ImGui::EndGroup();
}

void PhoneLayout(App& app, Ui& ui) {
  panels::TopBar(app, ui);
  static const Tab kTabs[] = {Tab::chat, Tab::video, Tab::insights, Tab::model};
  static const char* const kLabels[] = {"Chat", "Video", "Insights", "Model"};
  TabButtons(app, ui, kTabs, kLabels, 4);
  if (app.panels().tab == Tab::chat) {
    app.panels().chat_seen = app.log_added();
    panels::PredictionStrip(app, ui);
    const float height = ImGui::GetWindowHeight() - ImGui::GetCursorPosY() - ImGui::GetStyle().WindowPadding.y;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ui.palette->panel);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.Px(10), ui.Px(10)));
    ImGui::BeginChild("chat-pane", ImVec2(0, std::max(height, ui.Px(240))), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar |
                          ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    panels::ChatPane(app, ui, ImGui::GetContentRegionAvail().y);
    ImGui::EndChild();
    ImGui::PopStyleColor();
    return;
  }
  TabContent(app, ui, false);
  if (app.panels().floating_message_height > 0) ImGui::Dummy(ImVec2(0, app.panels().floating_message_height));
}

// The widget: inputs, the prediction and a one-line chat. compact=0 adds the recommendations (the host
// page's embed.js sizes the frame to the height the widget reports).
void EmbedLayout(App& app, Ui& ui) {
  panels::PredictionCard(app, ui);
  panels::ScenarioPanel(app, ui);
  panels::OneLineChat(app, ui);
  if (!ui.compact) panels::Recommendations(app, ui);
}

}  // namespace

void App::Draw(Ui& ui, float width, float height) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(width, height));
  ImGui::Begin("LikeCast", nullptr, kPageFlags);
  if (embed_) {
    EmbedLayout(*this, ui);
  } else if (ui.one_column) {
    PhoneLayout(*this, ui);
  } else {
    DesktopLayout(*this, ui, width);
  }
  const float bottom = ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + ImGui::GetStyle().WindowPadding.y;
  content_height_ = static_cast<int>(std::ceil(bottom / ui.scale));
  panels_.page_scroll_y = ImGui::GetScrollY() / ui.scale;
  ImGui::End();
  if (!embed_ && ui.one_column && panels_.tab != Tab::chat) {
    panels::UnseenMessage(*this, ui);
  } else {
    panels_.floating_message_height = 0;
  }
}

void App::AfterFrame(const Ui& ui) {
  if (dirty_ && !ImGui::IsAnyItemActive()) {
    SaveNow();
    dirty_ = false;
  }

  nlohmann::json fields = nlohmann::json::array();
  for (const TextFieldSpec& field : ui.fields) {
    fields.push_back({{"id", field.id}, {"kind", field.kind}, {"x", field.min.x}, {"y", field.min.y},
                      {"w", field.max.x - field.min.x}, {"h", field.max.y - field.min.y}, {"value", field.value},
                      {"label", field.label}});
  }
  const std::string text = fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (text != published_fields_) {
    published_fields_ = text;
    web::SetTextFields(text);
  }
  if (panels_.focus_chat_requested && published_fields_.find("\"chat\"") != std::string::npos) {
    panels_.focus_chat_requested = false;
    web::FocusChatInput();
  }
  if (embed_ && content_height_ != published_height_) {
    published_height_ = content_height_;
    web::PostHeight(content_height_);
  }
}

}  // namespace likecast::app
