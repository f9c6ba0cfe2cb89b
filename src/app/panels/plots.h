// Small plots drawn with ImGui's draw list (ImPlot needs a newer ImGui than
// 1.86): a histogram with a marker, a log-x scatter with a median band and a
// highlighted point, and labelled horizontal bars (plain or signed). Each
// plot is one item, so it scrolls and clips with its window, and it shows a
// tooltip for the bin or bar under the pointer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/ui.h"
#include "core/advice/insights.h"

namespace likecast::app::plots {

// A histogram of like rates; `marker` is a like rate drawn as a labelled line.
void LikeRateHistogram(Ui& ui, const char* id, const std::vector<HistogramBin>& bins, std::optional<double> marker);

struct ScatterPoint {
  double x = 0;   // views
  double y = 0;   // like rate
};

// Like rate against views on a log axis: the points, the median curve with its P25-P75 band, and the
// creator's video as a large dot.
void RateAgainstViews(Ui& ui, const char* id, const std::vector<CurvePoint>& curve, const std::vector<ScatterPoint>& points,
                      std::optional<ScatterPoint> highlight);

struct BarRow {
  std::string label;
  double value = 0;
  std::optional<double> low;     // whiskers, drawn when both are set
  std::optional<double> high;
  std::string value_text;        // shown at the bar's end
  bool highlight = false;        // the creator's own segment
};

// Horizontal bars from zero. With `signed_bars` negative values go left of a centre line (attributions).
void HorizontalBars(Ui& ui, const char* id, const std::vector<BarRow>& rows, bool signed_bars);

}  // namespace likecast::app::plots
