// Page state and actions (see app.h). The layout is in layout.cpp, the
// panels in panels/, the test view of the state in test_state.cpp.
#include "app/app.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "app/dataset_wire.h"
#include "app/web_bridge.h"
#include "core/common/format.h"
#include "core/model/model_io.h"

namespace likecast::app {
namespace {

std::string Trim(std::string_view text) {
  size_t begin = 0, end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return std::string(text.substr(begin, end - begin));
}

bool EndsWithJson(const std::string& name) {
  if (name.size() < 5) return false;
  std::string tail = name.substr(name.size() - 5);
  for (char& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return tail == ".json";
}

// A model file starts with '{' (after a byte-order mark or spaces); a CSV never does.
bool LooksLikeJson(std::string_view bytes) {
  size_t i = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
  return i < bytes.size() && bytes[i] == '{';
}

std::string OneLine(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

std::string MegabyteText(double bytes) { return FormatPlain(bytes / (1024.0 * 1024.0), 1) + " MB"; }

// Every kScatterPoints-th share of the rows with views and likes: (views, like rate).
std::vector<std::pair<double, double>> SampleRows(const Dataset& dataset) {
  std::vector<std::pair<double, double>> points;
  size_t usable = 0;
  for (const VideoRecord& row : dataset.rows) usable += (row.likes && row.inputs.views && *row.inputs.views > 0);
  const size_t stride = std::max<size_t>(1, (usable + kScatterPoints - 1) / kScatterPoints);
  size_t index = 0;
  for (const VideoRecord& row : dataset.rows) {
    if (!row.likes || !row.inputs.views || *row.inputs.views <= 0) continue;
    if (index++ % stride == 0) points.emplace_back(*row.inputs.views, *row.likes / *row.inputs.views);
  }
  return points;
}

constexpr const char* kWelcome =
    "Hi! I predict how many likes a TikTok video should get. Tell me about yours, e.g. \"120k views, 3.4k shares, "
    "560 comments, 32 seconds\", or set the numbers with the sliders. Then ask \"why?\", \"tips\" or \"what if I had "
    "5k shares?\". To train a model on your own videos, open a CSV file in the Model tab.";

}  // namespace

const char* TabName(Tab tab) {
  switch (tab) {
    case Tab::chat: return "chat";
    case Tab::video: return "video";
    case Tab::insights: return "insights";
    case Tab::model: return "model";
  }
  return "video";
}

App::App() : conversation_(nullptr) {}

// --- Startup ----------------------------------------------------------------------------------------

void App::Start(const std::string& query, const std::string& saved_state) {
  const QueryOptions options = ParseQuery(query);
  embed_ = options.embed;
  forced_dark_ = options.dark;
  compact_ = options.compact.value_or(embed_);

  // The embedded widget is stateless: the host page's query is its scenario.
  if (!embed_ && !saved_state.empty()) {
    SavedPage saved;
    std::string error = SavedPageFromJson(saved_state, &saved);
    if (error.empty()) error = conversation_.RestoreJson(saved.conversation_json);
    if (error.empty()) {
      log_ = std::move(saved.log);
      restored_turns_ = static_cast<int>(log_.size());
    } else {
      web::ClearSavedState();
      AddLog(LogKind::error, "Your saved chat could not be read (" + error +
                                 "), so LikeCast started fresh. Nothing else was lost.");
    }
  }
  if (log_.empty() || (log_.size() == 1 && log_[0].kind == LogKind::error)) log_.insert(log_.begin(), {LogKind::note, kWelcome});

  for (const auto& [slot, value] : options.slots) conversation_.SetSlot(slot, value);
  if (!options.rejected.empty()) {
    std::string list;
    for (const std::string& item : options.rejected) list += (list.empty() ? "" : ", ") + item;
    AddLog(LogKind::error, "Ignored invalid values in the link: " + list + ". Set them with the sliders instead.");
  }
  Refresh();
  Mirror(model_ ? "" : "Loading the model.");
  dirty_ = !options.slots.empty() || !options.rejected.empty();
}

std::string App::LoadBuiltInModel(std::string_view json) {
  ModelLoadResult loaded = ModelFromJson(json);
  if (!loaded.model) {
    model_error_ = "The built-in model could not be loaded: " + loaded.error + ". Load a model file in the Model tab.";
    AddLog(LogKind::error, model_error_);
    Mirror(model_error_);
    return loaded.error;
  }
  const std::string rows = FormatInteger(static_cast<double>(loaded.model->training.train_rows));
  SetModel(std::make_unique<Model>(std::move(*loaded.model)), "built-in model (" + rows + " training videos)");
  built_in_model_ = std::make_unique<const Model>(*model_);
  built_in_source_ = model_source_;
  built_in_in_use_ = true;
  if (!embed_) web::RequestStoredModel();   // the page answers with RestoreStoredModel, if a model is kept
  const ChatNumbers& numbers = derived_.numbers;
  Mirror(numbers.has_prediction ? "Likely between " + FormatCount(numbers.p10) + " and " + FormatCount(numbers.p90) + "."
                                : "Tell me your video's views to get a prediction.");
  return "";
}

// --- Frame ------------------------------------------------------------------------------------------

void App::Tick(double now_ms) {
  if (training_.state() != TrainingState::running) return;
  training_.Advance(now_ms, model_.get());
  switch (training_.state()) {
    case TrainingState::finished: {
      const RegressionMetrics& m = *training_.new_metrics();
      AddLog(LogKind::note, "Training finished: the new model has R\xC2\xB2 " + FormatPlain(m.r2, 3) + " and median error " +
                                FormatPlain(m.medape_percent, 1) + "% on the " + training_.metrics_scope() +
                                ". Compare it with the current one in the Model tab, then use, download or discard it.");
      Mirror(log_.back().text);
      break;
    }
    case TrainingState::failed:
      AddLog(LogKind::error, "Training failed: " + training_.error() + ". The current model is still in use.");
      Mirror(log_.back().text);
      break;
    default: break;
  }
}

bool App::NeedsFrames() const { return training_.state() == TrainingState::running; }

// --- Chat and scenario ------------------------------------------------------------------------------

void App::SendMessage(const std::string& raw) {
  const std::string text = Trim(raw);
  if (text.empty()) return;
  notice_.clear();
  AddLog(LogKind::user, text);
  const ChatReply reply = conversation_.Send(text);
  Refresh();
  const bool refused = !reply.rejected.empty() && reply.changed.empty();
  AddLog(refused ? LogKind::error : LogKind::assistant, reply.text);
  Mirror(OneLine(reply.text));
  panels_.scroll_chat_to_end = true;
}

void App::SetSlot(ChatSlot slot, std::optional<double> value, bool final) {
  const ChatReply reply = conversation_.SetSlot(slot, value);
  const int index = static_cast<int>(slot);
  panels_.field_error[index] = reply.rejected.empty() ? "" : reply.text;
  Refresh();
  if (!final) return;
  notice_.clear();
  const ChatNumbers& numbers = derived_.numbers;
  Mirror(reply.rejected.empty() && numbers.has_prediction
             ? "Likely between " + FormatCount(numbers.p10) + " and " + FormatCount(numbers.p90) + ". " + reply.text
             : reply.text);
  dirty_ = true;
}

std::string App::CommitField(ChatSlot slot, const std::string& raw) {
  const std::string text = Trim(raw);
  const int index = static_cast<int>(slot);
  if (text.empty()) {
    SetSlot(slot, std::nullopt, true);
    return "";
  }
  std::string problem;
  const std::optional<double> value = ParseNumberCell(text, &problem);
  if (!value) {
    panels_.field_error[index] = "\"" + text + "\" " + (problem.empty() ? "is not a number" : problem) +
                                 ": type digits, e.g. 35200 or 35.2K.";
    Mirror(panels_.field_error[index]);
    return panels_.field_error[index];
  }
  SetSlot(slot, *value, true);
  return panels_.field_error[index];
}

// --- Files, models, training ------------------------------------------------------------------------

std::string App::AcceptFile(const std::string& name, double bytes) {
  std::string error;
  if (EndsWithJson(name)) {
    if (bytes > static_cast<double>(kMaxModelFileBytes))
      error = "the file is " + MegabyteText(bytes) + ", over the limit of " + MegabyteText(kMaxModelFileBytes) +
              " for a model file. A LikeCast model is well under 1 MB: check that this is the right file.";
  } else {
    DatasetOptions options;
    options.max_bytes = kBrowserMaxFileBytes;
    error = CheckDatasetSize(static_cast<std::uint64_t>(bytes), options);
  }
  if (!error.empty()) ReportError("Could not open " + name + ": " + error);
  return error;
}

bool App::IsModelFile(const std::string& name, std::string_view prefix) {
  return EndsWithJson(name) || LooksLikeJson(prefix);
}

void App::OpenFile(const std::string& name, std::string_view bytes) {
  if (!AcceptFile(name, static_cast<double>(bytes.size())).empty()) return;
  if (IsModelFile(name, bytes)) {
    OpenModelFile(name, bytes);
  } else {
    OpenCsvFile(name, bytes);
  }
  panels_.scroll_chat_to_end = true;
}

void App::OpenModelFile(const std::string& name, std::string_view bytes) {
  ModelLoadResult loaded = ModelFromJson(bytes);
  if (!loaded.model) {
    ReportError("Could not load the model " + name + ": " + loaded.error + ". The current model is still in use.");
    return;
  }
  SetModel(std::make_unique<Model>(std::move(*loaded.model)), "model loaded from " + name);
  AddLog(LogKind::note, "Now using the model from " + name + "." + (embed_ ? "" : " This browser keeps it for your next visit."));
  KeepModelInBrowser();
  Mirror(log_.back().text);
}

void App::OpenCsvFile(const std::string& name, std::string_view bytes) {
  DatasetOptions options;
  options.max_bytes = kBrowserMaxFileBytes;
  UseDataset(name, bytes.size(), std::make_shared<Dataset>(LoadDataset(bytes, options)));
}

int App::BeginCsvLoad(const std::string& name, double bytes) {
  file_load_ = FileLoad{++last_load_id_, name, bytes, 0.0f};
  notice_.clear();
  Mirror("Opening " + name + ".");
  return last_load_id_;
}

void App::SetCsvLoadProgress(int id, double fraction) {
  if (file_load_ && file_load_->id == id) file_load_->fraction = static_cast<float>(std::clamp(fraction, 0.0, 1.0));
}

void App::FinishCsvLoad(int id, std::string_view encoded_dataset) {
  if (!file_load_ || file_load_->id != id) return;
  auto dataset = std::make_shared<Dataset>();
  if (const std::string error = DecodeDataset(encoded_dataset, dataset.get()); !error.empty()) {
    FailCsvLoad(id, error);
    return;
  }
  const FileLoad load = std::move(*file_load_);
  file_load_.reset();
  UseDataset(load.name, static_cast<size_t>(load.bytes), std::move(dataset));
  panels_.scroll_chat_to_end = true;
}

void App::FailCsvLoad(int id, const std::string& reason) {
  if (!file_load_ || file_load_->id != id) return;
  const std::string name = file_load_->name;
  file_load_.reset();
  ReportError("Could not open " + name + ": " + reason + ". Try opening it again." +
              (data_ ? " The file opened before is still in use." : ""));
}

void App::CancelCsvLoad() {
  if (!file_load_) return;
  const std::string name = file_load_->name;
  file_load_.reset();
  web::CancelFileLoad();
  AddLog(LogKind::note, "Stopped opening " + name + "." + (data_ ? " The file opened before is still in use." : ""));
  Mirror(log_.back().text);
}

void App::UseDataset(const std::string& name, size_t bytes, std::shared_ptr<Dataset> dataset) {
  if (!dataset->ok()) {
    data_error_ = "Could not open " + name + ": " + dataset->error;
    ReportError(data_error_ + (data_ ? " The file opened before is still in use." : ""));
    return;
  }
  data_error_.clear();
  DataFile file;
  file.name = name;
  file.bytes = bytes;
  file.insights = ComputeInsights(dataset->rows);
  file.sample = SampleRows(*dataset);
  file.dataset = std::move(dataset);
  const Dataset& loaded = *file.dataset;
  std::string text = "Opened " + name + ": " + FormatInteger(static_cast<double>(loaded.rows_loaded)) + " rows loaded, " +
                     FormatInteger(static_cast<double>(loaded.rows_skipped)) + " skipped.";
  if (!loaded.skipped.empty()) text += " First skipped: line " + std::to_string(loaded.skipped[0].line) + ", " + loaded.skipped[0].reason + ".";
  // The Model tab shows the Train button under the file's summary, so the note names it there. On other tabs
  // the note points to the Model tab. While a training runs or its new model awaits "Use" or "Discard", the
  // tab has no Train button, so the note names the step that comes first.
  const bool model_tab_shown = panels_.tab == Tab::model && !embed_;
  const TrainingState training_state = training_.state();
  if (!model_tab_shown) {
    text += " See the Model tab to train on it.";
  } else if (training_state == TrainingState::running) {
    text += " Train a model on it when the current training ends.";
  } else if (training_state == TrainingState::finished) {
    text += " Train a model on it after you use or discard the new model.";
  } else {
    text += " Train a model on it with the Train button.";
    panels_.reveal_train_frames = kRevealTrainFrames;
  }
  data_ = std::move(file);
  if (model_) model_metrics_ = ScoreModel(*model_, data_->dataset->rows, &model_metrics_scope_);
  AddLog(LogKind::note, text);
  Mirror(text);
}

void App::ReportError(const std::string& text) {
  AddLog(LogKind::error, text);
  Mirror(text);
  panels_.scroll_chat_to_end = true;
}

void App::StartTraining(double now_ms) {
  if (!data_) {
    ReportError("Open a CSV file first: training needs videos with views, likes, shares, comments and downloads.");
    return;
  }
  const std::string error = training_.Start(data_->dataset, data_->name, panels_.training, now_ms);
  if (!error.empty()) {
    ReportError("Training could not start on " + data_->name + ": " + error + ". The current model is still in use.");
    return;
  }
  AddLog(LogKind::note, "Training a new model on " + data_->name + ". The page stays usable while it trains.");
  Mirror(log_.back().text);
}

void App::CancelTraining() {
  if (training_.state() != TrainingState::running) return;
  training_.Cancel();
  AddLog(LogKind::note, "Training cancelled. The current model is still in use.");
  Mirror(log_.back().text);
}

void App::UseTrainedModel() {
  if (training_.state() != TrainingState::finished) return;
  const std::string name = training_.data_name();
  SetModel(training_.TakeModel(), "model trained in this page on " + name);
  AddLog(LogKind::note, "Now using the model trained on " + name +
                            (embed_ ? ". Download it to keep it." : ". This browser keeps it for your next visit; download it "
                                                                    "to keep a copy."));
  KeepModelInBrowser();
  Mirror(log_.back().text);
}

void App::DiscardTrainedModel() {
  training_.Discard();
  AddLog(LogKind::note, "Discarded the new model. The current model is still in use.");
  Mirror(log_.back().text);
}

void App::DownloadModel(bool trained) {
  const Model* model = trained ? training_.model() : model_.get();
  if (!model) return;
  web::DownloadText(trained ? "likecast-model-new.json" : "likecast-model.json", ModelToJson(*model));
}

void App::SetModel(std::unique_ptr<Model> model, std::string source) {
  model_ = std::move(model);
  model_source_ = std::move(source);
  model_error_.clear();
  built_in_in_use_ = false;
  conversation_.SetModel(model_.get());
  model_metrics_.reset();
  if (data_) model_metrics_ = ScoreModel(*model_, data_->dataset->rows, &model_metrics_scope_);
  Refresh();
}

// --- Page -------------------------------------------------------------------------------------------

void App::CopyLink() {
  web::ReplaceUrlQuery(ScenarioQuery(slots()));
  web::CopyText(web::PageUrl());
}

void App::OnCopyResult(bool ok) {
  notice_ = ok ? "Link copied: it opens this scenario." : "The browser blocked the clipboard: copy the link from the address bar.";
  Mirror(notice_);
}

void App::ClearData() {
  web::ClearSavedState();
  // A model kept for the next visit is saved state too, so it is removed and the built-in model is used again.
  // A trained model not yet used stays, like an opened file.
  const bool had_kept_model = !embed_ && !built_in_in_use_ && built_in_model_;
  if (!embed_) web::ClearStoredModel();
  if (had_kept_model) {
    SetModel(std::make_unique<Model>(*built_in_model_), built_in_source_);
    built_in_in_use_ = true;
  }
  conversation_ = Conversation(model_.get());
  log_.clear();
  log_.push_back({LogKind::note, kWelcome});
  panels_ = PanelState();
  panels_.chat_seen = log_added_;
  Refresh();
  notice_ = had_kept_model ? "Cleared the chat, the scenario and the saved state, and went back to the built-in model."
                           : "Cleared the chat, the scenario and the saved state.";
  Mirror(notice_);
  web::ReplaceUrlQuery("");
  dirty_ = false;
}

void App::SetSystemDark(bool dark) { system_dark_ = dark; }

const Insights* App::insights() const {
  if (data_ && data_->insights.error.empty()) return &data_->insights;
  if (model_ && model_->insights.rows > 0) return &model_->insights;
  return nullptr;
}

std::string App::insights_source() const {
  if (data_ && data_->insights.error.empty())
    return FormatInteger(static_cast<double>(data_->insights.rows)) + " videos in " + data_->name;
  if (model_ && model_->insights.rows > 0)
    return FormatInteger(static_cast<double>(model_->insights.rows)) + " videos the model was trained on";
  return "";
}

// --- Internals --------------------------------------------------------------------------------------

void App::Refresh() {
  Derived d;
  d.numbers = conversation_.Current().numbers;
  if (model_ && d.numbers.has_prediction && d.numbers.used.views > 0) {
    const CompleteInputs& used = d.numbers.used;
    if (!model_->benchmarks.empty()) {
      const BenchmarkGroup& group = FindBenchmark(model_->benchmarks, used.views, used.verified, used.author_status);
      d.group = DescribeGroup(model_->benchmarks, group);
      d.like_rate_percentile =
          group.PercentileOf(BenchmarkMetric::like_rate, MetricValue(BenchmarkMetric::like_rate, used.views, d.numbers.likes));
      if (slots().likes)
        d.actual_percentile =
            group.PercentileOf(BenchmarkMetric::like_rate, MetricValue(BenchmarkMetric::like_rate, used.views, *slots().likes));
      d.recommendations = RecommendFor(*model_, used);
    }
    d.explanation = Explain(*model_, used);
  }
  derived_ = std::move(d);
}

void App::AddLog(LogKind kind, std::string text) {
  log_.push_back({kind, std::move(text)});
  ++log_added_;
  if (log_.size() > kMaxLogEntries) log_.erase(log_.begin());
  panels_.scroll_chat_to_end = true;
  dirty_ = true;
}

void App::Mirror(const std::string& text) {
  const ChatNumbers& numbers = derived_.numbers;
  std::string live;
  if (numbers.has_prediction) live = "Predicted likes: " + FormatPlain(std::round(numbers.likes), 0) + ". ";
  live += text;
  live_text_ = live;
  web::SetLiveText(live_text_);
}

void App::SaveNow() {
  if (embed_) return;
  SavedPage page;
  page.conversation_json = conversation_.SaveJson();
  page.log = log_;
  web::SaveState(SavedPageToJson(page));
}

}  // namespace likecast::app
