// Insights from a set of videos (see insights.h).
#include "core/advice/insights.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

#include "core/advice/benchmarks.h"
#include "core/common/format.h"

namespace likecast {
namespace {

// One usable row, with every value the insights need. NaN marks an unknown input.
struct Row {
  double views = 0;
  double likes = 0;
  double like_rate = 0;
  double log_like_rate = 0;            // log1p(likes) - log1p(views), the model's target
  double share_rate = NAN;
  double comment_rate = NAN;
  double download_rate = NAN;
  double duration_sec = NAN;
  int verified = -1;                   // -1 unknown, 0 no, 1 yes
  int status = -1;                     // -1 unknown, else AuthorStatus
  int claim = -1;                      // -1 unknown, 0 opinion, 1 claim
};

double Rate(const std::optional<double>& count, double views) { return count ? *count / views : NAN; }

std::vector<Row> UsableRows(const std::vector<VideoRecord>& records) {
  std::vector<Row> rows;
  for (const VideoRecord& record : records) {
    const VideoInputs& in = record.inputs;
    if (!record.likes || !in.views || !(*in.views > 0)) continue;
    Row row;
    row.views = *in.views;
    row.likes = *record.likes;
    row.like_rate = row.likes / row.views;
    row.log_like_rate = std::log1p(row.likes) - std::log1p(row.views);
    row.share_rate = Rate(in.shares, row.views);
    row.comment_rate = Rate(in.comments, row.views);
    row.download_rate = Rate(in.downloads, row.views);
    row.duration_sec = in.duration_sec ? *in.duration_sec : NAN;
    if (in.verified) row.verified = *in.verified ? 1 : 0;
    row.status = in.author_status ? static_cast<int>(*in.author_status) : -1;
    if (record.claim) row.claim = *record.claim ? 1 : 0;
    rows.push_back(row);
  }
  return rows;
}

// Returns what QuantileSorted returns for the values once sorted, without sorting them all.
double Quantile(std::vector<double> values, double fraction) {
  if (values.empty()) return 0.0;
  const double position = fraction * static_cast<double>(values.size() - 1);
  const size_t lower = static_cast<size_t>(std::floor(position));
  const auto nth = values.begin() + static_cast<long>(lower);
  std::nth_element(values.begin(), nth, values.end());
  const double low = *nth;
  const double high = lower + 1 < values.size() ? *std::min_element(nth + 1, values.end()) : low;
  const double weight = position - static_cast<double>(lower);
  return low * (1.0 - weight) + high * weight;
}

std::vector<double> Sorted(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values;
}

// ---------------------------------------------------------------------------
// [SECTION] Spearman rank correlation
// ---------------------------------------------------------------------------

// Ranks with ties sharing their mean rank.
std::vector<double> Ranks(const std::vector<double>& values) {
  std::vector<size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return values[a] < values[b]; });
  std::vector<double> ranks(values.size());
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
    const double mean_rank = 0.5 * static_cast<double>(i + j);
    for (size_t k = i; k <= j; ++k) ranks[order[k]] = mean_rank;
    i = j + 1;
  }
  return ranks;
}

double Pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  if (x.size() < 3) return 0.0;
  const double mean_x = std::accumulate(x.begin(), x.end(), 0.0) / n;
  const double mean_y = std::accumulate(y.begin(), y.end(), 0.0) / n;
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mean_x) * (y[i] - mean_y);
    sxx += (x[i] - mean_x) * (x[i] - mean_x);
    syy += (y[i] - mean_y) * (y[i] - mean_y);
  }
  // A constant column has no correlation with anything.
  return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : 0.0;
}

// Spearman correlation over the rows where both values are known.
double Spearman(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> x, y;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::isnan(a[i]) || std::isnan(b[i])) continue;
    x.push_back(a[i]);
    y.push_back(b[i]);
  }
  return Pearson(Ranks(x), Ranks(y));
}

// ---------------------------------------------------------------------------
// [SECTION] Segments, curves and importance
// ---------------------------------------------------------------------------

