// In-page training, one time-budgeted slice per frame (see training_session.h).
#include "app/training_session.h"

#include <algorithm>

#include <emscripten.h>

namespace likecast::app {

const char* TrainingStateName(TrainingState state) {
  switch (state) {
    case TrainingState::idle: return "idle";
    case TrainingState::running: return "running";
    case TrainingState::finished: return "finished";
    case TrainingState::failed: return "failed";
    case TrainingState::cancelled: return "cancelled";
  }
  return "idle";
}

RegressionMetrics ScoreModel(const Model& model, const std::vector<VideoRecord>& rows, std::string* scope) {
  auto score = [&](bool test_only) {
    std::vector<double> actual, predicted, low, high;
    for (const VideoRecord& row : rows) {
      if (!row.likes || !row.inputs.views || *row.inputs.views <= 0) continue;
      if (test_only && !IsTestVideo(row)) continue;
      const Prediction p = model.Predict(row.inputs);
      actual.push_back(*row.likes);
      predicted.push_back(p.likes);
      low.push_back(p.p10);
      high.push_back(p.p90);
    }
    return ComputeMetrics(actual, predicted, low, high);
  };
  RegressionMetrics metrics = score(true);
  if (metrics.rows > 0) {
    *scope = "test split (video_id % 5 == 0)";
    return metrics;
  }
  *scope = "all rows (the file has no test split: no video_id % 5 == 0)";
  return score(false);
}

std::string TrainingSession::Start(std::shared_ptr<const Dataset> data, const std::string& data_name,
                                   const TrainingSettings& settings, double now_ms) {
  TrainOptions options;
  options.max_epochs = std::max(1, settings.max_epochs);
  options.seed = settings.seed;
  std::string error;
  std::unique_ptr<Trainer> trainer = Trainer::Create(data->rows, options, &error);
  if (!trainer) return error.empty() ? "the rows cannot be used for training" : error;

  *this = TrainingSession();
  trainer_ = std::move(trainer);
  data_ = std::move(data);
  data_name_ = data_name;
  settings_ = settings;
  state_ = TrainingState::running;
  last_now_ms_ = now_ms;
  return "";
}

bool TrainingSession::Advance(double now_ms, const Model* current) {
  if (state_ != TrainingState::running) return false;
  // Only the time spent in frames counts, so a tab in the background (no frames) does not inflate it.
  elapsed_ms_ += std::min(now_ms - last_now_ms_, 250.0);
  const double deadline = emscripten_get_now() + settings_.frame_budget_ms;
  bool more = true;
  while (more && emscripten_get_now() < deadline) {
    const int epoch_before = trainer_->progress().epoch;
    more = trainer_->Step(1);
    const TrainProgress& progress = trainer_->progress();
    if (progress.epoch != epoch_before) {
      train_losses_.push_back(progress.train_loss);
      validation_losses_.push_back(progress.validation_loss);
    }
  }
  last_now_ms_ = emscripten_get_now();
  if (!more) FinishTraining(current);
  return state_ == TrainingState::running;
}

void TrainingSession::FinishTraining(const Model* current) {
  if (!trainer_->error().empty()) {
    error_ = trainer_->error();
    state_ = TrainingState::failed;
    return;
  }
  std::string error;
  std::optional<Model> model = trainer_->Finish(&error);
  if (!model) {
    error_ = error.empty() ? "the trained model could not be built" : error;
    state_ = TrainingState::failed;
    return;
  }
  model_ = std::make_unique<Model>(std::move(*model));
  new_metrics_ = ScoreModel(*model_, data_->rows, &metrics_scope_);
  if (current) {
    std::string scope;
    current_metrics_ = ScoreModel(*current, data_->rows, &scope);
  }
  state_ = TrainingState::finished;
}

void TrainingSession::Cancel() {
  if (state_ != TrainingState::running) return;
  trainer_.reset();
  state_ = TrainingState::cancelled;
}

void TrainingSession::Discard() {
  const std::string name = data_name_;
  *this = TrainingSession();
  data_name_ = name;
}

std::unique_ptr<Model> TrainingSession::TakeModel() {
  std::unique_ptr<Model> model = std::move(model_);
  Discard();
  return model;
}

double TrainingSession::fraction_done() const {
  if (state_ == TrainingState::finished) return 1.0;
  const TrainProgress* p = progress();
  if (!p || p->max_epochs <= 0 || p->batches_per_epoch == 0) return 0.0;
  const double total = static_cast<double>(p->max_epochs) * static_cast<double>(p->batches_per_epoch);
  return std::clamp(static_cast<double>(p->batches_done) / total, 0.0, 1.0);
}

std::optional<double> TrainingSession::remaining_ms() const {
  const double done = fraction_done();
  if (state_ != TrainingState::running || done <= 0.01) return std::nullopt;
  return elapsed_ms_ * (1.0 - done) / done;
}

}  // namespace likecast::app
