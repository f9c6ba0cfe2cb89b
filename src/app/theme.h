// Fonts and colours of the page. The UI font is Inter (SIL Open Font License
// 1.1, from Debian's fonts-inter), subset at build time to the characters the
// page shows and embedded in the wasm.
#pragma once

struct ImFont;

namespace likecast::app {

struct Fonts {
  ImFont* body = nullptr;       // running text and widgets
  ImFont* headline = nullptr;   // the predicted like count
};

// Rebuilds the font atlas for a UI scale (the device pixel ratio), so text stays crisp.
Fonts LoadFonts(float scale);
// Sets the colours and sizes, scaled for the device pixel ratio.
void ApplyTheme(float scale);

}  // namespace likecast::app