SegmentSummary Summarise(const std::string& name, const std::vector<const Row*>& rows) {
  SegmentSummary summary;
  summary.name = name;
  summary.rows = rows.size();
  std::vector<double> views, likes, rates, shares;
  for (const Row* row : rows) {
    views.push_back(row->views);
    likes.push_back(row->likes);
    rates.push_back(row->like_rate);
    if (!std::isnan(row->share_rate)) shares.push_back(row->share_rate);
  }
  summary.median_views = Quantile(std::move(views), 0.5);
  summary.median_likes = Quantile(std::move(likes), 0.5);
  const std::vector<double> sorted_rates = Sorted(std::move(rates));
  summary.median_like_rate = QuantileSorted(sorted_rates, 0.5);
  summary.p25_like_rate = QuantileSorted(sorted_rates, 0.25);
  summary.p75_like_rate = QuantileSorted(sorted_rates, 0.75);
  summary.median_share_rate = Quantile(std::move(shares), 0.5);
  return summary;
}

std::vector<SegmentSummary> Segments(const std::vector<Row>& rows) {
  struct Definition {
    const char* name;
    bool (*member)(const Row&);
  };
  static const Definition definitions[] = {
      {"all", [](const Row&) { return true; }},
      {"verified", [](const Row& r) { return r.verified == 1; }},
      {"not_verified", [](const Row& r) { return r.verified == 0; }},
      {"active", [](const Row& r) { return r.status == static_cast<int>(AuthorStatus::active); }},
      {"under_review", [](const Row& r) { return r.status == static_cast<int>(AuthorStatus::under_review); }},
      {"banned", [](const Row& r) { return r.status == static_cast<int>(AuthorStatus::banned); }},
      {"claim", [](const Row& r) { return r.claim == 1; }},
      {"opinion", [](const Row& r) { return r.claim == 0; }},
  };
  std::vector<SegmentSummary> segments;
  for (const Definition& definition : definitions) {
    std::vector<const Row*> members;
    for (const Row& row : rows)
      if (definition.member(row)) members.push_back(&row);
    if (!members.empty()) segments.push_back(Summarise(definition.name, members));
  }
  return segments;
}

CurvePoint CurveBin(double low, double high, const std::vector<const Row*>& members, double (*x_of)(const Row&)) {
  CurvePoint point;
  point.low = low;
  point.high = high;
  point.rows = members.size();
  std::vector<double> xs, rates;
  for (const Row* row : members) {
    xs.push_back(x_of(*row));
    rates.push_back(row->like_rate);
  }
  point.x = Quantile(std::move(xs), 0.5);
  const std::vector<double> sorted_rates = Sorted(std::move(rates));
  point.median_like_rate = QuantileSorted(sorted_rates, 0.5);
  point.p25_like_rate = QuantileSorted(sorted_rates, 0.25);
  point.p75_like_rate = QuantileSorted(sorted_rates, 0.75);
  return point;
}

// Fixed-width duration bins; the last bin includes its upper edge, so 60 s videos join the 55-60 s bin.
std::vector<CurvePoint> DurationCurve(const std::vector<Row>& rows, double width) {
  std::vector<const Row*> known;
  for (const Row& row : rows)
    if (!std::isnan(row.duration_sec)) known.push_back(&row);
  if (known.empty() || !(width > 0)) return {};
  auto by_duration = [](const Row* a, const Row* b) { return a->duration_sec < b->duration_sec; };
  std::sort(known.begin(), known.end(), by_duration);
  const double min = known.front()->duration_sec;
  const double max = known.back()->duration_sec;
  const double first_edge = std::floor(min / width) * width;
  const int bins = std::max(1, static_cast<int>(std::ceil((max - first_edge) / width)));

  std::vector<std::vector<const Row*>> members(static_cast<size_t>(bins));
  for (const Row* row : known) {
    const int bin = std::min(bins - 1, static_cast<int>(std::floor((row->duration_sec - first_edge) / width)));
    members[static_cast<size_t>(bin)].push_back(row);
  }
  std::vector<CurvePoint> curve;
  for (int b = 0; b < bins; ++b) {
    if (members[static_cast<size_t>(b)].empty()) continue;
    const double low = first_edge + b * width;
    curve.push_back(CurveBin(low, low + width, members[static_cast<size_t>(b)], [](const Row& r) { return r.duration_sec; }));
  }
  return curve;
}

