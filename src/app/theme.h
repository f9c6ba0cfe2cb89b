// Fonts and colours of the page. The UI font is Inter (SIL Open Font License
// 1.1, from Debian's fonts-inter), subset at build time to the characters the
// page shows and embedded in the wasm. Two palettes, light and dark, both
// meeting WCAG AA contrast (the ratios are listed in theme.cpp).
#pragma once

#include <imgui.h>

namespace likecast::app {

struct Fonts {
  ImFont* body = nullptr;       // running text and widgets
  ImFont* small = nullptr;      // captions, axis labels
  ImFont* title = nullptr;      // section and card titles
  ImFont* headline = nullptr;   // the predicted like count
};

// The page's colours. Text colours are chosen against `panel` and `background`.
struct Palette {
  const char* name;             // "light" or "dark"
  ImVec4 background;            // behind the panels
  ImVec4 panel;                 // cards and the chat pane
  ImVec4 text;
  ImVec4 muted;                 // secondary text: captions, hints
  ImVec4 accent;                // primary buttons, slider grabs, the prediction marker
  ImVec4 accent_text;           // text on `accent`
  ImVec4 frame;                 // input fields, secondary buttons, chips
  ImVec4 border;                // outlines of fields and bars (3:1 against the panel, for UI components)
  ImVec4 user_bubble;           // the creator's chat messages
  ImVec4 assistant_bubble;      // LikeCast's replies
  ImVec4 error_bubble;          // errors in the chat
  ImVec4 error;                 // error text
  ImVec4 good;                  // gains, actual above the range
  ImVec4 bar;                   // plot bars and curves
};

const Palette& LightPalette();
const Palette& DarkPalette();

// Rebuilds the font atlas for a UI scale (the device pixel ratio), so text stays crisp.
// `compact` uses smaller sizes, for the embedded widget.
Fonts LoadFonts(float scale, bool compact);

// Sets ImGui's colours and sizes. `touch` makes every control at least 44 CSS pixels tall.
void ApplyTheme(const Palette& palette, float scale, bool touch, bool compact);

// "#rrggbb" of a colour, for the page's CSS and the tests.
void ColorToHex(const ImVec4& color, char out[8]);

}  // namespace likecast::app
