// Fonts and colours (see theme.h).
#include "app/theme.h"

#include <imgui.h>

#include "app/inter_font.h"   // generated at build time: kInterRegular, kInterSemiBold

namespace likecast::app {

Fonts LoadFonts(float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;   // the font bytes are static data in the wasm
  config.OversampleH = 1;
  config.OversampleV = 1;
  static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2013, 0x2026, 0x2190, 0x2193, 0x2248, 0x2248, 0x2264, 0x2265, 0};
  Fonts fonts;
  fonts.body = io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(kInterRegular), sizeof kInterRegular,
                                              16.0f * scale, &config, ranges);
  fonts.headline = io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(kInterSemiBold), sizeof kInterSemiBold,
                                                  34.0f * scale, &config, ranges);
  io.Fonts->Build();
  return fonts;
}

void ApplyTheme(float scale) {
  ImGuiStyle style;
  ImGui::StyleColorsLight(&style);
  style.WindowPadding = ImVec2(16, 16);
  style.FramePadding = ImVec2(10, 8);
  style.ItemSpacing = ImVec2(10, 10);
  style.FrameRounding = 6;
  style.GrabRounding = 6;
  style.ChildRounding = 10;
  style.WindowRounding = 0;
  style.GrabMinSize = 18;
  style.ScrollbarSize = 16;
  ImVec4* colors = style.Colors;
  colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
  colors[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
  colors[ImGuiCol_Text] = ImVec4(0.09f, 0.09f, 0.11f, 1.0f);
  colors[ImGuiCol_TextDisabled] = ImVec4(0.38f, 0.38f, 0.42f, 1.0f);
  colors[ImGuiCol_FrameBg] = ImVec4(0.91f, 0.91f, 0.93f, 1.0f);
  colors[ImGuiCol_SliderGrab] = ImVec4(0.85f, 0.10f, 0.35f, 1.0f);
  colors[ImGuiCol_SliderGrabActive] = ImVec4(0.70f, 0.05f, 0.28f, 1.0f);
  colors[ImGuiCol_CheckMark] = ImVec4(0.85f, 0.10f, 0.35f, 1.0f);
  colors[ImGuiCol_Button] = ImVec4(0.88f, 0.88f, 0.91f, 1.0f);
  colors[ImGuiCol_Header] = ImVec4(0.88f, 0.88f, 0.91f, 1.0f);
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace likecast::app