// View-count quantile bins; repeated edges are merged, so every bin has videos.
std::vector<CurvePoint> ViewsCurve(const std::vector<Row>& rows, int bin_count) {
  std::vector<const Row*> sorted;
  for (const Row& row : rows) sorted.push_back(&row);
  std::sort(sorted.begin(), sorted.end(), [](const Row* a, const Row* b) { return a->views < b->views; });
  std::vector<CurvePoint> curve;
  const size_t n = sorted.size();
  size_t start = 0;
  for (int b = 1; b <= bin_count && start < n; ++b) {
    size_t end = b == bin_count ? n : n * static_cast<size_t>(b) / static_cast<size_t>(bin_count);
    while (end < n && end > 0 && sorted[end]->views == sorted[end - 1]->views) ++end;
    if (end <= start) continue;
    const std::vector<const Row*> members(sorted.begin() + static_cast<long>(start), sorted.begin() + static_cast<long>(end));
    curve.push_back(CurveBin(members.front()->views, members.back()->views, members, [](const Row& r) { return r.views; }));
    start = end;
  }
  return curve;
}

// The share of the variance of `target` explained by the means of the groups in `group_of`: the correlation
// ratio adjusted for the number of groups (epsilon squared), so an unrelated input scores about 0, not
// (groups - 1) / rows. Clamped at 0.
double EpsilonSquared(const std::vector<double>& target, const std::vector<int>& group_of) {
  std::vector<double> sum, count;
  double total = 0, n = 0;
  for (size_t i = 0; i < target.size(); ++i) {
    if (group_of[i] < 0) continue;
    const size_t g = static_cast<size_t>(group_of[i]);
    if (g >= sum.size()) sum.resize(g + 1, 0.0), count.resize(g + 1, 0.0);
    sum[g] += target[i];
    count[g] += 1;
    total += target[i];
    n += 1;
  }
  if (n < 2) return 0.0;
  const double mean = total / n;
  double between = 0, all = 0, groups = 0;
  for (size_t g = 0; g < sum.size(); ++g) {
    if (count[g] == 0) continue;
    between += count[g] * std::pow(sum[g] / count[g] - mean, 2);
    groups += 1;
  }
  for (size_t i = 0; i < target.size(); ++i)
    if (group_of[i] >= 0) all += std::pow(target[i] - mean, 2);
  if (!(all > 0) || n <= groups) return 0.0;
  const double mean_square_within = (all - between) / (n - groups);
  return std::max(0.0, (between - (groups - 1) * mean_square_within) / all);
}

// Decile of each known value (ties share a decile); -1 for unknown values.
std::vector<int> Deciles(const std::vector<double>& values) {
  std::vector<double> known;
  for (double v : values)
    if (!std::isnan(v)) known.push_back(v);
  std::sort(known.begin(), known.end());
  std::vector<int> deciles(values.size(), -1);
  for (size_t i = 0; i < values.size(); ++i) {
    if (std::isnan(values[i])) continue;
    const size_t below = static_cast<size_t>(std::lower_bound(known.begin(), known.end(), values[i]) - known.begin());
    deciles[i] = static_cast<int>(10 * below / known.size());
  }
  return deciles;
}

std::vector<InputImportance> Importance(const std::vector<Row>& rows) {
  std::vector<double> target;
  for (const Row& row : rows) target.push_back(row.log_like_rate);
  auto numeric = [&](double Row::*field) {
    std::vector<double> values;
    for (const Row& row : rows) values.push_back(row.*field);
    return EpsilonSquared(target, Deciles(values));
  };
  auto categorical = [&](int Row::*field) {
    std::vector<int> groups;
    for (const Row& row : rows) groups.push_back(row.*field);
    return EpsilonSquared(target, groups);
  };
  std::vector<InputImportance> importance = {
      {"views", numeric(&Row::views)},
      {"share_rate", numeric(&Row::share_rate)},
      {"comment_rate", numeric(&Row::comment_rate)},
      {"download_rate", numeric(&Row::download_rate)},
      {"duration_sec", numeric(&Row::duration_sec)},
      {"verified", categorical(&Row::verified)},
      {"author_status", categorical(&Row::status)},
      {"claim_status", categorical(&Row::claim)},
  };
  std::stable_sort(importance.begin(), importance.end(),
                   [](const InputImportance& a, const InputImportance& b) { return a.explained > b.explained; });
  return importance;
}

