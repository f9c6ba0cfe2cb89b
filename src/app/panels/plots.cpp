// Plots drawn with ImGui's draw list (see plots.h).
#include "app/panels/plots.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include <imgui.h>

#include "core/common/format.h"

namespace likecast::app::plots {
namespace {

// The rectangle a plot draws in, after room for the axis labels.
struct Area {
  ImVec2 min, max;      // inner plot area
  ImVec2 outer_min, outer_max;
  bool hovered = false;
  ImVec2 mouse;
};

Area Reserve(Ui& ui, const char* id, float height, float left_margin, float bottom_margin) {
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::InvisibleButton(id, ImVec2(width, height));
  ui.Mark(std::string("plot:") + id);
  Area area;
  area.outer_min = ImGui::GetItemRectMin();
  area.outer_max = ImGui::GetItemRectMax();
  area.min = ImVec2(area.outer_min.x + left_margin, area.outer_min.y + ui.Px(6));
  area.max = ImVec2(area.outer_max.x - ui.Px(8), area.outer_max.y - bottom_margin);
  area.hovered = ImGui::IsItemHovered();
  area.mouse = ImGui::GetIO().MousePos;
  return area;
}

void AxisText(Ui& ui, ImVec2 pos, const std::string& text, float align_x) {
  ImFont* font = ui.fonts.small;
  const float width = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x;
  ImGui::GetWindowDrawList()->AddText(font, font->FontSize, ImVec2(pos.x - width * align_x, pos.y),
                                      ui.Color(ui.palette->muted), text.c_str());
}

void Frame(Ui& ui, const Area& area) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddLine(ImVec2(area.min.x, area.max.y), area.max, ui.Color(ui.palette->border), ui.Px(1));
  draw->AddLine(area.min, ImVec2(area.min.x, area.max.y), ui.Color(ui.palette->border), ui.Px(1));
}

void HorizontalGrid(Ui& ui, const Area& area, double y_max, int lines) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (int i = 1; i <= lines; ++i) {
    const float y = area.max.y - (area.max.y - area.min.y) * static_cast<float>(i) / static_cast<float>(lines);
    draw->AddLine(ImVec2(area.min.x, y), ImVec2(area.max.x, y), ui.Color(ui.palette->border, 0.25f), ui.Px(1));
    AxisText(ui, ImVec2(area.min.x - ui.Px(4), y - ui.fonts.small->FontSize * 0.5f),
             FormatPercent(y_max * i / lines, y_max < 0.1 ? 1 : 0), 1.0f);
  }
}

}  // namespace

void LikeRateHistogram(Ui& ui, const char* id, const std::vector<HistogramBin>& bins, std::optional<double> marker) {
  if (bins.empty()) return;
  const Palette& p = *ui.palette;
  const Area area = Reserve(ui, id, ui.Px(170), ui.Px(36), ui.Px(22));
  size_t max_count = 1;
  for (const HistogramBin& bin : bins) max_count = std::max(max_count, bin.count);
  const double x_min = bins.front().low, x_max = bins.back().high;
  auto x_of = [&](double x) {
    const double t = (x - x_min) / std::max(1e-12, x_max - x_min);
    return area.min.x + static_cast<float>(std::clamp(t, 0.0, 1.0)) * (area.max.x - area.min.x);
  };
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const HistogramBin* hovered = nullptr;
  for (const HistogramBin& bin : bins) {
    const float top = area.max.y - (area.max.y - area.min.y) * static_cast<float>(bin.count) / static_cast<float>(max_count);
    const ImVec2 a(x_of(bin.low) + ui.Px(1), top), b(x_of(bin.high) - ui.Px(1), area.max.y);
    const bool over = area.hovered && area.mouse.x >= a.x && area.mouse.x < b.x + ui.Px(2);
    if (over) hovered = &bin;
    draw->AddRectFilled(a, b, ui.Color(p.bar, over ? 1.0f : 0.75f), ui.Px(2));
  }
  Frame(ui, area);
  AxisText(ui, ImVec2(area.min.x - ui.Px(4), area.min.y - ui.Px(2)), FormatInteger(static_cast<double>(max_count)), 1.0f);
  for (int i = 0; i <= 4; ++i) {
    const double x = x_min + (x_max - x_min) * i / 4.0;
    AxisText(ui, ImVec2(x_of(x), area.max.y + ui.Px(4)), FormatPercent(x, 0), i == 0 ? 0.0f : i == 4 ? 1.0f : 0.5f);
  }
  if (marker) {
    const float x = x_of(*marker);
    draw->AddLine(ImVec2(x, area.min.y), ImVec2(x, area.max.y), ui.Color(p.accent), ui.Px(3));
    const std::string label = "your video " + FormatPercent(*marker, 1);
    const float label_w = ui.fonts.small->CalcTextSizeA(ui.fonts.small->FontSize, FLT_MAX, 0, label.c_str()).x;
    const bool left = x + label_w + ui.Px(6) > area.max.x;
    draw->AddText(ui.fonts.small, ui.fonts.small->FontSize, ImVec2(left ? x - label_w - ui.Px(5) : x + ui.Px(5), area.min.y),
                  ui.Color(p.accent), label.c_str());
  }
  if (hovered) {
    ImGui::SetTooltip("Like rate %s to %s: %s videos", FormatPercent(hovered->low, 1).c_str(),
                      FormatPercent(hovered->high, 1).c_str(), FormatInteger(static_cast<double>(hovered->count)).c_str());
  }
}

