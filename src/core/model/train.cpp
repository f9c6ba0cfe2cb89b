// Training with tiny-dnn (see train.h).
#include "core/model/train.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "core/common/log.h"
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

// The quantile of each output head, read by the loss below. tiny-dnn calls
// loss functions as static members, so the setting lives beside them.
thread_local std::vector<double> g_head_quantiles;

// Pinball loss summed over the heads: head k estimates quantile g_head_quantiles[k].
struct PinballLoss {
  static float_t f(const vec_t& y, const vec_t& t) {
    float_t total = 0;
    for (size_t k = 0; k < y.size(); ++k) {
      const double error = t[k] - y[k];
      const double tau = g_head_quantiles[k];
      total += static_cast<float_t>(error >= 0 ? tau * error : (tau - 1.0) * error);
    }
    return total;
  }
  static vec_t df(const vec_t& y, const vec_t& t) {
    vec_t gradient(y.size());
    for (size_t k = 0; k < y.size(); ++k) {
      const double tau = g_head_quantiles[k];
      gradient[k] = static_cast<float_t>(t[k] > y[k] ? -tau : 1.0 - tau);
    }
    return gradient;
  }
};

// Adam whose state survives tiny-dnn's fit(), which calls reset() at every
// call; the Trainer calls fit() once per slice of batches.
struct ContinuingAdam : public tiny_dnn::adam {
  void reset() override {}
};

double PinballValue(double error, double tau) { return error >= 0 ? tau * error : (tau - 1.0) * error; }

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

struct Trainer::State {
  TrainOptions options;
  Model model;
  std::vector<vec_t> train_inputs;
  std::vector<vec_t> train_targets;
  std::vector<float> validation_features;     // row-major, kFeatureCount per row
  std::vector<double> validation_targets;     // standardised log like rate
  std::vector<CompleteInputs> validation_inputs;
  std::vector<double> validation_likes;
  std::vector<size_t> order;
  size_t cursor = 0;
  std::uint64_t random_state = 0;
  tiny_dnn::network<tiny_dnn::sequential> net;
  ContinuingAdam optimizer;
  TrainProgress progress;
  Network best_network;
  int epochs_since_best = 0;
  int epochs_since_decay = 0;
  std::string error;
  std::vector<vec_t> batch_inputs;
  std::vector<vec_t> batch_targets;

  void BuildNetwork() {
    const int heads = static_cast<int>(options.quantiles.size());
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
      for (float_t w : *weights[0]) layer.weights.push_back(static_cast<float>(w));
      for (float_t b : *weights[1]) layer.bias.push_back(static_cast<float>(b));
      layers.push_back(std::move(layer));
    }
    return Network(std::move(layers));
  }

  double ValidationLoss(const Network& network) const {
    std::vector<float> outputs(static_cast<size_t>(network.outputs()));
    std::vector<float> scratch(static_cast<size_t>(network.scratch_size()));
    double total = 0;
    const size_t rows = validation_targets.size();
    for (size_t r = 0; r < rows; ++r) {
      network.Forward(&validation_features[r * kFeatureCount], outputs.data(), scratch.data());
      for (size_t k = 0; k < outputs.size(); ++k)
        total += PinballValue(validation_targets[r] - outputs[k], options.quantiles[k]);
    }
    return rows ? total / static_cast<double>(rows) : 0.0;
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
    progress.validation_loss = loss;
    progress.validation_curve.push_back(loss);
    if (!std::isfinite(loss) || (progress.epoch > 1 && loss > 1e3 * std::max(1e-9, progress.best_validation_loss))) {
      error = "training diverged: the validation loss became " + std::string(std::isfinite(loss) ? "too large" : "NaN") +
              " at epoch " + std::to_string(progress.epoch) + "; try a lower learning rate (now " +
              std::to_string(optimizer.alpha) + ")";
      progress.finished = true;
      return;
    }
    if (progress.epoch == 1 || loss < progress.best_validation_loss - 1e-6) {
      progress.best_validation_loss = loss;
      progress.best_epoch = progress.epoch;
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
    if (epochs_since_best >= options.patience_epochs || progress.epoch >= options.max_epochs) progress.finished = true;
    cursor = 0;
    Shuffle();
  }
};

Trainer::Trainer() : state_(std::make_unique<State>()) {}
Trainer::~Trainer() = default;