std::vector<HistogramBin> Histogram(const std::vector<Row>& rows, int bin_count) {
  std::vector<double> rates;
  for (const Row& row : rows) rates.push_back(row.like_rate);
  const double top = Quantile(rates, 0.99);
  const double max = *std::max_element(rates.begin(), rates.end());
  bin_count = std::max(1, bin_count);
  const double width = top > 0 ? top / bin_count : (max > 0 ? max / bin_count : 1.0);
  std::vector<HistogramBin> bins(static_cast<size_t>(bin_count));
  for (int b = 0; b < bin_count; ++b) bins[static_cast<size_t>(b)] = {b * width, (b + 1) * width, 0};
  bins.back().high = std::max(bins.back().high, max);
  for (double rate : rates) {
    const int bin = std::min(bin_count - 1, static_cast<int>(std::floor(rate / width)));
    ++bins[static_cast<size_t>(bin)].count;
  }
  return bins;
}

}  // namespace

Insights ComputeInsights(const std::vector<VideoRecord>& records, const InsightsOptions& options) {
  Insights insights;
  const std::vector<Row> rows = UsableRows(records);
  insights.rows = rows.size();
  if (rows.empty()) {
    insights.error = "no videos with views above 0 and a like count to summarise; check the views and likes columns";
    return insights;
  }

  std::vector<double> like_rates;
  for (const Row& row : rows) like_rates.push_back(row.like_rate);
  const std::vector<double> sorted_like_rates = Sorted(std::move(like_rates));
  for (double p : kInsightPercentiles) insights.like_rate_percentiles.push_back(QuantileSorted(sorted_like_rates, p / 100.0));
  insights.like_rate_histogram = Histogram(rows, options.histogram_bins);

  insights.rate_names = {"like_rate", "share_rate", "comment_rate", "download_rate", "duration_sec", "views"};
  std::vector<std::vector<double>> columns(insights.rate_names.size());
  for (const Row& row : rows) {
    const double values[] = {row.like_rate, row.share_rate, row.comment_rate, row.download_rate, row.duration_sec, row.views};
    for (size_t c = 0; c < columns.size(); ++c) columns[c].push_back(values[c]);
  }
  const size_t count = columns.size();
  // A column with no unknown value is ranked once: paired with another such column, no row is dropped, so
  // its ranks are the pair's. Ranking each pair anew took most of this function's time.
  std::vector<std::vector<double>> complete_ranks(count);
  for (size_t c = 0; c < count; ++c) {
    const bool complete = std::none_of(columns[c].begin(), columns[c].end(), [](double v) { return std::isnan(v); });
    if (complete) complete_ranks[c] = Ranks(columns[c]);
  }
  insights.correlations.assign(count, std::vector<double>(count, 1.0));
  for (size_t a = 0; a < count; ++a) {
    for (size_t b = a + 1; b < count; ++b) {
      const bool both_complete = !complete_ranks[a].empty() && !complete_ranks[b].empty();
      const double r = both_complete ? Pearson(complete_ranks[a], complete_ranks[b]) : Spearman(columns[a], columns[b]);
      insights.correlations[a][b] = r;
      insights.correlations[b][a] = r;
    }
  }

  insights.segments = Segments(rows);
  insights.duration_curve = DurationCurve(rows, options.duration_bin_sec);
  insights.views_curve = ViewsCurve(rows, options.views_bins);
  insights.importance = Importance(rows);
  return insights;
}

