// Tests of the model module: training determinism, the model file (round trip and every validation error),
// the fast forward pass against tiny-dnn, the divergence guard and properties of predictions. Training runs
// on small synthetic data made here, with few epochs, so the file runs in seconds.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/model/model.h"
#include "core/model/model_io.h"
#include "core/model/train.h"

namespace likecast {
namespace {

// Videos made the way engagement behaves in the TikTok data: likes are a random share of the views, and
// shares, downloads and comments are random shares of the likes. The generator is fixed, so every run
// gets the same rows.
std::vector<VideoRecord> MakeVideos(int count, std::uint64_t seed = 7) {
  std::uint64_t state = seed;
  auto uniform = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0;
  };
  std::vector<VideoRecord> rows;
  for (int i = 0; i < count; ++i) {
    VideoRecord row;
    row.line = i + 2;
    row.video_id = 1000 + i;
    const double views = std::round(std::exp(std::log(100.0) + uniform() * std::log(1e4)));
    const double likes = std::round(views * (0.02 + 0.5 * uniform()));
    row.likes = likes;
    row.inputs.views = views;
    row.inputs.shares = std::round(likes * 0.4 * uniform());
    row.inputs.downloads = std::round(likes * 0.025 * uniform());
    row.inputs.comments = std::round(*row.inputs.downloads * 0.6 * uniform());
    row.inputs.duration_sec = std::round(5 + 55 * uniform());
    row.inputs.verified = uniform() < 0.2;
    row.inputs.author_status = uniform() < 0.8 ? AuthorStatus::active : AuthorStatus::banned;
    rows.push_back(row);
  }
  return rows;
}

TrainOptions SmallOptions() {
  TrainOptions options;
  options.hidden_units = {12, 8};
  options.max_epochs = 4;
  options.ensemble_size = 2;
  return options;
}

// One model trained once and shared by the tests that only read it.
const Model& SmallModel() {
  static const Model model = [] {
    std::string error;
    std::optional<Model> trained = TrainModel(MakeVideos(400), SmallOptions(), &error);
    REQUIRE_MESSAGE(trained, error);
    return *trained;
  }();
  return model;
}

std::vector<CompleteInputs> SampleInputs() {
  std::vector<CompleteInputs> inputs;
  for (const VideoRecord& row : MakeVideos(60, 99)) inputs.push_back(CompleteFromRecord(row, SmallModel().imputer));
  CompleteInputs extreme;
  extreme.views = 0;
  inputs.push_back(extreme);
  extreme.views = 1e10;
  extreme.shares = 1e10;
  inputs.push_back(extreme);
  return inputs;
}

// The model file as JSON, edited by `edit`, then loaded; returns the load error.
template <typename Edit>
std::string LoadError(Edit edit) {
  nlohmann::ordered_json json = nlohmann::ordered_json::parse(ModelToJson(SmallModel()));
  edit(json);
  return ModelFromJson(json.dump()).error;
}

}  // namespace

TEST_CASE("training twice gives identical files") {
  std::string error;
  const std::vector<VideoRecord> rows = MakeVideos(300);
  const std::optional<Model> first = TrainModel(rows, SmallOptions(), &error);
  REQUIRE_MESSAGE(first, error);
  const std::optional<Model> second = TrainModel(rows, SmallOptions(), &error);
  REQUIRE_MESSAGE(second, error);
  CHECK(ModelToJson(*first) == ModelToJson(*second));
}

TEST_CASE("another seed gives another model") {
  std::string error;
  TrainOptions options = SmallOptions();
  options.seed = 43;
  const std::optional<Model> other = TrainModel(MakeVideos(400), options, &error);
  REQUIRE_MESSAGE(other, error);
  CHECK(ModelToJson(*other) != ModelToJson(SmallModel()));
}

TEST_CASE("trained model lists its ensemble and heads") {
  const Model& model = SmallModel();
  CHECK(model.ensemble.size() == 1);
  CHECK(model.output.heads.size() == 5);
  CHECK(model.output.mean_head >= 0);
  CHECK(model.output.median_head >= 0);
  CHECK(model.Validate() == "");
}

TEST_CASE("model read back from JSON predicts exactly the same") {
  const Model& model = SmallModel();
  const std::string text = ModelToJson(model);
  const ModelLoadResult loaded = ModelFromJson(text);
  REQUIRE_MESSAGE(loaded.model, loaded.error);
  CHECK(ModelToJson(*loaded.model) == text);
  for (const CompleteInputs& inputs : SampleInputs()) {
    double likes[2], p10[2], p90[2];
    model.PredictRange(inputs, &likes[0], &p10[0], &p90[0]);
    loaded.model->PredictRange(inputs, &likes[1], &p10[1], &p90[1]);
    CHECK(likes[0] == likes[1]);
    CHECK(p10[0] == p10[1]);
    CHECK(p90[0] == p90[1]);
  }
}

