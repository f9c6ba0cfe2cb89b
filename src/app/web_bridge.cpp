// Browser calls for the app (see web_bridge.h). The DOM work that is more
// than a line or two lives in web/page.js behind window.likecastPage, so these
// bodies stay small.
#include "app/web_bridge.h"

#include <cstdlib>

#include <emscripten.h>
#include <emscripten/html5.h>

namespace likecast::web {
namespace {

// clang-format off
// EM_JS bodies pass through the C preprocessor: double quotes only.
EM_JS(void, JsSetLiveText, (const char* text), {
  const live = document.getElementById("likecast-live");
  if (live) live.textContent = UTF8ToString(text);
});

EM_JS(void, JsSetStatus, (const char* text), {
  const status = document.getElementById("likecast-status");
  if (!status) return;
  const message = UTF8ToString(text);
  status.textContent = message;
  status.hidden = message.length === 0;
});

EM_JS(char*, JsCopyString, (int which), {
  let text = "";
  try {
    if (which === 0) text = window.location.search.replace(/^[?]/, "");
    if (which === 1) text = window.location.href;
    if (which === 2) text = window.localStorage.getItem("likecast.state") || "";
  } catch (error) {
    text = "";
  }
  const size = lengthBytesUTF8(text) + 1;
  const buffer = _malloc(size);
  stringToUTF8(text, buffer, size);
  return buffer;
});

EM_JS(void, JsReplaceUrlQuery, (const char* query), {
  const text = UTF8ToString(query);
  const url = window.location.pathname + (text.length ? "?" + text : "") + window.location.hash;
  try { window.history.replaceState(null, "", url); } catch (error) { console.warn("replaceState failed", error); }
});

EM_JS(int, JsSaveState, (const char* json), {
  try {
    window.localStorage.setItem("likecast.state", UTF8ToString(json));
    return 1;
  } catch (error) {
    return 0;
  }
});

EM_JS(void, JsClearSavedState, (), {
  try { window.localStorage.removeItem("likecast.state"); } catch (error) { console.warn("localStorage", error); }
});

EM_JS(double, JsDevicePixelRatio, (), { return window.devicePixelRatio || 1; });

EM_JS(void, JsCallPage, (const char* method, const char* a, const char* b), {
  const page = window.likecastPage;
  const name = UTF8ToString(method);
  if (page && page[name]) page[name](UTF8ToString(a), UTF8ToString(b));
});
// clang-format on

std::string TakeString(char* raw) {
  std::string text = raw;
  free(raw);
  return text;
}

}  // namespace

void SetLiveText(const std::string& text) { JsSetLiveText(text.c_str()); }
void SetStatus(const std::string& text) { JsSetStatus(text.c_str()); }

std::string UrlQuery() { return TakeString(JsCopyString(0)); }
std::string PageUrl() { return TakeString(JsCopyString(1)); }
void ReplaceUrlQuery(const std::string& query) { JsReplaceUrlQuery(query.c_str()); }
double DevicePixelRatio() { return JsDevicePixelRatio(); }

void CssCanvasSize(int* width, int* height) {
  double w = 0, h = 0;
  emscripten_get_element_css_size("#canvas", &w, &h);
  *width = static_cast<int>(w);
  *height = static_cast<int>(h);
}

std::string LoadSavedState() { return TakeString(JsCopyString(2)); }
bool SaveState(const std::string& json) { return JsSaveState(json.c_str()) != 0; }
void ClearSavedState() { JsClearSavedState(); }

void OpenFilePicker() { JsCallPage("openFilePicker", "", ""); }
void CancelFileLoad() { JsCallPage("cancelFileLoad", "", ""); }
void DownloadText(const std::string& file_name, const std::string& text) {
  JsCallPage("download", file_name.c_str(), text.c_str());
}
void CopyText(const std::string& text) { JsCallPage("copyText", text.c_str(), ""); }

void SetTextFields(const std::string& fields_json) { JsCallPage("setTextFields", fields_json.c_str(), ""); }
void FocusChatInput() { JsCallPage("focusChatInput", "", ""); }
void SubmitChat() { JsCallPage("submitChat", "", ""); }
void OpenNumberField(const std::string& id) { JsCallPage("openNumberField", id.c_str(), ""); }

void SetPageTheme(const std::string& name, const std::string& css_variables_json) {
  JsCallPage("setTheme", name.c_str(), css_variables_json.c_str());
}
void PostHeight(int css_pixels) { JsCallPage("postHeight", std::to_string(css_pixels).c_str(), ""); }

}  // namespace likecast::web
