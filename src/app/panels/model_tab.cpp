// The model tab. It shows the model in use: where it came from, how it was
// trained, and how well it does on an opened file. It lists the opened CSV
// file's rows loaded and skipped, with reasons. It trains a new model in the
// page, with progress, a loss curve and a comparison before it replaces
// anything.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include "app/app.h"
#include "app/panels/panels.h"
#include "app/ui.h"
#include "app/web_bridge.h"
#include "core/common/format.h"

namespace likecast::app::panels {
namespace {

std::string Seconds(double ms) {
  const double seconds = std::max(0.0, ms / 1000.0);
  return seconds < 60 ? FormatPlain(seconds, seconds < 10 ? 1 : 0) + " s" : FormatDuration(std::round(seconds));
}

// One row of the model's description: the label whole, the value wrapped to the width left.
void InfoRow(Ui& ui, const char* name, const std::string& value) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(name);
  ui.Mark(std::string("info:") + name);
  ImGui::TableNextColumn();
  WrappedText(value.c_str());
  ui.Mark(std::string("info-value:") + name);
}

// Metrics side by side: one column per model.
void MetricsTable(Ui& ui, const char* id, const std::vector<std::pair<std::string, const RegressionMetrics*>>& columns) {
  const int count = static_cast<int>(columns.size()) + 1;
  struct Line {
    const char* name;
    std::string (*value)(const RegressionMetrics&);
  };
  static const Line kLines[] = {
      {"R\xC2\xB2 (likes)", [](const RegressionMetrics& m) { return FormatPlain(m.r2, 3); }},
      {"R\xC2\xB2 (log likes)", [](const RegressionMetrics& m) { return FormatPlain(m.r2_log, 3); }},
      {"Mean abs. error", [](const RegressionMetrics& m) { return FormatCount(m.mae) + " likes"; }},
      {"Median error", [](const RegressionMetrics& m) { return FormatPlain(m.medape_percent, 1) + "%"; }},
      {"P10-P90 coverage", [](const RegressionMetrics& m) {
         return std::isnan(m.coverage) ? std::string("-") : FormatPercent(m.coverage, 1);
       }},
      {"Videos scored", [](const RegressionMetrics& m) { return FormatInteger(static_cast<double>(m.rows)); }},
  };
  if (!ImGui::BeginTable(id, count, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
  // The metric names keep their width, so on a phone the values wrap at their space instead of names being cut.
  float name_width = 0;
  for (const Line& line : kLines) name_width = std::max(name_width, ImGui::CalcTextSize(line.name).x);
  ImGui::TableSetupColumn("Metric", ImGuiTableColumnFlags_WidthFixed, name_width);
  for (const auto& column : columns) ImGui::TableSetupColumn(column.first.c_str(), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  for (const Line& line : kLines) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(line.name);
    ui.Mark(std::string(id) + ":name:" + line.name);
    for (const auto& column : columns) {
      ImGui::TableNextColumn();
      WrappedText(column.second ? line.value(*column.second).c_str() : "-");
      if (&column == &columns.front()) ui.Mark(std::string(id) + ":value:" + line.name);
    }
  }
  ImGui::EndTable();
}

void ModelCard(App& app, Ui& ui) {
  BeginCard(ui, "model-card");
  SectionTitle(ui, "MODEL IN USE");
  const Model* model = app.model();
  if (!model) {
    if (app.model_error().empty()) WrappedText("Loading the model...");
    else ColoredWrappedText(ui.palette->error, app.model_error().c_str());
  } else {
    WrappedText(("The " + app.model_source() + ".").c_str());
    ui.Mark("model:source");
    const TrainingInfo& info = model->training;
    if (ImGui::BeginTable("training-info", 2)) {
      // The label column fits the longest label, so a narrow phone cuts no label and wraps the values instead.
      float label_width = 0;
      for (const char* label : {"Training videos", "Validation videos", "Validation loss", "Loss, optimizer", "Data fingerprint"})
        label_width = std::max(label_width, ImGui::CalcTextSize(label).x);
      ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, label_width);
      ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
      InfoRow(ui, "Training videos", FormatInteger(static_cast<double>(info.train_rows)));
      InfoRow(ui, "Validation videos", FormatInteger(static_cast<double>(info.validation_rows)));
      InfoRow(ui, "Epochs", std::to_string(info.epochs_run) + " (best " + std::to_string(info.best_epoch) + ")");
      InfoRow(ui, "Validation loss", FormatPlain(info.validation_loss, 4));
      InfoRow(ui, "Loss, optimizer", info.loss + ", " + info.optimizer);
      InfoRow(ui, "Seed", std::to_string(info.seed));
      InfoRow(ui, "Data fingerprint", info.data_fingerprint.substr(0, 16));
      ImGui::EndTable();
    }
    if (app.model_metrics()) {
      Caption(ui, ("Measured on " + app.data()->name + ", " + app.model_metrics_scope() + ":").c_str());
      MetricsTable(ui, "model-metrics", {{"This model", &*app.model_metrics()}});
    } else {
      Caption(ui, "Open a CSV with likes below to measure this model on its test split (video_id % 5 == 0).");
    }
  }
  if (model && SecondaryButton(ui, "Download model", "button:download-model")) app.DownloadModel(false);
  if (model) ImGui::SameLine();
  if (SecondaryButton(ui, "Load model file", "button:load-model")) web::OpenFilePicker();
  if (model && !app.built_in_in_use() && !app.embed()) {
    if (SecondaryButton(ui, "Use built-in model", "button:use-built-in")) app.UseBuiltInModel();
    Caption(ui, "This browser keeps the model in use for your next visit, until you go back to the built-in one.");
  }
  Caption(ui, "A loaded model replaces this one only when the file is valid.");
  EndCard(ui);
  ui.Mark("card:model");
}

void DataCard(App& app, Ui& ui) {
  BeginCard(ui, "data-card");
  SectionTitle(ui, "YOUR DATA");
  if (PrimaryButton(ui, "Open CSV file", "button:open-csv")) web::OpenFilePicker();
  Caption(ui, ("Or drop a file anywhere on the page. Up to " + FormatInteger(kBrowserMaxFileBytes / (1024.0 * 1024.0)) +
               " MB; columns video_view_count, video_like_count, video_share_count, video_download_count, "
               "video_comment_count (or views, likes, shares, downloads, comments).")
                  .c_str());
  if (!app.data_error().empty()) ColoredWrappedText(ui.palette->error, app.data_error().c_str());
  if (const DataFile* data = app.data()) {
    const Dataset& d = *data->dataset;
    ImGui::PushFont(ui.fonts.title);
    WrappedText(data->name.c_str());
    ImGui::PopFont();
    const std::string summary = FormatInteger(static_cast<double>(d.rows_loaded)) + " rows loaded, " +
                                FormatInteger(static_cast<double>(d.rows_skipped)) + " skipped  (" +
                                FormatPlain(data->bytes / 1024.0, 1) + " KB, " + d.encoding + ", delimiter '" +
                                std::string(1, d.delimiter) + "')";
    WrappedText(summary.c_str());
    ui.Mark("data:summary");
    if (!d.skipped.empty()) {
      Caption(ui, "Skipped rows (line: reason):");
      const float height = std::min(ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(d.skipped.size()) + ui.Px(12),
                                    ui.Px(160));
      ImGui::PushStyleColor(ImGuiCol_ChildBg, ui.palette->frame);
      ImGui::BeginChild("skipped", ImVec2(0, height), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
      for (const SkippedRow& row : d.skipped) {
        const std::string line = std::to_string(row.line) + ": " + row.reason;
        WrappedText(line.c_str());
      }
      if (d.rows_skipped > d.skipped.size())
        Caption(ui, ("... and " + FormatInteger(static_cast<double>(d.rows_skipped - d.skipped.size())) + " more.").c_str());
      ImGui::EndChild();
      ImGui::PopStyleColor();
      ui.Mark("data:skipped");
    }
  }
  EndCard(ui);
}

// One legend entry: a short line in the curve's colour, then the label. Returns the x after it.
float LegendEntry(Ui& ui, ImDrawList* draw, ImVec2 at, const ImVec4& color, const std::string& label) {
  const float line = ui.Px(14), mid_y = at.y + ui.fonts.small->FontSize * 0.5f;
  draw->AddLine(ImVec2(at.x, mid_y), ImVec2(at.x + line, mid_y), ui.Color(color), ui.Px(2));
  const ImVec2 text_at(at.x + line + ui.Px(4), at.y);
  draw->AddText(ui.fonts.small, ui.fonts.small->FontSize, text_at, ui.Color(ui.palette->muted), label.c_str());
  return text_at.x + ui.fonts.small->CalcTextSizeA(ui.fonts.small->FontSize, FLT_MAX, 0, label.c_str()).x + ui.Px(12);
}

// The training and validation loss per epoch, on one scale, with a legend. The x axis runs to the epoch limit.
void LossCurve(Ui& ui, const TrainingSession& session) {
  const std::vector<double>& train = session.train_losses();
  const std::vector<double>& validation = session.validation_losses();
  const int max_epochs = std::max({session.max_epochs(), static_cast<int>(validation.size()), 1});
  const float width = ImGui::GetContentRegionAvail().x, height = ui.Px(140);
  ImGui::InvisibleButton("loss-curve", ImVec2(width, height));
  ui.Mark("plot:loss");
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRect(min, max, ui.Color(ui.palette->border, 0.5f), ui.Px(4));
  const float pad = ui.Px(8);
  if (validation.empty()) {
    draw->AddText(ui.fonts.small, ui.fonts.small->FontSize, ImVec2(min.x + pad, min.y + pad), ui.Color(ui.palette->muted),
                  "The loss curves appear after the first epoch.");
    return;
  }

  double top = 0, bottom = DBL_MAX;
  for (const std::vector<double>* series : {&train, &validation})
    for (double v : *series)
      if (std::isfinite(v)) top = std::max(top, v), bottom = std::min(bottom, v);
  if (bottom > top) bottom = top;
  if (top - bottom < 1e-9) top = bottom + 1e-9;
  const float top_pad = pad + ui.fonts.small->FontSize + ui.Px(4);   // room for the legend
  auto point = [&](size_t index, double loss) {
    // Epoch 1 sits at the left edge and the epoch limit at the right one.
    const float x = min.x + pad + (max.x - min.x - 2 * pad) * static_cast<float>(index) / static_cast<float>(std::max(1, max_epochs - 1));
    const float y = max.y - pad - (max.y - min.y - pad - top_pad) * static_cast<float>((loss - bottom) / (top - bottom));
    return ImVec2(x, y);
  };
  auto polyline = [&](const std::vector<double>& values, const ImVec4& color) {
    std::vector<ImVec2> points;
    for (size_t i = 0; i < values.size(); ++i)
      if (std::isfinite(values[i])) points.push_back(point(i, values[i]));
    if (points.size() == 1) draw->AddCircleFilled(points[0], ui.Px(3), ui.Color(color));
    else if (points.size() > 1) draw->AddPolyline(points.data(), static_cast<int>(points.size()), ui.Color(color), 0, ui.Px(2));
  };
  polyline(train, ui.palette->bar);
  polyline(validation, ui.palette->accent);

  ImVec2 at(min.x + pad, min.y + ui.Px(4));
  if (!train.empty()) at.x = LegendEntry(ui, draw, at, ui.palette->bar, "training loss " + FormatPlain(train.back(), 4));
  LegendEntry(ui, draw, at, ui.palette->accent, "validation loss " + FormatPlain(validation.back(), 4));
}

// Scrolls the window around the training card (the page on a phone, the tab's pane on desktop) by the least
// amount that shows the last item, the Train button, whole. Call it right after the button. A button already
// in view moves nothing. Returns true when the button is in view and the cards above it kept their heights.
bool RevealTrainButton(Ui& ui) {
  ImGuiWindow* scrolled = ImGui::GetCurrentWindow()->ParentWindow;
  const ImRect button(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  const bool in_view = scrolled->InnerRect.Contains(button);
  if (!in_view) {
    // ImGui clamps the scroll to the content size of the last frame, which may still lack the grown cards,
    // so the next frame checks again.
    ImGui::ScrollToRect(scrolled, button, ImGuiScrollFlags_KeepVisibleEdgeY | ImGuiScrollFlags_NoScrollParent);
    ui.wants_another_frame = true;
  }
  return in_view && !ui.wants_another_frame;
}

// "Epoch 3 of 12 (27%)", or what the session does after training.
std::string ProgressLabel(const TrainingSession& session) {
  const std::string percent = " (" + FormatPercent(session.fraction_done(), 0) + ")";
  switch (session.phase()) {
    case TrainingPhase::training: {
      const TrainProgress* p = session.progress();
      return "Epoch " + std::to_string(p ? p->epoch + 1 : 1) + " of " + std::to_string(session.max_epochs()) + percent;
    }
    case TrainingPhase::building: return "Building the model" + percent;
    case TrainingPhase::scoring: return "Scoring both models" + percent;
  }
  return percent;
}

void TrainingCard(App& app, Ui& ui) {
  BeginCard(ui, "training-card");
  SectionTitle(ui, "TRAIN A NEW MODEL");
  const TrainingSession& session = app.training();
  TrainingSettings& settings = app.panels().training;
  int& reveal_frames = app.panels().reveal_train_frames;
  switch (session.state()) {
    case TrainingState::idle:
    case TrainingState::cancelled:
    case TrainingState::failed: {
      if (session.state() == TrainingState::failed)
        ColoredWrappedText(ui.palette->error, ("Training failed: " + session.error()).c_str());
      if (!app.data()) {
        WrappedText("Open a CSV file of your videos above, then train a model on them here. Training runs in this "
                    "page; nothing is uploaded.");
        break;
      }
      ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x * 0.6f, ui.Px(260)));
      ImGui::SliderInt("Max epochs", &settings.max_epochs, 1, 80);
      if (ImGui::IsItemActive()) ui.drag_widget_active = true;
      ui.Mark("slider:epochs");
      if (!ui.touch) {   // a canvas text field cannot raise a phone's keyboard; the seed stays at its default there
        int seed = static_cast<int>(settings.seed);
        ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x * 0.6f, ui.Px(260)));
        if (ImGui::InputInt("Seed", &seed, 0, 0)) settings.seed = static_cast<std::uint32_t>(std::max(0, seed));
        ui.Mark("field:seed");
      }
      const bool train = PrimaryButton(ui, ("Train on " + app.data()->name).c_str(), "button:train");
      // After a file opens on this tab, the button is the next step, so it comes into view under the summary.
      if (reveal_frames > 0) reveal_frames = RevealTrainButton(ui) ? 0 : reveal_frames - 1;
      if (train) app.StartTraining(emscripten_get_now());
      Caption(ui, "One network with early stopping, the page's recipe: likecast train --preset page trains the same "
                  "model from the same file, seed and max epochs.");
      break;
    }
    case TrainingState::running: {
      reveal_frames = 0;   // no Train button is drawn while training runs, so a pending scroll to it is dropped
      const std::string label = ProgressLabel(session);
      ProgressBar(ui, static_cast<float>(session.fraction_done()), label.c_str(), "training:progress");
      std::string times = "Elapsed " + Seconds(session.elapsed_ms());
      if (const auto remaining = session.remaining_ms())
        times += ", about " + Seconds(*remaining) + " left (early stopping may end sooner)";
      else
        times += ", estimating the time left";
      Caption(ui, times.c_str());
      ui.Mark("training:times");
      LossCurve(ui, session);
      if (SecondaryButton(ui, "Cancel training", "button:cancel-training")) app.CancelTraining();
      break;
    }
    case TrainingState::finished: {
      reveal_frames = 0;
      WrappedText(("A new model is ready, trained on " + session.data_name() + " in " + Seconds(session.elapsed_ms()) + ".").c_str());
      LossCurve(ui, session);
      Caption(ui, ("Both models on " + session.metrics_scope() + ":").c_str());
      MetricsTable(ui, "compare-metrics", {{"Current", session.current_metrics() ? &*session.current_metrics() : nullptr},
                                       {"New", session.new_metrics() ? &*session.new_metrics() : nullptr}});
      ui.Mark("training:compare");
      if (PrimaryButton(ui, "Use new model", "button:use-model")) app.UseTrainedModel();
      ImGui::SameLine();
      if (SecondaryButton(ui, "Download", "button:download-new")) app.DownloadModel(true);
      ImGui::SameLine();
      if (SecondaryButton(ui, "Discard", "button:discard-model")) app.DiscardTrainedModel();
      break;
    }
  }
  EndCard(ui);
}

}  // namespace

void ModelTab(App& app, Ui& ui) {
  ModelCard(app, ui);
  DataCard(app, ui);
  TrainingCard(app, ui);
}

}  // namespace likecast::app::panels