TEST_CASE("model file through disk") {
  const std::string path = "model_test_roundtrip.json";
  REQUIRE(SaveModelFile(SmallModel(), path) == "");
  const ModelLoadResult loaded = LoadModelFile(path);
  REQUIRE_MESSAGE(loaded.model, loaded.error);
  CHECK(ModelToJson(*loaded.model) == ModelToJson(SmallModel()));
  std::remove(path.c_str());

  const ModelLoadResult missing = LoadModelFile("no_such_model.json");
  CHECK(missing.error == "cannot open model file no_such_model.json: file not found or not readable");
}

TEST_CASE("model file validation errors") {
  using nlohmann::ordered_json;
  SUBCASE("not JSON") {
    CHECK(ModelFromJson("{not json").error ==
          "the model file is not valid JSON; choose a model.json written by likecast train or by the page");
  }
  SUBCASE("foreign JSON") {
    CHECK(ModelFromJson(R"({"name": "something else"})").error ==
          "this JSON file is not a LikeCast model (its \"format\" is not \"likecast-model\")");
  }
  SUBCASE("unknown version") {
    CHECK(LoadError([](ordered_json& j) { j["format_version"] = 1; }) ==
          "the model file has format_version 1, but this LikeCast reads version 2; train the model again with this version");
  }
  SUBCASE("missing field") {
    CHECK(LoadError([](ordered_json& j) { j.erase("output"); }) == "the model has no \"output\" field");
  }
  SUBCASE("renamed feature") {
    CHECK(LoadError([](ordered_json& j) { j["features"][2]["name"] = "log_like_rate"; }) ==
          "invalid model file: feature 2 is \"log_like_rate\", expected \"log_comment_rate\"");
  }
  SUBCASE("missing feature") {
    CHECK(LoadError([](ordered_json& j) { j["features"].erase(7); }) ==
          "invalid model file: the model has 7 features, expected 8");
  }
  SUBCASE("non-positive feature scale") {
    CHECK(LoadError([](ordered_json& j) { j["features"][0]["std"] = 0; }) ==
          "invalid model file: feature \"log_views\" has an invalid scaling (mean or std not finite, or std not positive)");
  }
  SUBCASE("weight count does not match the shape") {
    CHECK(LoadError([](ordered_json& j) { j["network"]["layers"][1]["weights"].erase(0); }) ==
          "invalid model file: layer 1 has 95 weights, expected 96");
  }
  SUBCASE("layers do not chain") {
    CHECK(LoadError([](ordered_json& j) { j["network"]["layers"][1]["inputs"] = 8; }) ==
          "invalid model file: layer 1 takes 8 inputs but the layer before gives 12");
  }
  SUBCASE("weight too large for a float") {
    CHECK(LoadError([](ordered_json& j) { j["network"]["layers"][0]["weights"][3] = 1e39; }) ==
          "network.layers[0].weights contains a value that is not a finite float");
  }
  SUBCASE("weight that is not a number") {
    CHECK(LoadError([](ordered_json& j) { j["network"]["layers"][0]["bias"][0] = "zero"; }) ==
          "network.layers[0].bias contains a value that is not a number");
  }
  SUBCASE("unknown activation") {
    CHECK(LoadError([](ordered_json& j) { j["network"]["layers"][0]["activation"] = "gelu"; }) ==
          "network.layers[0].activation \"gelu\" is not identity, relu, leaky_relu or tanh");
  }
  SUBCASE("ensemble network of another shape") {
    CHECK(LoadError([](ordered_json& j) {
            j["ensemble"][0]["layers"].erase(2);
          }) == "invalid model file: ensemble network 1 has 8 inputs and 8 outputs, expected 8 and 5 like the first network");
  }
  SUBCASE("heads do not match the outputs") {
    CHECK(LoadError([](ordered_json& j) { j["output"]["heads"].erase(4); }) ==
          "invalid model file: the network gives 5 outputs but the file lists 4 heads");
  }
  SUBCASE("unknown loss") {
    CHECK(LoadError([](ordered_json& j) { j["output"]["heads"][0]["loss"] = "huber"; }) ==
          "invalid model file: output head 0 (\"log_mean\") has loss \"huber\", expected squared, pinball or squared_count");
  }
  SUBCASE("head index out of range") {
    CHECK(LoadError([](ordered_json& j) { j["output"]["mean_head"] = 9; }) ==
          "invalid model file: the output head indices are out of range");
  }
  SUBCASE("median weight out of range") {
    CHECK(LoadError([](ordered_json& j) { j["output"]["median_weight"] = 1.5; }) ==
          "invalid model file: the output median_weight is not between 0 and 1");
  }
  SUBCASE("wrong target") {
    CHECK(LoadError([](ordered_json& j) { j["output"]["target"] = "likes"; }) ==
          "output.target \"likes\" is not log_like_rate");
  }
  SUBCASE("download regression of the wrong length") {
    CHECK(LoadError([](ordered_json& j) { j["imputation"]["download_regression"] = {1.0, 2.0}; }) ==
          "invalid model file: the download regression has 2 coefficients, expected 4 or none");
  }
  SUBCASE("negative view band") {
    CHECK(LoadError([](ordered_json& j) { j["imputation"]["view_bands"][1]["share_rate"] = -0.5; }) ==
          "invalid model file: view band 1 has a negative or non-finite value");
  }
}

