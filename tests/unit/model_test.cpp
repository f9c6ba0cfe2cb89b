// Tests of the model module: training determinism, the model file (round trip and every validation error),
// the fast forward pass against tiny-dnn, the divergence guard and properties of predictions. Training runs
// on small synthetic data made here, with few epochs, so the file runs in seconds.
#include <doctest/doctest.h>

#include <algorithm>
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

// Every message ends with this advice.
const std::string kHint = "; train the model again with likecast train, or load a model.json it wrote";

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
          "invalid model file: feature 2 is \"log_like_rate\", expected \"log_comment_rate\"" + kHint);
  }
  SUBCASE("missing feature") {
    CHECK(LoadError([](ordered_json& j) { j["features"].erase(7); }) ==
          "invalid model file: the model has 7 features, expected 8" + kHint);
  }
  SUBCASE("weight count does not match the shape") {
    CHECK(LoadError([](ordered_json& j) { j["network"]["layers"][1]["weights"].erase(0); }) ==
          "invalid model file: layer 1 has 95 weights, expected 96" + kHint);
  }
  SUBCASE("layers do not chain") {
    CHECK(LoadError([](ordered_json& j) {
            ordered_json& layer = j["network"]["layers"][1];
            layer["inputs"] = 8;
            while (layer["weights"].size() > 8 * 8) layer["weights"].erase(layer["weights"].size() - 1);
          }) == "invalid model file: layer 1 takes 8 inputs but the layer before gives 12" + kHint);
  }
  SUBCASE("weight that is not a number") {
    CHECK(LoadError([](ordered_json& j) { j["network"]["layers"][0]["bias"][0] = "zero"; }) ==
          "network.layers[0].bias[0] is not a number");
  }
  SUBCASE("unknown activation") {
    CHECK(LoadError([](ordered_json& j) { j["network"]["layers"][0]["activation"] = "gelu"; }) ==
          "network.layers[0].activation \"gelu\" is not identity, relu, leaky_relu or tanh" + kHint);
  }
  SUBCASE("ensemble network of another shape") {
    CHECK(LoadError([](ordered_json& j) {
            j["ensemble"][0]["layers"].erase(2);
          }) == "invalid model file: ensemble network 1 has 8 inputs and 8 outputs, expected 8 and 5 like the first network" +
                    kHint);
  }
  SUBCASE("heads do not match the outputs") {
    CHECK(LoadError([](ordered_json& j) { j["output"]["heads"].push_back(j["output"]["heads"][0]); }) ==
          "invalid model file: the network gives 5 outputs but the file lists 6 heads" + kHint);
  }
  SUBCASE("unknown loss") {
    CHECK(LoadError([](ordered_json& j) { j["output"]["heads"][0]["loss"] = "huber"; }) ==
          "output.heads[0].loss \"huber\" is not squared, pinball or squared_count" + kHint);
  }
  SUBCASE("wrong target") {
    CHECK(LoadError([](ordered_json& j) { j["output"]["target"] = "likes"; }) ==
          "output.target \"likes\" is not log_like_rate" + kHint);
  }
  SUBCASE("unknown typical status") {
    CHECK(LoadError([](ordered_json& j) { j["imputation"]["typical_status"] = "gone"; }) ==
          "imputation.typical_status \"gone\" is not active, under_review or banned" + kHint);
  }
}

