// Explanations: Shapley attributions against the typical video with the same views.
#include <doctest/doctest.h>

#include <cmath>

#include "test_model.h"
#include "core/advice/explain.h"

namespace likecast {
namespace {

double SumOfParts(const Explanation& e) {
  double sum = 0;
  for (const Attribution& part : e.parts) sum += part.likes;
  return sum;
}

const Attribution& PartFor(const Explanation& e, InputField field) {
  for (const Attribution& part : e.parts)
    if (part.field == field) return part;
  FAIL("no part for " << InputFieldName(field));
  return e.parts.front();
}

}  // namespace

TEST_CASE("explanation baseline is the typical video") {
  const std::vector<VideoRecord> rows = testing::AdviceVideos(2000);
  const Model model = testing::MakeLinearModel(rows);
  const CompleteInputs typical = TypicalVideo(model, 50000);
  const ViewBand& band = model.imputer.BandFor(50000);
  CHECK(typical.views == 50000);
  CHECK(typical.shares == std::round(band.share_rate * 50000));
  CHECK(typical.duration_sec == std::round(band.duration_sec));

  const Explanation e = Explain(model, typical);
  REQUIRE(e.error.empty());
  CHECK(e.likes == doctest::Approx(e.baseline_likes));
  for (const Attribution& part : e.parts) CHECK(part.likes == doctest::Approx(0.0));
}

TEST_CASE("explanation parts add up to prediction minus baseline") {
  const std::vector<VideoRecord> rows = testing::AdviceVideos(2000);
  const Model model = testing::MakeLinearModel(rows);
  for (const VideoRecord& row : {rows[0], rows[7], rows[123], rows[999]}) {
    const CompleteInputs inputs = CompleteFromRecord(row, model.imputer);
    const Explanation e = Explain(model, inputs);
    REQUIRE(e.error.empty());
    CAPTURE(row.line);
    CHECK(e.parts.size() == 6);
    CHECK(e.likes == doctest::Approx(model.PredictLikes(inputs)));
    CHECK(SumOfParts(e) == doctest::Approx(e.likes - e.baseline_likes).epsilon(1e-9));
    for (size_t i = 1; i < e.parts.size(); ++i) CHECK(std::fabs(e.parts[i - 1].likes) >= std::fabs(e.parts[i].likes));
  }
}

TEST_CASE("explanation of one changed input") {
  const std::vector<VideoRecord> rows = testing::AdviceVideos(2000);
  const Model model = testing::MakeLinearModel(rows);
  CompleteInputs inputs = TypicalVideo(model, 20000);
  inputs.shares *= 3;
  const Explanation e = Explain(model, inputs);
  REQUIRE(e.error.empty());
  // With only shares changed, shares take the whole difference and every other input none.
  CHECK(PartFor(e, InputField::shares).likes == doctest::Approx(e.likes - e.baseline_likes));
  CHECK(PartFor(e, InputField::shares).likes > 0);
  CHECK(PartFor(e, InputField::comments).likes == doctest::Approx(0.0));
  CHECK(PartFor(e, InputField::author_status).likes == doctest::Approx(0.0));
  CHECK(e.parts.front().field == InputField::shares);
}

TEST_CASE("explanation of two changed inputs") {
  const std::vector<VideoRecord> rows = testing::AdviceVideos(2000);
  const Model model = testing::MakeLinearModel(rows);
  const CompleteInputs base = TypicalVideo(model, 20000);
  CompleteInputs inputs = base;
  inputs.shares *= 2;
  inputs.author_status = AuthorStatus::banned;
  const Explanation e = Explain(model, inputs);
  REQUIRE(e.error.empty());

  // The Shapley value of two players: the mean of each one's effect added first and added second.
  CompleteInputs only_shares = base;
  only_shares.shares = inputs.shares;
  CompleteInputs only_banned = base;
  only_banned.author_status = AuthorStatus::banned;
  const double f_none = model.PredictLikes(base);
  const double f_shares = model.PredictLikes(only_shares);
  const double f_banned = model.PredictLikes(only_banned);
  const double f_both = model.PredictLikes(inputs);
  CHECK(PartFor(e, InputField::shares).likes == doctest::Approx(0.5 * ((f_shares - f_none) + (f_both - f_banned))));
  CHECK(PartFor(e, InputField::author_status).likes == doctest::Approx(0.5 * ((f_banned - f_none) + (f_both - f_shares))));
  CHECK(PartFor(e, InputField::author_status).likes < 0);
  CHECK(PartFor(e, InputField::author_status).value_text == "banned");
  CHECK(PartFor(e, InputField::author_status).baseline_text == "active");
}

TEST_CASE("explanation errors") {
  const std::vector<VideoRecord> rows = testing::AdviceVideos(500);
  const Model model = testing::MakeLinearModel(rows);
  CompleteInputs inputs = TypicalVideo(model, 1000);
  inputs.views = 0;
  CHECK(Explain(model, inputs).error == "views must be above 0 to explain a prediction, got 0");
  CHECK(Explain(Model(), TypicalVideo(model, 1000)).error ==
        "the model has no imputation table, so there is no typical video to compare with; load a trained model");
}

}  // namespace likecast
