// The thin boundary between the ImGui app and the page around it: everything
// the app asks of the browser goes through these functions, and the page's
// JavaScript (web/page.js) calls only the exported likecast_app_* functions
// of exports.cpp.
#pragma once

#include <string>

namespace likecast::web {

// --- Page text ----------------------------------------------------------------
void SetLiveText(const std::string& text);   // fills the #likecast-live aria-live region
void SetStatus(const std::string& text);     // the loading line under the canvas; "" hides it

// --- Canvas and URL -----------------------------------------------------------
std::string UrlQuery();                      // location.search without the leading '?'
void ReplaceUrlQuery(const std::string& query);   // history.replaceState, no reload
std::string PageUrl();                       // location.href
double DevicePixelRatio();
void CssCanvasSize(int* width, int* height);  // the canvas's size in CSS pixels

// --- Saved state (localStorage; every call tolerates a browser that blocks storage) ---
std::string LoadSavedState();                // "" when nothing is saved or storage is blocked
bool SaveState(const std::string& json);     // false when storage is blocked or full
void ClearSavedState();

// --- Stored model (localStorage, or IndexedDB when localStorage is full) -------------------------------
// Stores a model's JSON text with its description (`meta_json`). False when no storage can be written now;
// a failure of the IndexedDB write, which finishes later, comes back through likecast_app_report_error.
bool StoreModel(const std::string& meta_json, const std::string& model_json);
// Asks the page for the stored model: if there is one, it calls likecast_app_restore_model(meta, text) after
// the current call returns, with "" for a text it could not read.
void RequestStoredModel();
void ClearStoredModel();

// --- Files, downloads, clipboard ------------------------------------------------
void OpenFilePicker();                       // clicks the hidden <input type=file>; the page calls back
void CancelFileLoad();                       // stops the worker parsing a CSV file; no result comes back
void DownloadText(const std::string& file_name, const std::string& text);   // a JSON download
void CopyText(const std::string& text);      // the page calls likecast_app_on_copy(ok) when done

// --- The HTML inputs over the canvas ---------------------------------------------
// Places the real <input> elements: `fields_json` lists {id, kind, x, y, w, h, value, label} in CSS
// pixels; kind "chat" is the chat input, "number" a field the page edits in HTML on touch screens.
void SetTextFields(const std::string& fields_json);
void FocusChatInput();
void SubmitChat();                           // sends the chat input's text (the Send button)
void OpenNumberField(const std::string& id); // opens the HTML editor of a number field (touch screens)

// --- Theme and embedding ----------------------------------------------------------
// Tells the page the theme, so the HTML inputs and the body match the canvas ("#rrggbb" colours).
void SetPageTheme(const std::string& name, const std::string& css_variables_json);
void PostHeight(int css_pixels);             // window.parent.postMessage({type: "likecast:height", height})

}  // namespace likecast::web
