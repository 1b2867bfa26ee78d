#include "report/html_trends.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "report/format.h"
#include "report/html_writer.h"

namespace tact::report {
namespace {

constexpr double kW = 260, kH = 120, kX0 = 34, kX1 = 250, kY0 = 12, kY1 = 96;

// A coordinate in an SVG: one decimal.
std::string C(double v) { return fmt::format("{:.1f}", std::fabs(v) < 0.05 ? 0.0 : v); }

// One point of a chart: its value (none: no data in the period), tooltip and link.
struct Point {
  std::optional<double> value;
  std::string tip;
  std::string href;
};

// A small line chart: one point per period, y from 0 to `top`.
void WriteChart(const std::string& id, const std::string& title, const std::string& subtitle,
                double top, const std::vector<std::string>& periods,
                const std::vector<Point>& points, std::string* out) {
  const size_t n = periods.size();
  auto x = [&](size_t i) { return n < 2 ? (kX0 + kX1) / 2 : kX0 + (kX1 - kX0) * i / (n - 1); };
  auto y = [&](double v) { return kY1 - (kY1 - kY0) * std::clamp(v / top, 0.0, 1.0); };
  out->append(
      fmt::format("<figure><svg class=\"trend\" id=\"trend-{}\" viewBox=\"0 0 {} {}\" width=\"{}\" "
                  "height=\"{}\" role=\"img\" aria-label=\"{} by period\">\n",
                  id, C(kW), C(kH), C(kW), C(kH), HtmlEscape(title)));
  for (double f : {0.0, 0.5, 1.0}) {
    out->append(fmt::format(
        "<line class=\"grid\" x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\"/><text class=\"ax\" "
        "x=\"{3}\" y=\"{4}\" text-anchor=\"end\">{5}</text>\n",
        C(kX0), C(y(top * f)), C(kX1), C(kX0 - 4), C(y(top * f) + 4),
        fmt::format("{:g}", top * f)));
  }
  std::string line;
  for (size_t i = 0; i < n; ++i) {
    if (points[i].value) line += (line.empty() ? "" : " ") + C(x(i)) + "," + C(y(*points[i].value));
  }
  if (!line.empty()) out->append("<polyline class=\"line\" points=\"" + line + "\"/>\n");
  for (size_t i = 0; i < n; ++i) {
    if (!points[i].value) continue;
    out->append(fmt::format(
        "<a href=\"{}\"><circle class=\"pt\" cx=\"{}\" cy=\"{}\" r=\"3.5\"><title>{}</title>"
        "</circle></a>\n",
        HtmlEscape(points[i].href), C(x(i)), C(y(*points[i].value)), HtmlEscape(points[i].tip)));
  }
  out->append(fmt::format(
      "<text class=\"ax\" x=\"{}\" y=\"{}\">{}</text><text class=\"ax\" x=\"{}\" y=\"{}\" "
      "text-anchor=\"end\">{}</text>\n</svg>\n",
      C(kX0), C(kH - 8), HtmlEscape(periods.front()), C(kX1), C(kH - 8),
      n > 1 ? HtmlEscape(periods.back()) : ""));
  out->append("<figcaption><b>" + HtmlEscape(title) + "</b> · " + subtitle +
              "</figcaption></figure>\n");
}

std::string Link(const std::string& behaviour, int from, int to) {
  std::string q = "#filter?";
  if (!behaviour.empty()) q += "behaviour=" + behaviour + "&status=bad&";
  return q + "from=" + DayText(from) + "&to=" + DayText(to);
}

}  // namespace

void TrendBuilder::Stats::Merge(const Stats& o) {
  conversations += o.conversations;
  for (const auto& [id, c] : o.behaviours) (void)behaviours[id].Merge(c);
  (void)score.Merge(o.score);
  for (const auto& [id, h] : o.metrics) (void)metrics[id].Merge(h);
}

void TrendBuilder::Add(const ConversationResult& r) {
  const std::optional<int> day = MetadataDay(r.metadata);
  if (!day || r.unsupported_language()) return;
  Stats& s = days_[*day];
  ++s.conversations;
  if (r.score >= 0) s.score.Add(r.score);
  for (const auto& b : r.behaviours) {
    s.behaviours[b.id].Add(b.status);
    BehaviourInfo& info = behaviours_[b.id];
    info.kind = b.kind;
    if (info.title.empty() || (!b.title_en.empty() && b.title_en < info.title))
      info.title = b.title_en;
  }
  for (const auto& m : r.metrics) {
    units_[m.id] = m.unit;
    if (m.value) s.metrics[m.id].Add(*m.value);
  }
}

Period TrendBuilder::Choose(std::optional<Period> forced) const {
  if (forced) return *forced;
  const int span = days_.empty() ? 0 : days_.rbegin()->first - days_.begin()->first;
  return span <= 45 ? Period::kDay : span <= 40 * 7 ? Period::kWeek : Period::kMonth;
}

void TrendBuilder::WriteBehaviourCharts(const std::map<int, Stats>& periods,
                                        const std::vector<std::string>& keys, const Ranges& ranges,
                                        std::string* out) const {
  for (BehaviourKind kind : {BehaviourKind::kExpected, BehaviourKind::kAvoid}) {
    for (const auto& [id, info] : behaviours_) {
      if (info.kind != kind) continue;
      const char* good = kind == BehaviourKind::kExpected ? "met" : "clean";
      std::vector<Point> points;
      size_t i = 0;
      for (const auto& [first, s] : periods) {
        auto it = s.behaviours.find(id);
        const double rate = it == s.behaviours.end() ? -1 : it->second.Rate(kind);
        const uint64_t n = rate < 0 ? 0 : it->second.Applicable(kind);
        points.push_back(
            {rate < 0 ? std::nullopt : std::optional<double>(rate * 100),
             fmt::format("{}: {} {} {} of {} ({})", keys[i], info.title.empty() ? id : info.title,
                         good, rate < 0 ? 0 : static_cast<uint64_t>(std::llround(rate * n)), n,
                         rate < 0 ? "none applied" : Percent(rate, 0)),
             Link(id, ranges[i].first, ranges[i].second)});
        ++i;
      }
      WriteChart(id, info.title.empty() ? id : info.title, std::string(good) + " rate, %", 100,
                 keys, points, out);
    }
  }
}

void TrendBuilder::Write(std::optional<Period> forced,
                         const std::map<std::string, std::string>& metric_titles,
                         std::string* out) const {
  if (days_.empty()) return;
  const Period period = Choose(forced);
  std::map<int, Stats> periods;  // first day -> stats
  for (const auto& [day, s] : days_) periods[PeriodRange(day, period).first].Merge(s);
  std::vector<std::string> keys;
  Ranges ranges;
  for (const auto& [first, s] : periods) {
    keys.push_back(PeriodKey(first, period));
    ranges.push_back(PeriodRange(first, period));
  }
  out->append(fmt::format(
      "<h2 id=\"trends\">Trends by {0}</h2>\n<p class=\"muted small\">The dated conversations "
      "per {0} ({1} of them; <code>--group-by period:day|week|month</code> picks the period). "
      "Hover a point for the counts; click it for that {0}'s conversations that missed or "
      "violated the behaviour, in the index below.</p>\n<div class=\"trends\">\n",
      PeriodName(period), [&] {
        uint64_t n = 0;
        for (const auto& [d, s] : days_) n += s.conversations;
        return n;
      }()));
  std::vector<Point> points;
  size_t i = 0;
  for (const auto& [first, s] : periods) {
    std::optional<double> median;
    if (s.score.count()) median = s.score.Quantile(0.5);
    points.push_back(
        {median,
         fmt::format("{}: median score {} of {} scored ({} conversations)", keys[i],
                     median ? Fixed(*median, 0) : "n/a", s.score.count(), s.conversations),
         Link("", ranges[i].first, ranges[i].second)});
    ++i;
  }
  WriteChart("score", "Score", "median", 100, keys, points, out);
  WriteBehaviourCharts(periods, keys, ranges, out);
  for (const auto& [id, unit] : units_) {
    points.clear();
    i = 0;
    double top = 0;
    for (const auto& [first, s] : periods) {
      auto it = s.metrics.find(id);
      std::optional<double> median;
      if (it != s.metrics.end() && it->second.count()) median = it->second.Quantile(0.5);
      if (median) top = std::max(top, *median);
      points.push_back({median,
                        fmt::format("{}: median {} over {} conversation(s)", keys[i],
                                    median ? NumberWithUnit(*median, unit, UnitStyle::kNamed)
                                           : std::string("n/a"),
                                    it == s.metrics.end() ? 0 : it->second.count()),
                        Link("", ranges[i].first, ranges[i].second)});
      ++i;
    }
    if (top <= 0) continue;  // no values anywhere
    auto title = metric_titles.find(id);
    WriteChart("metric-" + id, title == metric_titles.end() ? id : title->second,
               "median" + (unit.empty() ? std::string() : ", " + unit), top * 1.1, keys, points,
               out);
  }
  out->append("</div>\n");
}

}  // namespace tact::report
