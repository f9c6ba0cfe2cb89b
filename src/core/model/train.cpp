// Training with tiny-dnn (see train.h).
#include "core/model/train.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>

#include "core/common/log.h"
#include "core/model/metrics.h"
#include "core/model/model_io.h"
#include "core/model/tiny_dnn_config.h"

namespace likecast {
namespace {

using tiny_dnn::float_t;
using tiny_dnn::vec_t;

// splitmix64: a small, portable generator, so shuffles and initial weights
// are the same on every compiler and in the browser.
std::uint64_t SplitMix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

double UniformDouble(std::uint64_t& state) { return static_cast<double>(SplitMix(state) >> 11) * (1.0 / 9007199254740992.0); }

// How each output head is trained, read by the loss below. tiny-dnn calls
// loss functions as static members, so the setting lives beside them.
struct HeadLoss {
  enum Kind { kSquared, kPinball, kSquaredCount } kind = kSquared;
  double quantile = 0.5;
};

struct LossSettings {
  std::vector<HeadLoss> heads;
  double target_mean = 0;      // the standardisation of the log like rate, to turn outputs into rates
  double target_std = 1;
  double count_scale = 1;      // divides the squared rate error, so it is of the same size as the other losses
};

thread_local LossSettings g_loss;

// The training loss summed over the rows tiny-dnn has run since Step() last reset it. fit() never calls
// HeadsLoss::f, only its gradient, so HeadsLoss::df adds each row's loss here. Every row counts once: the
// mean head's views^power weight is left out, which changes nothing while mean_head_views_power is 0.
thread_local double g_train_loss_sum = 0;
thread_local size_t g_train_loss_rows = 0;

// The rate behind a standardised output: (likes + 1) / (views + 1). The exponent is capped so that a
// wild output early in training cannot overflow.
double RateOf(double output) {
  return std::exp(std::min(g_loss.target_mean + g_loss.target_std * output, 5.0));
}

// Loss of one head at output y for target t. For the squared count loss, the caller weights rows by views^2
// (through tiny-dnn's target cost), which turns the squared rate error into a squared error of likes.
double HeadLossValue(const HeadLoss& head, double y, double t) {
  switch (head.kind) {
    case HeadLoss::kSquared: return (y - t) * (y - t);
    case HeadLoss::kPinball: {
      const double error = t - y;
      return error >= 0 ? head.quantile * error : (head.quantile - 1.0) * error;
    }
    case HeadLoss::kSquaredCount: {
      const double error = RateOf(y) - RateOf(t);
      return error * error / g_loss.count_scale;
    }
  }
  return 0;
}

double HeadLossGradient(const HeadLoss& head, double y, double t) {
  switch (head.kind) {
    case HeadLoss::kSquared: return 2.0 * (y - t);
    case HeadLoss::kPinball: return t > y ? -head.quantile : 1.0 - head.quantile;
    case HeadLoss::kSquaredCount: {
      const double rate = RateOf(y);
      return 2.0 * (rate - RateOf(t)) * rate * g_loss.target_std / g_loss.count_scale;
    }
  }
  return 0;
}

// The loss of all heads, summed.
struct HeadsLoss {
  static float_t f(const vec_t& y, const vec_t& t) {
    double total = 0;
    for (size_t k = 0; k < y.size(); ++k) total += HeadLossValue(g_loss.heads[k], y[k], t[k]);
    return static_cast<float_t>(total);
  }
  static vec_t df(const vec_t& y, const vec_t& t) {
    vec_t gradient(y.size());
    for (size_t k = 0; k < y.size(); ++k) gradient[k] = static_cast<float_t>(HeadLossGradient(g_loss.heads[k], y[k], t[k]));
    g_train_loss_sum += f(y, t);
    ++g_train_loss_rows;
    return gradient;
  }
};

// Adam whose state survives tiny-dnn's fit(), which calls reset() at every
// call; the Trainer calls fit() once per slice of batches.
struct ContinuingAdam : public tiny_dnn::adam {
  void reset() override {}
};

// One way of mixing the output heads into the point prediction (see ListBlends), with its metrics on the
// held-out rows.
struct BlendCandidate {
  double median_weight = 0;
  double pivot = 0;
  RegressionMetrics metrics;
};

// The floor on the range's relative width is this quantile of the widths on the validation rows.
constexpr double kMinWidthQuantile = 0.01;

double QuantileOf(std::vector<double> values, double q) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  const double position = q * static_cast<double>(values.size() - 1);
  const size_t lower = static_cast<size_t>(std::floor(position));
  const size_t upper = std::min(values.size() - 1, lower + 1);
  const double weight = position - static_cast<double>(lower);
  return values[lower] * (1.0 - weight) + values[upper] * weight;
}

std::string Fingerprint(const std::vector<const VideoRecord*>& rows) {
  std::uint64_t hash = 1469598103934665603ull;
  auto mix = [&](double value) {
    unsigned char bytes[sizeof(double)];
    std::memcpy(bytes, &value, sizeof value);
    for (unsigned char b : bytes) hash = (hash ^ b) * 1099511628211ull;
  };
  for (const VideoRecord* row : rows) {
    mix(row->likes.value_or(-1));
    mix(row->inputs.views.value_or(-1));
    mix(row->inputs.shares.value_or(-1));
    mix(row->inputs.comments.value_or(-1));
    mix(row->inputs.downloads.value_or(-1));
    mix(row->inputs.duration_sec.value_or(-1));
  }
  char text[32];
  std::snprintf(text, sizeof text, "fnv1a64:%016llx", static_cast<unsigned long long>(hash));
  return text;
}

}  // namespace

