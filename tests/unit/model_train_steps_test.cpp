// Tests of what the page needs from the Trainer: a training loss per epoch beside the validation loss,
// Finish() split into bounded FinishStep() calls that build the same model, and the named recipes.
// Training runs on the small synthetic videos of test_model.h, with few epochs, so the file runs in seconds.
#include <doctest/doctest.h>

#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model/model_io.h"
#include "core/model/train.h"

#include "test_model.h"

namespace likecast {
namespace {

TrainOptions StepOptions() {
  TrainOptions options = *TrainPreset("page");
  options.hidden_units = {12, 8};
  options.max_epochs = 3;
  return options;
}

std::unique_ptr<Trainer> TrainedToTheEnd(const std::vector<VideoRecord>& rows, const TrainOptions& options) {
  std::string error;
  std::unique_ptr<Trainer> trainer = Trainer::Create(rows, options, &error);
  REQUIRE(trainer);
  while (trainer->Step(4)) {
  }
  return trainer;
}

}  // namespace

TEST_CASE("trainer reports a training loss per epoch") {
  const std::vector<VideoRecord> rows = testing::SyntheticVideos(300);
  std::unique_ptr<Trainer> trainer = TrainedToTheEnd(rows, StepOptions());
  const TrainProgress& progress = trainer->progress();
  REQUIRE(progress.epoch >= 1);
  CHECK(progress.train_curve.size() == static_cast<size_t>(progress.epoch));
  CHECK(progress.validation_curve.size() == static_cast<size_t>(progress.epoch));
  for (double loss : progress.train_curve) {
    CHECK(std::isfinite(loss));
    CHECK(loss > 0);
  }
  CHECK(progress.train_loss == progress.train_curve.back());
}

TEST_CASE("finish in steps builds the model finish builds") {
  const std::vector<VideoRecord> rows = testing::SyntheticVideos(300);
  std::string error;
  std::unique_ptr<Trainer> at_once = TrainedToTheEnd(rows, StepOptions());
  const std::optional<Model> whole = at_once->Finish(&error);
  REQUIRE_MESSAGE(whole, error);

  std::unique_ptr<Trainer> in_steps = TrainedToTheEnd(rows, StepOptions());
  CHECK(in_steps->finish_fraction() == 0.0);
  int steps = 0;
  double last_fraction = 0;
  bool fractions_grow = true;
  while (in_steps->FinishStep()) {
    ++steps;
    fractions_grow = fractions_grow && in_steps->finish_fraction() > last_fraction;
    last_fraction = in_steps->finish_fraction();
  }
  CHECK(steps > 2);   // the first part, a step per candidate blend, then the calibration
  CHECK(fractions_grow);
  CHECK(in_steps->finish_fraction() == 1.0);
  const std::optional<Model> stepped = in_steps->Finish(&error);
  REQUIRE_MESSAGE(stepped, error);
  CHECK(ModelToJson(*stepped) == ModelToJson(*whole));
}

TEST_CASE("finish before training ends waits") {
  const std::vector<VideoRecord> rows = testing::SyntheticVideos(300);
  std::string error;
  std::unique_ptr<Trainer> trainer = Trainer::Create(rows, StepOptions(), &error);
  REQUIRE(trainer);
  CHECK_FALSE(trainer->FinishStep());
  CHECK_FALSE(trainer->Finish(&error));
  CHECK(error == "training has not finished");

  while (trainer->Step(4)) {
  }
  error.clear();
  CHECK(trainer->Finish(&error));
  CHECK(error.empty());
}

TEST_CASE("training recipes by name") {
  const TrainOptions defaults;
  const std::optional<TrainOptions> named_default = TrainPreset("default");
  REQUIRE(named_default);
  CHECK(named_default->ensemble_size == defaults.ensemble_size);
  CHECK(named_default->max_epochs == defaults.max_epochs);
  CHECK(named_default->batch_size == defaults.batch_size);
  CHECK(named_default->learning_rate == defaults.learning_rate);

  const std::optional<TrainOptions> page = TrainPreset("page");
  REQUIRE(page);
  CHECK(page->ensemble_size == 1);
  CHECK(page->max_epochs < defaults.max_epochs);
  CHECK(page->hidden_units == defaults.hidden_units);   // the same network shape as the shipped model

  CHECK_FALSE(TrainPreset("fast"));
  CHECK(std::string(TrainPresetNames()) == "default, page");
}

}  // namespace likecast