void RateAgainstViews(Ui& ui, const char* id, const std::vector<CurvePoint>& curve, const std::vector<ScatterPoint>& points,
                      std::optional<ScatterPoint> highlight) {
  if (curve.empty() && points.empty()) return;
  const Palette& p = *ui.palette;
  const Area area = Reserve(ui, id, ui.Px(220), ui.Px(40), ui.Px(22));

  // Axes: views from the smallest to the largest seen (log), like rate from 0 to the P75 band's top, with room.
  double x_min = DBL_MAX, x_max = 0, y_max = 0;
  for (const CurvePoint& c : curve) {
    x_min = std::min(x_min, std::max(1.0, c.low));
    x_max = std::max(x_max, c.high);
    y_max = std::max(y_max, c.p75_like_rate);
  }
  for (const ScatterPoint& s : points) {
    x_min = std::min(x_min, std::max(1.0, s.x));
    x_max = std::max(x_max, s.x);
  }
  if (highlight) {
    x_min = std::min(x_min, std::max(1.0, highlight->x));
    x_max = std::max(x_max, highlight->x);
    y_max = std::max(y_max, highlight->y);
  }
  y_max = std::max(0.05, y_max * 1.25);
  const double lx_min = std::log10(std::max(1.0, x_min)), lx_max = std::max(lx_min + 1, std::log10(x_max * 1.05));
  auto map = [&](double x, double y) {
    const double tx = (std::log10(std::max(1.0, x)) - lx_min) / (lx_max - lx_min);
    const double ty = std::clamp(y / y_max, 0.0, 1.0);
    return ImVec2(area.min.x + static_cast<float>(tx) * (area.max.x - area.min.x),
                  area.max.y - static_cast<float>(ty) * (area.max.y - area.min.y));
  };

  HorizontalGrid(ui, area, y_max, 4);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->PushClipRect(area.outer_min, area.outer_max, true);
  for (const ScatterPoint& s : points) draw->AddCircleFilled(map(s.x, s.y), ui.Px(1.6f), ui.Color(p.muted, 0.35f), 6);
  for (size_t i = 0; i + 1 < curve.size(); ++i) {
    const CurvePoint& a = curve[i];
    const CurvePoint& b = curve[i + 1];
    const ImVec2 quad[4] = {map(a.x, a.p75_like_rate), map(b.x, b.p75_like_rate), map(b.x, b.p25_like_rate),
                            map(a.x, a.p25_like_rate)};
    draw->AddConvexPolyFilled(quad, 4, ui.Color(p.bar, 0.18f));
  }
  std::vector<ImVec2> line;
  for (const CurvePoint& c : curve) line.push_back(map(c.x, c.median_like_rate));
  if (line.size() > 1) draw->AddPolyline(line.data(), static_cast<int>(line.size()), ui.Color(p.bar), 0, ui.Px(2.5f));
  if (highlight) {
    const ImVec2 at = map(highlight->x, highlight->y);
    draw->AddCircleFilled(at, ui.Px(7), ui.Color(p.accent));
    draw->AddCircle(at, ui.Px(7), ui.Color(p.panel), 0, ui.Px(2));
    draw->AddText(ui.fonts.small, ui.fonts.small->FontSize, ImVec2(at.x + ui.Px(9), at.y - ui.Px(18)), ui.Color(p.accent),
                  "your video");
  }
  draw->PopClipRect();
  Frame(ui, area);
  for (double decade = std::ceil(lx_min); decade <= lx_max; decade += 1.0) {
    const double views = std::pow(10.0, decade);
    AxisText(ui, ImVec2(map(views, 0).x, area.max.y + ui.Px(4)), FormatCount(views), 0.5f);
  }
  if (area.hovered && !curve.empty()) {
    const CurvePoint* nearest = &curve.front();
    for (const CurvePoint& c : curve)
      if (std::fabs(map(c.x, 0).x - area.mouse.x) < std::fabs(map(nearest->x, 0).x - area.mouse.x)) nearest = &c;
    ImGui::SetTooltip("%s to %s views (%s videos)\nmedian like rate %s, P25-P75 %s to %s", FormatCount(nearest->low).c_str(),
                      FormatCount(nearest->high).c_str(), FormatInteger(static_cast<double>(nearest->rows)).c_str(),
                      FormatPercent(nearest->median_like_rate, 1).c_str(), FormatPercent(nearest->p25_like_rate, 1).c_str(),
                      FormatPercent(nearest->p75_like_rate, 1).c_str());
  }
}