bool IsValidationVideo(const VideoRecord& record, double fraction) {
  std::uint64_t state = record.video_id ? static_cast<std::uint64_t>(*record.video_id) : static_cast<std::uint64_t>(record.line);
  return UniformDouble(state) < fraction;
}

int ValidationFold(const VideoRecord& record, double fraction) {
  if (IsValidationVideo(record, fraction)) return 0;
  std::uint64_t state = record.video_id ? static_cast<std::uint64_t>(*record.video_id) : static_cast<std::uint64_t>(record.line);
  return std::max(1, static_cast<int>(std::min(UniformDouble(state) / fraction, 1e6)));
}

namespace {

// Rows held out by some member of the ensemble, each scored by the members that never trained on it.
struct HeldOutRows {
  std::vector<CompleteInputs> inputs;
  std::vector<double> targets;         // standardised log like rate
  std::vector<double> likes;
  std::vector<double> count_weights;   // the squared count loss's weight per row
  std::vector<size_t> scorer;          // per row, its model in `scorers`
  std::vector<Model> scorers;          // per held-out fold, the model of the members that held it out
};

}  // namespace

struct Trainer::State {
  TrainOptions options;
  Model model;
  // Every row that trains or validates a member, in file order.
  std::vector<vec_t> train_inputs;
  std::vector<vec_t> train_targets;
  std::vector<vec_t> train_costs;             // per row and head: the weight of its error
  std::vector<int> row_folds;                 // ValidationFold of each row
  std::vector<CompleteInputs> row_inputs;
  std::vector<double> row_likes;
  std::vector<double> row_targets;            // standardised log like rate
  std::vector<double> row_count_weights;
  int member_fold = -1;                       // the fold the member in training holds out
  LossSettings loss;
  std::vector<float> validation_features;     // row-major, kFeatureCount per row
  std::vector<double> validation_targets;     // standardised log like rate
  std::vector<double> validation_count_weights;   // the squared count loss's weight per row
  std::vector<CompleteInputs> validation_inputs;
  std::vector<double> validation_likes;
  std::vector<size_t> order;
  size_t cursor = 0;
  std::uint64_t random_state = 0;
  TrainProgress progress;
  std::vector<Network> members;                // the finished members of the ensemble
  double initial_validation_loss = 0;          // of the current member before training, the divergence yardstick

  // The member in training.
  tiny_dnn::network<tiny_dnn::sequential> net;
  ContinuingAdam optimizer;
  Network best_network;
  int member_epoch = 0;
  int epochs_since_best = 0;
  int epochs_since_decay = 0;
  std::string error;
  std::vector<vec_t> batch_inputs;
  std::vector<vec_t> batch_targets;
  std::vector<vec_t> batch_costs;
  std::vector<std::vector<double>> averaged;   // per layer: the averaged weights, then biases
  size_t averaged_steps = 0;
  double epoch_loss_sum = 0;                   // training loss of the rows run in this epoch so far
  size_t epoch_loss_rows = 0;

  // Finish() in parts (see Trainer::FinishStep).
  std::optional<Model> finishing;              // the model being built
  std::vector<BlendCandidate> blends;
  HeldOutRows held_out;                        // the rows the blends and the range are chosen on
  size_t blends_scored = 0;
  bool finish_done = false;
  std::string finish_error;

  void BuildNetwork() {
    const int heads = static_cast<int>(loss.heads.size());
    int inputs = kFeatureCount;
    for (int units : options.hidden_units) {
      if (options.activation == "tanh") {
        net << tiny_dnn::fully_connected_layer<tiny_dnn::activation::tan_h>(inputs, units);
      } else if (options.activation == "leaky_relu") {
        net << tiny_dnn::fully_connected_layer<tiny_dnn::activation::leaky_relu>(inputs, units);
      } else {
        net << tiny_dnn::fully_connected_layer<tiny_dnn::activation::relu>(inputs, units);
      }
      inputs = units;
    }
    net << tiny_dnn::fully_connected_layer<tiny_dnn::activation::identity>(inputs, heads);
    net.init_weight();

    // He-uniform weights and zero biases from our own generator (see SplitMix).
    for (size_t l = 0; l < net.depth(); ++l) {
      std::vector<vec_t*> weights = net[l]->weights();
      const double fan_in = static_cast<double>(net[l]->fan_in_size());
      const double limit = std::sqrt(6.0 / fan_in);
      for (float_t& w : *weights[0]) w = static_cast<float_t>((2.0 * UniformDouble(random_state) - 1.0) * limit);
      if (weights.size() > 1) std::fill(weights[1]->begin(), weights[1]->end(), float_t(0));
    }
  }