std::unique_ptr<Trainer> Trainer::Create(const std::vector<VideoRecord>& rows, const TrainOptions& options,
                                         std::string* error) {
  auto fail = [&](const std::string& message) -> std::unique_ptr<Trainer> {
    *error = message;
    return nullptr;
  };
  if (options.quantiles.empty() || options.quantiles.size() > 8) return fail("a model needs from 1 to 8 output heads");
  if (options.batch_size < 1 || options.max_epochs < 1) return fail("batch size and epochs must be at least 1");

  // Split: the test rows are never seen; a fixed share of the rest validates.
  std::vector<const VideoRecord*> train_rows, validation_rows;
  for (const VideoRecord& row : rows) {
    if (!row.likes || !row.inputs.views) continue;
    if (options.hold_out_test_split && IsTestVideo(row)) continue;
    (IsValidationVideo(row, options.validation_fraction) ? validation_rows : train_rows).push_back(&row);
  }
  if (train_rows.size() < 20 || validation_rows.size() < 5) {
    return fail("too few rows to train on: " + std::to_string(train_rows.size()) + " for training and " +
                std::to_string(validation_rows.size()) +
                " for validation after holding out the test split; a model needs at least 100 videos with likes");
  }

  std::unique_ptr<Trainer> trainer(new Trainer());
  State& s = *trainer->state_;
  s.options = options;
  s.random_state = options.seed;
  g_head_quantiles = options.quantiles;

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
  for (size_t k = 0; k < options.quantiles.size(); ++k) {
    const double q = options.quantiles[k];
    const std::string name = k == 0 ? "point" : (q < 0.5 ? "p" + std::to_string(static_cast<int>(std::lround(q * 100))) :
                                                           "p" + std::to_string(static_cast<int>(std::lround(q * 100))));
    output.heads.push_back({name, "pinball", q});
  }
  output.point_head = 0;
  for (size_t k = 1; k < options.quantiles.size(); ++k) {
    if (options.quantiles[k] < 0.5 && output.low_head < 0) output.low_head = static_cast<int>(k);
    if (options.quantiles[k] > 0.5 && output.high_head < 0) output.high_head = static_cast<int>(k);
  }

  const int heads = static_cast<int>(options.quantiles.size());
  float features[kFeatureCount];
  for (size_t r = 0; r < complete.size(); ++r) {
    s.model.features.Encode(complete[r], features);
    s.train_inputs.push_back(vec_t(features, features + kFeatureCount));
    s.train_targets.push_back(vec_t(static_cast<size_t>(heads), static_cast<float_t>((targets[r] - mean) / std)));
  }
  for (const VideoRecord* row : validation_rows) {
    const CompleteInputs inputs = CompleteFromRecord(*row, s.model.imputer);
    s.model.features.Encode(inputs, features);
    s.validation_features.insert(s.validation_features.end(), features, features + kFeatureCount);
    s.validation_targets.push_back((std::log1p(*row->likes) - std::log1p(*row->inputs.views) - mean) / std);
    s.validation_inputs.push_back(inputs);
    s.validation_likes.push_back(*row->likes);
  }

  s.model.training.seed = options.seed;
  s.model.training.train_rows = train_rows.size();
  s.model.training.validation_rows = validation_rows.size();
  s.model.training.data_fingerprint = Fingerprint(train_rows);
  s.model.training.optimizer = "adam";
  std::string loss_name = "pinball(";
  for (size_t k = 0; k < options.quantiles.size(); ++k) {
    char q[16];
    std::snprintf(q, sizeof q, "%s%g", k ? "," : "", options.quantiles[k]);
    loss_name += q;
  }
  s.model.training.loss = loss_name + ")";

  s.optimizer.alpha = static_cast<float_t>(options.learning_rate);
  s.BuildNetwork();
  s.order.resize(s.train_inputs.size());
  for (size_t i = 0; i < s.order.size(); ++i) s.order[i] = i;
  s.Shuffle();
  s.progress.max_epochs = options.max_epochs;
  s.progress.batches_per_epoch = (s.order.size() + static_cast<size_t>(options.batch_size) - 1) / static_cast<size_t>(options.batch_size);
  return trainer;
}

bool Trainer::Step(size_t max_batches) {
  State& s = *state_;
  if (s.progress.finished) return false;
  g_head_quantiles = s.options.quantiles;
  const size_t batch = static_cast<size_t>(s.options.batch_size);
  const size_t remaining_rows = s.order.size() - s.cursor;
  const size_t rows = std::min(remaining_rows, max_batches * batch);

  s.batch_inputs.clear();
  s.batch_targets.clear();
  for (size_t i = 0; i < rows; ++i) {
    s.batch_inputs.push_back(s.train_inputs[s.order[s.cursor + i]]);
    s.batch_targets.push_back(s.train_targets[s.order[s.cursor + i]]);
  }
  try {
    s.net.fit<PinballLoss>(s.optimizer, s.batch_inputs, s.batch_targets, batch, 1, [] {}, [] {}, false, 1);
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

std::optional<Model> Trainer::Finish(std::string* error) {
  State& s = *state_;
  if (!s.error.empty()) {
    *error = s.error;
    return std::nullopt;
  }
  if (!s.progress.finished || s.best_network.layers().empty()) {
    *error = "training has not finished";
    return std::nullopt;
  }
  Model model = s.model;
  model.network = s.best_network;
  model.training.epochs_run = s.progress.epoch;
  model.training.best_epoch = s.progress.best_epoch;
  model.training.validation_loss = s.progress.best_validation_loss;

  // Range calibration on the validation rows: shift each range head so that
  // 10% of the validation videos fall below P10 and 10% above P90.
  std::vector<double> below, above;
  std::vector<float> outputs(static_cast<size_t>(model.network.outputs()));
  std::vector<float> scratch(static_cast<size_t>(model.network.scratch_size()));
  OutputSpec& out = model.output;
  for (size_t r = 0; r < s.validation_targets.size(); ++r) {
    model.network.Forward(&s.validation_features[r * kFeatureCount], outputs.data(), scratch.data());
    const double actual = s.validation_targets[r];
    const double low = out.low_head >= 0 ? outputs[static_cast<size_t>(out.low_head)] : outputs[0];
    const double high = out.high_head >= 0 ? outputs[static_cast<size_t>(out.high_head)] : outputs[0];
    below.push_back((actual - low) * out.target_std);
    above.push_back((actual - high) * out.target_std);
  }
  out.low_shift = QuantileOf(below, 0.10);
  out.high_shift = QuantileOf(above, 0.90);

  if (std::string invalid = model.Validate(); !invalid.empty()) {
    *error = "training produced an invalid model: " + invalid;
    return std::nullopt;
  }
  return model;
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
