// Training a LikeCast model with tiny-dnn.
//
// The Trainer works in small steps, so the page can train between frames and
// stay responsive; TrainModel() runs the same steps to the end for the CLI.
// The recipe: rows whose video_id % 5 == 0 are the test split and never seen;
// a fixed 15% of the rest (chosen by a hash of video_id) is a network's
// validation fold for early stopping and the learning-rate schedule. Each
// network of the ensemble holds out its own fold, and the blend of the heads
// and the range are calibrated on the rows some network held out, each scored
// by that network. Adam, mini-batches, a pinball loss per output head, the best
// epoch's weights kept. A loss that becomes NaN or explodes stops training
// with an error and no model.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/data/dataset.h"
#include "core/model/model.h"

namespace likecast {

struct TrainOptions {
  std::uint32_t seed = 42;
  std::vector<int> hidden_units = {64, 32};      // hidden layer widths
  std::string activation = "leaky_relu";        // hidden activation: relu, leaky_relu or tanh
  int max_epochs = 80;
  int batch_size = 64;
  double learning_rate = 0.002;                 // Adam's step size at the start
  double learning_rate_decay = 0.5;             // factor applied when validation loss stalls
  int plateau_epochs = 3;                       // epochs without improvement before the decay
  int patience_epochs = 10;                     // epochs without improvement before stopping
  double weight_averaging = 0.999;              // decay of the moving average of the weights per batch; 0: off
  int ensemble_size = 4;                        // networks trained one after another; their outputs are averaged
  double validation_fraction = 0.15;            // of the training rows
  // Member m holds out validation fold m (see ValidationFold) instead of all holding out fold 0, so the
  // blend of the heads and the range are chosen on more rows, each scored by a member that never saw it.
  bool cross_fit = true;
  bool hold_out_test_split = true;              // leave out rows whose video_id % 5 == 0
  // Output heads (see OutputHead in model.h): the point head, the optional mean head, then the range.
  std::string point_loss = "squared";           // "squared" (mean of log likes) or "pinball" (median)
  bool mean_head = true;                         // a head for the mean like count, blended in for large videos
  double mean_head_views_power = 0.0;            // its squared rate error is weighted by views^power; 2 = counts
  std::vector<double> range_quantiles = {0.1, 0.5, 0.9};   // 0.5 adds the median head, mixed into the point
};

struct TrainProgress {
  int epoch = 0;                  // epochs finished, over all members of the ensemble
  int max_epochs = 0;             // over all members
  int member = 1;                 // the ensemble member in training, from 1
  int members = 1;
  size_t batches_done = 0;        // in all epochs so far
  size_t batches_per_epoch = 0;
  double train_loss = 0;          // mean loss of the rows trained on in the last finished epoch
  double validation_loss = 0;
  double best_validation_loss = 0;
  int best_epoch = 0;             // of the member in training
  std::vector<double> validation_curve;   // one value per finished epoch
  std::vector<double> train_curve;        // train_loss of each finished epoch
  bool finished = false;
};

class Trainer {
 public:
  // Prepares the split, scaling and network. Returns nullptr and sets `error` when the rows cannot be used.
  static std::unique_ptr<Trainer> Create(const std::vector<VideoRecord>& rows, const TrainOptions& options,
                                         std::string* error);
  ~Trainer();

  // Runs up to `max_batches` mini-batches. Returns false once training has finished or failed.
  bool Step(size_t max_batches);
  const TrainProgress& progress() const;
  const std::string& error() const;       // set when training failed (NaN or exploding loss)

  // Builds the model from the best epoch's weights and calibrates its range on the validation rows.
  // Only valid after Step() has returned false without an error.
  std::optional<Model> Finish(std::string* error);
  // Does one bounded part of Finish(): collecting the held-out rows, scoring one candidate blend of the
  // heads on them (one prediction per row), or the range calibration. Returns true while parts remain;
  // Finish() then runs what is left. The page calls it between frames.
  bool FinishStep();
  double finish_fraction() const;         // 0..1 of the parts of Finish() done

 private:
  Trainer();
  struct State;
  std::unique_ptr<State> state_;
};

// The named recipes: "default" (the options above, which made models/likecast.json) and "page" (one
// network, fewer epochs: the whole TikTok dataset trains in seconds in a browser tab). nullopt for
// another name.
std::optional<TrainOptions> TrainPreset(const std::string& name);
const char* TrainPresetNames();           // "default, page", for help and error text

// Empty when `hidden_units` is a usable list of hidden layer widths, otherwise the problem and the limits.
std::string CheckHiddenUnits(const std::vector<int>& hidden_units);

// Trains to the end. `on_epoch` (optional) is called after each epoch.
std::optional<Model> TrainModel(const std::vector<VideoRecord>& rows, const TrainOptions& options, std::string* error,
                                const std::function<void(const TrainProgress&)>& on_epoch = {});

// Runs `network` through tiny-dnn's own predict(), after copying its weights into a tiny-dnn network of the
// same shape. Tests compare Network::Forward against it.
std::vector<float> PredictWithTinyDnn(const Network& network, const std::vector<float>& input);

// True for the rows the validation split takes (a fixed share of the training rows).
bool IsValidationVideo(const VideoRecord& record, double fraction);
// The validation fold of a row: 0 for the rows IsValidationVideo() takes, then 1, 2, ... for the next
// shares of the same size, by the same hash of video_id.
int ValidationFold(const VideoRecord& record, double fraction);

}  // namespace likecast