  Network ExtractNetwork() {
    Activation hidden = Activation::relu;
    ActivationFromName(options.activation, &hidden);
    std::vector<DenseLayer> layers;
    for (size_t l = 0; l < net.depth(); ++l) {
      DenseLayer layer;
      layer.inputs = static_cast<int>(net[l]->fan_in_size());
      layer.outputs = static_cast<int>(net[l]->fan_out_size());
      layer.activation = (l + 1 == net.depth()) ? Activation::identity : hidden;
      std::vector<vec_t*> weights = net[l]->weights();
      // Weights are rounded to the float the model file will store, so a model
      // read back predicts exactly what this one does.
      if (averaged.empty()) {
        for (float_t w : *weights[0]) layer.weights.push_back(static_cast<float>(w));
        for (float_t b : *weights[1]) layer.bias.push_back(static_cast<float>(b));
      } else {
        const std::vector<double>& average = averaged[l];
        const size_t count = weights[0]->size();
        for (size_t i = 0; i < count; ++i) layer.weights.push_back(static_cast<float>(average[i]));
        for (size_t i = count; i < average.size(); ++i) layer.bias.push_back(static_cast<float>(average[i]));
      }
      layers.push_back(std::move(layer));
    }
    return Network(std::move(layers));
  }

  // Updates the moving average of the weights after a mini-batch. The decay starts small, so the
  // average does not remember the random initial weights for long.
  void AverageWeights() {
    if (options.weight_averaging <= 0) return;
    const double steps = static_cast<double>(averaged_steps++);
    const double decay = std::min(options.weight_averaging, (1.0 + steps) / (10.0 + steps));
    averaged.resize(net.depth());
    for (size_t l = 0; l < net.depth(); ++l) {
      std::vector<vec_t*> weights = net[l]->weights();
      std::vector<double>& average = averaged[l];
      average.resize(weights[0]->size() + weights[1]->size(), 0.0);
      size_t i = 0;
      for (const vec_t* values : {weights[0], weights[1]})
        for (float_t value : *values) {
          average[i] = decay * average[i] + (1.0 - decay) * value;
          ++i;
        }
    }
  }

  double ValidationLoss(const Network& network) const {
    std::vector<float> scratch(static_cast<size_t>(network.scratch_size()));
    return MeanValidationLoss([&](size_t r, float* outputs) {
      network.Forward(&validation_features[r * kFeatureCount], outputs, scratch.data());
    });
  }

  // The loss of all heads, summed, averaged over the validation rows. `forward(r, outputs)` runs row r.
  template <typename Forward>
  double MeanValidationLoss(Forward forward) const {
    return MeanLoss(validation_targets, validation_count_weights, forward);
  }

  template <typename Forward>
  double MeanLoss(const std::vector<double>& targets, const std::vector<double>& count_weights, Forward forward) const {
    std::vector<float> outputs(loss.heads.size());
    double total = 0;
    const size_t rows = targets.size();
    g_loss = loss;
    for (size_t r = 0; r < rows; ++r) {
      forward(r, outputs.data());
      for (size_t k = 0; k < outputs.size(); ++k) {
        const HeadLoss& head = loss.heads[k];
        const double weight = head.kind == HeadLoss::kSquaredCount ? count_weights[r] : 1.0;
        total += weight * HeadLossValue(head, outputs[k], targets[r]);
      }
    }
    return rows ? total / static_cast<double>(rows) : 0.0;
  }

  // Returns the fold member `m` holds out: its own with cross-fitting, else fold 0 for all.
  int MemberFold(int m) const {
    const int folds = std::max(1, static_cast<int>(1.0 / options.validation_fraction));
    return options.cross_fit ? m % folds : 0;
  }

  // Makes `fold` the validation rows and every other row the training rows.
  void UseFold(int fold) {
    member_fold = fold;
    order.clear();
    validation_features.clear();
    validation_targets.clear();
    validation_count_weights.clear();
    validation_inputs.clear();
    validation_likes.clear();
    for (size_t r = 0; r < row_folds.size(); ++r) {
      if (row_folds[r] != fold) {
        order.push_back(r);
        continue;
      }
      validation_features.insert(validation_features.end(), train_inputs[r].begin(), train_inputs[r].end());
      validation_targets.push_back(row_targets[r]);
      validation_count_weights.push_back(row_count_weights[r]);
      validation_inputs.push_back(row_inputs[r]);
      validation_likes.push_back(row_likes[r]);
    }
    const size_t batch = static_cast<size_t>(options.batch_size);
    progress.batches_per_epoch = (order.size() + batch - 1) / batch;
  }

  // Collects the rows some member held out, with the model of the members that held out each row's fold.
  HeldOutRows CollectHeldOut(const Model& model) const {
    HeldOutRows held;
    std::vector<int> folds;   // of held.scorers
    for (size_t m = 0; m < members.size(); ++m) {
      const int fold = MemberFold(static_cast<int>(m));
      const size_t index = static_cast<size_t>(std::find(folds.begin(), folds.end(), fold) - folds.begin());
      if (index == folds.size()) {
        folds.push_back(fold);
        held.scorers.push_back(model);
        held.scorers.back().network = members[m];
        held.scorers.back().ensemble.clear();
      } else {
        held.scorers[index].ensemble.push_back(members[m]);
      }
    }
    for (size_t r = 0; r < row_folds.size(); ++r) {
      const auto found = std::find(folds.begin(), folds.end(), row_folds[r]);
      if (found == folds.end()) continue;
      held.inputs.push_back(row_inputs[r]);
      held.targets.push_back(row_targets[r]);
      held.likes.push_back(row_likes[r]);
      held.count_weights.push_back(row_count_weights[r]);
      held.scorer.push_back(static_cast<size_t>(found - folds.begin()));
    }
    return held;
  }

