// Recommendations: targets from the benchmarks, gains from the model, ranking and the duration check.
#include <doctest/doctest.h>

#include <cmath>

#include "test_model.h"
#include "core/advice/recommend.h"

namespace likecast {
namespace {

VideoInputs AsVideoInputs(const CompleteInputs& in) {
  VideoInputs out;
  out.views = in.views;
  out.shares = in.shares;
  out.comments = in.comments;
  out.downloads = in.downloads;
  out.duration_sec = in.duration_sec;
  out.verified = in.verified;
  out.author_status = in.author_status;
  return out;
}

VideoInputs WithTarget(const CompleteInputs& in, const Recommendation& r) {
  VideoInputs out = AsVideoInputs(in);
  switch (r.lever) {
    case Lever::shares: out.shares = r.target.value; break;
    case Lever::comments: out.comments = r.target.value; break;
    case Lever::downloads: out.downloads = r.target.value; break;
    case Lever::duration_sec: out.duration_sec = r.target.value; break;
  }
  return out;
}

const Recommendation& Find(const RecommendResult& result, Lever lever) {
  for (const Recommendation& r : result.recommendations)
    if (r.lever == lever) return r;
  FAIL("no recommendation for " << LeverName(lever));
  return result.recommendations.front();
}

// A small active, not verified video well below the typical rates of its band.
CompleteInputs WeakVideo(const Model& model) {
  CompleteInputs in;
  in.views = 20000;
  const BenchmarkGroup& group = FindBenchmark(model.benchmarks, in.views, false, AuthorStatus::active);
  in.shares = std::round(group.At(BenchmarkMetric::share_rate, 10) * in.views);
  in.comments = std::round(group.At(BenchmarkMetric::comment_rate, 10) * in.views);
  in.downloads = std::round(group.At(BenchmarkMetric::download_rate, 10) * in.views);
  in.duration_sec = 40;
  return in;
}

}  // namespace

TEST_CASE("recommendation gains are the model's difference in prediction") {
  const std::vector<VideoRecord> rows = testing::AdviceVideos(3000);
  const Model model = testing::MakeLinearModel(rows);
  for (const VideoRecord& row : {rows[1], rows[42], rows[500], rows[2999]}) {
    const CompleteInputs inputs = CompleteFromRecord(row, model.imputer);
    const RecommendResult result = RecommendFor(model, inputs);
    REQUIRE(result.error.empty());
    REQUIRE(result.recommendations.size() == 4);
    CAPTURE(row.line);
    CHECK(result.likes == doctest::Approx(model.Predict(AsVideoInputs(inputs)).likes));
    for (const Recommendation& r : result.recommendations) {
      CAPTURE(r.lever_name);
      // The number `likecast predict` prints with the lever at its target.
      const double predicted = model.Predict(WithTarget(inputs, r)).likes;
      CHECK(r.target.likes == doctest::Approx(predicted));
      CHECK(r.target.gain == doctest::Approx(predicted - result.likes));
      CHECK(r.target.value == std::round(r.target.value));
    }
    for (size_t i = 1; i < result.recommendations.size(); ++i)
      CHECK(result.recommendations[i - 1].target.gain >= result.recommendations[i].target.gain);
  }
}

TEST_CASE("recommendation targets for a weak video") {
  const std::vector<VideoRecord> rows = testing::AdviceVideos(3000);
  const Model model = testing::MakeLinearModel(rows);
  const CompleteInputs inputs = WeakVideo(model);
  const RecommendResult result = RecommendFor(model, inputs);
  REQUIRE(result.error.empty());
  const BenchmarkGroup& group = FindBenchmark(model.benchmarks, inputs.views, false, AuthorStatus::active);
  CHECK(result.group == DescribeGroup(model.benchmarks, group));

  const Recommendation& shares = Find(result, Lever::shares);
  CHECK(shares.percentile == doctest::Approx(10).epsilon(0.05));
  CHECK(shares.target_percentile == 50);
  CHECK(shares.target.value == std::round(group.At(BenchmarkMetric::share_rate, 50) * inputs.views));
  CHECK(shares.typical.value == shares.target.value);
  CHECK(shares.strong.value == std::round(group.At(BenchmarkMetric::share_rate, 75) * inputs.views));
  CHECK(shares.strong.gain > shares.typical.gain);
  CHECK(shares.typical.gain > 0);
  CHECK(shares.action.find("more shares") != std::string::npos);
  // Shares carry the largest weight of the three rates in the test model.
  CHECK(result.recommendations.front().lever == Lever::shares);
}

TEST_CASE("recommendation for a rate above P90") {
  const std::vector<VideoRecord> rows = testing::AdviceVideos(3000);
  const Model model = testing::MakeLinearModel(rows);
  CompleteInputs inputs = WeakVideo(model);
  const BenchmarkGroup& group = FindBenchmark(model.benchmarks, inputs.views, false, AuthorStatus::active);
  inputs.comments = std::round(group.At(BenchmarkMetric::comment_rate, 95) * inputs.views);
  const RecommendResult result = RecommendFor(model, inputs);
  const Recommendation& comments = Find(result, Lever::comments);
  CHECK(comments.already_strong);
  CHECK(comments.target.value == inputs.comments);
  CHECK(comments.target.gain == 0);
  CHECK(comments.action == "Keep doing what earned them: this comment rate is already above P90 of similar videos.");
}

TEST_CASE("recommendation when no step helps") {
  const std::vector<VideoRecord> rows = testing::AdviceVideos(3000);
  testing::LinearModelSpec weights;
  weights.weights[1] = -0.5f;   // likes fall as the share rate rises
  const Model model = testing::MakeLinearModel(rows, weights);
  const CompleteInputs inputs = WeakVideo(model);
  const RecommendResult result = RecommendFor(model, inputs);
  const Recommendation& shares = Find(result, Lever::shares);
  // Every step loses likes, so the target is the step that loses the least: the nearest, P50.
  CHECK(shares.target_percentile == 50);
  CHECK(shares.target.gain < 0);
  CHECK(shares.strong.gain < shares.target.gain);
  CHECK(result.recommendations.back().lever == Lever::shares);
  CHECK(shares.action.rfind("More shares do not raise the model's prediction for this video", 0) == 0);
}

TEST_CASE("recommendation on duration follows the data check") {
  const std::vector<VideoRecord> rows = testing::AdviceVideos(3000);
  Model model = testing::MakeLinearModel(rows);
  const CompleteInputs inputs = WeakVideo(model);

  SUBCASE("no duration effect in the data keeps the current length") {
    // The synthetic videos draw likes independently of duration.
    const RecommendResult result = RecommendFor(model, inputs);
    const Recommendation& duration = Find(result, Lever::duration_sec);
    CHECK_FALSE(duration.data_backed);
    CHECK(duration.target.value == inputs.duration_sec);
    CHECK(duration.target.gain == 0);
    // The model itself prefers the shortest length, which the advice reports but does not ask for.
    CHECK(duration.strong.value < inputs.duration_sec);
    CHECK(duration.strong.gain > 0);
    CHECK(duration.action ==
          "Keep the length the content needs: in the training data the like rate does not change with length.");
  }
  SUBCASE("a duration effect in the data asks for the length the model prefers") {
    for (InputImportance& item : model.insights.importance)
      if (item.input == "duration_sec") item.explained = 0.05;
    const RecommendResult result = RecommendFor(model, inputs);
    const Recommendation& duration = Find(result, Lever::duration_sec);
    CHECK(duration.data_backed);
    const BenchmarkGroup& group = FindBenchmark(model.benchmarks, inputs.views, false, AuthorStatus::active);
    // The test model's likes fall with length, so the best length is the group's P5.
    CHECK(duration.target.value == std::round(group.At(BenchmarkMetric::duration_sec, 5)));
    CHECK(duration.target.gain > 0);
    CHECK(duration.action.rfind("Cut it to about", 0) == 0);
  }
}

TEST_CASE("recommendation errors") {
  const std::vector<VideoRecord> rows = testing::AdviceVideos(500);
  Model model = testing::MakeLinearModel(rows);
  CompleteInputs inputs = WeakVideo(model);
  inputs.views = 0;
  CHECK(RecommendFor(model, inputs).error == "views must be above 0 to compare the video with similar ones, got 0");
  model.benchmarks = Benchmarks();
  CHECK(RecommendFor(model, WeakVideo(testing::MakeLinearModel(rows))).error ==
        "the model has no benchmarks of similar videos; train it again with this version of likecast");
  CHECK(Recommend(model, inputs).empty());
}

}  // namespace likecast