namespace {

const SegmentSummary* FindSegment(const Insights& insights, const std::string& name) {
  for (const SegmentSummary& s : insights.segments)
    if (s.name == name) return &s;
  return nullptr;
}

// "share_rate" -> "share rate", "duration_sec" -> "duration".
std::string DisplayName(const std::string& name) {
  if (name == "duration_sec") return "duration";
  std::string text = name;
  std::replace(text.begin(), text.end(), '_', ' ');
  return text;
}

// An input as a singular noun for a sentence: "view count", "verified status", "share rate".
std::string InputNoun(const std::string& name) {
  if (name == "views") return "view count";
  if (name == "verified") return "verified status";
  return DisplayName(name);
}

std::string LikesPer100(double rate) { return FormatPlain(rate * 100.0, 1) + " likes per 100 views"; }

// "Median like rate of verified accounts: 23.6 likes per 100 views (1,200 videos), against 26.7 for not
// verified (17,884)."
std::string CompareSegments(const Insights& insights, const char* a, const char* b, const char* a_label,
                            const char* b_label) {
  const SegmentSummary* first = FindSegment(insights, a);
  const SegmentSummary* second = FindSegment(insights, b);
  if (!first || !second) return "";
  return std::string("Median like rate of ") + a_label + ": " + LikesPer100(first->median_like_rate) + " (" +
         FormatInteger(static_cast<double>(first->rows)) + (first->rows == 1 ? " video), against " : " videos), against ") +
         FormatPlain(second->median_like_rate * 100.0, 1) + " for " + b_label + " (" +
         FormatInteger(static_cast<double>(second->rows)) + ").";
}

}  // namespace

std::vector<std::string> InsightHighlights(const Insights& insights) {
  std::vector<std::string> lines;
  if (insights.rows == 0 || insights.like_rate_percentiles.size() < 5) return lines;
  const std::vector<double>& p = insights.like_rate_percentiles;
  lines.push_back("Across " + FormatInteger(static_cast<double>(insights.rows)) + " videos the median like rate is " +
                  LikesPer100(p[2]) + "; half of them get between " + FormatPlain(p[1] * 100.0, 1) + " and " +
                  FormatPlain(p[3] * 100.0, 1) + ", and 1 in 10 gets over " + FormatPlain(p[4] * 100.0, 1) + ".");

  // The rate that moves most with the like rate (row 0 of the matrix is the like rate).
  if (!insights.correlations.empty() && insights.correlations[0].size() == insights.rate_names.size()) {
    size_t best = 0;
    for (size_t c = 1; c < insights.rate_names.size(); ++c)
      if (best == 0 || std::fabs(insights.correlations[0][c]) > std::fabs(insights.correlations[0][best])) best = c;
    if (best > 0) {
      lines.push_back("The like rate moves most with the " + InputNoun(insights.rate_names[best]) + " (Spearman " +
                      FormatPlain(insights.correlations[0][best], 2) + ").");
    }
  }

  for (const std::string& line :
       {CompareSegments(insights, "verified", "not_verified", "verified accounts", "not verified"),
        CompareSegments(insights, "banned", "active", "banned accounts", "active ones"),
        CompareSegments(insights, "claim", "opinion", "claim videos", "opinion videos")}) {
    if (!line.empty()) lines.push_back(line);
  }

  if (insights.duration_curve.size() >= 2) {
    const auto [low, high] = std::minmax_element(
        insights.duration_curve.begin(), insights.duration_curve.end(),
        [](const CurvePoint& a, const CurvePoint& b) { return a.median_like_rate < b.median_like_rate; });
    lines.push_back("By duration, the median like rate ranges from " + FormatPlain(low->median_like_rate * 100.0, 1) +
                    " (" + FormatPlain(low->low, 0) + "-" + FormatPlain(low->high, 0) + " s) to " +
                    FormatPlain(high->median_like_rate * 100.0, 1) + " likes per 100 views (" + FormatPlain(high->low, 0) +
                    "-" + FormatPlain(high->high, 0) + " s).");
  }

  if (insights.importance.size() >= 2) {
    const InputImportance& top = insights.importance.front();
    const InputImportance& last = insights.importance.back();
    lines.push_back("On its own, the " + InputNoun(top.input) + " explains " + FormatPercent(top.explained) +
                    " of the variance of the log like rate; the " + InputNoun(last.input) + " explains " +
                    FormatPercent(last.explained, 2) + ".");
  }
  return lines;
}

}  // namespace likecast
