// The LikeCast page's state and actions: the model in use, the conversation
// (whose slots are the scenario the sliders edit, so chat and sliders stay in
// sync), the chat log, an opened CSV file, in-page training, saved state and
// links. The panels (src/app/panels/) draw this state and call the actions.
// Platform code (the window, the main loop, the browser bridge) stays in
// main.cpp, exports.cpp and web_bridge.cpp.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/page_state.h"
#include "app/training_session.h"
#include "core/advice/explain.h"
#include "core/advice/insights.h"
#include "core/advice/recommend.h"
#include "core/chat/chat.h"
#include "core/data/dataset.h"
#include "core/model/metrics.h"
#include "core/model/model.h"

namespace likecast::app {

class TouchInput;
struct Ui;

// The largest model file the page reads; the shipped model is about 60 KB.
constexpr size_t kMaxModelFileBytes = 20u << 20;

// A CSV file opened in the page, with what the insights tab draws from it.
struct DataFile {
  std::string name;
  size_t bytes = 0;
  std::shared_ptr<const Dataset> dataset;
  Insights insights;
  std::vector<std::pair<double, double>> sample;   // (views, like rate) of up to kScatterPoints rows, for the plot
};
constexpr size_t kScatterPoints = 1500;

// A CSV file the page's worker is parsing (web/page.js): the page stays usable, and the data and model in use
// stay until the file has loaded.
struct FileLoad {
  int id = 0;                           // the page passes it back with the progress and the result
  std::string name;
  double bytes = 0;
  float fraction = 0;                   // the share of the file read, 0-1
};

// The numbers and advice for the current scenario, recomputed when the slots or the model change.
struct Derived {
  ChatNumbers numbers;                  // prediction, range, inputs used and assumed
  std::optional<double> like_rate_percentile;   // the predicted like rate among similar videos, 0-100
  std::optional<double> actual_percentile;      // the actual like rate (likes slot) among similar videos
  std::string group;                    // "not verified, active videos with 10K-201K views"
  RecommendResult recommendations;
  Explanation explanation;
};

enum class Tab { chat, video, insights, model };   // `chat` exists only in the one-column layout
const char* TabName(Tab tab);

// Frames after a CSV file opens on the Model tab during which the tab keeps the Train button in view. The
// cards above the button reach their new heights a frame or two later, so one scroll would land short.
constexpr int kRevealTrainFrames = 10;

// UI state of the panels that must survive between frames.
struct PanelState {
  Tab tab = Tab::chat;                          // desktop shows `video` for it: the chat is always beside
  bool scroll_chat_to_end = true;
  float page_scroll_y = 0;                      // CSS pixels, for the tests of touch scrolling
  float tab_scroll_y = 0;
  float chat_scroll_y = 0;
  float chips_height = 0;                       // the quick replies' height last frame (they wrap)
  size_t chat_seen = 0;                         // App::log_added() when the phone last showed the chat
  float floating_message_height = 0;            // pixels the phone's floating message covers at the bottom
  int reveal_train_frames = 0;                  // frames left to scroll the Train button into view (model_tab.cpp)
  std::string field_text[kChatSlotCount];       // the exact number fields while typed in (desktop)
  std::string field_error[kChatSlotCount];
  TrainingSettings training;
  bool focus_chat_requested = false;
};

class App {
 public:
  App();

  // --- Startup ------------------------------------------------------------------
  // Reads the URL query (scenario, embed, theme, compact) and the saved state from localStorage.
  void Start(const std::string& query, const std::string& saved_state);
  // Loads the page's own model file. Returns "" or the error (also shown in the chat).
  std::string LoadBuiltInModel(std::string_view json);

  // --- Frame ----------------------------------------------------------------------
  void Tick(double now_ms);                         // trains a slice when training; call once per frame
  void Draw(Ui& ui, float width, float height);     // the whole page, in framebuffer pixels
  void AfterFrame(const Ui& ui);                    // saves state, publishes text fields and height
  bool NeedsFrames() const;                         // training runs: keep drawing

  // --- Chat and scenario ----------------------------------------------------------
  void SendMessage(const std::string& text);
  // Sets one slot from a slider or field. `final` is false while a slider is dragged: the live region
  // and the saved state wait for the release.
  void SetSlot(ChatSlot slot, std::optional<double> value, bool final);
  // Commits a number typed in a field ("35.2K", "" clears). Returns "" or what is wrong with the text.
  std::string CommitField(ChatSlot slot, const std::string& text);