namespace likecast {

TEST_CASE("duration effect of the model") {
  const std::vector<VideoRecord> rows = testing::AdviceVideos(1000);
  std::vector<CompleteInputs> videos;
  for (const VideoRecord& row : rows) videos.push_back(CompleteFromRecord(row, Imputer::Fit(rows)));

  SUBCASE("a model that ignores duration does not move") {
    testing::LinearModelSpec weights;
    weights.weights[4] = 0.0f;
    const DurationEffect effect = MeasureDurationEffect(testing::MakeLinearModel(rows, weights), videos);
    CHECK(effect.videos == videos.size());
    CHECK(effect.median_swing == 0);
    CHECK(effect.p90_swing == 0);
  }
  SUBCASE("a model that falls with duration moves by its range") {
    const Model model = testing::MakeLinearModel(rows);
    const DurationEffect effect = MeasureDurationEffect(model, videos);
    const BenchmarkGroup& all = OverallBenchmark(model.benchmarks);
    CHECK(effect.min_sec == std::round(all.At(BenchmarkMetric::duration_sec, 5)));
    CHECK(effect.max_sec == std::round(all.At(BenchmarkMetric::duration_sec, 95)));
    CHECK(effect.median_swing > 0);
    CHECK(effect.p90_swing >= effect.median_swing);
    // Copies of one video all swing by the same hand-worked amount: the model falls with length, so the
    // shortest length gives the most likes and the longest the fewest.
    const std::vector<CompleteInputs> copies(5, videos[0]);
    const DurationEffect same = MeasureDurationEffect(model, copies);
    CompleteInputs video = videos[0];
    const double now = model.PredictLikes(video);
    video.duration_sec = effect.min_sec;
    const double shortest = model.PredictLikes(video);
    video.duration_sec = effect.max_sec;
    const double longest = model.PredictLikes(video);
    CHECK(same.videos == 5);
    CHECK(same.median_swing == doctest::Approx((shortest - longest) / now));
    CHECK(same.p90_swing == same.median_swing);
  }
}

}  // namespace likecast
