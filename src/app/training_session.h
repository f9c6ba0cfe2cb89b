// Training a model in the page: the core's Trainer run in slices between
// frames, each slice bounded by a time budget so the page keeps drawing at
// frame rate. Keeps what the model tab shows: the loss curve, elapsed and
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
  int max_epochs = 40;                  // early stopping usually ends sooner
  std::uint32_t seed = 42;
  double frame_budget_ms = 10.0;        // training time per frame; the rest of a 16 ms frame draws the page
};

enum class TrainingState { idle, running, finished, failed, cancelled };
const char* TrainingStateName(TrainingState state);   // "idle", "running", ...

class TrainingSession {
 public:
  // Starts training on `rows`. Returns "" or why it cannot start (too few rows, no likes).
  // The session shares `data`, so opening another file while it trains changes nothing here.
  std::string Start(std::shared_ptr<const Dataset> data, const std::string& data_name, const TrainingSettings& settings,
                    double now_ms);

  // Trains for up to the frame budget. When the last epoch ends, builds the model and scores it, and
  // `current` (may be null) on the same rows for the comparison. Returns true while training goes on.
  bool Advance(double now_ms, const Model* current);

  void Cancel();
  void Discard();                       // forgets a finished model (or a failure)
  std::unique_ptr<Model> TakeModel();   // hands the finished model over; the session becomes idle

  TrainingState state() const { return state_; }
  const TrainProgress* progress() const { return trainer_ ? &trainer_->progress() : nullptr; }
  const std::string& error() const { return error_; }
  const std::string& data_name() const { return data_name_; }
  const Model* model() const { return model_.get(); }
  const std::vector<double>& train_losses() const { return train_losses_; }
  const std::vector<double>& validation_losses() const { return validation_losses_; }
  double elapsed_ms() const { return elapsed_ms_; }
  std::optional<double> remaining_ms() const;   // an upper bound: early stopping may end sooner
  double fraction_done() const;                 // 0..1 of the epoch limit

  // Metrics of the new and the current model on the training file's test split (or all its rows, see
  // metrics_scope); set when the session finished.
  const std::optional<RegressionMetrics>& new_metrics() const { return new_metrics_; }
  const std::optional<RegressionMetrics>& current_metrics() const { return current_metrics_; }
  const std::string& metrics_scope() const { return metrics_scope_; }

 private:
  void FinishTraining(const Model* current);

  TrainingState state_ = TrainingState::idle;
  std::unique_ptr<Trainer> trainer_;
  std::shared_ptr<const Dataset> data_;
  std::string data_name_;
  TrainingSettings settings_;
  std::unique_ptr<Model> model_;
  std::string error_;
  std::vector<double> train_losses_;
  std::vector<double> validation_losses_;
  double last_now_ms_ = 0;
  double elapsed_ms_ = 0;
  std::optional<RegressionMetrics> new_metrics_;
  std::optional<RegressionMetrics> current_metrics_;
  std::string metrics_scope_;
};

// Scores `model` on the test split of `rows` (video_id % 5 == 0). When no row has a video_id, or none falls
// in the test split, scores every row instead, and says so in `scope`.
RegressionMetrics ScoreModel(const Model& model, const std::vector<VideoRecord>& rows, std::string* scope);

}  // namespace likecast::app
