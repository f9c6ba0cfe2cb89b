// Tests of the accuracy metrics on a small example worked out by hand.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "core/model/metrics.h"

namespace likecast {

TEST_CASE("metrics on a hand-computed example") {
  const std::vector<double> actual = {0, 10, 100, 1000};
  const std::vector<double> predicted = {1, 12, 90, 1100};
  const std::vector<double> low = {0, 5, 95, 900};
  const std::vector<double> high = {2, 15, 99, 1200};
  const RegressionMetrics m = ComputeMetrics(actual, predicted, low, high);

  CHECK(m.rows == 4);
  // Mean 277.5; total sum of squares 702,075; residual sum of squares 1 + 4 + 100 + 10,000 = 10,105.
  CHECK(m.r2 == doctest::Approx(1.0 - 10105.0 / 702075.0));
  // The same on log1p of both columns.
  CHECK(m.r2_log == doctest::Approx(0.97993265229));
  // (1 + 2 + 10 + 100) / 4.
  CHECK(m.mae == doctest::Approx(28.25));
  // Relative errors 1 (actual 0 counts as 1), 0.2, 0.1, 0.1: the median is 0.15.
  CHECK(m.medape_percent == doctest::Approx(15.0));
  // 100 lies above its range [95, 99]; the other three are inside.
  CHECK(m.coverage == doctest::Approx(0.75));
  // Widths over the prediction: 2, 0.833, 0.044, 0.273; the median is (0.2727 + 0.8333) / 2.
  CHECK(m.median_relative_width == doctest::Approx((300.0 / 1100.0 + 10.0 / 12.0) / 2.0));
}

TEST_CASE("metrics without a range") {
  const RegressionMetrics m = ComputeMetrics({1, 2, 3}, {1, 2, 3});
  CHECK(m.r2 == doctest::Approx(1.0));
  CHECK(m.mae == 0.0);
  CHECK(std::isnan(m.coverage));
  CHECK(std::isnan(m.median_relative_width));
}

TEST_CASE("metrics of mismatched columns are empty") {
  const RegressionMetrics m = ComputeMetrics({1, 2, 3}, {1, 2});
  CHECK(m.rows == 3);
  CHECK(m.mae == 0.0);
}

}  // namespace likecast
