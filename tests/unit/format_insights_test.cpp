// The wording of the insights highlights: every input reads as a singular noun
// ("the view count explains", never "the views explains").
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/advice/insights.h"

namespace likecast {
namespace {

// Insights with only what InsightHighlights reads: five like-rate percentiles, a correlation row and the
// importance of two inputs, largest first.
Insights InsightsNaming(const std::string& top, const std::string& last) {
  Insights insights;
  insights.rows = 10;
  insights.like_rate_percentiles = {0.1, 0.2, 0.3, 0.4, 0.5};
  insights.rate_names = {"like_rate", "views"};
  insights.correlations = {{1.0, 0.5}, {0.5, 1.0}};
  insights.importance = {{top, 0.25}, {last, 0.001}};
  return insights;
}

bool Contains(const std::vector<std::string>& lines, const std::string& text) {
  for (const std::string& line : lines)
    if (line == text) return true;
  return false;
}

TEST_CASE("insights highlights name views as the view count") {
  const std::vector<std::string> lines = InsightHighlights(InsightsNaming("views", "verified"));
  CHECK(Contains(lines, "The like rate moves most with the view count (Spearman 0.5)."));
  CHECK(Contains(lines, "On its own, the view count explains 25% of the variance of the log like rate; the verified "
                        "status explains 0.1%."));
}

TEST_CASE("insights highlights keep singular input names") {
  const std::vector<std::string> lines = InsightHighlights(InsightsNaming("share_rate", "duration_sec"));
  CHECK(Contains(lines, "On its own, the share rate explains 25% of the variance of the log like rate; the duration "
                        "explains 0.1%."));
}

}  // namespace
}  // namespace likecast