TEST_CASE("forward pass matches tiny-dnn") {
  for (const char* activation : {"relu", "leaky_relu", "tanh"}) {
    CAPTURE(activation);
    TrainOptions options = SmallOptions();
    options.activation = activation;
    options.ensemble_size = 1;
    std::string error;
    const std::optional<Model> model = TrainModel(MakeVideos(300), options, &error);
    REQUIRE_MESSAGE(model, error);
    const Network& network = model->network;
    std::vector<float> scratch(static_cast<size_t>(network.scratch_size()));
    std::vector<float> fast(static_cast<size_t>(network.outputs()));

    std::uint64_t state = 11;
    int compared = 0;
    for (int row = 0; row < 200; ++row) {
      std::vector<float> input(kFeatureCount);
      for (float& x : input) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        x = static_cast<float>(static_cast<double>(state >> 40) / 16777216.0 * 6.0 - 3.0);   // -3 to 3
      }
      network.Forward(input.data(), fast.data(), scratch.data());
      const std::vector<float> reference = PredictWithTinyDnn(network, input);
      REQUIRE(reference.size() == fast.size());
      for (size_t k = 0; k < fast.size(); ++k) {
        CHECK(std::fabs(fast[k] - reference[k]) <= 1e-5 * std::max(1.0f, std::fabs(reference[k])));
        ++compared;
      }
    }
    CHECK(compared == 200 * network.outputs());
  }
}

TEST_CASE("huge learning rate stops training with an error") {
  TrainOptions options = SmallOptions();
  options.learning_rate = 1e6;
  std::string error;
  const std::optional<Model> model = TrainModel(MakeVideos(300), options, &error);
  CHECK_FALSE(model);
  CHECK(error.rfind("training diverged: the validation loss became ", 0) == 0);
  CHECK(error.find("try a lower learning rate (now 1e+06)") != std::string::npos);
}

TEST_CASE("training rejects too few rows") {
  std::string error;
  CHECK_FALSE(TrainModel(MakeVideos(10), SmallOptions(), &error));
  CHECK(error.rfind("too few rows to train on: ", 0) == 0);
}

TEST_CASE("predictions are never negative and the range contains them") {
  const Model& model = SmallModel();
  for (const CompleteInputs& inputs : SampleInputs()) {
    double likes, p10, p90;
    model.PredictRange(inputs, &likes, &p10, &p90);
    CHECK(std::isfinite(likes));
    CHECK(p10 >= 0);
    CHECK(p10 <= likes);
    CHECK(likes <= p90);
    CHECK(model.PredictLikes(inputs) == likes);
  }
}

TEST_CASE("missing inputs are filled and listed") {
  VideoInputs inputs;
  inputs.views = 5000;
  inputs.shares = 300;
  inputs.comments = 10;
  const Prediction prediction = SmallModel().Predict(inputs);
  const std::vector<InputField> expected = {InputField::downloads, InputField::duration_sec, InputField::verified,
                                            InputField::author_status};
  CHECK(prediction.assumed == expected);
  CHECK(prediction.used.shares == 300);
  CHECK(prediction.used.downloads > 0);
  CHECK(prediction.used.downloads <= 5000);
  CHECK(prediction.likes > 0);
  CHECK(prediction.p10 <= prediction.likes);
  CHECK(prediction.likes <= prediction.p90);
}

// Counts are not rounded: at a few hundred views, rounding to whole shares moves the per-view rates in
// steps, and the prediction follows those steps down as well as up.
TEST_CASE("shipped model: more views at the same rates never lower the prediction") {
  const ModelLoadResult loaded = LoadModelFile(std::string(LIKECAST_SOURCE_DIR) + "/models/likecast.json");
  REQUIRE_MESSAGE(loaded.model, loaded.error);
  for (double like_driver : {0.01, 0.05, 0.15, 0.3}) {
    CAPTURE(like_driver);
    double previous = 0;
    for (double views = 100; views <= 1e6; views *= 1.25) {
      CompleteInputs inputs;
      inputs.views = views;
      inputs.shares = views * like_driver * 0.2;
      inputs.downloads = views * like_driver * 0.0125;
      inputs.comments = inputs.downloads * 0.3;
      inputs.duration_sec = 30;
      const double likes = loaded.model->PredictLikes(inputs);
      CHECK(likes >= previous);
      previous = likes;
    }
  }
}

}  // namespace likecast