  double HeldOutLoss(const HeldOutRows& held) const {
    return MeanLoss(held.targets, held.count_weights, [&](size_t r, float* outputs) {
      held.scorers[held.scorer[r]].RunNetwork(held.inputs[r], outputs);
    });
  }

  // Starts training the next member of the ensemble from fresh weights.
  void StartMember() {
    net = tiny_dnn::network<tiny_dnn::sequential>();
    optimizer = ContinuingAdam();
    optimizer.alpha = static_cast<float_t>(options.learning_rate);
    averaged.clear();
    averaged_steps = 0;
    best_network = Network();
    member_epoch = 0;
    epochs_since_best = 0;
    epochs_since_decay = 0;
    progress.member = static_cast<int>(members.size()) + 1;
    progress.best_epoch = 0;
    progress.best_validation_loss = 0;
    const int fold = MemberFold(static_cast<int>(members.size()));
    if (fold != member_fold) UseFold(fold);
    BuildNetwork();
    initial_validation_loss = ValidationLoss(ExtractNetwork());
    cursor = 0;
    Shuffle();
  }

  void Shuffle() {
    for (size_t i = order.size(); i > 1; --i) {
      const size_t j = static_cast<size_t>(SplitMix(random_state) % i);
      std::swap(order[i - 1], order[j]);
    }
  }

  void EndEpoch() {
    const Network current = ExtractNetwork();
    const double loss = ValidationLoss(current);
    ++progress.epoch;
    ++member_epoch;
    progress.validation_loss = loss;
    progress.validation_curve.push_back(loss);
    progress.train_loss = epoch_loss_rows ? epoch_loss_sum / static_cast<double>(epoch_loss_rows) : 0.0;
    progress.train_curve.push_back(progress.train_loss);
    epoch_loss_sum = 0;
    epoch_loss_rows = 0;
    // An untrained network's loss is a few units; a hundred times that means the weights ran away.
    if (!std::isfinite(loss) || loss > 100.0 * std::max(1.0, initial_validation_loss)) {
      char text[160];
      std::snprintf(text, sizeof text, "training diverged: the validation loss became %s at epoch %d; try a lower learning rate (now %g)",
                    std::isfinite(loss) ? "too large" : "NaN", progress.epoch, options.learning_rate);
      error = text;
      progress.finished = true;
      return;
    }
    if (member_epoch == 1 || loss < progress.best_validation_loss - 1e-6) {
      progress.best_validation_loss = loss;
      progress.best_epoch = member_epoch;
      best_network = current;
      epochs_since_best = 0;
      epochs_since_decay = 0;
    } else {
      ++epochs_since_best;
      if (++epochs_since_decay >= options.plateau_epochs) {
        optimizer.alpha = static_cast<float_t>(optimizer.alpha * options.learning_rate_decay);
        epochs_since_decay = 0;
      }
    }
    LIKECAST_LOG_DEBUG("epoch " + std::to_string(progress.epoch) + " validation loss " + std::to_string(loss));
    if (epochs_since_best >= options.patience_epochs || member_epoch >= options.max_epochs) {
      members.push_back(best_network);
      if (static_cast<int>(members.size()) < options.ensemble_size) {
        StartMember();
      } else {
        progress.finished = true;
      }
      return;
    }
    cursor = 0;
    Shuffle();
  }
};