  // --- Files, models, training ----------------------------------------------------
  // Checks a file's size before the page reads it. Returns "" or the error (also shown in the chat).
  std::string AcceptFile(const std::string& name, double bytes);
  void OpenFile(const std::string& name, std::string_view bytes);   // a CSV or a model JSON, read at once
  // True when a file is a model file by its name, or by its first bytes (`prefix`) starting with '{'.
  static bool IsModelFile(const std::string& name, std::string_view prefix);
  // A CSV file parsed off the main thread: Begin returns the load's id; Finish takes the encoded Dataset
  // (dataset_wire.h). A result, progress or failure for any other id than the latest is ignored.
  int BeginCsvLoad(const std::string& name, double bytes);
  void SetCsvLoadProgress(int id, double fraction);
  void FinishCsvLoad(int id, std::string_view encoded_dataset);
  void FailCsvLoad(int id, const std::string& reason);
  void CancelCsvLoad();                                             // the Cancel button
  void ReportError(const std::string& text);                        // an error from the page, into the chat
  void StartTraining(double now_ms);
  void CancelTraining();
  void UseTrainedModel();
  void DiscardTrainedModel();
  void DownloadModel(bool trained);
  // The model in use across reloads (stored_model.cpp). A trained model put to use, or a loaded model file,
  // is kept in the browser's storage. The page passes it back at start, after the built-in model.
  void RestoreStoredModel(const std::string& meta_json, const std::string& model_json);
  void UseBuiltInModel();                           // removes the kept model and uses the built-in one
  bool built_in_in_use() const { return built_in_in_use_; }

  // --- Page ---------------------------------------------------------------------------
  void CopyLink();
  void OnCopyResult(bool ok);
  void ClearData();
  void SetSystemDark(bool dark);
  void SetTouch(bool touch) { touch_ = touch; }
  void RequestChatFocus() { panels_.focus_chat_requested = true; }

  // --- Read access for the panels and the tests ----------------------------------------
  const Model* model() const { return model_.get(); }
  const std::string& model_source() const { return model_source_; }
  const std::string& model_error() const { return model_error_; }
  const Conversation& conversation() const { return conversation_; }
  const ChatSlots& slots() const { return conversation_.slots(); }
  const Derived& derived() const { return derived_; }
  const std::vector<LogEntry>& log() const { return log_; }
  size_t log_added() const { return log_added_; }      // entries added since the page opened, for PanelState::chat_seen
  const DataFile* data() const { return data_ ? &*data_ : nullptr; }
  const std::string& data_error() const { return data_error_; }
  const FileLoad* file_load() const { return file_load_ ? &*file_load_ : nullptr; }
  const std::optional<RegressionMetrics>& model_metrics() const { return model_metrics_; }
  const std::string& model_metrics_scope() const { return model_metrics_scope_; }
  const TrainingSession& training() const { return training_; }
  const Insights* insights() const;                 // the opened file's, else the model's, else null
  std::string insights_source() const;
  const std::string& live_text() const { return live_text_; }

  bool embed() const { return embed_; }
  bool compact() const { return compact_; }
  bool dark() const { return forced_dark_.value_or(system_dark_); }
  bool touch() const { return touch_; }
  int restored_turns() const { return restored_turns_; }
  const std::string& notice() const { return notice_; }
  PanelState& panels() { return panels_; }
  const PanelState& panels() const { return panels_; }

  // The app state as JSON for window.likecastTest (see test_state.cpp).
  std::string TestStateJson(const Ui& ui, int frames, const TouchInput& touch) const;

 private:
  void Refresh();                                   // recomputes `derived_` and the model's metrics
  void AddLog(LogKind kind, std::string text);
  void Mirror(const std::string& text);             // the aria-live region, prefixed with the prediction
  void SetModel(std::unique_ptr<Model> model, std::string source);
  void KeepModelInBrowser();                        // stores `model_` for the next visit (not in embed mode)
  void OpenModelFile(const std::string& name, std::string_view bytes);
  void OpenCsvFile(const std::string& name, std::string_view bytes);
  void UseDataset(const std::string& name, size_t bytes, std::shared_ptr<Dataset> dataset);
  void SaveNow();

  std::unique_ptr<Model> model_;
  std::string model_source_;
  std::string model_error_;
  std::unique_ptr<const Model> built_in_model_;     // a copy, for "Use built-in model"
  std::string built_in_source_;
  bool built_in_in_use_ = false;
  Conversation conversation_;
  std::vector<LogEntry> log_;
  size_t log_added_ = 0;
  Derived derived_;
  std::optional<DataFile> data_;
  std::string data_error_;
  std::optional<FileLoad> file_load_;
  int last_load_id_ = 0;
  std::optional<RegressionMetrics> model_metrics_;  // the current model on the opened file
  std::string model_metrics_scope_;
  TrainingSession training_;
  PanelState panels_;
  std::string live_text_;
  std::string notice_;                              // a short line under the top bar ("Link copied")

  bool embed_ = false;
  bool compact_ = false;
  bool touch_ = false;
  bool system_dark_ = false;
  std::optional<bool> forced_dark_;
  bool dirty_ = false;                              // the saved state is behind
  int restored_turns_ = 0;
  std::string published_fields_;                    // the last text fields sent to the page
  int published_height_ = -1;
  int content_height_ = 0;                          // CSS pixels, for embed mode
};

}  // namespace likecast::app
