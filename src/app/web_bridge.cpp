// Browser calls for the app (see web_bridge.h).
#include "app/web_bridge.h"

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

EM_JS(char*, JsUrlQuery, (), {
  const query = window.location.search.replace(/^[?]/, "");
  const size = lengthBytesUTF8(query) + 1;
  const buffer = _malloc(size);
  stringToUTF8(query, buffer, size);
  return buffer;
});

EM_JS(double, JsDevicePixelRatio, (), { return window.devicePixelRatio || 1; });

EM_JS(void, JsSetStatus, (const char* text), {
  const status = document.getElementById("likecast-status");
  if (!status) return;
  const message = UTF8ToString(text);
  status.textContent = message;
  status.hidden = message.length === 0;
});
// clang-format on

}  // namespace

void SetLiveText(const std::string& text) { JsSetLiveText(text.c_str()); }

std::string UrlQuery() {
  char* raw = JsUrlQuery();
  std::string query = raw;
  free(raw);
  return query;
}

double DevicePixelRatio() { return JsDevicePixelRatio(); }

void CssCanvasSize(int* width, int* height) {
  double w = 0, h = 0;
  emscripten_get_element_css_size("#canvas", &w, &h);
  *width = static_cast<int>(w);
  *height = static_cast<int>(h);
}

void SetStatus(const std::string& text) { JsSetStatus(text.c_str()); }

}  // namespace likecast::web
