// The app's state as JSON for the browser tests (window.likecastTest in
// web/page.js). It has what the page shows, in numbers and names rather than
// pixels, and where the named widgets were drawn in the last frame, so tests
// click and drag real widgets through real input events.
#include <cmath>

#include <nlohmann/json.hpp>

#include "app/app.h"
#include "app/touch_input.h"
#include "app/ui.h"

namespace likecast::app {
namespace {

using json = nlohmann::json;

json MetricsJson(const RegressionMetrics& m) {
  return {{"rows", m.rows}, {"r2", m.r2}, {"r2_log", m.r2_log}, {"mae", m.mae}, {"medape_percent", m.medape_percent},
          {"coverage", std::isnan(m.coverage) ? json(nullptr) : json(m.coverage)}};
}

json ColorJson(const ImVec4& color) {
  char hex[8];
  ColorToHex(color, hex);
  return hex;
}

json PaletteJson(const Palette& p) {
  return {{"name", p.name},           {"background", ColorJson(p.background)}, {"panel", ColorJson(p.panel)},
          {"text", ColorJson(p.text)}, {"muted", ColorJson(p.muted)},           {"accent", ColorJson(p.accent)},
          {"accent_text", ColorJson(p.accent_text)}, {"frame", ColorJson(p.frame)}, {"border", ColorJson(p.border)},
          {"user_bubble", ColorJson(p.user_bubble)}, {"assistant_bubble", ColorJson(p.assistant_bubble)},
          {"error_bubble", ColorJson(p.error_bubble)}, {"error", ColorJson(p.error)}, {"good", ColorJson(p.good)},
          {"bar", ColorJson(p.bar)}};
}

}  // namespace

std::string App::TestStateJson(const Ui& ui, int frames, const TouchInput& touch) const {
  json state;
  state["frames"] = frames;
  std::string layout = ui.one_column ? "one-column" : "two-column";
  if (embed_) layout = "embed";
  state["layout"] = layout;
  state["tab"] = TabName(panels_.tab);
  state["theme"] = dark() ? "dark" : "light";
  state["touch"] = touch_;
  state["compact"] = compact_;
  state["scale"] = ui.scale;
  state["live"] = live_text_;
  state["notice"] = notice_;
  state["restored_turns"] = restored_turns_;
  state["content_height"] = content_height_;
  state["scroll"] = {{"page", panels_.page_scroll_y}, {"tab", panels_.tab_scroll_y}, {"chat", panels_.chat_scroll_y}};
  state["palette"] = PaletteJson(*ui.palette);
  state["touch_input"] = {{"mode", touch.mode_name()}, {"target", touch.target_name()}};

  state["model"] = {{"loaded", model_ != nullptr}, {"source", model_source_}, {"error", model_error_},
                    {"train_rows", model_ ? model_->training.train_rows : 0},
                    {"fingerprint", model_ ? model_->training.data_fingerprint : ""}, {"built_in", built_in_in_use_},
                    {"validation_loss", model_ ? model_->training.validation_loss : 0.0}};

  json slots = json::object();
  for (int i = 0; i < kChatSlotCount; ++i) {
    const auto slot = static_cast<ChatSlot>(i);
    if (const std::optional<double> value = SlotNumber(conversation_.slots(), slot)) slots[ChatSlotName(slot)] = *value;
  }
  state["slots"] = slots;
  const ChatNumbers& numbers = derived_.numbers;
  state["prediction"] = numbers.has_prediction ? json{{"likes", numbers.likes}, {"p10", numbers.p10}, {"p90", numbers.p90}}
                                               : json(nullptr);
  state["recommendations"] = derived_.recommendations.recommendations.size();

  json log = json::array();
  for (const LogEntry& entry : log_) log.push_back({{"kind", LogKindName(entry.kind)}, {"text", entry.text}});
  state["log"] = log;

  json data = nullptr;
  if (data_) {
    const Dataset& d = *data_->dataset;
    json skipped = json::array();
    for (size_t i = 0; i < d.skipped.size() && i < 50; ++i) skipped.push_back({{"line", d.skipped[i].line}, {"reason", d.skipped[i].reason}});
    data = {{"name", data_->name}, {"rows_loaded", d.rows_loaded}, {"rows_skipped", d.rows_skipped}, {"skipped", skipped}};
  }
  state["data"] = data;
  state["data_error"] = data_error_;
  state["file_load"] = file_load_ ? json{{"name", file_load_->name}, {"fraction", file_load_->fraction}} : json(nullptr);
  state["model_metrics"] = model_metrics_ ? MetricsJson(*model_metrics_) : json(nullptr);

  json training = {{"state", TrainingStateName(training_.state())}, {"error", training_.error()},
                   {"fraction", training_.fraction_done()}, {"elapsed_ms", training_.elapsed_ms()},
                   {"epochs_done", training_.train_losses().size()}, {"phase", TrainingPhaseName(training_.phase())},
                   {"max_epochs", training_.max_epochs()}, {"train_losses", training_.train_losses()},
                   {"validation_losses", training_.validation_losses()}, {"max_slice_ms", training_.max_slice_ms()}};
  if (const auto remaining = training_.remaining_ms()) training["remaining_ms"] = *remaining;
  if (training_.new_metrics()) training["new_metrics"] = MetricsJson(*training_.new_metrics());
  if (training_.current_metrics()) training["current_metrics"] = MetricsJson(*training_.current_metrics());
  state["training"] = training;

  json widgets = json::object();
  for (const NamedRect& mark : ui.marks) {
    widgets[mark.name] = {{"x", mark.min.x}, {"y", mark.min.y}, {"w", mark.max.x - mark.min.x},
                          {"h", mark.max.y - mark.min.y}, {"visible", mark.visible}};
  }
  state["widgets"] = widgets;
  return state.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace likecast::app
