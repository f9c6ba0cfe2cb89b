// In-page training, one time-budgeted slice per frame (see training_session.h).
#include "app/training_session.h"

#include <algorithm>

#include <emscripten.h>

namespace likecast::app {
namespace {

// Rows scored between two looks at the clock: a few hundred microseconds of predictions.
constexpr size_t kRowsPerClockCheck = 64;

// The share of the work, counted in epochs, that building and scoring the model take after training.
constexpr double kEndWorkEpochs = 1.0;

}  // namespace

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

const char* TrainingPhaseName(TrainingPhase phase) {
  switch (phase) {
    case TrainingPhase::training: return "training";
    case TrainingPhase::building: return "building";
    case TrainingPhase::scoring: return "scoring";
  }
  return "training";
}

// --- Scoring ----------------------------------------------------------------------------------------

bool ModelScorer::Advance(double deadline_ms) {
  while (!done_) {
    for (size_t n = 0; n < kRowsPerClockCheck && next_row_ < rows_->size(); ++n) {
      const VideoRecord& row = (*rows_)[next_row_++];
      if (!row.likes || !row.inputs.views || *row.inputs.views <= 0) continue;
      if (test_only_ && !IsTestVideo(row)) continue;
      const Prediction p = model_->Predict(row.inputs);
      actual_.push_back(*row.likes);
      predicted_.push_back(p.likes);
      low_.push_back(p.p10);
      high_.push_back(p.p90);
    }
    if (next_row_ >= rows_->size()) {
      if (test_only_ && actual_.empty()) {
        test_only_ = false;   // no test split: score every row
        next_row_ = 0;
      } else {
        done_ = true;
        scope_ = test_only_ ? "test split (video_id % 5 == 0)" : "all rows (the file has no test split: no video_id % 5 == 0)";
      }
    }
    if (emscripten_get_now() >= deadline_ms) break;
  }
  return done_;
}

RegressionMetrics ModelScorer::metrics() const { return ComputeMetrics(actual_, predicted_, low_, high_); }

double ModelScorer::fraction_done() const {
  if (done_) return 1.0;
  if (!rows_ || rows_->empty()) return 0.0;
  const double pass = static_cast<double>(next_row_) / static_cast<double>(rows_->size());
  return test_only_ ? 0.5 * pass : 0.5 + 0.5 * pass;
}

RegressionMetrics ScoreModel(const Model& model, const std::vector<VideoRecord>& rows, std::string* scope) {
  ModelScorer scorer(&model, &rows);
  while (!scorer.Advance(0)) {
  }
  *scope = scorer.scope();
  return scorer.metrics();
}

// --- Session ----------------------------------------------------------------------------------------

std::string TrainingSession::Start(std::shared_ptr<const Dataset> data, const std::string& data_name,
                                   const TrainingSettings& settings, double now_ms) {
  TrainOptions options = *TrainPreset("page");
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
  max_epochs_ = trainer_->progress().max_epochs;
  state_ = TrainingState::running;
  phase_ = TrainingPhase::training;
  last_now_ms_ = now_ms;
  return "";
}

bool TrainingSession::Advance(double now_ms, const Model* current) {
  if (state_ != TrainingState::running) return false;
  // The time from frame to frame, each gap capped at 250 ms, so a tab in the background (no frames) does
  // not inflate it.
  elapsed_ms_ += std::clamp(now_ms - last_now_ms_, 0.0, 250.0);
  last_now_ms_ = now_ms;
  const double start = emscripten_get_now();
  const double deadline = start + settings_.frame_budget_ms;

  // One phase per frame: each runs at least one step, which must not come on top of another phase's slice.
  switch (phase_) {
    case TrainingPhase::training: Train(deadline); break;
    case TrainingPhase::building: Build(deadline); break;
    case TrainingPhase::scoring: Score(deadline, current); break;
  }

  max_slice_ms_ = std::max(max_slice_ms_, emscripten_get_now() - start);
  return state_ == TrainingState::running;
}

// Runs batches while the next one fits in the budget. The batch that ends an epoch also scores the
// validation rows, so it waits for a frame with room for its measured cost. Each frame runs at least one
// batch, so training always moves on.
void TrainingSession::Train(double deadline_ms) {
  bool first = true;
  while (true) {
    const TrainProgress& before = trainer_->progress();
    const bool ends_epoch = before.batches_per_epoch > 0 && (before.batches_done + 1) % before.batches_per_epoch == 0;
    const double expected_ms = ends_epoch ? std::max(epoch_end_ms_, batch_ms_) : batch_ms_;
    const double now = emscripten_get_now();
    if (!first && now + expected_ms > deadline_ms) return;
    first = false;

    const int epoch_before = before.epoch;
    const bool more = trainer_->Step(1);
    const double took = emscripten_get_now() - now;
    const TrainProgress& progress = trainer_->progress();
    if (progress.epoch != epoch_before) {
      epoch_end_ms_ = took;
      train_losses_.push_back(progress.train_loss);
      validation_losses_.push_back(progress.validation_loss);
    } else {
      batch_ms_ = took;
    }
    if (!more) {
      if (!trainer_->error().empty()) return Fail(trainer_->error());
      phase_ = TrainingPhase::building;
      return;
    }
  }
}

// Builds the model one Trainer::FinishStep at a time, while the next one fits in the budget. Each frame
// runs at least one, so building always moves on.
void TrainingSession::Build(double deadline_ms) {
  for (bool first = true; first || emscripten_get_now() + build_step_ms_ <= deadline_ms; first = false) {
    const double before = emscripten_get_now();
    const bool more = trainer_->FinishStep();
    build_step_ms_ = emscripten_get_now() - before;
    if (more) continue;

    std::string error;
    std::optional<Model> model = trainer_->Finish(&error);
    if (!model) return Fail(error.empty() ? "the trained model could not be built" : error);
    model_ = std::make_unique<Model>(std::move(*model));
    new_scorer_ = ModelScorer(model_.get(), &data_->rows);
    phase_ = TrainingPhase::scoring;
    return;
  }
}

// Scores the new model, then the current one, on the training file.
void TrainingSession::Score(double deadline_ms, const Model* current) {
  if (!new_metrics_) {
    if (!new_scorer_.Advance(deadline_ms)) return;
    new_metrics_ = new_scorer_.metrics();
    metrics_scope_ = new_scorer_.scope();
  }
  if (current) {
    if (current != scored_current_) {
      scored_current_ = current;
      current_scorer_ = ModelScorer(current, &data_->rows);
    }
    if (!current_scorer_.Advance(deadline_ms)) return;
    current_metrics_ = current_scorer_.metrics();
  }
  state_ = TrainingState::finished;
}

void TrainingSession::Fail(const std::string& error) {
  error_ = error;
  state_ = TrainingState::failed;
  model_.reset();
}

void TrainingSession::Cancel() {
  if (state_ != TrainingState::running) return;
  trainer_.reset();
  model_.reset();
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

// --- Progress ---------------------------------------------------------------------------------------

double TrainingSession::fraction_done() const {
  if (state_ == TrainingState::finished) return 1.0;
  const TrainProgress* p = progress();
  if (!p || max_epochs_ <= 0 || p->batches_per_epoch == 0) return 0.0;
  const double total = static_cast<double>(max_epochs_) + kEndWorkEpochs;
  double done = 0;
  if (phase_ == TrainingPhase::training) {
    done = static_cast<double>(p->batches_done) / static_cast<double>(p->batches_per_epoch);
  } else {
    // Early stopping may have ended training before the epoch limit: the rest of it counts as done.
    const double end_work = phase_ == TrainingPhase::building
                                ? 0.5 * trainer_->finish_fraction()
                                : 0.5 + 0.25 * new_scorer_.fraction_done() + 0.25 * current_scorer_.fraction_done();
    done = static_cast<double>(max_epochs_) + kEndWorkEpochs * end_work;
  }
  return std::clamp(done / total, 0.0, 1.0);
}

std::optional<double> TrainingSession::remaining_ms() const {
  const double done = fraction_done();
  if (state_ != TrainingState::running || done <= 0.01) return std::nullopt;
  return elapsed_ms_ * (1.0 - done) / done;
}

}  // namespace likecast::app
