// Benchmarks: percentiles per view band and segment, the fallback for sparse
// segments, the text helpers, and the model file section.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_model.h"
#include "core/advice/benchmarks.h"
#include "core/model/model_io.h"

namespace likecast {
namespace {

// 101 videos with 1,000 views and 0, 10, 20, ..., 1,000 shares: share rates 0.00 to 1.00 in steps of 0.01,
// so the share rate at percentile p is p / 100.
std::vector<VideoRecord> EvenShareRates(bool verified = false, AuthorStatus status = AuthorStatus::active) {
  std::vector<VideoRecord> rows;
  for (int i = 0; i <= 100; ++i) {
    VideoRecord row;
    row.video_id = i;
    row.likes = 100.0 + i;
    row.inputs.views = 1000;
    row.inputs.shares = 10.0 * i;
    row.inputs.comments = 5;
    row.inputs.downloads = 0;
    row.inputs.duration_sec = 10 + i % 50;
    row.inputs.verified = verified;
    row.inputs.author_status = status;
    rows.push_back(row);
  }
  return rows;
}

BenchmarkOptions OneBand(size_t min_rows = 100) {
  BenchmarkOptions options;
  options.band_count = 1;
  options.min_rows = min_rows;
  return options;
}

}  // namespace

TEST_CASE("benchmark percentiles of evenly spread rates") {
  const Benchmarks benchmarks = ComputeBenchmarks(EvenShareRates(), OneBand());
  REQUIRE_FALSE(benchmarks.empty());
  const BenchmarkGroup& all = OverallBenchmark(benchmarks);
  CHECK(all.rows == 101);
  for (int k = 0; k < kBenchmarkPercentileCount; ++k) {
    CAPTURE(kBenchmarkPercentiles[k]);
    CHECK(all.values[1][k] == doctest::Approx(kBenchmarkPercentiles[k] / 100.0));
  }
  SUBCASE("constant metrics give the same value at every percentile") {
    CHECK(all.At(BenchmarkMetric::comment_rate, 5) == doctest::Approx(0.005));
    CHECK(all.At(BenchmarkMetric::comment_rate, 95) == doctest::Approx(0.005));
    CHECK(all.At(BenchmarkMetric::like_rate, 50) == doctest::Approx(0.15));
  }
  SUBCASE("values between stored percentiles are interpolated") {
    CHECK(all.At(BenchmarkMetric::share_rate, 60) == doctest::Approx(0.60));
    CHECK(all.PercentileOf(BenchmarkMetric::share_rate, 0.5) == doctest::Approx(50));
    CHECK(all.PercentileOf(BenchmarkMetric::share_rate, 0.6) == doctest::Approx(60));
  }
  SUBCASE("ranks outside the stored percentiles stay within 0 to 100") {
    CHECK(all.PercentileOf(BenchmarkMetric::share_rate, 0.0) == doctest::Approx(0));
    CHECK(all.PercentileOf(BenchmarkMetric::share_rate, 0.025) == doctest::Approx(2.5));
    CHECK(all.PercentileOf(BenchmarkMetric::share_rate, 1.9) == doctest::Approx(100 - 5 * 0.95 / 1.9));
  }
  SUBCASE("a value shared by several stored percentiles ranks in the middle of them") {
    // Downloads are 0 for every video, so P5 to P95 are all 0.
    CHECK(all.PercentileOf(BenchmarkMetric::download_rate, 0.0) == doctest::Approx(47.5));
  }
}

TEST_CASE("benchmark bands and segments") {
  std::vector<VideoRecord> rows = EvenShareRates(false, AuthorStatus::active);
  for (VideoRecord row : EvenShareRates(true, AuthorStatus::banned)) {
    row.inputs.views = 100000;
    row.inputs.shares = *row.inputs.shares * 100 / 2;   // half the share rate of the small videos
    rows.push_back(row);
  }
  BenchmarkOptions options;
  options.band_count = 2;
  const Benchmarks benchmarks = ComputeBenchmarks(rows, options);
  REQUIRE(benchmarks.band_min_views.size() == 2);
  CHECK(benchmarks.band_min_views[1] == 100000);
  CHECK(BenchmarkBandIndex(benchmarks, 50) == 0);
  CHECK(BenchmarkBandIndex(benchmarks, 100000) == 1);

  SUBCASE("a video is compared with its own cell") {
    const BenchmarkGroup& big = FindBenchmark(benchmarks, 500000, true, AuthorStatus::banned);
    CHECK(big.band == 1);
    CHECK(big.verified == std::optional<bool>(true));
    CHECK(big.status == std::optional<AuthorStatus>(AuthorStatus::banned));
    CHECK(big.At(BenchmarkMetric::share_rate, 50) == doctest::Approx(0.25));
    CHECK(DescribeGroup(benchmarks, big) == "videos with 100K+ views from verified, banned accounts");
  }
  SUBCASE("a sparse cell falls back to its band") {
    const BenchmarkGroup& small = FindBenchmark(benchmarks, 1000, true, AuthorStatus::under_review);
    CHECK(small.band == 0);
    CHECK_FALSE(small.verified.has_value());
    CHECK_FALSE(small.status.has_value());
    CHECK(small.rows == 101);
    CHECK(DescribeGroup(benchmarks, small) == "videos with under 100K views");
  }
  SUBCASE("cells below min_rows are left out") {
    BenchmarkOptions strict = options;
    strict.min_rows = 102;
    const Benchmarks sparse = ComputeBenchmarks(rows, strict);
    CHECK(sparse.groups.size() == 3);   // every video, and one group per band
  }
}

TEST_CASE("benchmark text") {
  CHECK(DescribePerViews(0.025, "share") == "about 1 share per 40 views");
  CHECK(DescribePerViews(1.0 / 1234.0, "comment") == "about 1 comment per 1,200 views");
  CHECK(DescribePerViews(0.3, "like") == "about 30 likes per 100 views");
  CHECK(DescribePerViews(0.0, "download") == "no downloads");
  CHECK(FormatCountBrief(979) == "979");
  CHECK(FormatCountBrief(-4512) == "-4,512");
  CHECK(FormatCountBrief(35210) == "35.2K");
  CHECK(FormatPercentileRank(62.4) == "P62");
  CHECK(FormatPercentileRank(2) == "below P5");
  CHECK(FormatPercentileRank(97) == "above P95");
}

TEST_CASE("benchmarks JSON round trip") {
  const Benchmarks original = ComputeBenchmarks(testing::AdviceVideos(2000));
  REQUIRE(ValidateBenchmarks(original).empty());
  const nlohmann::json text = nlohmann::json::parse(BenchmarksToJson(original).dump());
  Benchmarks read;
  CHECK(BenchmarksFromJson(text, &read) == "");
  REQUIRE(read.groups.size() == original.groups.size());
  CHECK(read.band_min_views == original.band_min_views);
  for (size_t i = 0; i < read.groups.size(); ++i) {
    CAPTURE(i);
    CHECK(read.groups[i].band == original.groups[i].band);
    CHECK(read.groups[i].verified == original.groups[i].verified);
    CHECK(read.groups[i].status == original.groups[i].status);
    CHECK(read.groups[i].rows == original.groups[i].rows);
    CHECK(read.groups[i].values == original.groups[i].values);
  }
}

TEST_CASE("benchmarks JSON rejects a corrupt section") {
  const nlohmann::json good = nlohmann::json::parse(BenchmarksToJson(ComputeBenchmarks(testing::AdviceVideos(2000))).dump());
  Benchmarks read;
  SUBCASE("a metric with too few values") {
    nlohmann::json bad = good;
    bad["groups"][3]["share_rate"].erase(0);
    CHECK(BenchmarksFromJson(bad, &read) == "benchmarks.groups[3].share_rate has 6 values, expected 7");
  }
  SUBCASE("percentiles out of order") {
    nlohmann::json bad = good;
    bad["groups"][1]["like_rate"][2] = 5.0;
    CHECK(BenchmarksFromJson(bad, &read) == "benchmarks.groups[1].like_rate is not in increasing order");
  }
  SUBCASE("a negative rate") {
    nlohmann::json bad = good;
    bad["groups"][0]["download_rate"][0] = -1.0;
    CHECK(BenchmarksFromJson(bad, &read) == "benchmarks.groups[0].download_rate has a negative or non-finite value");
  }
  SUBCASE("a band index past the last band") {
    nlohmann::json bad = good;
    bad["groups"][2]["band"] = 99;
    CHECK(BenchmarksFromJson(bad, &read) == "benchmarks.groups[2].band is 99, expected -1 to 9");
  }
  SUBCASE("a band without its own group") {
    nlohmann::json bad = good;
    bad["groups"].erase(bad["groups"].begin() + 1);
    CHECK(BenchmarksFromJson(bad, &read) == "benchmarks.groups has no group for view band 0");
  }
  SUBCASE("other percentiles than this version stores") {
    nlohmann::json bad = good;
    bad["percentiles"] = {1, 50, 99};
    CHECK(BenchmarksFromJson(bad, &read) ==
          "benchmarks.percentiles is [1,50,99], expected [5,10,25,50,75,90,95]; train the model again");
  }
  SUBCASE("an unknown account status") {
    nlohmann::json bad = good;
    bad["groups"].back()["status"] = "deleted";
    const std::string where = "benchmarks.groups[" + std::to_string(bad["groups"].size() - 1) + "]";
    CHECK(BenchmarksFromJson(bad, &read) == where + ".status is not active, under_review, banned or null");
  }
  CHECK(read.empty());   // a rejected section leaves the output alone
}

TEST_CASE("model file without a valid benchmarks section") {
  const std::vector<VideoRecord> rows = testing::AdviceVideos(2000);
  const Model model = testing::MakeLinearModel(rows);
  nlohmann::json file = nlohmann::json::parse(ModelToJson(model));
  REQUIRE(ModelFromJson(file.dump()).model.has_value());

  SUBCASE("missing") {
    file.erase("benchmarks");
    const ModelLoadResult result = ModelFromJson(file.dump());
    CHECK_FALSE(result.model.has_value());
    CHECK(result.error == "the model has no \"benchmarks\" section; train the model again with this version");
  }
  SUBCASE("corrupt") {
    file["benchmarks"]["groups"][0]["rows"] = "many";
    const ModelLoadResult result = ModelFromJson(file.dump());
    CHECK_FALSE(result.model.has_value());
    CHECK(result.error == "benchmarks.groups[0].rows is not a whole number of videos");
  }
  SUBCASE("read back intact") {
    const ModelLoadResult result = ModelFromJson(file.dump());
    REQUIRE(result.model.has_value());
    CHECK(result.model->benchmarks.groups.size() == model.benchmarks.groups.size());
    CHECK(result.model->benchmarks.groups.back().values == model.benchmarks.groups.back().values);
  }
}

}  // namespace likecast