TEST_CASE("model file range checks on features and imputation") {
  using nlohmann::ordered_json;
  SUBCASE("feature mean too large") {
    CHECK(LoadError([](ordered_json& j) { j["features"][0]["mean"] = 1e6; }) ==
          "features[0].mean is 1e+06, expected a value from -100 to 100" + kHint);
  }
  SUBCASE("feature std of zero") {
    CHECK(LoadError([](ordered_json& j) { j["features"][0]["std"] = 0; }) ==
          "features[0].std is 0, expected a value from 1e-06 to 1e+09" + kHint);
  }
  SUBCASE("feature std too large") {
    CHECK(LoadError([](ordered_json& j) { j["features"][3]["std"] = 1e308; }) ==
          "features[3].std is 1e+308, expected a value from 1e-06 to 1e+09" + kHint);
  }
  SUBCASE("too many features") {
    CHECK(LoadError([](ordered_json& j) {
            while (j["features"].size() < 65) j["features"].push_back(j["features"][0]);
          }) == "features lists 65 entries, expected at most 64" + kHint);
  }
  SUBCASE("typical verified not 0 or 1") {
    CHECK(LoadError([](ordered_json& j) { j["imputation"]["typical_verified"] = 2; }) ==
          "imputation.typical_verified is 2, expected a whole number from 0 to 1" + kHint);
  }
  SUBCASE("download regression coefficient too large") {
    CHECK(LoadError([](ordered_json& j) { j["imputation"]["download_regression"][0] = 1e5; }) ==
          "imputation.download_regression[0] is 100000, expected a value from -100 to 100" + kHint);
  }
  SUBCASE("download regression coefficient that is not a number") {
    CHECK(LoadError([](ordered_json& j) { j["imputation"]["download_regression"][1] = "x"; }) ==
          "imputation.download_regression[1] is not a number");
  }
  SUBCASE("download regression of the wrong length") {
    CHECK(LoadError([](ordered_json& j) { j["imputation"]["download_regression"] = {1.0, 2.0}; }) ==
          "imputation.download_regression has 2 coefficients, expected 4 or none" + kHint);
  }
  SUBCASE("download regression too long") {
    CHECK(LoadError([](ordered_json& j) { j["imputation"]["download_regression"] = {1.0, 2.0, 3.0, 4.0, 5.0}; }) ==
          "imputation.download_regression lists 5 entries, expected at most 4" + kHint);
  }
  SUBCASE("no view bands") {
    CHECK(LoadError([](ordered_json& j) { j["imputation"]["view_bands"] = ordered_json::array(); }) ==
          "imputation.view_bands is empty, expected at least one band" + kHint);
  }
  SUBCASE("negative view band rate") {
    CHECK(LoadError([](ordered_json& j) { j["imputation"]["view_bands"][1]["share_rate"] = -0.5; }) ==
          "imputation.view_bands[1].share_rate is -0.5, expected a value from 0 to 10" + kHint);
  }
  SUBCASE("view band duration too long") {
    CHECK(LoadError([](ordered_json& j) { j["imputation"]["view_bands"][0]["duration_sec"] = 1e6; }) ==
          "imputation.view_bands[0].duration_sec is 1e+06, expected a value from 0 to 86400" + kHint);
  }
  SUBCASE("first view band above 0 views") {
    CHECK(LoadError([](ordered_json& j) { j["imputation"]["view_bands"][0]["min_views"] = 5; }) ==
          "imputation.view_bands[0].min_views is 5, expected 0 for the first band" + kHint);
  }
  SUBCASE("view bands out of order") {
    CHECK(LoadError([](ordered_json& j) {
            j["imputation"]["view_bands"][1]["min_views"] = 50;
            j["imputation"]["view_bands"][2]["min_views"] = 40;
          }) == "imputation.view_bands[2].min_views is 40, expected more than the band before (50)" + kHint);
  }
}

