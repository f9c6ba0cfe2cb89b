// The LikeCast page's entry point: a GLFW window on the page's canvas
// (WebGL2), Dear ImGui, and a main loop that draws only when something
// changed. The page's JavaScript wakes it on input (likecast_app_wake), so an
// idle page costs no CPU; training keeps it running until it ends.
//
// Sizes: the canvas's backing store is its CSS size times the device pixel
// ratio, and ImGui works in those backing pixels with fonts and style scaled
// by the same ratio, so text is crisp on high-DPI phones.
#include <algorithm>
#include <cmath>
#include <string>

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "app/runtime.h"
#include "app/theme.h"
#include "app/web_bridge.h"

namespace likecast::app {
namespace {

Runtime* g_runtime = nullptr;

// While training with no input, the page is drawn this often (ms); the frames between only train.
constexpr double kTrainingDrawIntervalMs = 500;

// Narrower than this (in CSS pixels), the page is one column with tabs.
constexpr int kOneColumnBelowCss = 820;

// The page's CSS colours, so the HTML inputs over the canvas match the theme.
std::string CssVariables(const Palette& p) {
  auto hex = [](const ImVec4& color) {
    char text[8];
    ColorToHex(color, text);
    return std::string(text);
  };
  return std::string("{\"--lc-bg\":\"") + hex(p.background) + "\",\"--lc-panel\":\"" + hex(p.panel) +
         "\",\"--lc-text\":\"" + hex(p.text) + "\",\"--lc-muted\":\"" + hex(p.muted) + "\",\"--lc-frame\":\"" +
         hex(p.frame) + "\",\"--lc-border\":\"" + hex(p.border) + "\",\"--lc-accent\":\"" + hex(p.accent) + "\"}";
}

// Keeps the backing store at CSS size times the device pixel ratio, and fonts and style in step with
// the scale, the theme and the kind of pointer.
void SyncCanvasAndStyle(Runtime& rt) {
  int css_width = 0, css_height = 0;
  web::CssCanvasSize(&css_width, &css_height);
  const float scale = static_cast<float>(std::clamp(web::DevicePixelRatio(), 1.0, 4.0));
  if (css_width != rt.css_width || css_height != rt.css_height || scale != rt.style.scale) {
    rt.css_width = css_width;
    rt.css_height = css_height;
    // Set directly, not through glfwSetWindowSize: Emscripten's GLFW requests
    // fullscreen whenever the new size equals the screen's.
    rt.width = std::max(1, static_cast<int>(std::lround(css_width * scale)));
    rt.height = std::max(1, static_cast<int>(std::lround(css_height * scale)));
    emscripten_set_canvas_element_size("#canvas", rt.width, rt.height);
  }
  const StyleKey key{scale, rt.app.dark(), rt.app.touch(), rt.app.compact()};
  if (key == rt.style) return;
  const bool fonts_changed = key.scale != rt.style.scale || key.compact != rt.style.compact;
  rt.style = key;
  const Palette& palette = key.dark ? DarkPalette() : LightPalette();
  if (fonts_changed) {
    rt.ui.fonts = LoadFonts(scale, key.compact);
    // Before the first frame the backend has no GL objects yet, and its first NewFrame uploads the atlas.
    if (rt.frames_drawn > 0) {
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
    }
  }
  ApplyTheme(palette, scale, key.touch, key.compact);
  rt.ui.scale = scale;
  rt.ui.touch = key.touch;
  rt.ui.compact = key.compact;
  rt.ui.palette = &palette;
  rt.ui.card_heights.clear();
  web::SetPageTheme(palette.name, CssVariables(palette));
}

void Frame() {
  Runtime& rt = *g_runtime;
  if (rt.frames_left <= 0 && !rt.app.NeedsFrames() && !rt.touch.NeedsFrames()) {
    emscripten_pause_main_loop();
    rt.paused = true;
    return;
  }
  --rt.frames_left;
  const double now = emscripten_get_now();

  // While the page trains and no input is waiting, most frames only train. Drawing the page costs more
  // than a training slice in software WebGL: bench/js/page.mjs measured about 50 ms of GPU-process CPU per
  // drawn frame with swiftshader in headless Chromium, on a busy 2-core machine. So the progress is drawn
  // every kTrainingDrawIntervalMs, and at once on input.
  if (rt.frames_left < 0 && rt.app.NeedsFrames() && !rt.touch.NeedsFrames() &&
      now - rt.last_draw_ms < kTrainingDrawIntervalMs) {
    rt.app.Tick(now);
    if (!rt.app.NeedsFrames()) rt.frames_left = 2;   // training ended: draw the result
    return;
  }
  rt.last_draw_ms = now;

  // Input and sizes.
  SyncCanvasAndStyle(rt);
  glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  // GLFW's cached window size is stale (see SyncCanvasAndStyle); the canvas's is right.
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(rt.width), static_cast<float>(rt.height));
  io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
  rt.touch.BeforeFrame(io, rt.ui.Px(8), now);
  ImGui::NewFrame();

  // Work, then the page.
  rt.app.Tick(now);
  rt.ui.BeginFrame();
  rt.ui.one_column = rt.css_width < kOneColumnBelowCss;
  rt.app.Draw(rt.ui, static_cast<float>(rt.width), static_cast<float>(rt.height));

  // Draw.
  ImGui::Render();
  glViewport(0, 0, rt.width, rt.height);
  const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(background.x, background.y, background.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  [[maybe_unused]] static const bool kMarked = (EM_ASM(performance.mark("likecast-first-frame")), true);  // scripts/bench
  rt.app.AfterFrame(rt.ui);
  ++rt.frames_drawn;

  // Keep drawing while a button or slider is held or the layout is still settling. An active text
  // field alone does not count: its keys wake the loop, and the caret does not blink.
  if (io.MouseDown[0] || rt.ui.drag_widget_active || rt.ui.wants_another_frame) rt.frames_left = std::max(rt.frames_left, 2);
}

}  // namespace

Runtime* GetRuntime() { return g_runtime; }

void Wake(int frames) {
  if (!g_runtime) return;
  g_runtime->frames_left = std::max(g_runtime->frames_left, frames);
  if (g_runtime->paused) {
    g_runtime->paused = false;
    emscripten_resume_main_loop();
  }
}

}  // namespace likecast::app

int main() {
  using namespace likecast;
  if (!glfwInit()) {
    web::SetStatus("This browser could not start the page (GLFW failed). Try a current Chrome, Firefox or Safari.");
    return 1;
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  static app::Runtime runtime;
  runtime.window = glfwCreateWindow(1, 1, "LikeCast", nullptr, nullptr);
  if (!runtime.window) {
    web::SetStatus("This browser has no WebGL2, which LikeCast needs. Try a current Chrome, Firefox or Safari.");
    return 1;
  }
  glfwMakeContextCurrent(runtime.window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;                    // no imgui.ini in the browser
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigInputTextCursorBlink = false;       // a blinking caret would keep the idle page drawing
  ImGui_ImplGlfw_InitForOpenGL(runtime.window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");

  app::g_runtime = &runtime;
  runtime.app.Start(web::UrlQuery(), web::LoadSavedState());
  emscripten_set_main_loop(app::Frame, 0, false);
  // The first frame now rather than at the first animation frame, which came 130-740 ms after main() in
  // headless Chromium on a loaded 2-core machine. The page's script loads the model after this (Module.postRun).
  app::Frame();
  return 0;
}
