// The toolkit every panel of the page draws with: the frame's sizes, theme and
// fonts, CSS-pixel units, and the widgets the panels share (cards, chips,
// buttons, section titles). Two registries are filled while drawing: named
// widget rectangles for the browser tests, and the text fields the page
// covers with real HTML inputs.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <imgui.h>

#include "app/theme.h"

namespace likecast::app {

// A widget's rectangle in CSS pixels, for the tests (window.likecastTest).
struct NamedRect {
  std::string name;
  ImVec2 min, max;
  bool visible = true;            // inside its window's visible area this frame
};

// A text field the page covers with an HTML <input>; see web::SetTextFields.
struct TextFieldSpec {
  std::string id;                 // "chat", or a slot name for number fields
  std::string kind;               // "chat" or "number"
  ImVec2 min, max;                // CSS pixels
  std::string value;              // the current value, shown when the HTML input opens
  std::string label;              // the accessible name of the HTML input
};

struct Ui {
  float scale = 1;                // device pixel ratio: framebuffer pixels per CSS pixel
  bool touch = false;             // coarse pointer: 44 px targets, number fields edited in HTML
  bool one_column = false;        // narrow screens: one column with tabs
  bool compact = false;           // smaller type and spacing (the embedded widget)
  const Palette* palette = &LightPalette();
  Fonts fonts;

  // Filled while drawing, read after the frame.
  std::vector<NamedRect> marks;
  std::vector<TextFieldSpec> fields;
  bool drag_widget_active = false;   // a slider is being dragged: keep drawing
  bool wants_another_frame = false;  // the layout moved (a card changed height): draw once more

  float Px(float css) const { return css * scale; }
  void BeginFrame();
  // Records the last item's rectangle under `name`.
  void Mark(const std::string& name);
  // Records the last item as a field the page edits through an HTML input.
  void AddTextField(const std::string& id, const std::string& kind, const std::string& value, const std::string& label);
  ImU32 Color(const ImVec4& color, float alpha = 1.0f) const;

  // Heights of cards measured in the last frame (BeginCard/EndCard), by ImGui id.
  std::unordered_map<ImGuiID, float> card_heights;
};

// --- Shared widgets -------------------------------------------------------------

void SectionTitle(Ui& ui, const char* text);             // small muted capitals above a group
void Caption(Ui& ui, const char* text);                  // small muted wrapped text
void WrappedText(const char* text);                      // body text wrapped at the window edge, at spaces only
// Inserts line breaks so no line of `text` is wider than `width` pixels, breaking at spaces only.
std::string WrapAtSpaces(ImFont* font, float size, std::string_view text, float width);
void ColoredWrappedText(const ImVec4& color, const char* text);

bool PrimaryButton(Ui& ui, const char* label, const char* mark, float width = 0);     // accent-filled
bool SecondaryButton(Ui& ui, const char* label, const char* mark, float width = 0);
bool Chip(Ui& ui, const char* label, const char* mark, float width = 0);               // rounded, compact
// Places the next widget of `width` on the same line if it fits, else on a new line (wrapping rows of chips).
void SameLineIfFits(float width);
float ButtonWidth(const char* label);

// A card: a rounded panel-coloured child window sized to its content (measured in the previous frame).
void BeginCard(Ui& ui, const char* id, float width = 0);
void EndCard(Ui& ui);

// A thin progress bar under a label, for training.
void ProgressBar(Ui& ui, float fraction, const char* overlay, const char* mark);

}  // namespace likecast::app
