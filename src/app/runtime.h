// The page's one runtime object, shared by the main loop (main.cpp) and the
// functions the page's JavaScript calls (exports.cpp).
#pragma once

#include <GLFW/glfw3.h>

#include "app/app.h"
#include "app/touch_input.h"
#include "app/ui.h"

namespace likecast::app {

// What the fonts and style were last built for; a change rebuilds them.
struct StyleKey {
  float scale = 0;
  bool dark = false;
  bool touch = false;
  bool compact = false;
  bool operator==(const StyleKey& other) const {
    return scale == other.scale && dark == other.dark && touch == other.touch && compact == other.compact;
  }
};

struct Runtime {
  GLFWwindow* window = nullptr;
  App app;
  Ui ui;
  TouchInput touch;
  StyleKey style;
  int css_width = 0;
  int css_height = 0;
  int width = 1;             // backing store size in pixels
  int height = 1;
  int frames_left = 4;       // frames still to draw before the loop pauses
  bool paused = false;
  int frames_drawn = 0;      // for the tests: proves the loop sleeps when idle
  double last_draw_ms = 0;   // emscripten_get_now() of the last drawn frame
};

Runtime* GetRuntime();      // null before main() has set it up

// Resumes the main loop for a few frames (input, a file, a theme change).
void Wake(int frames = 4);

}  // namespace likecast::app
