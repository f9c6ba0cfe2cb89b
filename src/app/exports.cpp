// The functions the page's JavaScript (web/page.js) calls. Each one changes
// the app and wakes the main loop; none may be called before main() has run
// (page.js calls them from Module.postRun on). Strings are UTF-8.
#include <string>
#include <string_view>

#include <emscripten.h>

#include "app/runtime.h"
#include "app/web_bridge.h"

using likecast::app::GetRuntime;
using likecast::app::Runtime;
using likecast::app::Wake;

extern "C" {

// Called by the page on any input, resize or theme change: draws a few frames, then sleeps again.
EMSCRIPTEN_KEEPALIVE void likecast_app_wake() { Wake(); }

// Loads the page's own model (likecast.json). Returns 0, or 1 when it was rejected.
EMSCRIPTEN_KEEPALIVE int likecast_app_load_model(const char* json) {
  Runtime* rt = GetRuntime();
  if (!rt) return 1;
  const std::string error = rt->app.LoadBuiltInModel(json);
  likecast::web::SetStatus(error.empty() ? "" : "The model could not be loaded: " + error);
  Wake();
  return error.empty() ? 0 : 1;
}

// Checks a file's name and size before the page reads it. Returns 0 to go on, 1 when it is refused
// (the chat shows why).
EMSCRIPTEN_KEEPALIVE int likecast_app_accept_file(const char* name, double bytes) {
  Runtime* rt = GetRuntime();
  if (!rt) return 1;
  const bool accepted = rt->app.AcceptFile(name, bytes).empty();
  Wake();
  return accepted ? 0 : 1;
}

// Opens a file the page has read into wasm memory (a CSV or a model JSON). The page frees `data`.
EMSCRIPTEN_KEEPALIVE void likecast_app_open_file(const char* name, const char* data, int size) {
  Runtime* rt = GetRuntime();
  if (!rt) return;
  rt->app.OpenFile(name, std::string_view(data, static_cast<size_t>(size)));
  Wake();
}

// Whether a file is a model file (by its name, or its first bytes starting with '{'): 1 for a model, which the
// page opens with likecast_app_open_file, 0 for a CSV, which it parses in its worker.
EMSCRIPTEN_KEEPALIVE int likecast_app_is_model_file(const char* name, const char* prefix, int size) {
  return likecast::app::App::IsModelFile(name, std::string_view(prefix, static_cast<size_t>(size))) ? 1 : 0;
}

// The page's CSV worker starts on a file of `bytes` bytes. Returns the load's id for the calls below.
EMSCRIPTEN_KEEPALIVE int likecast_app_csv_begin(const char* name, double bytes) {
  Runtime* rt = GetRuntime();
  if (!rt) return 0;
  const int id = rt->app.BeginCsvLoad(name, bytes);
  Wake();
  return id;
}

// The share of the file the worker has read, 0-1.
EMSCRIPTEN_KEEPALIVE void likecast_app_csv_progress(int id, double fraction) {
  Runtime* rt = GetRuntime();
  if (!rt) return;
  rt->app.SetCsvLoadProgress(id, fraction);
  Wake();
}

// The worker's result: the encoded Dataset (src/app/dataset_wire.h) in wasm memory. The page frees `data`.
EMSCRIPTEN_KEEPALIVE void likecast_app_csv_finish(int id, const char* data, int size) {
  Runtime* rt = GetRuntime();
  if (!rt) return;
  rt->app.FinishCsvLoad(id, std::string_view(data, static_cast<size_t>(size)));
  Wake();
}

// The worker failed: it could not start, or it ran out of memory. `reason` describes the failure.
EMSCRIPTEN_KEEPALIVE void likecast_app_csv_failed(int id, const char* reason) {
  Runtime* rt = GetRuntime();
  if (!rt) return;
  rt->app.FailCsvLoad(id, reason);
  Wake();
}

// The model kept in the browser's storage and its description (see web::RequestStoredModel), or "" for a
// text the page could not read. A model that fails its checks is removed and the built-in one stays.
EMSCRIPTEN_KEEPALIVE void likecast_app_restore_model(const char* meta_json, const char* model_json) {
  Runtime* rt = GetRuntime();
  if (!rt) return;
  rt->app.RestoreStoredModel(meta_json, model_json);
  Wake();
}

// Shows an error the page met (a file that could not be read) in the chat.
EMSCRIPTEN_KEEPALIVE void likecast_app_report_error(const char* text) {
  Runtime* rt = GetRuntime();
  if (!rt) return;
  rt->app.ReportError(text);
  Wake();
}

// A message typed in the chat's HTML input.
EMSCRIPTEN_KEEPALIVE void likecast_app_send(const char* text) {
  Runtime* rt = GetRuntime();
  if (!rt) return;
  rt->app.SendMessage(text);
  Wake();
}

// A number typed in a field's HTML input on a touch screen; `id` is the slot name ("views").
EMSCRIPTEN_KEEPALIVE void likecast_app_set_field(const char* id, const char* text) {
  Runtime* rt = GetRuntime();
  if (!rt) return;
  if (const auto slot = likecast::ChatSlotFromName(id)) rt->app.CommitField(*slot, text);
  Wake();
}

// A touch on the canvas: phase 0 down, 1 move, 2 up, 3 cancel; x and y in CSS pixels from its top left.
EMSCRIPTEN_KEEPALIVE void likecast_app_touch(int phase, double x, double y) {
  Runtime* rt = GetRuntime();
  if (!rt || phase < 0 || phase > 3) return;
  const float scale = rt->ui.scale;
  rt->touch.OnEvent(static_cast<likecast::app::TouchPhase>(phase), static_cast<float>(x * scale),
                    static_cast<float>(y * scale), emscripten_get_now());
  Wake();
}

// A mouse wheel or touchpad scroll over the canvas, in CSS pixels, positive down (the DOM's deltaY).
// Emscripten 3.1.6's GLFW passes the DOM's raw deltas to ImGui, which reads them as notches the other
// way round, so the page sends them here instead. ImGui 1.86 scrolls five body lines per notch.
EMSCRIPTEN_KEEPALIVE void likecast_app_wheel(double dx, double dy) {
  Runtime* rt = GetRuntime();
  if (!rt || !ImGui::GetCurrentContext() || !rt->ui.fonts.body) return;
  const double notch = 5.0 * rt->ui.fonts.body->FontSize / rt->ui.scale;
  ImGuiIO& io = ImGui::GetIO();
  io.MouseWheel -= static_cast<float>(dy / notch);
  io.MouseWheelH -= static_cast<float>(dx / notch);
  Wake();
}

// The system colour scheme (prefers-color-scheme), at start and whenever it changes.
EMSCRIPTEN_KEEPALIVE void likecast_app_set_system_dark(int dark) {
  Runtime* rt = GetRuntime();
  if (!rt) return;
  rt->app.SetSystemDark(dark != 0);
  Wake();
}

// Whether the main pointer is coarse (a finger): bigger targets, number fields edited in HTML.
EMSCRIPTEN_KEEPALIVE void likecast_app_set_touch(int touch) {
  Runtime* rt = GetRuntime();
  if (!rt) return;
  rt->app.SetTouch(touch != 0);
  Wake();
}

// The result of a clipboard write started by "Copy link".
EMSCRIPTEN_KEEPALIVE void likecast_app_on_copy(int ok) {
  Runtime* rt = GetRuntime();
  if (!rt) return;
  rt->app.OnCopyResult(ok != 0);
  Wake();
}

// Asks for the chat input to get keyboard focus once it is placed (desktop start, Escape in the canvas).
EMSCRIPTEN_KEEPALIVE void likecast_app_request_chat_focus() {
  Runtime* rt = GetRuntime();
  if (!rt) return;
  rt->app.RequestChatFocus();
  Wake();
}

// 1 while an ImGui text field has the keyboard, so the page leaves Escape and Tab to it.
EMSCRIPTEN_KEEPALIVE int likecast_app_wants_text() {
  Runtime* rt = GetRuntime();
  return rt && ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput ? 1 : 0;
}

// The app state as JSON for the browser tests (window.likecastTest.state()). The pointer stays valid
// until the next call.
EMSCRIPTEN_KEEPALIVE const char* likecast_app_test_state() {
  static std::string json;
  Runtime* rt = GetRuntime();
  json = rt ? rt->app.TestStateJson(rt->ui, rt->frames_drawn, rt->touch) : "{}";
  return json.c_str();
}

}  // extern "C"
