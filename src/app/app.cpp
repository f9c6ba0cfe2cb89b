// Page state and layout (see app.h).
#include "app/app.h"

#include <cmath>
#include <cstdlib>
#include <vector>

#include <imgui.h>

#include "app/theme.h"
#include "app/web_bridge.h"
#include "core/common/format.h"
#include "core/data/dataset.h"
#include "core/model/model_io.h"

namespace likecast::app {
namespace {

std::string UrlDecode(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size()) {
      out += static_cast<char>(std::strtol(text.substr(i + 1, 2).c_str(), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// A count input: a logarithmic slider for quick changes and an exact field beside it.
bool CountField(const char* label, const char* id, std::optional<double>* value, double max) {
  ImGui::PushID(id);
  ImGui::TextUnformatted(label);
  double current = value->value_or(0.0);
  bool changed = false;
  const float full = ImGui::GetContentRegionAvail().x;
  const float field_width = std::min(full * 0.38f, 140.0f * ImGui::GetIO().FontGlobalScale * ImGui::GetFontSize() / 16.0f);
  ImGui::SetNextItemWidth(full - field_width - ImGui::GetStyle().ItemSpacing.x);
  double slider = current;
  const double zero = 0.0;
  if (ImGui::SliderScalar("##slider", ImGuiDataType_Double, &slider, &zero, &max, value->has_value() ? "" : "not set",
                          ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_NoInput)) {
    current = std::round(slider);
    changed = true;
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(field_width);
  if (ImGui::InputDouble("##exact", &current, 0.0, 0.0, "%.0f")) changed = true;
  if (changed) *value = std::min(max, std::max(0.0, std::round(current)));
  ImGui::PopID();
  return changed;
}

}  // namespace

std::string App::LoadModel(std::string_view json) {
  ModelLoadResult loaded = ModelFromJson(json);
  if (!loaded.model) return loaded.error;
  model_ = std::move(loaded.model);
  Recompute();
  return "";
}

void App::ApplyQuery(const std::string& query) {
  size_t start = 0;
  std::vector<std::string> rejected;
  while (start <= query.size()) {
    size_t end = query.find('&', start);
    if (end == std::string::npos) end = query.size();
    const std::string pair = query.substr(start, end - start);
    start = end + 1;
    const size_t eq = pair.find('=');
    if (eq == std::string::npos) continue;
    const std::string key = UrlDecode(pair.substr(0, eq));
    const std::string text = UrlDecode(pair.substr(eq + 1));
    auto count = [&](std::optional<double>* slot, double max) {
      const std::optional<double> value = ParseNumberCell(text);
      if (value && *value >= 0 && *value <= max) {
        *slot = *value;
      } else {
        rejected.push_back(key + "=" + text);
      }
    };
    if (key == "views") count(&scenario_.views, kMaxCount);
    else if (key == "shares") count(&scenario_.shares, kMaxCount);
    else if (key == "comments") count(&scenario_.comments, kMaxCount);
    else if (key == "downloads") count(&scenario_.downloads, kMaxCount);
    else if (key == "duration") count(&scenario_.duration_sec, kMaxDurationSec);
    else if (key == "verified") scenario_.verified = (text == "1" || text == "true" || text == "yes");
    else if (key == "status") {
      if (auto status = AuthorStatusFromName(text)) scenario_.author_status = status;
      else rejected.push_back(key + "=" + text);
    }
  }
  query_warning_.clear();
  for (const std::string& item : rejected) query_warning_ += (query_warning_.empty() ? "" : ", ") + item;
  if (!query_warning_.empty()) query_warning_ = "Ignored invalid link values: " + query_warning_;
  Recompute();
}

void App::Recompute() {
  if (!model_ || !scenario_.views) {
    prediction_.reset();
    live_text_ = scenario_.views ? "Loading the model." : "Enter the views of your video to get a prediction.";
  } else {
    prediction_ = model_->Predict(scenario_);
    live_text_ = "Predicted likes: " + FormatPlain(std::round(prediction_->likes), 0) + ". Likely between " +
                 FormatCount(prediction_->p10) + " and " + FormatCount(prediction_->p90) + ".";
  }
  web::SetLiveText(live_text_);
}

void App::DrawScenarioPanel() {
  ImGui::TextDisabled("YOUR VIDEO");
  bool changed = false;
  changed |= CountField("Views", "views", &scenario_.views, 1e9);
  changed |= CountField("Shares", "shares", &scenario_.shares, 1e8);
  changed |= CountField("Comments", "comments", &scenario_.comments, 1e8);
  changed |= CountField("Downloads", "downloads", &scenario_.downloads, 1e8);
  changed |= CountField("Duration (seconds)", "duration", &scenario_.duration_sec, 600);

  bool verified = scenario_.verified.value_or(false);
  if (ImGui::Checkbox("Verified account", &verified)) {
    scenario_.verified = verified;
    changed = true;
  }
  ImGui::TextUnformatted("Account status");
  const AuthorStatus current = scenario_.author_status.value_or(AuthorStatus::active);
  const char* labels[] = {"Active", "Under review", "Banned"};
  for (int i = 0; i < 3; ++i) {
    if (i > 0) ImGui::SameLine();
    if (ImGui::RadioButton(labels[i], static_cast<int>(current) == i)) {
      scenario_.author_status = static_cast<AuthorStatus>(i);
      changed = true;
    }
  }
  if (changed) Recompute();
}

void App::DrawPredictionCard(const Fonts& fonts) {
  ImGui::TextDisabled("PREDICTED LIKES");
  if (!model_) {
    ImGui::TextWrapped("Loading the model...");
    return;
  }
  if (!prediction_) {
    ImGui::TextWrapped("Enter the views of your video to get a prediction.");
    return;
  }
  ImGui::PushFont(fonts.headline);
  ImGui::TextUnformatted(FormatCount(prediction_->likes).c_str());
  ImGui::PopFont();
  ImGui::Text("%s likes, likely between %s and %s", FormatInteger(prediction_->likes).c_str(),
              FormatCount(prediction_->p10).c_str(), FormatCount(prediction_->p90).c_str());
  std::string assumed;
  for (InputField field : prediction_->assumed) {
    if (field == InputField::verified || field == InputField::author_status) continue;
    assumed += (assumed.empty() ? "" : ", ") + std::string(InputFieldName(field));
  }
  if (!assumed.empty()) ImGui::TextWrapped("Assumed typical values for: %s.", assumed.c_str());
}

void App::DrawTips() {
  if (!model_ || !prediction_) return;
  ImGui::TextDisabled("TIPS");
  const CompleteInputs& used = prediction_->used;
  const ViewBand& band = model_->imputer.BandFor(used.views);
  struct Rate {
    const char* name;
    double value, typical;
    const char* action;
  };
  const double views = std::max(1.0, used.views);
  const Rate rates[] = {
      {"Share rate", used.shares / views, band.share_rate, "Ask viewers to send it to a friend who needs it."},
      {"Comment rate", used.comments / views, band.comment_rate, "End with a question viewers can answer in a word."},
      {"Download rate", used.downloads / views, band.download_rate, "Make it worth saving: a recipe, a list, a how-to."},
  };
  for (const Rate& rate : rates) {
    const bool low = rate.value < rate.typical;
    ImGui::Bullet();
    ImGui::TextWrapped("%s %s: yours is %s, typical for this many views is %s.%s%s", rate.name, low ? "is low" : "is fine",
                       FormatPercent(rate.value, 2).c_str(), FormatPercent(rate.typical, 2).c_str(), low ? " " : "",
                       low ? rate.action : "");
  }
}

void App::Draw(float width, float height, const Fonts& fonts) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(width, height));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("LikeCast", nullptr, flags);
  ImGui::PushFont(fonts.headline);
  ImGui::TextUnformatted("LikeCast");
  ImGui::PopFont();
  ImGui::TextDisabled("How many likes should your TikTok video have?");
  if (!query_warning_.empty()) ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", query_warning_.c_str());
  ImGui::Separator();

  const bool one_column = width < 720.0f * ImGui::GetFontSize() / 16.0f;
  if (one_column) {
    DrawPredictionCard(fonts);
    ImGui::Separator();
    DrawScenarioPanel();
    ImGui::Separator();
    DrawTips();
  } else {
    ImGui::BeginChild("scenario", ImVec2(width * 0.5f, 0), false);
    DrawScenarioPanel();
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("result", ImVec2(0, 0), false);
    DrawPredictionCard(fonts);
    ImGui::Separator();
    DrawTips();
    ImGui::EndChild();
  }
  ImGui::End();
}

}  // namespace likecast::app