namespace {

std::string CheckHeadOptions(const TrainOptions& options) {
  if (options.point_loss != "squared" && options.point_loss != "pinball")
    return "point_loss \"" + options.point_loss + "\" is not squared or pinball";
  if (options.range_quantiles.size() > 6) return "a model takes at most 6 range quantiles";
  for (double q : options.range_quantiles)
    if (!(q > 0 && q < 1)) return "range quantile " + std::to_string(q) + " is not between 0 and 1";
  const auto& quantiles = options.range_quantiles;
  const bool has_low = std::any_of(quantiles.begin(), quantiles.end(), [](double q) { return q < 0.5; });
  const bool has_high = std::any_of(quantiles.begin(), quantiles.end(), [](double q) { return q > 0.5; });
  if (!has_low || !has_high)
    return "range_quantiles needs one quantile below 0.5 and one above, for P10 and P90; for example 0.1, 0.5, 0.9";
  if (!std::isfinite(options.mean_head_views_power)) return "mean_head_views_power is not a finite number";
  return "";
}

// Lists the heads in the model's output spec and returns how each is trained.
LossSettings BuildHeads(const TrainOptions& options, OutputSpec* output) {
  LossSettings loss;
  if (options.point_loss == "pinball") {
    output->heads.push_back({"median", "pinball", 0.5});
    loss.heads.push_back({HeadLoss::kPinball, 0.5});
  } else {
    output->heads.push_back({"log_mean", "squared", 0.5});
    loss.heads.push_back({HeadLoss::kSquared, 0.5});
  }
  output->point_head = 0;
  if (options.mean_head) {
    output->mean_head = static_cast<int>(output->heads.size());
    output->heads.push_back({"mean", "squared_count", 0.5});
    loss.heads.push_back({HeadLoss::kSquaredCount, 0.5});
  }
  for (double q : options.range_quantiles) {
    const int index = static_cast<int>(output->heads.size());
    if (q < 0.5 && output->low_head < 0) output->low_head = index;
    if (q > 0.5 && output->high_head < 0) output->high_head = index;
    if (q == 0.5 && output->median_head < 0) output->median_head = index;
    output->heads.push_back({"p" + std::to_string(static_cast<int>(std::lround(q * 100))), "pinball", q});
    loss.heads.push_back({HeadLoss::kPinball, q});
  }
  return loss;
}

// "squared + squared_count + pinball(0.1) + pinball(0.9)"
std::string LossName(const OutputSpec& output) {
  std::string name;
  for (const OutputHead& head : output.heads) {
    if (!name.empty()) name += " + ";
    if (head.loss == "pinball") {
      char text[32];
      std::snprintf(text, sizeof text, "pinball(%g)", head.quantile);
      name += text;
    } else {
      name += head.loss;
    }
  }
  return name;
}

// Finish() chooses how the point prediction mixes the heads (see OutputSpec): the median's weight in log space
// and the pivot of the mean head's blend, on the held-out rows. Each column of the accuracy table has its own
// best head on those rows (the mean for R², the log mean for R² (log), the median for MAE and medAPE), so the
// choice minimises the largest relative shortfall from the best value seen in any column:
// (1 - R²) / (1 - best R²), the same for R² (log), MAE / best MAE and medAPE / best medAPE.
// It lists the candidates (ListBlends), scores each on the held-out rows (ScoreBlend), then picks one
// (PickBlend), in steps so the page can spread the scoring over frames.
std::vector<BlendCandidate> ListBlends(const Model& model) {
  std::vector<double> median_weights = {0.0};
  if (model.output.median_head >= 0) median_weights = {0.0, 0.25, 0.5, 0.75, 1.0};
  std::vector<double> pivots;
  if (model.output.mean_head >= 0) {
    pivots.push_back(0.0);   // the mean head alone
    for (int step = 0; step <= 24; ++step) pivots.push_back(1000.0 * std::pow(10.0, step / 8.0));   // 1,000 to 1 million
  }
  pivots.push_back(1e12);    // practically the point head alone

  std::vector<BlendCandidate> candidates;
  for (double median_weight : median_weights)
    for (double pivot : pivots) candidates.push_back({median_weight, pivot, {}});
  return candidates;
}

// Measures the candidate's blend on the held-out rows.
void ScoreBlend(HeldOutRows& held, BlendCandidate* candidate) {
  for (Model& scorer : held.scorers) {
    scorer.output.median_weight = candidate->median_weight;
    scorer.output.blend_pivot_likes = candidate->pivot;
  }
  std::vector<double> predicted(held.inputs.size());
  for (size_t r = 0; r < held.inputs.size(); ++r) predicted[r] = held.scorers[held.scorer[r]].PredictLikes(held.inputs[r]);
  candidate->metrics = ComputeMetrics(held.likes, predicted);
}

// Sets `model` to the scored candidate with the smallest largest shortfall.
void PickBlend(Model& model, const std::vector<BlendCandidate>& candidates) {
  RegressionMetrics best = candidates.front().metrics;
  for (const BlendCandidate& c : candidates) {
    best.r2 = std::max(best.r2, c.metrics.r2);
    best.r2_log = std::max(best.r2_log, c.metrics.r2_log);
    best.mae = std::min(best.mae, c.metrics.mae);
    best.medape_percent = std::min(best.medape_percent, c.metrics.medape_percent);
  }
  const BlendCandidate* chosen = &candidates.front();
  double chosen_shortfall = std::numeric_limits<double>::infinity();
  for (const BlendCandidate& c : candidates) {
    const double shortfall = std::max({(1.0 - c.metrics.r2) / std::max(1e-12, 1.0 - best.r2),
                                       (1.0 - c.metrics.r2_log) / std::max(1e-12, 1.0 - best.r2_log),
                                       c.metrics.mae / std::max(1e-12, best.mae),
                                       c.metrics.medape_percent / std::max(1e-12, best.medape_percent)});
    if (shortfall < chosen_shortfall) {
      chosen_shortfall = shortfall;
      chosen = &c;
    }
  }
  model.output.median_weight = chosen->median_weight;
  model.output.blend_pivot_likes = model.output.mean_head >= 0 ? chosen->pivot : 0.0;
}

// Shifts of the range heads in log space that put 10% of the held-out rows below P10 and 10% above P90.
// `inputs` replaces the rows' inputs (to score them with some inputs removed).
void RangeShifts(const HeldOutRows& held, const std::vector<CompleteInputs>& inputs, double* low_shift,
                 double* high_shift) {
  std::vector<double> below, above;
  const OutputSpec& out = held.scorers.front().output;
  std::vector<float> outputs(out.heads.size());
  for (size_t r = 0; r < inputs.size(); ++r) {
    held.scorers[held.scorer[r]].RunNetwork(inputs[r], outputs.data());
    below.push_back((held.targets[r] - outputs[static_cast<size_t>(out.low_head)]) * out.target_std);
    above.push_back((held.targets[r] - outputs[static_cast<size_t>(out.high_head)]) * out.target_std);
  }
  *low_shift = QuantileOf(below, 0.10);
  *high_shift = QuantileOf(above, 0.90);
}

// Calibrates the range of `model` on the held-out rows: the shifts for complete inputs, the shifts for rows
// whose downloads the Imputer estimates (the same rows with downloads removed), then the floor on the width.
void CalibrateRange(Model& model, HeldOutRows& held) {
  OutputSpec& out = model.output;
  RangeShifts(held, held.inputs, &out.low_shift, &out.high_shift);

  std::vector<CompleteInputs> without_downloads;
  for (const CompleteInputs& row : held.inputs) {
    VideoInputs known;
    known.views = row.views;
    known.shares = row.shares;
    known.comments = row.comments;
    known.duration_sec = row.duration_sec;
    known.verified = row.verified;
    known.author_status = row.author_status;
    without_downloads.push_back(model.imputer.Complete(known, nullptr));
  }
  RangeShifts(held, without_downloads, &out.low_shift_estimated_downloads, &out.high_shift_estimated_downloads);

  out.min_relative_width = 0;
  for (Model& scorer : held.scorers) scorer.output = out;
  std::vector<double> widths;
  for (size_t r = 0; r < held.inputs.size(); ++r) {
    double likes, p10, p90;
    held.scorers[held.scorer[r]].PredictRange(held.inputs[r], &likes, &p10, &p90);
    widths.push_back((p90 - p10) / std::max(1.0, likes));
  }
  out.min_relative_width = QuantileOf(widths, kMinWidthQuantile);
}

}  // namespace