TEST_CASE("model file range checks on networks") {
  using nlohmann::ordered_json;
  SUBCASE("network without layers") {
    CHECK(LoadError([](ordered_json& j) { j["network"]["layers"] = ordered_json::array(); }) ==
          "network.layers is empty, expected at least one layer" + kHint);
  }
  SUBCASE("too many layers") {
    CHECK(LoadError([](ordered_json& j) {
            while (j["network"]["layers"].size() < 9) j["network"]["layers"].push_back(j["network"]["layers"][0]);
          }) == "network.layers lists 9 entries, expected at most 8" + kHint);
  }
  SUBCASE("layer without inputs") {
    CHECK(LoadError([](ordered_json& j) { j["network"]["layers"][0]["inputs"] = 0; }) ==
          "network.layers[0].inputs is 0, expected a whole number from 1 to 4096" + kHint);
  }
  SUBCASE("layer too wide") {
    CHECK(LoadError([](ordered_json& j) { j["ensemble"][0]["layers"][1]["outputs"] = 5000; }) ==
          "ensemble[0].layers[1].outputs is 5000, expected a whole number from 1 to 4096" + kHint);
  }
  SUBCASE("weight too large for a float") {
    CHECK(LoadError([](ordered_json& j) { j["network"]["layers"][0]["weights"][3] = 1e39; }) ==
          "network.layers[0].weights[3] is 1e+39, expected a value from -10000 to 10000" + kHint);
  }
  SUBCASE("weight that would overflow the forward pass") {
    CHECK(LoadError([](ordered_json& j) { j["network"]["layers"][2]["bias"][1] = -2e4; }) ==
          "network.layers[2].bias[1] is -20000, expected a value from -10000 to 10000" + kHint);
  }
  SUBCASE("more weights than the shape takes") {
    CHECK(LoadError([](ordered_json& j) { j["network"]["layers"][0]["weights"].push_back(0.5); }) ==
          "network.layers[0].weights lists 97 entries, expected at most 96" + kHint);
  }
  SUBCASE("too many ensemble networks") {
    CHECK(LoadError([](ordered_json& j) {
            while (j["ensemble"].size() < 16) j["ensemble"].push_back(j["ensemble"][0]);
          }) == "ensemble lists 16 entries, expected at most 15" + kHint);
  }
}

TEST_CASE("model file range checks on the output") {
  using nlohmann::ordered_json;
  SUBCASE("target mean out of range") {
    CHECK(LoadError([](ordered_json& j) { j["output"]["target_mean"] = 50; }) ==
          "output.target_mean is 50, expected a value from -30 to 10" + kHint);
  }
  SUBCASE("absurd target std") {
    CHECK(LoadError([](ordered_json& j) { j["output"]["target_std"] = 1e308; }) ==
          "output.target_std is 1e+308, expected a value from 1e-06 to 10" + kHint);
  }
  SUBCASE("target std of zero") {
    CHECK(LoadError([](ordered_json& j) { j["output"]["target_std"] = 0; }) ==
          "output.target_std is 0, expected a value from 1e-06 to 10" + kHint);
  }
  SUBCASE("no heads") {
    CHECK(LoadError([](ordered_json& j) { j["output"]["heads"] = ordered_json::array(); }) ==
          "output.heads is empty, expected at least one head" + kHint);
  }
  SUBCASE("quantile above 1") {
    CHECK(LoadError([](ordered_json& j) { j["output"]["heads"][2]["quantile"] = 2; }) ==
          "output.heads[2].quantile is 2, expected a value from 0 to 1" + kHint);
  }
  SUBCASE("pinball head at quantile 0") {
    CHECK(LoadError([](ordered_json& j) { j["output"]["heads"][2]["quantile"] = 0; }) ==
          "output.heads[2].quantile is 0, expected a value between 0 and 1 for a pinball head" + kHint);
  }
  SUBCASE("point head that is the mean head") {
    CHECK(LoadError([](ordered_json& j) { j["output"]["point_head"] = 1; }) ==
          "output.point_head is 1, expected the index of a squared or pinball head among the 5 heads" + kHint);
  }
  SUBCASE("median head that is not at quantile 0.5") {
    CHECK(LoadError([](ordered_json& j) { j["output"]["median_head"] = 2; }) ==
          "output.median_head is 2, expected the index of a pinball head at quantile 0.5 among the 5 heads (or -1 for none)" +
              kHint);
  }
  SUBCASE("mean head index out of range") {
    CHECK(LoadError([](ordered_json& j) { j["output"]["mean_head"] = 9; }) ==
          "output.mean_head is 9, expected the index of a squared_count head among the 5 heads (or -1 for none)" + kHint);
  }
  SUBCASE("head index below -1") {
    CHECK(LoadError([](ordered_json& j) { j["output"]["mean_head"] = -2; }) ==
          "output.mean_head is -2, expected a whole number from -1 to 15" + kHint);
  }
  SUBCASE("no low head") {
    CHECK(LoadError([](ordered_json& j) { j["output"]["low_head"] = -1; }) ==
          "output.low_head is -1, expected the index of a pinball head below quantile 0.5 among the 5 heads" + kHint);
  }
  SUBCASE("high head below the median") {
    CHECK(LoadError([](ordered_json& j) { j["output"]["high_head"] = 2; }) ==
          "output.high_head is 2, expected the index of a pinball head above quantile 0.5 among the 5 heads" + kHint);
  }
  SUBCASE("median weight out of range") {
    CHECK(LoadError([](ordered_json& j) { j["output"]["median_weight"] = 1.5; }) ==
          "output.median_weight is 1.5, expected a value from 0 to 1" + kHint);
  }
  SUBCASE("negative blend pivot") {
    CHECK(LoadError([](ordered_json& j) { j["output"]["blend_pivot_likes"] = -1; }) ==
          "output.blend_pivot_likes is -1, expected a value from 0 to 1e+12" + kHint);
  }
  SUBCASE("shift for estimated downloads too large") {
    CHECK(LoadError([](ordered_json& j) { j["output"]["high_shift_estimated_downloads"] = -11; }) ==
          "output.high_shift_estimated_downloads is -11, expected a value from -10 to 10" + kHint);
  }
  SUBCASE("negative minimum width") {
    CHECK(LoadError([](ordered_json& j) { j["output"]["min_relative_width"] = -0.5; }) ==
          "output.min_relative_width is -0.5, expected a value from 0 to 100" + kHint);
  }
  SUBCASE("range shift too large") {
    CHECK(LoadError([](ordered_json& j) { j["output"]["low_shift"] = 50; }) ==
          "output.low_shift is 50, expected a value from -10 to 10" + kHint);
  }
}

