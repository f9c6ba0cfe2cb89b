// The LikeCast page's entry point: a GLFW window on the page's canvas
// (WebGL2), Dear ImGui, and a main loop that draws only when something
// changed. The page's JavaScript wakes it on input (likecast_app_wake), so an
// idle page costs no CPU.
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

#include "app/app.h"
#include "app/theme.h"
#include "app/web_bridge.h"

namespace {

struct Runtime {
  GLFWwindow* window = nullptr;
  likecast::app::App app;
  likecast::app::Fonts fonts;
  float scale = 0;           // device pixel ratio the fonts were built for
  int css_width = 0;
  int css_height = 0;
  int width = 1;             // backing store size in pixels
  int height = 1;
  int frames_left = 4;       // frames still to draw before the loop pauses
  bool paused = false;
};

Runtime* g_runtime = nullptr;

// Keeps the backing store at CSS size times the device pixel ratio, and the fonts at that scale.
void SyncCanvasSize(Runtime& rt) {
  int css_width = 0, css_height = 0;
  likecast::web::CssCanvasSize(&css_width, &css_height);
  const float scale = static_cast<float>(std::clamp(likecast::web::DevicePixelRatio(), 1.0, 4.0));
  if (css_width != rt.css_width || css_height != rt.css_height || scale != rt.scale) {
    rt.css_width = css_width;
    rt.css_height = css_height;
    // Set directly, not through glfwSetWindowSize: Emscripten's GLFW asks for
    // fullscreen whenever the new size equals the screen's.
    rt.width = std::max(1, static_cast<int>(std::lround(css_width * scale)));
    rt.height = std::max(1, static_cast<int>(std::lround(css_height * scale)));
    emscripten_set_canvas_element_size("#canvas", rt.width, rt.height);
  }
  if (scale != rt.scale) {
    rt.scale = scale;
    rt.fonts = likecast::app::LoadFonts(scale);
    likecast::app::ApplyTheme(scale);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
}

void Frame() {
  Runtime& rt = *g_runtime;
  if (rt.frames_left <= 0) {
    emscripten_pause_main_loop();
    rt.paused = true;
    return;
  }
  --rt.frames_left;

  SyncCanvasSize(rt);
  glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  // GLFW's cached window size is stale (see SyncCanvasSize); the canvas's is right.
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(rt.width), static_cast<float>(rt.height));
  io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
  ImGui::NewFrame();

  const int width = rt.width, height = rt.height;
  rt.app.Draw(static_cast<float>(width), static_cast<float>(height), rt.fonts);

  ImGui::Render();
  glViewport(0, 0, width, height);
  const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(background.x, background.y, background.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

  // Keep drawing while the user holds a widget (a slider drag) or ImGui animates.
  if (ImGui::IsAnyItemActive() || io.MouseDown[0] || io.WantTextInput) rt.frames_left = std::max(rt.frames_left, 2);
}

}  // namespace

extern "C" {

// Called by the page on any input, resize or theme change: draws a few frames, then sleeps again.
EMSCRIPTEN_KEEPALIVE void likecast_app_wake() {
  if (!g_runtime) return;
  g_runtime->frames_left = std::max(g_runtime->frames_left, 4);
  if (g_runtime->paused) {
    g_runtime->paused = false;
    emscripten_resume_main_loop();
  }
}

// Loads a model from JSON text. Returns 0, or 1 when the file was rejected (the old model stays).
EMSCRIPTEN_KEEPALIVE int likecast_app_load_model(const char* json) {
  if (!g_runtime) return 1;
  const std::string error = g_runtime->app.LoadModel(json);
  if (!error.empty()) {
    likecast::web::SetStatus("The model could not be loaded: " + error);
    return 1;
  }
  likecast::web::SetStatus("");
  likecast_app_wake();
  return 0;
}

}  // extern "C"

int main() {
  if (!glfwInit()) {
    likecast::web::SetStatus("This browser could not start the page (GLFW failed). Try a current Chrome, Firefox or Safari.");
    return 1;
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  static Runtime runtime;
  g_runtime = &runtime;
  runtime.window = glfwCreateWindow(1, 1, "LikeCast", nullptr, nullptr);
  if (!runtime.window) {
    likecast::web::SetStatus("This browser has no WebGL2, which LikeCast needs. Try a current Chrome, Firefox or Safari.");
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

  runtime.app.ApplyQuery(likecast::web::UrlQuery());
  emscripten_set_main_loop(Frame, 0, false);
  return 0;
}