Trainer::Trainer() : state_(std::make_unique<State>()) {}
Trainer::~Trainer() = default;

// The model file reads at most 8 layers of at most 4096 units (model_io.cpp); these limits stay well inside.
std::string CheckHiddenUnits(const std::vector<int>& hidden_units) {
  constexpr size_t kMaxHiddenLayers = 6;
  constexpr int kMaxHiddenWidth = 1024;
  const bool widths_ok = std::all_of(hidden_units.begin(), hidden_units.end(),
                                     [](int units) { return units >= 1 && units <= kMaxHiddenWidth; });
  if (!hidden_units.empty() && hidden_units.size() <= kMaxHiddenLayers && widths_ok) return "";
  std::string listed;
  for (int units : hidden_units) listed += (listed.empty() ? "" : ",") + std::to_string(units);
  return "hidden layers \"" + listed + "\" are invalid: use 1 to " + std::to_string(kMaxHiddenLayers) +
         " layers of 1 to " + std::to_string(kMaxHiddenWidth) + " units each, for example 64,32";
}

std::unique_ptr<Trainer> Trainer::Create(const std::vector<VideoRecord>& rows, const TrainOptions& options,
                                         std::string* error) {
  auto fail = [&](const std::string& message) -> std::unique_ptr<Trainer> {
    *error = message;
    return nullptr;
  };
  if (std::string invalid = CheckHeadOptions(options); !invalid.empty()) return fail(invalid);
  if (options.batch_size < 1 || options.max_epochs < 1) return fail("batch size and epochs must be at least 1");
  if (options.ensemble_size < 1 || options.ensemble_size > 16)
    return fail("ensemble_size is " + std::to_string(options.ensemble_size) + ", expected 1 to 16 networks");
  if (std::string invalid = CheckHiddenUnits(options.hidden_units); !invalid.empty()) return fail(invalid);

  // Split: the test rows are never seen; a fixed share of the rest (fold 0) validates. With cross-fitting each
  // further member holds out the next fold instead. Scaling and imputation are fitted on the rows outside fold 0.
  std::vector<const VideoRecord*> train_rows, validation_rows, all_rows;
  std::vector<int> folds;
  for (const VideoRecord& row : rows) {
    if (!row.likes || !row.inputs.views || !(*row.inputs.views > 0)) continue;   // no like rate without views
    if (options.hold_out_test_split && IsTestVideo(row)) continue;
    folds.push_back(ValidationFold(row, options.validation_fraction));
    all_rows.push_back(&row);
    (folds.back() == 0 ? validation_rows : train_rows).push_back(&row);
  }
  if (train_rows.size() < 20 || validation_rows.size() < 5) {
    return fail("too few rows to train on: " + std::to_string(train_rows.size()) + " for training and " +
                std::to_string(validation_rows.size()) +
                " for validation after holding out the test split; give it at least 100 videos with views and likes");
  }

  std::unique_ptr<Trainer> trainer(new Trainer());
  State& s = *trainer->state_;
  s.options = options;
  s.random_state = options.seed;
  std::vector<size_t> fold_rows(static_cast<size_t>(options.ensemble_size), 0);
  for (int fold : folds)
    for (int m = 0; m < options.ensemble_size; ++m) fold_rows[static_cast<size_t>(m)] += s.MemberFold(m) == fold;
  const size_t smallest_fold = *std::min_element(fold_rows.begin(), fold_rows.end());
  if (smallest_fold < 5)
    return fail("too few rows to validate every ensemble member: one holds out " + std::to_string(smallest_fold) +
                " rows; train with fewer networks or on more videos");

  // Scaling is fitted on the training rows only.
  std::vector<VideoRecord> train_copy;
  for (const VideoRecord* row : train_rows) train_copy.push_back(*row);
  s.model.imputer = Imputer::Fit(train_copy);
  // Benchmarks and insights describe every row the model learns from, the validation rows included.
  std::vector<VideoRecord> known_rows = train_copy;
  for (const VideoRecord* row : validation_rows) known_rows.push_back(*row);
  s.model.benchmarks = ComputeBenchmarks(known_rows);
  s.model.insights = ComputeInsights(known_rows);
  std::vector<CompleteInputs> complete;
  std::vector<double> targets;
  for (const VideoRecord* row : train_rows) {
    complete.push_back(CompleteFromRecord(*row, s.model.imputer));
    targets.push_back(std::log1p(*row->likes) - std::log1p(*row->inputs.views));
  }
  s.model.features = FeaturePipeline::Fit(complete);
  double mean = 0, squares = 0;
  for (double t : targets) mean += t;
  mean /= static_cast<double>(targets.size());
  for (double t : targets) squares += (t - mean) * (t - mean);
  const double std = std::max(1e-6, std::sqrt(squares / static_cast<double>(targets.size())));

  OutputSpec& output = s.model.output;
  output.target_mean = mean;
  output.target_std = std;
  s.loss = BuildHeads(options, &output);
  s.loss.target_mean = mean;
  s.loss.target_std = std;

  // The mean head's rows are weighted by views^power, normalised to a mean weight of 1; its loss is divided
  // by the weighted variance of the rate, so that it starts near 1 like the others.
  std::vector<double> count_weights;
  for (const VideoRecord* row : train_rows) count_weights.push_back(std::pow(*row->inputs.views + 1.0, options.mean_head_views_power));
  double weight_sum = 0, rate_sum = 0, rate_squares = 0;
  for (size_t r = 0; r < targets.size(); ++r) {
    const double rate = std::exp(targets[r]);
    weight_sum += count_weights[r];
    rate_sum += count_weights[r] * rate;
    rate_squares += count_weights[r] * rate * rate;
  }
  const double mean_weight = weight_sum / static_cast<double>(targets.size());
  const double rate_mean = rate_sum / weight_sum;
  s.loss.count_scale = std::max(1e-12, rate_squares / weight_sum - rate_mean * rate_mean);

  // Every row, encoded once; UseFold() then picks each member's training and validation rows.
  const int heads = static_cast<int>(s.loss.heads.size());
  float features[kFeatureCount];
  for (size_t r = 0; r < all_rows.size(); ++r) {
    const VideoRecord& row = *all_rows[r];
    const CompleteInputs inputs = CompleteFromRecord(row, s.model.imputer);
    const double target = (std::log1p(*row.likes) - std::log1p(*row.inputs.views) - mean) / std;
    const double count_weight = std::pow(*row.inputs.views + 1.0, options.mean_head_views_power) / mean_weight;
    s.model.features.Encode(inputs, features);
    s.train_inputs.push_back(vec_t(features, features + kFeatureCount));
    s.train_targets.push_back(vec_t(static_cast<size_t>(heads), static_cast<float_t>(target)));
    vec_t costs(static_cast<size_t>(heads), float_t(1));
    if (output.mean_head >= 0) costs[static_cast<size_t>(output.mean_head)] = static_cast<float_t>(count_weight);
    s.train_costs.push_back(costs);
    s.row_folds.push_back(folds[r]);
    s.row_inputs.push_back(inputs);
    s.row_likes.push_back(*row.likes);
    s.row_targets.push_back(target);
    s.row_count_weights.push_back(count_weight);
  }

  s.model.training.seed = options.seed;
  s.model.training.train_rows = train_rows.size();
  s.model.training.validation_rows = validation_rows.size();
  s.model.training.data_fingerprint = Fingerprint(train_rows);
  if (options.cross_fit && options.ensemble_size > 1) {
    // Rows that train at least one member, and rows that some member holds out.
    std::vector<bool> held(all_rows.size(), false);
    for (size_t r = 0; r < all_rows.size(); ++r)
      for (int m = 0; m < options.ensemble_size; ++m) held[r] = held[r] || s.MemberFold(m) == folds[r];
    s.model.training.train_rows = all_rows.size();
    s.model.training.validation_rows = static_cast<size_t>(std::count(held.begin(), held.end(), true));
    s.model.training.data_fingerprint = Fingerprint(all_rows);   // fold 0 trains the other members
  }
  s.model.training.optimizer = "adam";
  s.model.training.loss = LossName(s.model.output);

  s.progress.members = options.ensemble_size;
  s.progress.max_epochs = options.max_epochs * options.ensemble_size;
  s.StartMember();
  return trainer;
}

