// Tests of the fast prediction path. Network::Forward over the regrouped weights is checked against the plain
// loops and against tiny-dnn, on shapes that leave panels partly filled. Model predictions through the fast
// path are checked against the plain path on many varied videos, with and without missing inputs.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/model/model.h"
#include "core/model/model_io.h"
#include "core/model/train.h"

namespace likecast {
namespace {

// A fixed-seed generator, so every run draws the same weights, inputs and videos.
class Draw {
 public:
  explicit Draw(std::uint64_t seed) : state_(seed) {}
  double Uniform() {   // in [0, 1)
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state_ >> 11) / 9007199254740992.0;
  }
  double Between(double low, double high) { return low + (high - low) * Uniform(); }

 private:
  std::uint64_t state_;
};

// A network of the given widths (inputs first) with weights drawn from [-1, 1].
Network RandomNetwork(const std::vector<int>& widths, Activation hidden, Activation last, Draw& draw) {
  std::vector<DenseLayer> layers;
  for (size_t l = 0; l + 1 < widths.size(); ++l) {
    DenseLayer layer;
    layer.inputs = widths[l];
    layer.outputs = widths[l + 1];
    layer.activation = l + 2 == widths.size() ? last : hidden;
    for (int w = 0; w < layer.inputs * layer.outputs; ++w) layer.weights.push_back(static_cast<float>(draw.Between(-1, 1)));
    for (int b = 0; b < layer.outputs; ++b) layer.bias.push_back(static_cast<float>(draw.Between(-1, 1)));
    layers.push_back(layer);
  }
  return Network(layers);
}

// Both passes add each output's terms in the same order. Only a compiler that fuses a multiply and an add
// in one of them and not in the other could move the result, by a rounding step.
doctest::Approx Near(double plain) { return doctest::Approx(plain).epsilon(1e-6); }

const Model& ShippedModel() {
  static const Model model = [] {
    ModelLoadResult loaded = LoadModelFile(std::string(LIKECAST_SOURCE_DIR) + "/models/likecast.json");
    REQUIRE_MESSAGE(loaded.model, loaded.error);
    return *loaded.model;
  }();
  return model;
}

// Videos from tiny to viral, with rates far outside the training rows, and each optional input missing in about
// a quarter of them.
std::vector<VideoInputs> VariedVideos(int count) {
  Draw draw(2024);
  std::vector<VideoInputs> videos;
  auto known = [&draw] { return draw.Uniform() >= 0.25; };
  for (int i = 0; i < count; ++i) {
    VideoInputs video;
    const double views = i % 50 == 0 ? 0.0 : std::round(std::exp(draw.Between(0, std::log(1e9))));
    video.views = views;
    if (known()) video.shares = std::round(views * std::exp(draw.Between(std::log(1e-5), std::log(2.0))));
    if (known()) video.comments = std::round(views * std::exp(draw.Between(std::log(1e-6), std::log(0.5))));
    if (known()) video.downloads = std::round(views * std::exp(draw.Between(std::log(1e-6), std::log(0.5))));
    if (known()) video.duration_sec = std::round(draw.Between(1, 600));
    if (known()) video.verified = draw.Uniform() < 0.3;
    if (known()) video.author_status = static_cast<AuthorStatus>(static_cast<int>(draw.Uniform() * 3));
    videos.push_back(video);
  }
  return videos;
}

}  // namespace

TEST_CASE("packed forward matches plain forward") {
  Draw draw(31);
  // Widths that fill panels of 4, 8 and 16 lanes exactly, partly, or with a single output.
  const std::vector<std::vector<int>> shapes = {{8, 1}, {8, 5}, {8, 16}, {3, 4, 8}, {8, 17, 33, 3}, {8, 64, 32, 5}};
  for (const std::vector<int>& shape : shapes) {
    for (Activation activation : {Activation::identity, Activation::relu, Activation::leaky_relu, Activation::tanh}) {
      CAPTURE(shape.size());
      CAPTURE(shape[1]);
      CAPTURE(ActivationName(activation));
      const Network network = RandomNetwork(shape, activation, Activation::identity, draw);
      REQUIRE(network.Validate() == "");
      std::vector<float> scratch(static_cast<size_t>(network.scratch_size()));
      std::vector<float> fast(static_cast<size_t>(network.outputs())), plain(fast.size());
      for (int row = 0; row < 50; ++row) {
        std::vector<float> input(static_cast<size_t>(network.inputs()));
        for (float& x : input) x = static_cast<float>(draw.Between(-3, 3));
        network.Forward(input.data(), fast.data(), scratch.data());
        network.ForwardPlain(input.data(), plain.data(), scratch.data());
        for (size_t k = 0; k < fast.size(); ++k) CHECK(fast[k] == Near(plain[k]));
      }
    }
  }
}

TEST_CASE("packed forward writes only the outputs") {
  Draw draw(5);
  const Network network = RandomNetwork({8, 12, 5}, Activation::leaky_relu, Activation::identity, draw);
  std::vector<float> scratch(static_cast<size_t>(network.scratch_size()));
  std::vector<float> input(8, 0.5f);
  std::vector<float> output(8, -7.0f);   // 5 outputs, then 3 floats the pass must leave alone
  network.Forward(input.data(), output.data(), scratch.data());
  for (size_t k = 5; k < output.size(); ++k) CHECK(output[k] == -7.0f);
}

TEST_CASE("shipped model networks match tiny-dnn") {
  const Model& model = ShippedModel();
  std::vector<const Network*> members = {&model.network};
  for (const Network& member : model.ensemble) members.push_back(&member);
  Draw draw(77);
  for (size_t m = 0; m < members.size(); ++m) {
    CAPTURE(m);
    const Network& network = *members[m];
    std::vector<float> scratch(static_cast<size_t>(network.scratch_size()));
    std::vector<float> fast(static_cast<size_t>(network.outputs()));
    for (int row = 0; row < 100; ++row) {
      std::vector<float> input(kFeatureCount);
      for (float& x : input) x = static_cast<float>(draw.Between(-3, 3));
      network.Forward(input.data(), fast.data(), scratch.data());
      const std::vector<float> reference = PredictWithTinyDnn(network, input);
      REQUIRE(reference.size() == fast.size());
      for (size_t k = 0; k < fast.size(); ++k)
        CHECK(std::fabs(fast[k] - reference[k]) <= 1e-5 * std::max(1.0f, std::fabs(reference[k])));
    }
  }
}

TEST_CASE("fast path predictions match the plain path") {
  const Model& fast = ShippedModel();
  Model plain = fast;
  plain.plain_forward = true;

  int with_missing = 0;
  for (const VideoInputs& video : VariedVideos(3000)) {
    CAPTURE(*video.views);
    const Prediction a = fast.Predict(video);
    const Prediction b = plain.Predict(video);
    CHECK(a.likes == Near(b.likes));
    CHECK(a.p10 == Near(b.p10));
    CHECK(a.p90 == Near(b.p90));
    CHECK(a.assumed == b.assumed);
    CHECK(a.used.downloads == b.used.downloads);
    CHECK(fast.PredictLikes(a.used) == Near(plain.PredictLikes(b.used)));
    if (!a.assumed.empty()) ++with_missing;
  }
  // About 82% of the videos miss at least one of six inputs, each missing a quarter of the time.
  CHECK(with_missing > 2000);
  CHECK(with_missing < 3000);
}

}  // namespace likecast
