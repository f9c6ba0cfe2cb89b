// Insights: like-rate summary, correlations, segments, curves, importance and the model file section.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_model.h"
#include "core/advice/insights.h"

namespace likecast {
namespace {

// 100 videos with 1,000 views: like rate i / 100 for i = 1..100, shares rising and comments falling with
// likes, verified videos the even ones, claim videos and 10 s videos the first half (the rest last 40 s).
std::vector<VideoRecord> Ladder() {
  std::vector<VideoRecord> rows;
  for (int i = 1; i <= 100; ++i) {
    VideoRecord row;
    row.video_id = i;
    row.likes = 10.0 * i;
    row.inputs.views = 1000;
    row.inputs.shares = i;
    row.inputs.comments = 101 - i;
    row.inputs.downloads = 7;
    row.inputs.duration_sec = i <= 50 ? 10 : 40;
    row.inputs.verified = i % 2 == 0;
    row.inputs.author_status = AuthorStatus::active;
    row.claim = i <= 50;
    rows.push_back(row);
  }
  return rows;
}

const SegmentSummary* Segment(const Insights& insights, const std::string& name) {
  for (const SegmentSummary& s : insights.segments)
    if (s.name == name) return &s;
  return nullptr;
}

double Importance(const Insights& insights, const std::string& input) {
  for (const InputImportance& i : insights.importance)
    if (i.input == input) return i.explained;
  return -1;
}

}  // namespace

TEST_CASE("insights of a like-rate ladder") {
  const Insights insights = ComputeInsights(Ladder());
  REQUIRE(insights.error.empty());
  CHECK(insights.rows == 100);
  REQUIRE(insights.like_rate_percentiles.size() == 5);
  CHECK(insights.like_rate_percentiles[2] == doctest::Approx(0.505));

  SUBCASE("histogram counts every video once") {
    size_t total = 0;
    for (const HistogramBin& bin : insights.like_rate_histogram) total += bin.count;
    CHECK(total == 100);
    CHECK(insights.like_rate_histogram.front().low == 0);
    CHECK(insights.like_rate_histogram.back().high == doctest::Approx(1.0));
  }
  SUBCASE("rank correlations") {
    REQUIRE(insights.rate_names[0] == "like_rate");
    REQUIRE(insights.rate_names[1] == "share_rate");
    REQUIRE(insights.rate_names[2] == "comment_rate");
    CHECK(insights.correlations[0][1] == doctest::Approx(1.0));
    CHECK(insights.correlations[0][2] == doctest::Approx(-1.0));
    CHECK(insights.correlations[0][3] == doctest::Approx(0.0));   // constant downloads
    CHECK(insights.correlations[2][0] == insights.correlations[0][2]);
  }
  SUBCASE("segments") {
    REQUIRE(Segment(insights, "claim") != nullptr);
    CHECK(Segment(insights, "claim")->rows == 50);
    CHECK(Segment(insights, "claim")->median_like_rate == doctest::Approx(0.255));
    CHECK(Segment(insights, "opinion")->median_like_rate == doctest::Approx(0.755));
    CHECK(Segment(insights, "verified")->rows == 50);
    CHECK(Segment(insights, "banned") == nullptr);   // empty segments are left out
    CHECK(insights.segments.front().name == "all");
  }
  SUBCASE("duration curve") {
    REQUIRE(insights.duration_curve.size() == 2);
    CHECK(insights.duration_curve[0].low == 10);
    CHECK(insights.duration_curve[0].rows == 50);
    CHECK(insights.duration_curve[1].x == 40);
    CHECK(insights.duration_curve[1].median_like_rate == doctest::Approx(0.755));
  }
  SUBCASE("importance") {
    // The share rate sets the like rate exactly, but deciles keep the spread within each bin;
    // verified alternates, so it explains nothing.
    CHECK(insights.importance.front().input == "share_rate");
    CHECK(Importance(insights, "share_rate") > 0.9);
    CHECK(Importance(insights, "verified") == 0);
    CHECK(Importance(insights, "claim_status") == doctest::Approx(Importance(insights, "duration_sec")));
  }
}

TEST_CASE("insights of no usable rows") {
  std::vector<VideoRecord> rows = Ladder();
  for (VideoRecord& row : rows) row.likes.reset();
  const Insights insights = ComputeInsights(rows);
  CHECK(insights.error == "no videos with views above 0 and a like count to summarise; check the views and likes columns");
  CHECK(insights.rows == 0);
}

TEST_CASE("insights highlights") {
  const std::vector<std::string> lines = InsightHighlights(ComputeInsights(Ladder()));
  REQUIRE(lines.size() >= 4);
  CHECK(lines[0] == "Across 100 videos the median like rate is 50.5 likes per 100 views; half of them get between 25.8 and "
                    "75.2, and 1 in 10 gets over 90.1.");
  CHECK(lines[1] == "The like rate moves most with the share rate (Spearman 1).");
}

TEST_CASE("insights JSON round trip and rejection") {
  const Insights original = ComputeInsights(testing::AdviceVideos(1500));
  const nlohmann::json good = nlohmann::json::parse(InsightsToJson(original).dump());
  Insights read;
  REQUIRE(InsightsFromJson(good, &read) == "");
  CHECK(read.rows == original.rows);
  CHECK(read.segments.size() == original.segments.size());
  CHECK(read.duration_curve.size() == original.duration_curve.size());
  CHECK(read.importance.front().input == original.importance.front().input);
  CHECK(read.like_rate_percentiles[2] == doctest::Approx(original.like_rate_percentiles[2]).epsilon(1e-3));
  // Written again, the summary is the same text: the file is stable across a load and a save.
  CHECK(InsightsToJson(read).dump() == InsightsToJson(original).dump());

  SUBCASE("a correlation row of the wrong length") {
    nlohmann::json bad = good;
    bad["correlations"][2].erase(0);
    CHECK(InsightsFromJson(bad, &read) == "insights.correlations[2] has 5 values, expected 6");
  }
  SUBCASE("a missing curve field") {
    nlohmann::json bad = good;
    bad["duration_curve"][1].erase("rows");
    CHECK(InsightsFromJson(bad, &read) == "insights.duration_curve[1] has no \"rows\" field");
  }
  SUBCASE("a share explained above 1") {
    nlohmann::json bad = good;
    bad["importance"][0]["explained"] = 1.5;
    CHECK(InsightsFromJson(bad, &read) == "insights.importance[0].explained is outside 0 to 1");
  }
  SUBCASE("not an object") {
    CHECK(InsightsFromJson(nlohmann::json::array(), &read) == "insights is not a JSON object");
  }
}

}  // namespace likecast