bool Trainer::Step(size_t max_batches) {
  State& s = *state_;
  if (s.progress.finished) return false;
  g_loss = s.loss;
  const size_t batch = static_cast<size_t>(s.options.batch_size);
  const size_t remaining_rows = s.order.size() - s.cursor;
  const size_t rows = std::min(remaining_rows, max_batches * batch);

  s.batch_inputs.clear();
  s.batch_targets.clear();
  s.batch_costs.clear();
  for (size_t i = 0; i < rows; ++i) {
    s.batch_inputs.push_back(s.train_inputs[s.order[s.cursor + i]]);
    s.batch_targets.push_back(s.train_targets[s.order[s.cursor + i]]);
    s.batch_costs.push_back(s.train_costs[s.order[s.cursor + i]]);
  }
  g_train_loss_sum = 0;
  g_train_loss_rows = 0;
  try {
    s.net.fit<HeadsLoss>(s.optimizer, s.batch_inputs, s.batch_targets, batch, 1, [&s] { s.AverageWeights(); }, [] {},
                        false, 1, s.batch_costs);
    s.epoch_loss_sum += g_train_loss_sum;
    s.epoch_loss_rows += g_train_loss_rows;
  } catch (const tiny_dnn::nn_error& e) {
    s.error = std::string("training failed inside tiny-dnn: ") + e.what();
    s.progress.finished = true;
    return false;
  }
  s.cursor += rows;
  s.progress.batches_done += (rows + batch - 1) / batch;
  if (s.cursor >= s.order.size()) s.EndEpoch();
  return !s.progress.finished;
}

