// Fonts, palettes and ImGui style (see theme.h).
//
// WCAG 2.1 contrast ratios of the palettes (relative luminance, (L1 + 0.05) / (L2 + 0.05)); AA asks 4.5:1
// for text and 3:1 for the outlines of controls. tests/browser/theme.test.mjs recomputes them from the
// colours the running page reports and fails below those limits.
//
//   pair                        light    dark
//   text on panel               17.86   14.40
//   text on background          16.27   15.87
//   text on frame (buttons)     14.91   12.08
//   text on user bubble         14.71   11.78
//   text on assistant bubble    15.66   12.56
//   text on error bubble        15.64   12.83
//   muted on panel               7.37    7.04
//   muted on background          6.71    7.76
//   muted on frame               6.15    5.91
//   accent on panel              6.46    6.29
//   accent text on accent        6.46    6.63
//   error on panel               7.95    8.46
//   error on error bubble        6.96    7.54
//   good on panel                6.14    9.39
//   bar on panel                 4.78    7.10
//   border on panel              3.41    4.01
#include "app/theme.h"

#include <cstdio>

#include "app/inter_font.h"   // generated at build time: kInterRegular, kInterSemiBold

namespace likecast::app {
namespace {

ImVec4 Hex(unsigned rgb) {
  return ImVec4(((rgb >> 16) & 0xff) / 255.0f, ((rgb >> 8) & 0xff) / 255.0f, (rgb & 0xff) / 255.0f, 1.0f);
}

ImVec4 WithAlpha(ImVec4 color, float alpha) {
  color.w = alpha;
  return color;
}

// A mix of two colours, t = 0 gives `a`.
ImVec4 Mix(const ImVec4& a, const ImVec4& b, float t) {
  return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, 1.0f);
}

}  // namespace

const Palette& LightPalette() {
  static const Palette palette = {
      "light",       Hex(0xF4F4F7), Hex(0xFFFFFF), Hex(0x17171C), Hex(0x55555F), Hex(0xB8144F), Hex(0xFFFFFF),
      Hex(0xEAEAF0), Hex(0x8A8A96), Hex(0xFBE3EC), Hex(0xEEF0F5), Hex(0xFDECEC), Hex(0xA11616), Hex(0x19703A),
      Hex(0x3D6FD1),
  };
  return palette;
}

const Palette& DarkPalette() {
  static const Palette palette = {
      "dark",        Hex(0x121217), Hex(0x1C1C23), Hex(0xECECF2), Hex(0xA6A6B3), Hex(0xFF6B96), Hex(0x17171C),
      Hex(0x2A2A33), Hex(0x7A7A88), Hex(0x47202F), Hex(0x272731), Hex(0x3E1C1F), Hex(0xFF9C9C), Hex(0x6BD68F),
      Hex(0x7FA6FF),
  };
  return palette;
}

Fonts LoadFonts(float scale, bool compact) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;   // the font bytes are static data in the wasm
  config.OversampleH = 1;
  config.OversampleV = 1;
  static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2013, 0x2026, 0x2190, 0x2193, 0x2248, 0x2248, 0x2264, 0x2265, 0};
  // The headline shows only a count (FormatCount: "47.6K", "1.2M", "?" when unknown). At 38 px it would
  // otherwise take two thirds of the atlas's pixels, and building the atlas delays the first frame.
  static const ImWchar headline_ranges[] = {0x0020, 0x0020, 0x002C, 0x002E, 0x0030, 0x0039, 0x003F, 0x003F,
                                            0x0042, 0x0042, 0x004B, 0x004B, 0x004D, 0x004D, 0};
  auto* regular = const_cast<unsigned char*>(kInterRegular);
  auto* semibold = const_cast<unsigned char*>(kInterSemiBold);
  const float body = compact ? 15.0f : 16.0f;
  Fonts fonts;
  fonts.body = io.Fonts->AddFontFromMemoryTTF(regular, sizeof kInterRegular, body * scale, &config, ranges);
  fonts.small = io.Fonts->AddFontFromMemoryTTF(regular, sizeof kInterRegular, (body - 2.5f) * scale, &config, ranges);
  fonts.title = io.Fonts->AddFontFromMemoryTTF(semibold, sizeof kInterSemiBold, (body + 2.0f) * scale, &config, ranges);
  fonts.headline = io.Fonts->AddFontFromMemoryTTF(semibold, sizeof kInterSemiBold, (compact ? 30.0f : 38.0f) * scale,
                                                  &config, headline_ranges);
  io.Fonts->Build();
  return fonts;
}

