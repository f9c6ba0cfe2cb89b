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

// The stored model: its text under "likecast.model" in localStorage, or under "model" in the IndexedDB
// database "likecast" when localStorage is full, and its description (with "store": "local" or "indexeddb")
// under "likecast.model.meta" in localStorage. The description is written last, so a half-written model
// is never read as one.
EM_JS(int, JsStoreModel, (const char* meta_json, const char* model_json), {
  const meta = JSON.parse(UTF8ToString(meta_json));
  const text = UTF8ToString(model_json);
  const report = (why) => Module.ccall("likecast_app_report_error", null, ["string"],
    ["This browser could not keep the model for your next visit (" + why + "). Download the model to keep it."]);
  try {
    window.localStorage.removeItem("likecast.model.meta");
    meta.store = "local";
    window.localStorage.setItem("likecast.model", text);
    window.localStorage.setItem("likecast.model.meta", JSON.stringify(meta));
    return 1;
  } catch (error) {
    try { window.localStorage.removeItem("likecast.model"); } catch (ignored) { }
  }
  if (!window.indexedDB) return 0;
  meta.store = "indexeddb";
  try {
    const request = window.indexedDB.open("likecast", 1);
    request.onupgradeneeded = () => request.result.createObjectStore("models");
    request.onerror = () => report("IndexedDB could not be opened");
    request.onsuccess = () => {
      const db = request.result;
      const transaction = db.transaction("models", "readwrite");
      transaction.objectStore("models").put(text, "model");
      transaction.oncomplete = () => {
        db.close();
        try { window.localStorage.setItem("likecast.model.meta", JSON.stringify(meta)); } catch (error) { report(String(error)); }
      };
      transaction.onabort = () => { db.close(); report("IndexedDB rejected the write"); };
    };
  } catch (error) {
    return 0;
  }
  return 1;
});

EM_JS(void, JsRequestStoredModel, (), {
  let metaText = null;
  try { metaText = window.localStorage.getItem("likecast.model.meta"); } catch (error) { return; }
  if (metaText === null) return;
  const deliver = (text) => setTimeout(() => {
    const metaSize = lengthBytesUTF8(metaText) + 1;
    const textSize = lengthBytesUTF8(text) + 1;
    const metaPointer = _malloc(metaSize);
    const textPointer = _malloc(textSize);
    stringToUTF8(metaText, metaPointer, metaSize);
    stringToUTF8(text, textPointer, textSize);
    Module["_likecast_app_restore_model"](metaPointer, textPointer);
    _free(metaPointer);
    _free(textPointer);
  }, 0);
  let store = "";
  try { store = JSON.parse(metaText).store; } catch (error) { store = ""; }
  if (store !== "indexeddb") {
    let text = "";
    try { text = window.localStorage.getItem("likecast.model") || ""; } catch (error) { text = ""; }
    deliver(text);
    return;
  }
  try {
    const request = window.indexedDB.open("likecast", 1);
    request.onupgradeneeded = () => request.result.createObjectStore("models");
    request.onerror = () => deliver("");
    request.onsuccess = () => {
      const db = request.result;
      const get = db.transaction("models", "readonly").objectStore("models").get("model");
      get.onsuccess = () => { db.close(); deliver(typeof get.result === "string" ? get.result : ""); };
      get.onerror = () => { db.close(); deliver(""); };
    };
  } catch (error) {
    deliver("");
  }
});

EM_JS(void, JsClearStoredModel, (), {
  try {
    window.localStorage.removeItem("likecast.model.meta");
    window.localStorage.removeItem("likecast.model");
  } catch (error) {
    console.warn("localStorage", error);
  }
  try {
    const request = window.indexedDB.open("likecast", 1);
    request.onupgradeneeded = () => request.result.createObjectStore("models");
    request.onsuccess = () => {
      const db = request.result;
      const transaction = db.transaction("models", "readwrite");
      transaction.objectStore("models").delete("model");
      transaction.oncomplete = () => db.close();
      transaction.onabort = () => db.close();
    };
  } catch (error) {
    console.warn("indexedDB", error);
  }
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

bool StoreModel(const std::string& meta_json, const std::string& model_json) {
  return JsStoreModel(meta_json.c_str(), model_json.c_str()) != 0;
}
void RequestStoredModel() { JsRequestStoredModel(); }
void ClearStoredModel() { JsClearStoredModel(); }

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