const TrainProgress& Trainer::progress() const { return state_->progress; }

const std::string& Trainer::error() const { return state_->error; }

bool Trainer::FinishStep() {
  State& s = *state_;
  if (s.finish_done) return false;
  auto fail = [&](const std::string& message) {
    s.finish_error = message;
    s.finishing.reset();
    s.finish_done = true;
    return false;
  };
  if (!s.error.empty()) return fail(s.error);
  if (!s.progress.finished || s.members.empty()) {
    s.finish_error = "training has not finished";   // not final: training may still finish
    return false;
  }

  // First part: the model from the members, its validation loss and the blends to try.
  if (!s.finishing) {
    s.finish_error.clear();
    Model model = s.model;
    model.network = s.members.front();
    model.ensemble.assign(s.members.begin() + 1, s.members.end());
    model.training.epochs_run = s.progress.epoch;
    model.training.best_epoch = s.progress.best_epoch;
    s.held_out = s.CollectHeldOut(model);
    model.training.validation_loss = s.HeldOutLoss(s.held_out);
    s.blends = ListBlends(model);
    s.finishing = std::move(model);
    return true;
  }
  Model& model = *s.finishing;
  if (s.blends_scored < s.blends.size()) {
    ScoreBlend(s.held_out, &s.blends[s.blends_scored++]);
    return true;
  }
  PickBlend(model, s.blends);

  CalibrateRange(model, s.held_out);
  s.held_out = HeldOutRows();

  if (std::string invalid = model.Validate(); !invalid.empty()) return fail("training produced an invalid model: " + invalid);
  // The file is what users keep, so the model must read back from it: check it the way LoadModelFile will.
  if (const ModelLoadResult reread = ModelFromJson(ModelToJson(model)); !reread.model)
    return fail("training produced a model that would not load again (" + reread.error +
                "); check that the file's views, shares, comments and downloads are real counts that vary from "
                "video to video");
  s.finish_done = true;
  return false;
}

double Trainer::finish_fraction() const {
  const State& s = *state_;
  if (s.finish_done) return 1.0;
  if (!s.finishing) return 0.0;
  // The blends, plus one part before them and one after.
  return static_cast<double>(s.blends_scored + 1) / static_cast<double>(s.blends.size() + 2);
}

std::optional<Model> Trainer::Finish(std::string* error) {
  State& s = *state_;
  while (FinishStep()) {
  }
  if (!s.finish_error.empty() || !s.finishing) {
    *error = s.finish_error.empty() ? "the model was already taken" : s.finish_error;
    return std::nullopt;
  }
  std::optional<Model> model = std::move(s.finishing);
  s.finishing.reset();
  return model;
}

std::vector<float> PredictWithTinyDnn(const Network& network, const std::vector<float>& input) {
  tiny_dnn::network<tiny_dnn::sequential> net;
  for (const DenseLayer& layer : network.layers()) {
    const size_t inputs = static_cast<size_t>(layer.inputs), outputs = static_cast<size_t>(layer.outputs);
    switch (layer.activation) {
      case Activation::identity: net << tiny_dnn::fully_connected_layer<tiny_dnn::activation::identity>(inputs, outputs); break;
      case Activation::relu: net << tiny_dnn::fully_connected_layer<tiny_dnn::activation::relu>(inputs, outputs); break;
      case Activation::leaky_relu:
        net << tiny_dnn::fully_connected_layer<tiny_dnn::activation::leaky_relu>(inputs, outputs);
        break;
      case Activation::tanh: net << tiny_dnn::fully_connected_layer<tiny_dnn::activation::tan_h>(inputs, outputs); break;
    }
  }
  net.init_weight();
  for (size_t l = 0; l < net.depth(); ++l) {
    std::vector<vec_t*> weights = net[l]->weights();
    const DenseLayer& layer = network.layers()[l];
    std::copy(layer.weights.begin(), layer.weights.end(), weights[0]->begin());
    std::copy(layer.bias.begin(), layer.bias.end(), weights[1]->begin());
  }
  const vec_t output = net.predict(vec_t(input.begin(), input.end()));
  return std::vector<float>(output.begin(), output.end());
}

std::optional<Model> TrainModel(const std::vector<VideoRecord>& rows, const TrainOptions& options, std::string* error,
                                const std::function<void(const TrainProgress&)>& on_epoch) {
  std::unique_ptr<Trainer> trainer = Trainer::Create(rows, options, error);
  if (!trainer) return std::nullopt;
  int last_epoch = 0;
  while (trainer->Step(trainer->progress().batches_per_epoch)) {
    if (on_epoch && trainer->progress().epoch != last_epoch) on_epoch(trainer->progress());
    last_epoch = trainer->progress().epoch;
  }
  if (on_epoch) on_epoch(trainer->progress());
  return trainer->Finish(error);
}

}  // namespace likecast