void ApplyTheme(const Palette& p, float scale, bool touch, bool compact) {
  ImGuiStyle style;
  ImGui::StyleColorsLight(&style);
  // Frame height is the font size plus twice FramePadding.y: 16 + 2 * 14 = 44 CSS pixels on touch screens.
  const float frame_pad_y = touch ? 14.0f : (compact ? 6.0f : 8.0f);
  style.WindowPadding = compact ? ImVec2(10, 10) : ImVec2(16, 16);
  style.FramePadding = ImVec2(10, frame_pad_y);
  style.ItemSpacing = compact ? ImVec2(8, 6) : ImVec2(10, 10);
  style.ItemInnerSpacing = ImVec2(8, 6);
  style.FrameRounding = 8;
  style.GrabRounding = 8;
  style.ChildRounding = 12;
  style.WindowRounding = 0;
  style.TabRounding = 8;
  style.PopupRounding = 8;
  style.ScrollbarRounding = 8;
  style.GrabMinSize = touch ? 28 : 18;
  style.ScrollbarSize = touch ? 8 : 14;
  style.FrameBorderSize = 1;
  style.ChildBorderSize = 0;
  style.WindowBorderSize = 0;
  style.TouchExtraPadding = touch ? ImVec2(2, 2) : ImVec2(0, 0);

  ImVec4* colors = style.Colors;
  colors[ImGuiCol_Text] = p.text;
  colors[ImGuiCol_TextDisabled] = p.muted;
  colors[ImGuiCol_WindowBg] = p.background;
  colors[ImGuiCol_ChildBg] = p.panel;
  colors[ImGuiCol_PopupBg] = p.panel;
  colors[ImGuiCol_Border] = WithAlpha(p.border, 0.55f);
  colors[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
  colors[ImGuiCol_FrameBg] = p.frame;
  colors[ImGuiCol_FrameBgHovered] = Mix(p.frame, p.accent, 0.12f);
  colors[ImGuiCol_FrameBgActive] = Mix(p.frame, p.accent, 0.2f);
  colors[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  colors[ImGuiCol_ScrollbarGrab] = WithAlpha(p.border, 0.6f);
  colors[ImGuiCol_ScrollbarGrabHovered] = WithAlpha(p.border, 0.8f);
  colors[ImGuiCol_ScrollbarGrabActive] = p.border;
  colors[ImGuiCol_CheckMark] = p.accent;
  colors[ImGuiCol_SliderGrab] = p.accent;
  colors[ImGuiCol_SliderGrabActive] = Mix(p.accent, p.text, 0.25f);
  colors[ImGuiCol_Button] = p.frame;
  colors[ImGuiCol_ButtonHovered] = Mix(p.frame, p.accent, 0.15f);
  colors[ImGuiCol_ButtonActive] = Mix(p.frame, p.accent, 0.3f);
  colors[ImGuiCol_Header] = p.frame;
  colors[ImGuiCol_HeaderHovered] = Mix(p.frame, p.accent, 0.15f);
  colors[ImGuiCol_HeaderActive] = Mix(p.frame, p.accent, 0.3f);
  colors[ImGuiCol_Separator] = WithAlpha(p.border, 0.4f);
  colors[ImGuiCol_Tab] = p.frame;
  colors[ImGuiCol_TabHovered] = Mix(p.frame, p.accent, 0.2f);
  colors[ImGuiCol_TabActive] = p.panel;
  colors[ImGuiCol_TabUnfocused] = p.frame;
  colors[ImGuiCol_TabUnfocusedActive] = p.panel;
  colors[ImGuiCol_PlotHistogram] = p.bar;
  colors[ImGuiCol_PlotLines] = p.bar;
  colors[ImGuiCol_TableHeaderBg] = p.frame;
  colors[ImGuiCol_TableBorderStrong] = WithAlpha(p.border, 0.5f);
  colors[ImGuiCol_TableBorderLight] = WithAlpha(p.border, 0.3f);
  colors[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
  colors[ImGuiCol_TableRowBgAlt] = WithAlpha(p.frame, 0.5f);
  colors[ImGuiCol_TextSelectedBg] = WithAlpha(p.accent, 0.3f);
  colors[ImGuiCol_NavHighlight] = p.accent;   // the keyboard focus ring
  colors[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.35f);
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

void ColorToHex(const ImVec4& color, char out[8]) {
  auto channel = [](float value) { return static_cast<unsigned>(value * 255.0f + 0.5f); };
  std::snprintf(out, 8, "#%02x%02x%02x", channel(color.x), channel(color.y), channel(color.z));
}

}  // namespace likecast::app
