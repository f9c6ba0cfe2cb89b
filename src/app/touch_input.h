// Touch input for ImGui 1.86, which has none of its own. Emscripten 3.1.6's
// GLFW turns touches into mouse buttons without moving the cursor, so the
// page keeps touches away from GLFW and passes them here instead
// (likecast_app_touch).
//
// A touch is held back until its intent is clear, as phone browsers do. A
// tap becomes a click where the finger was. A drag that moves mostly
// sideways, or a finger held still for a moment, presses there and then
// follows the finger (sliders). A drag that moves mostly up or down scrolls
// the window under the finger by the drag distance, and glides a little
// after the finger lifts, so a page made mostly of sliders still scrolls.
// Intent is decided as events arrive, so a whole gesture between two slow
// frames still plays out: press, the last position held, release.
#pragma once

#include <imgui.h>

struct ImGuiWindow;

namespace likecast::app {

enum class TouchPhase { down = 0, move = 1, up = 2, cancel = 3 };

class TouchInput {
 public:
  // A touch event at (x, y) in framebuffer pixels, at time `now_ms`.
  void OnEvent(TouchPhase phase, float x, float y, double now_ms);

  // Overrides the mouse state the GLFW backend set for this frame; call between the backend's NewFrame
  // and ImGui::NewFrame. `slop` is the distance in pixels a finger may move before a tap becomes a drag.
  void BeforeFrame(ImGuiIO& io, float slop, double now_ms);

  bool NeedsFrames() const;   // a touch is held or undecided, a release is pending, or the scroll glides
  const char* mode_name() const;          // "none", "undecided", "pressing", "scrolling"
  const char* target_name() const;        // the ImGui window the last drag scrolled, "" for none

 private:
  enum class Mode { none, undecided, pressing, scrolling };
  void Decide(double now_ms);
  void ScrollBy(float dy);

  Mode mode_ = Mode::none;
  bool owns_pointer_ = false;    // a touch came after the last mouse move
  ImVec2 backend_position_;      // the mouse position the GLFW backend reported last frame
  bool held_ = false;            // the finger is down
  bool release_pending_ = false; // the finger lifted; ImGui has not seen the release yet
  bool press_shown_ = false;     // ImGui has seen the press at the start (pressing mode)
  ImVec2 shown_;                 // the last position ImGui saw held (pressing mode)
  ImVec2 start_;
  ImVec2 position_;
  ImVec2 applied_;               // position at the last frame, for the scroll delta
  double down_ms_ = 0;
  bool start_shown_ = false;     // a frame showed the pointer at the start (undecided mode)
  ImGuiWindow* start_window_ = nullptr;   // the window ImGui found under the start
  ImGuiWindow* target_ = nullptr;   // the window the touch scrolls: start_window_ or its scrollable parent
  float velocity_ = 0;           // pixels per millisecond, for the glide
  float slop_ = 8;               // see BeforeFrame
  double last_event_ms_ = 0;
  double last_frame_ms_ = 0;
};

}  // namespace likecast::app
