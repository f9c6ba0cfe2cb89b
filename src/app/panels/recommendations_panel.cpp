// The recommendations card: the levers a creator controls (shares, comments,
// downloads, length), ranked by the model's gain at each lever's target,
// each with the action to take, the numbers behind it, and a "Try it" button
// that sends the matching what-if to the chat, so it can be undone there.
#include <cmath>
#include <string>

#include <imgui.h>

#include "app/app.h"
#include "app/panels/panels.h"
#include "app/ui.h"
#include "core/common/format.h"

namespace likecast::app::panels {
namespace {

const char* LeverTitle(Lever lever) {
  switch (lever) {
    case Lever::shares: return "Shares";
    case Lever::comments: return "Comments";
    case Lever::downloads: return "Downloads";
    case Lever::duration_sec: return "Length";
  }
  return "";
}

// The what-if the chat understands for a lever at its target.
std::string WhatIfMessage(const Recommendation& r) {
  const std::string value = FormatPlain(std::round(r.target.value), 0);
  if (r.lever == Lever::duration_sec) return "what if it was " + value + " seconds long?";
  return "what if " + std::string(LeverName(r.lever)) + " were " + value + "?";
}

}  // namespace

void Recommendations(App& app, Ui& ui) {
  if (!app.model() || !app.derived().numbers.has_prediction || ui.compact) return;
  const RecommendResult& result = app.derived().recommendations;
  BeginCard(ui, "recommendations");
  SectionTitle(ui, "WAYS TO GET MORE LIKES");
  if (!result.error.empty()) {
    Caption(ui, ("No recommendations: " + result.error + ".").c_str());
  } else {
    Caption(ui, ("Compared with " + result.group + " (" + FormatInteger(static_cast<double>(result.group_rows)) +
                 " videos). Gains are the model's estimates.").c_str());
    for (const Recommendation& r : result.recommendations) {
      ImGui::PushID(r.lever_name.c_str());
      ImGui::Separator();
      ImGui::PushFont(ui.fonts.title);
      ImGui::TextUnformatted(LeverTitle(r.lever));
      ImGui::PopFont();
      ImGui::SameLine();
      ImGui::AlignTextToFramePadding();
      if (r.already_strong) {
        ImGui::TextColored(ui.palette->muted, "already strong");
      } else {
        ImGui::TextColored(r.target.gain > 0 ? ui.palette->good : ui.palette->muted, "%s", r.gain_text.c_str());
      }
      ui.Mark("recommendation:" + r.lever_name);
      WrappedText(r.action.c_str());
      Caption(ui, r.reason.c_str());
      if (!r.already_strong && !r.small_effect && std::round(r.target.value) != std::round(r.current)) {
        if (SecondaryButton(ui, "Try it", ("button:try-" + r.lever_name).c_str())) app.SendMessage(WhatIfMessage(r));
      }
      ImGui::PopID();
    }
  }
  EndCard(ui);
}

}  // namespace likecast::app::panels
