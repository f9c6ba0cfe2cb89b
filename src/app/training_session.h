// Training a model in the page: the core's Trainer with the "page" recipe
// (train.h), run in slices between frames, each slice bounded by a time
// budget so the page keeps drawing. The end of training is sliced too:
// building the model (Trainer::FinishStep) and scoring the new and the current
// model. Keeps what the model tab shows: both loss curves, elapsed and
// remaining time, and once done the new model with its metrics beside the
// current model's. A failed or cancelled run leaves no model behind.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model/metrics.h"
#include "core/model/model.h"
#include "core/model/train.h"

namespace likecast::app {

struct TrainingSettings {
  int max_epochs = TrainPreset("page")->max_epochs;   // early stopping may end sooner
  std::uint32_t seed = 42;
  double frame_budget_ms = 12.0;        // work per frame: with the loop around it, a frame that only trains fits in 16.7 ms (60 Hz)
};

enum class TrainingState { idle, running, finished, failed, cancelled };
const char* TrainingStateName(TrainingState state);   // "idle", "running", ...

// The part of the work a running session is in.
enum class TrainingPhase { training, building, scoring };
const char* TrainingPhaseName(TrainingPhase phase);   // "training", "building", "scoring"

// Scores a model on rows a slice at a time, as ScoreModel does at once.
class ModelScorer {
 public:
  ModelScorer() = default;
  ModelScorer(const Model* model, const std::vector<VideoRecord>* rows) : model_(model), rows_(rows) {}
  // Scores rows until `deadline_ms` (emscripten_get_now() time). Returns true once every row is scored.
  bool Advance(double deadline_ms);
  RegressionMetrics metrics() const;
  const std::string& scope() const { return scope_; }
  double fraction_done() const;

 private:
  const Model* model_ = nullptr;
  const std::vector<VideoRecord>* rows_ = nullptr;
  size_t next_row_ = 0;
  bool test_only_ = true;               // the first pass takes the test split; all rows if it has none
  bool done_ = false;
  std::vector<double> actual_, predicted_, low_, high_;
  std::string scope_;
};

class TrainingSession {
 public:
  // Starts training on `rows`. Returns "" or why it cannot start (too few rows, no likes).
  // The session shares `data`, so opening another file while it trains changes nothing here.
  std::string Start(std::shared_ptr<const Dataset> data, const std::string& data_name, const TrainingSettings& settings,
                    double now_ms);

  // Works for up to the frame budget: trains, then builds the model, then scores it and `current` (may be
  // null) on the same rows for the comparison. When `current` differs from the previous call's, its scoring
  // starts over. Returns true while work remains.
  bool Advance(double now_ms, const Model* current);

  void Cancel();
  void Discard();                       // forgets a finished model (or a failure)
  std::unique_ptr<Model> TakeModel();   // hands the finished model over; the session becomes idle

  TrainingState state() const { return state_; }
  TrainingPhase phase() const { return phase_; }
  const TrainProgress* progress() const { return trainer_ ? &trainer_->progress() : nullptr; }
  const std::string& error() const { return error_; }
  const std::string& data_name() const { return data_name_; }
  const Model* model() const { return model_.get(); }
  const std::vector<double>& train_losses() const { return train_losses_; }         // one per finished epoch
  const std::vector<double>& validation_losses() const { return validation_losses_; }
  int max_epochs() const { return max_epochs_; }
  double elapsed_ms() const { return elapsed_ms_; }
  std::optional<double> remaining_ms() const;   // an estimate that assumes every epoch runs; early stopping may end sooner
  double fraction_done() const;                 // 0..1; building and scoring count as one more epoch
  double max_slice_ms() const { return max_slice_ms_; }   // the longest Advance() so far

  // Metrics of the new and the current model on the training file's test split (or all its rows, see
  // metrics_scope); set when the session finished.
  const std::optional<RegressionMetrics>& new_metrics() const { return new_metrics_; }
  const std::optional<RegressionMetrics>& current_metrics() const { return current_metrics_; }
  const std::string& metrics_scope() const { return metrics_scope_; }

 private:
  void Train(double deadline_ms);
  void Build(double deadline_ms);
  void Score(double deadline_ms, const Model* current);
  void Fail(const std::string& error);

  TrainingState state_ = TrainingState::idle;
  TrainingPhase phase_ = TrainingPhase::training;
  std::unique_ptr<Trainer> trainer_;
  std::shared_ptr<const Dataset> data_;
  std::string data_name_;
  TrainingSettings settings_;
  int max_epochs_ = 0;
  std::unique_ptr<Model> model_;
  std::string error_;
  std::vector<double> train_losses_;
  std::vector<double> validation_losses_;
  double last_now_ms_ = 0;
  double elapsed_ms_ = 0;
  double max_slice_ms_ = 0;
  double batch_ms_ = 0;                 // the latest cost of one Trainer::Step batch
  double epoch_end_ms_ = 0;             // the latest cost of a batch that ends an epoch (with validation)
  double build_step_ms_ = 0;            // the latest cost of one Trainer::FinishStep
  ModelScorer new_scorer_;
  ModelScorer current_scorer_;
  const Model* scored_current_ = nullptr;
  std::optional<RegressionMetrics> new_metrics_;
  std::optional<RegressionMetrics> current_metrics_;
  std::string metrics_scope_;
};

// Scores `model` on the test split of `rows` (video_id % 5 == 0). When no row has a video_id, or none falls
// in the test split, scores every row instead, and says so in `scope`.
RegressionMetrics ScoreModel(const Model& model, const std::vector<VideoRecord>& rows, std::string* scope);

}  // namespace likecast::app