TEST_CASE("model file range checks on training details") {
  using nlohmann::ordered_json;
  SUBCASE("seed too large") {
    CHECK(LoadError([](ordered_json& j) { j["training"]["seed"] = 1e20; }) ==
          "training.seed is 1e+20, expected a whole number from 0 to 4294967295" + kHint);
  }
  SUBCASE("negative row count") {
    CHECK(LoadError([](ordered_json& j) { j["training"]["train_rows"] = -5; }) ==
          "training.train_rows is -5, expected a whole number from 0 to 2147483647" + kHint);
  }
  SUBCASE("best epoch after the last epoch") {
    CHECK(LoadError([](ordered_json& j) {
            j["training"]["epochs_run"] = 7;
            j["training"]["best_epoch"] = 8;
          }) == "training.best_epoch is 8, expected a whole number from 0 to 7" + kHint);
  }
  SUBCASE("negative validation loss") {
    CHECK(LoadError([](ordered_json& j) { j["training"]["validation_loss"] = -1; }) ==
          "training.validation_loss is -1, expected a value from 0 to 1e+12" + kHint);
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

TEST_CASE("training on equal views loads back") {
  std::vector<VideoRecord> rows = MakeVideos(300);
  for (VideoRecord& row : rows) row.inputs.views = 1000;
  std::string error;
  const std::optional<Model> model = TrainModel(rows, SmallOptions(), &error);
  REQUIRE_MESSAGE(model, error);
  CHECK(model->benchmarks.band_min_views == std::vector<double>{0.0});
  const ModelLoadResult reread = ModelFromJson(ModelToJson(*model));
  CHECK_MESSAGE(reread.model, reread.error);
}

TEST_CASE("training ignores a missing duration column") {
  std::vector<VideoRecord> rows = MakeVideos(300);
  for (VideoRecord& row : rows) {
    row.inputs.duration_sec.reset();
    row.inputs.verified.reset();
  }
  std::string error;
  const std::optional<Model> model = TrainModel(rows, SmallOptions(), &error);
  REQUIRE_MESSAGE(model, error);
  CHECK(model->features.scaling[4].std == kConstantFeatureStd);
  CHECK(model->features.Ignores(InputField::duration_sec));
  CHECK(model->features.Ignores(InputField::verified));
  CHECK_FALSE(model->features.Ignores(InputField::shares));
  CHECK_FALSE(model->features.Ignores(InputField::author_status));   // the rows have active and banned accounts
  CompleteInputs video = CompleteFromRecord(rows[0], model->imputer);
  video.duration_sec = 5;
  const double short_video = model->PredictLikes(video);
  video.duration_sec = 600;
  video.verified = true;
  CHECK(model->PredictLikes(video) == doctest::Approx(short_video).epsilon(1e-6));
  const ModelLoadResult reread = ModelFromJson(ModelToJson(*model));
  CHECK_MESSAGE(reread.model, reread.error);
}

TEST_CASE("training skips videos with 0 views") {
  std::vector<VideoRecord> rows = MakeVideos(300);
  for (VideoRecord& row : rows) row.inputs.views = 0;
  std::string error;
  CHECK_FALSE(TrainModel(rows, SmallOptions(), &error));
  CHECK(error.rfind("too few rows to train on: 0 for training", 0) == 0);
}

TEST_CASE("fingerprint covers every trained row") {
  // With cross-fitting, fold 0 trains every member but the first, so a change there changes the fingerprint.
  std::vector<VideoRecord> rows = MakeVideos(300);
  TrainOptions options = SmallOptions();
  options.max_epochs = 1;
  std::string error;
  const std::optional<Model> before = TrainModel(rows, options, &error);
  REQUIRE_MESSAGE(before, error);
  auto fold_zero = std::find_if(rows.begin(), rows.end(), [&](const VideoRecord& row) {
    return !IsTestVideo(row) && ValidationFold(row, options.validation_fraction) == 0;
  });
  REQUIRE(fold_zero != rows.end());
  *fold_zero->likes += 1000;
  const std::optional<Model> after = TrainModel(rows, options, &error);
  REQUIRE_MESSAGE(after, error);
  CHECK(before->training.data_fingerprint != after->training.data_fingerprint);
}

TEST_CASE("training uses given hidden widths") {
  TrainOptions options = SmallOptions();
  options.hidden_units = {12, 6, 3};
  std::string error;
  const std::optional<Model> model = TrainModel(MakeVideos(300), options, &error);
  REQUIRE_MESSAGE(model, error);
  const std::vector<DenseLayer>& layers = model->network.layers();
  REQUIRE(layers.size() == 4);
  CHECK(layers[0].outputs == 12);
  CHECK(layers[1].outputs == 6);
  CHECK(layers[2].outputs == 3);
  CHECK(layers[3].inputs == 3);
}

TEST_CASE("training rejects invalid hidden widths") {
  CHECK(CheckHiddenUnits({64, 32}) == "");
  CHECK(CheckHiddenUnits({1024}) == "");
  for (const std::vector<int>& widths : std::vector<std::vector<int>>{{}, {0}, {64, -1}, {1025}, {8, 8, 8, 8, 8, 8, 8}}) {
    const std::string problem = CheckHiddenUnits(widths);
    CAPTURE(problem);
    CHECK(problem.find("are invalid: use 1 to 6 layers of 1 to 1024 units each") != std::string::npos);
  }
  CHECK(CheckHiddenUnits({64, 0}).rfind("hidden layers \"64,0\"", 0) == 0);
  TrainOptions options = SmallOptions();
  options.hidden_units = {0};
  std::string error;
  CHECK_FALSE(TrainModel(MakeVideos(300), options, &error));
  CHECK(error == CheckHiddenUnits({0}));
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

// Inputs far outside the training rows, where the network extrapolates: huge rates, tiny and huge views.
std::vector<CompleteInputs> ExtrapolatedInputs() {
  std::vector<CompleteInputs> inputs;
  for (double views : {1.0, 30.0, 1e4, 1e8, 1e11}) {
    for (double rate : {0.0, 0.5, 5.0, 1e3}) {
      CompleteInputs row;
      row.views = views;
      row.shares = views * rate;
      row.comments = views * rate * 0.1;
      row.downloads = views * rate * 0.2;
      row.duration_sec = rate > 1 ? 1e5 : 30;
      inputs.push_back(row);
    }
  }
  return inputs;
}

TEST_CASE("predictions never exceed the views") {
  const Model& model = SmallModel();
  for (const CompleteInputs& inputs : ExtrapolatedInputs()) {
    CAPTURE(inputs.views);
    CAPTURE(inputs.shares);
    double likes, p10, p90;
    model.PredictRange(inputs, &likes, &p10, &p90);
    CHECK(likes <= inputs.views);
    CHECK(p90 <= inputs.views);
    CHECK(model.PredictLikes(inputs) <= inputs.views);
  }
}

TEST_CASE("range keeps its minimum relative width") {
  Model model = SmallModel();
  REQUIRE(model.output.min_relative_width > 0);
  // Quantile heads that collapse onto the prediction would give a range of zero width.
  model.output.low_shift = 5;
  model.output.high_shift = -5;
  for (const CompleteInputs& inputs : ExtrapolatedInputs()) {
    CAPTURE(inputs.views);
    CAPTURE(inputs.shares);
    double likes, p10, p90;
    model.PredictRange(inputs, &likes, &p10, &p90);
    CHECK(p10 >= 0);
    CHECK(p10 <= likes);
    CHECK(likes <= p90);
    CHECK(p90 <= inputs.views);
    // The floor can only be cut where p10 reaches 0 and p90 the views.
    if (p10 > 0) CHECK(p90 - p10 >= model.output.min_relative_width * likes * (1 - 1e-9));
  }
}

TEST_CASE("minimum width lies below typical widths") {
  const Model& model = SmallModel();
  // The floor is the 1st percentile of the validation widths, so it sits below the median width.
  std::vector<double> widths;
  for (const CompleteInputs& inputs : SampleInputs()) {
    double likes, p10, p90;
    model.PredictRange(inputs, &likes, &p10, &p90);
    if (likes >= 1) widths.push_back((p90 - p10) / likes);
  }
  std::sort(widths.begin(), widths.end());
  REQUIRE_FALSE(widths.empty());
  CHECK(model.output.min_relative_width > 0);
  CHECK(model.output.min_relative_width <= widths[widths.size() / 2]);
}

TEST_CASE("imputer marks estimated downloads") {
  VideoInputs inputs;
  inputs.views = 5000;
  inputs.shares = 300;
  inputs.comments = 10;
  CHECK(SmallModel().imputer.Complete(inputs, nullptr).downloads_estimated);
  inputs.downloads = 20;
  CHECK_FALSE(SmallModel().imputer.Complete(inputs, nullptr).downloads_estimated);
}

TEST_CASE("estimated downloads use their own range shifts") {
  Model model = SmallModel();
  model.output.min_relative_width = 0;
  model.output.low_shift_estimated_downloads = model.output.low_shift - 0.5;
  model.output.high_shift_estimated_downloads = model.output.high_shift + 0.5;
  for (const CompleteInputs& known : SampleInputs()) {
    CompleteInputs estimated = known;
    estimated.downloads_estimated = true;
    double likes, p10, p90, estimated_likes, estimated_p10, estimated_p90;
    model.PredictRange(known, &likes, &p10, &p90);
    model.PredictRange(estimated, &estimated_likes, &estimated_p10, &estimated_p90);
    CHECK(estimated_likes == likes);
    // Away from the clamps at the prediction and at the views, the shifts move log1p(p10) and log1p(p90).
    if (p10 < likes && estimated_p10 > 0)
      CHECK(std::log1p(p10) - std::log1p(estimated_p10) == doctest::Approx(0.5).epsilon(1e-6));
    if (estimated_p90 < known.views && p90 > likes)
      CHECK(std::log1p(estimated_p90) - std::log1p(p90) == doctest::Approx(0.5).epsilon(1e-6));
  }
}

// The model of the members that held out `fold` of SmallModel()'s rows: member m holds out fold m.
Model HeldOutScorer(int fold) {
  Model scorer = SmallModel();
  if (fold > 0) scorer.network = SmallModel().ensemble[static_cast<size_t>(fold - 1)];
  scorer.ensemble.clear();
  return scorer;
}

TEST_CASE("range without downloads covers 80% of held-out rows") {
  // The rows SmallModel() trained on; the range was calibrated on the folds its two members held out.
  const Model scorers[2] = {HeldOutScorer(0), HeldOutScorer(1)};
  int rows = 0, inside = 0;
  for (const VideoRecord& row : MakeVideos(400)) {
    const int fold = ValidationFold(row, TrainOptions().validation_fraction);
    if (IsTestVideo(row) || fold > 1) continue;
    VideoInputs inputs = row.inputs;
    inputs.downloads.reset();
    const Prediction prediction = scorers[fold].Predict(inputs);
    ++rows;
    if (prediction.p10 <= *row.likes && *row.likes <= prediction.p90) ++inside;
  }
  REQUIRE(rows >= 60);
  const double coverage = static_cast<double>(inside) / rows;
  CAPTURE(rows);
  CHECK(coverage >= 0.75);
  CHECK(coverage <= 0.85);
}

TEST_CASE("validation fold 0 is the validation split") {
  int folds_seen[3] = {0, 0, 0};
  for (const VideoRecord& row : MakeVideos(400)) {
    const int fold = ValidationFold(row, 0.15);
    CHECK((fold == 0) == IsValidationVideo(row, 0.15));
    CHECK(fold >= 0);
    CHECK(fold <= 6);
    if (fold < 3) ++folds_seen[fold];
  }
  CHECK(folds_seen[0] > 0);
  CHECK(folds_seen[1] > 0);
  CHECK(folds_seen[2] > 0);
}

TEST_CASE("cross-fitting holds out one fold per member") {
  size_t fold_rows[2] = {0, 0};
  size_t training_rows = 0;
  for (const VideoRecord& row : MakeVideos(400)) {
    if (IsTestVideo(row)) continue;
    ++training_rows;
    const int fold = ValidationFold(row, TrainOptions().validation_fraction);
    if (fold < 2) ++fold_rows[fold];
  }
  CHECK(SmallModel().training.validation_rows == fold_rows[0] + fold_rows[1]);
  CHECK(SmallModel().training.train_rows == training_rows);

  TrainOptions options = SmallOptions();
  options.cross_fit = false;
  std::string error;
  const std::optional<Model> shared_fold = TrainModel(MakeVideos(400), options, &error);
  REQUIRE_MESSAGE(shared_fold, error);
  CHECK(shared_fold->training.validation_rows == fold_rows[0]);
  CHECK(shared_fold->training.train_rows == training_rows - fold_rows[0]);
}

TEST_CASE("model file keeps the range settings") {
  const Model& model = SmallModel();
  const ModelLoadResult loaded = ModelFromJson(ModelToJson(model));
  REQUIRE_MESSAGE(loaded.model, loaded.error);
  CHECK(loaded.model->output.low_shift_estimated_downloads == model.output.low_shift_estimated_downloads);
  CHECK(loaded.model->output.high_shift_estimated_downloads == model.output.high_shift_estimated_downloads);
  CHECK(loaded.model->output.min_relative_width == model.output.min_relative_width);
}

TEST_CASE("model file without range settings loads") {
  nlohmann::ordered_json json = nlohmann::ordered_json::parse(ModelToJson(SmallModel()));
  for (const char* key : {"low_shift_estimated_downloads", "high_shift_estimated_downloads", "min_relative_width"})
    json["output"].erase(key);
  const ModelLoadResult loaded = ModelFromJson(json.dump());
  REQUIRE_MESSAGE(loaded.model, loaded.error);
  CHECK(loaded.model->output.low_shift_estimated_downloads == SmallModel().output.low_shift);
  CHECK(loaded.model->output.high_shift_estimated_downloads == SmallModel().output.high_shift);
  CHECK(loaded.model->output.min_relative_width == 0);
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
