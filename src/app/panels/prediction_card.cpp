// The prediction card: the predicted likes in creator format (35.2K), the
// P10-P90 range as a bar on a log scale with the prediction (and the actual
// likes, when given) marked, where the predicted like rate ranks among
// similar videos, and the inputs the model had to assume.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include <imgui.h>

#include "app/app.h"
#include "app/panels/panels.h"
#include "app/ui.h"
#include "core/advice/benchmarks.h"
#include "core/common/format.h"

namespace likecast::app::panels {
namespace {

// The range bar: a track on a log scale, the P10-P90 span filled, the prediction as a dot, and the
// actual likes (if any) as a tick.
void RangeBar(Ui& ui, const ChatNumbers& numbers, std::optional<double> actual) {
  const Palette& p = *ui.palette;
  double low = numbers.p10, high = numbers.p90;
  if (actual) {
    low = std::min(low, *actual);
    high = std::max(high, *actual);
  }
  const double lo = std::log1p(std::max(0.0, low) * 0.6), hi = std::log1p(high * 1.4 + 1);
  const float width = ImGui::GetContentRegionAvail().x;
  const float height = ui.Px(36);
  ImGui::InvisibleButton("range-bar", ImVec2(width, height));
  ui.Mark("prediction:range-bar");
  const ImVec2 origin = ImGui::GetItemRectMin();
  auto x_of = [&](double likes) {
    const double t = (std::log1p(std::max(0.0, likes)) - lo) / std::max(1e-9, hi - lo);
    return origin.x + static_cast<float>(std::clamp(t, 0.0, 1.0)) * width;
  };
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float mid = origin.y + ui.Px(12);
  const float thick = ui.Px(8);
  draw->AddRectFilled(ImVec2(origin.x, mid - thick / 2), ImVec2(origin.x + width, mid + thick / 2), ui.Color(p.frame), thick);
  draw->AddRect(ImVec2(origin.x, mid - thick / 2), ImVec2(origin.x + width, mid + thick / 2), ui.Color(p.border, 0.6f), thick);
  draw->AddRectFilled(ImVec2(x_of(numbers.p10), mid - thick / 2), ImVec2(x_of(numbers.p90), mid + thick / 2),
                      ui.Color(p.accent, 0.45f), thick);
  draw->AddCircleFilled(ImVec2(x_of(numbers.likes), mid), ui.Px(7), ui.Color(p.accent));
  draw->AddCircle(ImVec2(x_of(numbers.likes), mid), ui.Px(7), ui.Color(p.panel), 0, ui.Px(2));
  if (actual) {
    const float x = x_of(*actual);
    draw->AddLine(ImVec2(x, mid - ui.Px(11)), ImVec2(x, mid + ui.Px(11)), ui.Color(p.text), ui.Px(3));
  }
  // Labels under the range ends, kept inside the bar's width.
  ImFont* font = ui.fonts.small;
  const float size = font->FontSize;
  const std::string left = "P10 " + FormatCount(numbers.p10);
  const std::string right = "P90 " + FormatCount(numbers.p90);
  const float left_w = font->CalcTextSizeA(size, FLT_MAX, 0, left.c_str()).x;
  const float right_w = font->CalcTextSizeA(size, FLT_MAX, 0, right.c_str()).x;
  float left_x = std::clamp(x_of(numbers.p10) - left_w / 2, origin.x, origin.x + width - left_w);
  float right_x = std::clamp(x_of(numbers.p90) - right_w / 2, origin.x, origin.x + width - right_w);
  if (right_x < left_x + left_w + ui.Px(6)) right_x = std::min(origin.x + width - right_w, left_x + left_w + ui.Px(6));
  const float label_y = mid + ui.Px(8);
  draw->AddText(font, size, ImVec2(left_x, label_y), ui.Color(p.muted), left.c_str());
  draw->AddText(font, size, ImVec2(right_x, label_y), ui.Color(p.muted), right.c_str());
}

void ActualLine(Ui& ui, const App& app, const ChatNumbers& numbers, double actual) {
  const double diff = numbers.likes > 0 ? actual / numbers.likes - 1.0 : 0.0;
  std::string where = actual < numbers.p10   ? "below the likely range"
                      : actual > numbers.p90 ? "above the likely range"
                                             : "inside the likely range";
  std::string text = "Actual " + FormatCount(actual) + " likes: " + FormatPercent(std::fabs(diff), 0) +
                     (diff >= 0 ? " above" : " below") + " the prediction, " + where + ".";
  if (app.derived().actual_percentile)
    text += " Its like rate is " + FormatPercentileRank(*app.derived().actual_percentile) + " among similar videos.";
  ColoredWrappedText(actual > numbers.p90 ? ui.palette->good : actual < numbers.p10 ? ui.palette->error : ui.palette->text,
                     text.c_str());
  ui.Mark("prediction:actual");
}

std::string AssumedList(const ChatNumbers& numbers) {
  std::string list;
  for (InputField field : numbers.assumed) {
    if (field == InputField::verified || field == InputField::author_status) continue;
    list += (list.empty() ? "" : ", ") + std::string(field == InputField::duration_sec ? "length" : InputFieldName(field));
  }
  return list;
}

}  // namespace

void PredictionCard(App& app, Ui& ui) {
  BeginCard(ui, "prediction");
  SectionTitle(ui, "PREDICTED LIKES");
  const ChatNumbers& numbers = app.derived().numbers;
  if (!app.model()) {
    if (app.model_error().empty()) WrappedText("Loading the model...");
    else ColoredWrappedText(ui.palette->error, app.model_error().c_str());
  } else if (!numbers.has_prediction) {
    WrappedText("Enter your video's views (a slider, a field or the chat) to get a prediction.");
  } else {
    ImGui::PushFont(ui.fonts.headline);
    ImGui::TextUnformatted(FormatCount(numbers.likes).c_str());
    ImGui::PopFont();
    ui.Mark("prediction:likes");
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ui.Px(ui.compact ? 10 : 16));
    ImGui::PushStyleColor(ImGuiCol_Text, ui.palette->muted);
    ImGui::Text("likes (%s)", FormatInteger(numbers.likes).c_str());
    ImGui::PopStyleColor();

    const std::optional<double> actual = app.slots().likes;
    RangeBar(ui, numbers, actual);
    if (!ui.compact) {
      const std::string range = "8 in 10 similar videos get between " + FormatCount(numbers.p10) + " and " +
                                FormatCount(numbers.p90) + " likes.";
      Caption(ui, range.c_str());
    }
    if (app.derived().like_rate_percentile && !ui.compact) {
      const double rate = numbers.likes / std::max(1.0, numbers.used.views);
      const std::string text = "Like rate " + FormatPercent(rate, 1) + ": " +
                               FormatPercentileRank(*app.derived().like_rate_percentile) + " among " + app.derived().group + ".";
      WrappedText(text.c_str());
      ui.Mark("prediction:percentile");
    }
    if (actual) ActualLine(ui, app, numbers, *actual);
    const std::string assumed = AssumedList(numbers);
    if (!assumed.empty() && !ui.compact) Caption(ui, ("Typical values assumed for " + assumed + ": set them for a sharper prediction.").c_str());
  }
  EndCard(ui);
}

void PredictionStrip(App& app, Ui& ui) {
  const ChatNumbers& numbers = app.derived().numbers;
  std::string text;
  if (!app.model()) text = app.model_error().empty() ? "Loading the model..." : "No model loaded.";
  else if (!numbers.has_prediction) text = "No prediction yet: tell me the views.";
  else text = "Predicted " + FormatCount(numbers.likes) + " likes (likely " + FormatCount(numbers.p10) + " to " +
              FormatCount(numbers.p90) + ")";
  ImGui::PushFont(ui.fonts.title);
  WrappedText(text.c_str());
  ImGui::PopFont();
  ui.Mark("prediction:strip");
}

}  // namespace likecast::app::panels