void HorizontalBars(Ui& ui, const char* id, const std::vector<BarRow>& rows, bool signed_bars) {
  if (rows.empty()) return;
  const Palette& p = *ui.palette;
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  float label_width = 0, value_width = 0;
  double extent = 1e-12;
  for (const BarRow& row : rows) {
    label_width = std::max(label_width, font->CalcTextSizeA(size, FLT_MAX, 0, row.label.c_str()).x);
    value_width = std::max(value_width, font->CalcTextSizeA(size, FLT_MAX, 0, row.value_text.c_str()).x);
    extent = std::max({extent, std::fabs(row.value), row.high.value_or(0.0)});
  }
  const float width = ImGui::GetContentRegionAvail().x;
  label_width = std::min(label_width, width * 0.4f);
  const float row_height = ImGui::GetTextLineHeightWithSpacing() + ui.Px(4);
  const Area area = Reserve(ui, id, row_height * static_cast<float>(rows.size()), label_width + ui.Px(8), 0);
  const float bar_left = area.min.x;
  const float bar_right = area.max.x - value_width - ui.Px(8);
  const float zero = signed_bars ? (bar_left + bar_right) * 0.5f : bar_left;
  const float half = signed_bars ? (bar_right - bar_left) * 0.5f : (bar_right - bar_left);
  auto x_of = [&](double v) { return zero + static_cast<float>(v / extent) * half; };

  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (size_t i = 0; i < rows.size(); ++i) {
    const BarRow& row = rows[i];
    const float top = area.outer_min.y + row_height * static_cast<float>(i);
    const float text_y = top + (row_height - size) * 0.5f;
    draw->PushClipRect(area.outer_min, ImVec2(area.outer_min.x + label_width, area.outer_max.y), true);
    draw->AddText(font, size, ImVec2(area.outer_min.x, text_y), ui.Color(row.highlight ? p.accent : p.text), row.label.c_str());
    draw->PopClipRect();
    const ImVec4 color = signed_bars ? (row.value >= 0 ? p.good : p.error) : (row.highlight ? p.accent : p.bar);
    const float a = std::min(zero, x_of(row.value)), b = std::max(zero, x_of(row.value));
    draw->AddRectFilled(ImVec2(a, top + ui.Px(5)), ImVec2(std::max(b, a + ui.Px(2)), top + row_height - ui.Px(5)),
                        ui.Color(color, 0.85f), ui.Px(3));
    if (row.low && row.high) {
      const float mid = top + row_height * 0.5f;
      draw->AddLine(ImVec2(x_of(*row.low), mid), ImVec2(x_of(*row.high), mid), ui.Color(p.text, 0.8f), ui.Px(1.5f));
    }
    const float value_x = signed_bars ? bar_right + ui.Px(6) : std::max(b, x_of(row.high.value_or(0))) + ui.Px(6);
    draw->AddText(font, size, ImVec2(value_x, text_y), ui.Color(p.text), row.value_text.c_str());
  }
  if (signed_bars) draw->AddLine(ImVec2(zero, area.outer_min.y), ImVec2(zero, area.outer_max.y), ui.Color(p.border), ui.Px(1));
}

}  // namespace likecast::app::plots
