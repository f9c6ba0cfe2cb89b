// The insights tab: what the videos behind the model (or an opened CSV) show
// about likes, with the creator's video placed in each plot: the like-rate
// histogram, like rate against views, like rate by segment, and the
// attribution of the current prediction to each input.
#include <cmath>
#include <string>

#include <imgui.h>

#include "app/app.h"
#include "app/panels/panels.h"
#include "app/panels/plots.h"
#include "app/ui.h"
#include "core/common/format.h"

namespace likecast::app::panels {
namespace {

const char* SegmentLabel(const std::string& name) {
  if (name == "all") return "All videos";
  if (name == "verified") return "Verified";
  if (name == "not_verified") return "Not verified";
  if (name == "active") return "Active accounts";
  if (name == "under_review") return "Under review";
  if (name == "banned") return "Banned";
  if (name == "claim") return "Claims";
  if (name == "opinion") return "Opinions";
  return name.c_str();
}

bool IsOwnSegment(const std::string& name, const CompleteInputs& used) {
  if (name == "verified") return used.verified;
  if (name == "not_verified") return !used.verified;
  return name == AuthorStatusName(used.author_status);
}

const char* InputLabel(InputField field) {
  switch (field) {
    case InputField::shares: return "Shares";
    case InputField::comments: return "Comments";
    case InputField::downloads: return "Downloads";
    case InputField::duration_sec: return "Length";
    case InputField::verified: return "Verified";
    case InputField::author_status: return "Account status";
    case InputField::views: return "Views";
  }
  return "";
}

void PlotCard(Ui& ui, const char* id, const char* title, const char* caption) {
  BeginCard(ui, id);
  ImGui::PushFont(ui.fonts.title);
  ImGui::TextUnformatted(title);
  ImGui::PopFont();
  if (caption && *caption) Caption(ui, caption);
}

void Summary(const App& app, Ui& ui, const Insights* insights) {
  BeginCard(ui, "insights-summary");
  SectionTitle(ui, "INSIGHTS");
  if (!insights) {
    WrappedText(app.model() ? "This model file has no insights. Open a CSV of videos in the Model tab to see them."
                            : "Loading the model...");
  } else {
    Caption(ui, ("From " + app.insights_source() + ".").c_str());
    for (const std::string& line : InsightHighlights(*insights)) {
      ImGui::Bullet();
      ImGui::SameLine();
      WrappedText(line.c_str());
    }
  }
  EndCard(ui);
}

void AttributionCard(const App& app, Ui& ui) {
  const Explanation& explanation = app.derived().explanation;
  if (!app.derived().numbers.has_prediction) return;
  PlotCard(ui, "plot-attribution-card", "Why this prediction",
           "How far each input moves the prediction from a typical video with the same views (Shapley values, "
           "in likes).");
  if (!explanation.error.empty()) {
    ColoredWrappedText(ui.palette->error, explanation.error.c_str());
  } else {
    std::vector<plots::BarRow> rows;
    for (const Attribution& part : explanation.parts) {
      plots::BarRow row;
      row.label = std::string(InputLabel(part.field)) + " " + part.value_text;
      row.value = part.likes;
      row.value_text = (part.likes >= 0 ? "+" : "") + FormatCount(part.likes);
      rows.push_back(row);
    }
    plots::HorizontalBars(ui, "attribution", rows, true);
    const std::string baseline = "A typical video with these views: " + FormatCount(explanation.baseline_likes) +
                                 " likes. " + explanation.summary;
    Caption(ui, baseline.c_str());
  }
  EndCard(ui);
}

}  // namespace

void InsightsTab(App& app, Ui& ui) {
  const Insights* insights = app.insights();
  Summary(app, ui, insights);
  const ChatNumbers& numbers = app.derived().numbers;
  std::optional<double> rate;
  std::optional<plots::ScatterPoint> highlight;
  if (numbers.has_prediction && numbers.used.views > 0) {
    rate = numbers.likes / numbers.used.views;
    highlight = plots::ScatterPoint{numbers.used.views, *rate};
  }

  if (insights) {
    PlotCard(ui, "plot-histogram-card", "Like rate of videos", "Likes per view; the line is your video's predicted rate.");
    plots::LikeRateHistogram(ui, "histogram", insights->like_rate_histogram, rate);
    EndCard(ui);

    std::vector<plots::ScatterPoint> points;
    if (app.data() && insights == &app.data()->insights)
      for (const auto& [views, like_rate] : app.data()->sample) points.push_back({views, like_rate});
    PlotCard(ui, "plot-views-card", "Like rate against views",
             points.empty() ? "Median like rate per view-count decile, with the P25-P75 band."
                            : "Each dot is a video of the opened file; the line is the median per view-count decile.");
    plots::RateAgainstViews(ui, "views", insights->views_curve, points, highlight);
    EndCard(ui);

    PlotCard(ui, "plot-segments-card", "Like rate by segment", "Median like rate, with the P25-P75 range as a line.");
    std::vector<plots::BarRow> rows;
    for (const SegmentSummary& segment : insights->segments) {
      plots::BarRow row;
      row.label = SegmentLabel(segment.name);
      row.value = segment.median_like_rate;
      row.low = segment.p25_like_rate;
      row.high = segment.p75_like_rate;
      row.value_text = FormatPercent(segment.median_like_rate, 1);
      row.highlight = numbers.has_prediction && IsOwnSegment(segment.name, numbers.used);
      rows.push_back(row);
    }
    plots::HorizontalBars(ui, "segments", rows, false);
    EndCard(ui);
  }
  AttributionCard(app, ui);
}

}  // namespace likecast::app::panels
