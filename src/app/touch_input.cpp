// Taps, presses and drag-to-scroll for touch screens (see touch_input.h).
#include "app/touch_input.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include <imgui_internal.h>

namespace likecast::app {
namespace {

constexpr double kHoldMs = 500.0;          // a finger still for this long presses where it is (Android's long press)
constexpr float kGlideStop = 0.02f;        // px/ms under which the glide stops
constexpr double kGlideDecayMs = 325.0;    // velocity falls by e every this many ms
constexpr double kStillMs = 100.0;         // a finger resting this long before lifting does not glide

const ImVec2 kNowhere(-FLT_MAX, -FLT_MAX);

float Distance(const ImVec2& a, const ImVec2& b) { return std::hypot(a.x - b.x, a.y - b.y); }

int Depth(const ImGuiWindow* window) {
  int depth = 0;
  for (; window->ParentWindow; window = window->ParentWindow) ++depth;
  return depth;
}

// The innermost window drawn at `point` in the last frame.
ImGuiWindow* WindowAt(const ImVec2& point) {
  ImGuiContext& g = *GImGui;
  ImGuiWindow* found = nullptr;
  for (ImGuiWindow* window : g.Windows) {
    if (!window->WasActive || window->Hidden || window->IsFallbackWindow || (window->Flags & ImGuiWindowFlags_NoMouseInputs))
      continue;
    if (!window->OuterRectClipped.Contains(point)) continue;
    if (!found || Depth(window) >= Depth(found)) found = window;
  }
  return found;
}

}  // namespace

void TouchInput::OnEvent(TouchPhase phase, float x, float y, double now_ms) {
  const ImVec2 point(x, y);
  switch (phase) {
    case TouchPhase::down:
      owns_pointer_ = true;
      mode_ = Mode::undecided;
      held_ = true;
      release_pending_ = false;
      press_shown_ = false;
      start_ = position_ = applied_ = shown_ = point;
      down_ms_ = now_ms;
      target_ = nullptr;
      start_window_ = nullptr;
      start_shown_ = false;
      velocity_ = 0;
      break;
    case TouchPhase::move:
      if (!held_) return;
      if (now_ms > last_event_ms_) {
        const float instant = static_cast<float>((y - position_.y) / (now_ms - last_event_ms_));
        velocity_ = 0.8f * instant + 0.2f * velocity_;
      }
      position_ = point;
      Decide(now_ms);
      break;
    case TouchPhase::up:
    case TouchPhase::cancel:
      if (!held_) return;
      if (now_ms - last_event_ms_ > kStillMs) velocity_ = 0;
      held_ = false;
      position_ = point;
      release_pending_ = true;
      if (phase == TouchPhase::cancel) {
        // A cancelled touch must not click: whatever it pressed is let go, and nothing scrolls on.
        if (mode_ == Mode::pressing && press_shown_) ImGui::ClearActiveID();
        mode_ = Mode::scrolling;
        velocity_ = 0;
      } else if (mode_ == Mode::undecided) {
        mode_ = Mode::pressing;   // a tap
      }
      break;
  }
  last_event_ms_ = now_ms;
}

// Turns an undecided touch that moved past the slop into a press (sideways) or a scroll (up or down).
void TouchInput::Decide(double now_ms) {
  if (mode_ != Mode::undecided || Distance(position_, start_) <= slop_) return;
  if (std::fabs(position_.x - start_.x) > std::fabs(position_.y - start_.y) || now_ms - down_ms_ > kHoldMs) {
    mode_ = Mode::pressing;
    return;
  }
  mode_ = Mode::scrolling;
  applied_ = start_;
}

void TouchInput::BeforeFrame(ImGuiIO& io, float slop, double now_ms) {
  slop_ = slop;
  const double frame_ms = last_frame_ms_ > 0 ? std::min(now_ms - last_frame_ms_, 50.0) : 16.0;
  last_frame_ms_ = now_ms;
  // After a touch the pointer stays ours until the mouse really moves: the backend's cursor is stale.
  const bool mouse_moved = io.MousePos.x != backend_position_.x || io.MousePos.y != backend_position_.y;
  backend_position_ = io.MousePos;
  if (mouse_moved && mode_ == Mode::none) owns_pointer_ = false;
  if (!owns_pointer_) return;

  // ImGui found the window under the start in the last frame, which showed the pointer there.
  if (start_shown_ && !start_window_) start_window_ = GImGui->HoveredWindow;
  if (mode_ == Mode::undecided && now_ms - down_ms_ > kHoldMs) mode_ = Mode::pressing;
  switch (mode_) {
    case Mode::undecided:
      io.MousePos = start_;   // hovers what is under the finger, presses nothing yet
      io.MouseDown[0] = false;
      start_shown_ = true;
      return;

    case Mode::pressing:
      // Press at the start, then the latest position held, then (once the finger lifted) the release.
      io.MouseDown[0] = true;
      if (!press_shown_) {
        press_shown_ = true;
        io.MousePos = start_;
        shown_ = start_;
      } else if (held_ || shown_.x != position_.x || shown_.y != position_.y) {
        io.MousePos = position_;
        shown_ = position_;
      } else {
        io.MousePos = position_;
        io.MouseDown[0] = false;
        release_pending_ = false;
        mode_ = Mode::none;
      }
      return;

    case Mode::scrolling:
      io.MousePos = kNowhere;
      io.MouseDown[0] = false;
      if (!target_) {
        // A swipe faster than a frame never showed the pointer at its start: look the window up.
        target_ = start_window_ ? start_window_ : WindowAt(start_);
        // Windows that do not scroll with the wheel (the cards, the chat panes) pass the drag on, as the wheel does,
        // even when their content overflows them by a pixel.
        while (target_ && (target_->ScrollMax.y <= 0.0f || (target_->Flags & ImGuiWindowFlags_NoScrollWithMouse)))
          target_ = target_->ParentWindow;
      }
      if (held_ || release_pending_) {
        ScrollBy(applied_.y - position_.y);
        applied_ = position_;
        release_pending_ = false;
        if (held_) return;
      }
      if (std::fabs(velocity_) > kGlideStop) {
        ScrollBy(-velocity_ * static_cast<float>(frame_ms));
        velocity_ *= static_cast<float>(std::exp(-frame_ms / kGlideDecayMs));
      } else {
        velocity_ = 0;
        mode_ = Mode::none;
      }
      return;

    case Mode::none:
      io.MousePos = kNowhere;   // nothing stays hovered after a touch
      return;
  }
}

void TouchInput::ScrollBy(float dy) {
  if (!target_ || dy == 0.0f) return;
  const float y = std::fmax(0.0f, std::fmin(target_->ScrollMax.y, target_->Scroll.y + dy));
  ImGui::SetScrollY(target_, y);
}

bool TouchInput::NeedsFrames() const { return mode_ != Mode::none; }

const char* TouchInput::mode_name() const {
  switch (mode_) {
    case Mode::none: return "none";
    case Mode::undecided: return "undecided";
    case Mode::pressing: return "pressing";
    case Mode::scrolling: return "scrolling";
  }
  return "none";
}

const char* TouchInput::target_name() const { return target_ ? target_->Name : ""; }

}  // namespace likecast::app
