// The thin boundary between the ImGui app and the page around it: everything
// the app asks of the browser goes through these functions, and the page's
// JavaScript (web/shell.html) calls only the exported likecast_app_* functions
// declared in main.cpp.
#pragma once

#include <string>

namespace likecast::web {

void SetLiveText(const std::string& text);   // fills the #likecast-live aria-live region
std::string UrlQuery();                      // location.search without the leading '?'
double DevicePixelRatio();
void CssCanvasSize(int* width, int* height);  // the canvas's size in CSS pixels
void SetStatus(const std::string& text);     // the loading line under the canvas; "" hides it

}  // namespace likecast::web
