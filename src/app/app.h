// The LikeCast page: the scenario a creator is looking at, the model that
// predicts it, and the panels that draw both with Dear ImGui. Platform code
// (the window, the main loop, the browser bridge) stays in main.cpp and
// web_bridge.cpp; everything here is plain ImGui over the core.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/data/video.h"
#include "core/model/model.h"

namespace likecast::app {

struct Fonts;

class App {
 public:
  // Loads a model from JSON text. On failure the current model stays in use and the error is returned.
  std::string LoadModel(std::string_view json);
  bool has_model() const { return model_.has_value(); }

  // Reads a scenario from a URL query such as "views=120000&shares=3400&verified=0&status=active".
  void ApplyQuery(const std::string& query);

  // Draws one frame of the whole page into a window of the given size (in framebuffer pixels).
  void Draw(float width, float height, const Fonts& fonts);

  const VideoInputs& scenario() const { return scenario_; }
  const std::optional<Prediction>& prediction() const { return prediction_; }

 private:
  void Recompute();
  void DrawScenarioPanel();
  void DrawPredictionCard(const Fonts& fonts);
  void DrawTips();

  std::optional<Model> model_;
  VideoInputs scenario_;
  std::optional<Prediction> prediction_;
  std::string query_warning_;
  std::string live_text_;
};

}  // namespace likecast::app
