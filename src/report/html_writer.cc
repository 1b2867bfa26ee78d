#include "report/html_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "common/strings.h"
#include "report/format.h"
#include "report/html_assets.h"
#include "report/report_util.h"
#include "report/summary_stats.h"
#include "text/utf8.h"

namespace tact::report {
namespace {

constexpr size_t kQuoteContext = 160;  // bytes of context kept on each side of the match
constexpr size_t kQuotesShown = 3;     // evidence quotes per behaviour (all with --all-evidence)
constexpr size_t kMaxGroupRows = 100;  // rows of a heat table (the largest groups)

// Rates in the charts and cards: whole percents unless asked for tenths.
std::string Pct(double r, int decimals = 0) { return Percent(r, decimals); }

// Values in the histograms: with their unit ("12 words").
std::string Num(double v, const std::string& unit) {
  return NumberWithUnit(v, unit, UnitStyle::kNamed);
}

// A coordinate in an SVG: one decimal, no "-0.0".
std::string C(double v) {
  if (std::fabs(v) < 0.05) return "0";
  return fmt::format("{:.1f}", v);
}

// A fragment usable in an id attribute.
std::string Slug(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_';
    out.push_back(ok ? c : '-');
  }
  return out;
}

// Background of a heat cell: red (0) through amber to green (1), light.
std::string HeatColor(double rate) {
  return fmt::format("hsl({},70%,86%)", std::lround(std::clamp(rate, 0.0, 1.0) * 120));
}

// Fill of a bar in the behaviour chart.
std::string BarColor(double rate, BehaviourKind kind) {
  if (kind == BehaviourKind::kSignal) return "#8fa8d8";
  return fmt::format("hsl({},55%,58%)", std::lround(std::clamp(rate, 0.0, 1.0) * 120));
}

}  // namespace

std::string HtmlScoreBadge(double score) {
  if (score < 0) return "<span class=\"score s-na\">n/a</span>";
  const char* cls = score >= 80 ? "s-good" : score >= 50 ? "s-mid" : "s-bad";
  return fmt::format("<span class=\"score {}\">{:.0f}</span>", cls, score);
}

namespace {

std::string ScoreBadge(double score) { return HtmlScoreBadge(score); }

struct Mark {
  const char* symbol;
  const char* cls;
  const char* label;
};

Mark MarkFor(Status s) {
  switch (s) {
    case Status::kMet:
      return {"✔", "t-good", "met"};
    case Status::kClean:
      return {"✔", "t-good", "clean"};
    case Status::kMissed:
      return {"✘", "t-bad", "missed"};
    case Status::kViolated:
      return {"⚠", "t-warn", "violated"};
    case Status::kPresent:
      return {"●", "", "present"};
    case Status::kAbsent:
      return {"○", "t-na", "absent"};
    case Status::kNotApplicable:
      break;
  }
  return {"–", "t-na", "n/a"};
}

const char* KindHeading(BehaviourKind k) {
  switch (k) {
    case BehaviourKind::kExpected:
      return "Expected of the agent";
    case BehaviourKind::kAvoid:
      return "To avoid";
    case BehaviourKind::kSignal:
      break;
  }
  return "Customer signals";
}

const BehaviourKind kKinds[] = {BehaviourKind::kExpected, BehaviourKind::kAvoid,
                                BehaviourKind::kSignal};

// What a person reads for a behaviour of the summary: its title, else its id.
const std::string& TitleIn(const Summary& s, const std::string& id) {
  auto it = s.behaviours.find(id);
  return it == s.behaviours.end() || it->second.title.empty() ? id : it->second.title;
}

// "met 5 · missed 2 · n/a 1" for a behaviour of `kind`.
std::string CountsText(const StatusCounts& c, BehaviourKind kind) {
  const Status a = GoodStatus(kind), b = BadStatus(kind);
  std::string out = fmt::format("{} {} · {} {}", StatusName(a), c.Get(a), StatusName(b), c.Get(b));
  if (c.not_applicable > 0) out += fmt::format(" · n/a {}", c.not_applicable);
  return out;
}

// ---- the summary -------------------------------------------------------------

void WriteCards(const Summary& s, const RunTotals& t, std::string* out) {
  auto card = [&](const char* id, const char* key, const std::string& value,
                  const std::string& detail, bool small_value = false) {
    out->append(fmt::format(
        "<div class=\"card\" id=\"card-{}\"><div class=\"k\">{}</div><div class=\"v{}\">{}</div>"
        "<div class=\"d\">{}</div></div>\n",
        id, key, small_value ? " id" : "", value, detail));
  };
  out->append("<div class=\"cards\">\n");
  card("conversations", "Conversations", std::to_string(s.conversations),
       fmt::format("from {} input(s)", t.inputs));
  card("analyzed", "Analyzed / skipped", fmt::format("{} / {}", t.analyzed, t.skipped),
       t.skipped ? "inputs with errors were skipped" : "no input errors");
  const Distribution d = Describe(s.scores);
  card("mean-score", "Mean score", d.count ? Fixed(d.mean, 1) : "–",
       d.count ? fmt::format("lowest {:.0f} · highest {:.0f}", d.min, d.max) : "no scores");
  card("median-score", "Median score", d.count ? fmt::format("{:.0f}", d.median) : "–",
       d.count ? fmt::format("p90 {:.0f} · {} scored", d.p90, d.count) : "no scores");
  card("violations", "With a violation", Pct(ViolatedShare(s), 1),
       fmt::format("{} of {} conversation(s)", s.violated_conversations, s.conversations));
  if (!s.unsupported_languages.empty()) {
    std::string list;
    for (const auto& [lang, n] : s.unsupported_languages)
      list += (list.empty() ? "" : " · ") + lang + " " + std::to_string(n);
    card("unsupported", "Not judged (language)", std::to_string(UnsupportedTotal(s)),
         "unsupported: " + HtmlEscape(list));
  }
  if (const auto* most = MostMissed(s)) {
    const StatusCounts& c = most->second.counts;
    card("most-missed", "Most missed", HtmlEscape(TitleIn(s, most->first)),
         fmt::format("missed in {} of {} ({})", c.missed, c.Applicable(BehaviourKind::kExpected),
                     Pct(1 - c.Rate(BehaviourKind::kExpected), 1)),
         true);
  } else {
    card("most-missed", "Most missed", "none", "no expected behaviour was missed", true);
  }
  out->append("</div>\n");
}

// One horizontal bar per behaviour, grouped by kind: the met rate (expected),
// the clean rate (avoid) or the present rate (signals).
void WriteBehaviourChart(const Summary& s, std::string* out) {
  constexpr double kLabelRight = 256, kBarX = 264, kBarW = 400, kRow = 22, kBarH = 14, kW = 840;
  std::string body;
  double y = 22;
  for (BehaviourKind kind : kKinds) {
    bool any = false;
    for (const auto& [id, b] : s.behaviours) any |= b.kind == kind;
    if (!any) continue;
    const char* what = kind == BehaviourKind::kExpected ? "met"
                       : kind == BehaviourKind::kAvoid  ? "clean"
                                                        : "present";
    body += fmt::format(
        "<text class=\"grp\" x=\"0\" y=\"{}\">{} <tspan class=\"cnt\">({} rate)</tspan></text>\n",
        C(y + 16), KindHeading(kind), what);
    y += 24;
    for (const auto& [id, b] : s.behaviours) {
      if (b.kind != kind) continue;
      double rate = b.counts.Rate(kind);
      uint64_t n = b.counts.Applicable(kind);
      uint64_t good = kind == BehaviourKind::kExpected ? b.counts.met
                      : kind == BehaviourKind::kAvoid  ? b.counts.clean
                                                       : b.counts.present;
      std::string tip = HtmlEscape(id);
      if (!b.title.empty()) tip += " — " + HtmlEscape(b.title);
      tip += ": " + CountsText(b.counts, kind) + " → " +
             (rate < 0 ? std::string("not applicable") : Pct(rate, 1) + " " + what);
      body +=
          fmt::format("<g class=\"bar\" data-behaviour=\"{}\" data-kind=\"{}\"><title>{}</title>",
                      HtmlEscape(id), KindName(kind), tip);
      body += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", C(kLabelRight),
                          C(y + 13), HtmlEscape(TitleIn(s, id)));
      body += fmt::format(
          "<rect class=\"track\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\"/>", C(kBarX),
          C(y + 3), C(kBarW), C(kBarH));
      body += fmt::format(
          "<rect class=\"bar-fill\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" "
          "fill=\"{}\"/>",
          C(kBarX), C(y + 3), C(rate < 0 ? 0 : kBarW * rate), C(kBarH), BarColor(rate, kind));
      body += fmt::format(
          "<text class=\"val\" x=\"{}\" y=\"{}\">{} <tspan class=\"cnt\">{}</tspan></text></g>\n",
          C(kBarX + kBarW + 8), C(y + 14), rate < 0 ? "n/a" : Pct(rate),
          rate < 0 ? std::string("none applied") : fmt::format("{} of {}", good, n));
      y += kRow;
    }
    y += 6;
  }
  double h = y + 4;
  out->append(
      fmt::format("<svg id=\"behaviour-chart\" class=\"chart\" viewBox=\"0 0 {} {}\" width=\"{}\" "
                  "height=\"{}\" role=\"img\" aria-label=\"Behaviour rates\">\n",
                  C(kW), C(h), C(kW), C(h)));
  for (int k = 0; k <= 4; ++k) {
    double x = kBarX + kBarW * k / 4.0;
    out->append(fmt::format(
        "<line class=\"grid\" x1=\"{0}\" y1=\"16\" x2=\"{0}\" y2=\"{1}\"/><text class=\"ax\" "
        "x=\"{0}\" y=\"11\" text-anchor=\"middle\">{2}%</text>\n",
        C(x), C(h - 4), k * 25));
  }
  out->append(body);
  out->append("</svg>\n");
}

// Groups smaller than this are marked: too few conversations to judge.
constexpr uint64_t kSmallSample = 20;

// A heat cell: the rate, the conversations behind it, a mark when they are few.
std::string HeatCell(const std::string& title, const StatusCounts* c, BehaviourKind kind) {
  const double rate = c == nullptr ? -1 : c->Rate(kind);
  if (rate < 0)
    return "<td class=\"r na\" title=\"" + HtmlEscape(title) + ": not applicable\">–</td>";
  const uint64_t n = c->Applicable(kind);
  const bool few = n < kSmallSample;
  return fmt::format(
      "<td class=\"r{}\" style=\"background:{}\" title=\"{}: {}{}\">{}{}<small>{}</small></td>",
      few ? " few" : "", HeatColor(rate), HtmlEscape(title), CountsText(*c, kind),
      few ? " (too few to judge)" : "", Pct(rate), few ? "<i>*</i>" : "", n);
}

// The groups of a dimension in table order: periods in time order, others
// largest first.
std::vector<std::pair<const std::string*, const GroupSummary*>> HeatRows(
    const std::string& dim, const std::map<std::string, GroupSummary>& groups) {
  std::vector<std::pair<const std::string*, const GroupSummary*>> rows;
  for (const auto& [key, g] : groups) rows.emplace_back(&key, &g);
  Period period;
  if (!ParsePeriodDimension(dim, &period)) {
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return a.second->conversations > b.second->conversations;
    });
  }
  return rows;
}

// Rows: the groups of one dimension; columns: the expected and avoid
// behaviours by title, each cell coloured by its rate, with the number of
// conversations behind it and a mark under kSmallSample.
void WriteHeatTable(const Summary& s, const std::string& dim,
                    const std::map<std::string, GroupSummary>& groups, std::string* out) {
  std::vector<const std::string*> cols[2];
  for (const auto& [id, b] : s.behaviours) {
    if (b.kind == BehaviourKind::kExpected) cols[0].push_back(&id);
    if (b.kind == BehaviourKind::kAvoid) cols[1].push_back(&id);
  }
  const auto rows = HeatRows(dim, groups);
  out->append(
      fmt::format("<h3 class=\"heat-title\">By {}</h3>\n<div class=\"scroll\">"
                  "<table class=\"heat\" id=\"heat-{}\">\n<thead><tr><th colspan=\"3\"></th>",
                  HtmlEscape(dim), Slug(dim)));
  for (int k = 0; k < 2; ++k) {
    if (!cols[k].empty())
      out->append(fmt::format("<th class=\"kh\" colspan=\"{}\">{}</th>", cols[k].size(),
                              k == 0 ? "Expected (met rate)" : "To avoid (clean rate)"));
  }
  out->append(fmt::format(
      "</tr>\n<tr><th>{}</th><th class=\"num\">conv.</th><th class=\"num\">mean score</th>",
      HtmlEscape(dim)));
  for (int k = 0; k < 2; ++k) {
    for (const std::string* id : cols[k])
      out->append(fmt::format("<th class=\"v\" title=\"{}\"><span>{}</span></th>", HtmlEscape(*id),
                              HtmlEscape(TitleIn(s, *id))));
  }
  out->append("</tr></thead>\n<tbody>\n");
  const size_t shown = std::min(rows.size(), kMaxGroupRows);
  for (size_t i = 0; i < shown; ++i) {
    const GroupSummary& g = *rows[i].second;
    const std::optional<double> m = MeanScore(g);
    const bool few = g.conversations < kSmallSample;
    out->append(fmt::format(
        "<tr class=\"heat-row{}\"><th>{}</th><td class=\"num\">{}{}</td><td class=\"num\" "
        "title=\"{} scored\">{}</td>",
        few ? " few" : "", HtmlEscape(*rows[i].first), g.conversations, few ? "<i>*</i>" : "",
        g.scored, m ? Fixed(*m, 1) : std::string(kDash)));
    for (int k = 0; k < 2; ++k) {
      const BehaviourKind kind = k == 0 ? BehaviourKind::kExpected : BehaviourKind::kAvoid;
      for (const std::string* id : cols[k]) {
        auto it = g.behaviours.find(*id);
        out->append(
            HeatCell(TitleIn(s, *id), it == g.behaviours.end() ? nullptr : &it->second, kind));
      }
    }
    out->append("</tr>\n");
  }
  out->append(fmt::format(
      "</tbody></table></div>\n<p class=\"muted small\">Each cell: the rate, and below it the "
      "conversations it applied in; <i>*</i> marks fewer than {}, too few to judge.</p>\n",
      kSmallSample));
  if (shown < rows.size()) {
    out->append(
        fmt::format("<p class=\"muted small\">{} more group(s) of {} not shown (the {} "
                    "{} are).</p>\n",
                    rows.size() - shown, HtmlEscape(dim), shown,
                    StartsWith(dim, "period:") ? "first" : "largest"));
  }
}

// ---- histograms: `h` re-binned into equal-width bins, median and p90 marked --

constexpr double kHistW = 380, kHistH = 168, kHistX0 = 44, kHistX1 = 350, kHistY0 = 26,
                 kHistY1 = 136;
constexpr int kBins = 20;

// Positions use values rounded to thousandths, as a summary read back by
// `tact merge` has them, so a merged report draws exactly like one run.
double R3(double v) { return std::round(v * 1000) / 1000; }

// The value range drawn, [lo, hi]: 0..100 for scores, else from 0 (or the
// minimum when negative) to the maximum.
struct HistogramScale {
  double lo = 0, hi = 1;
  double X(double v) const {
    return kHistX0 + (std::clamp(v, lo, hi) - lo) / (hi - lo) * (kHistX1 - kHistX0);
  }
};

std::vector<uint64_t> Rebin(const Histogram& h, const HistogramScale& sc) {
  const double min = R3(h.min()), max = R3(h.max());
  std::vector<uint64_t> counts(kBins, 0);
  for (const auto& [b, n] : h.buckets()) {
    double v = std::clamp(R3(Histogram::Representative(b)), min, max);
    int i = static_cast<int>(std::floor((v - sc.lo) / (sc.hi - sc.lo) * kBins));
    counts[static_cast<size_t>(std::clamp(i, 0, kBins - 1))] += n;
  }
  return counts;
}

void WriteBins(const std::vector<uint64_t>& counts, uint64_t top, const HistogramScale& sc,
               const std::string& unit, std::string* out) {
  const double bw = (kHistX1 - kHistX0) / kBins;
  for (int i = 0; i < kBins; ++i) {
    const uint64_t n = counts[static_cast<size_t>(i)];
    if (n == 0) continue;
    double bh = (kHistY1 - kHistY0) * static_cast<double>(n) / static_cast<double>(top);
    double a = sc.lo + (sc.hi - sc.lo) * i / kBins, b = sc.lo + (sc.hi - sc.lo) * (i + 1) / kBins;
    out->append(fmt::format(
        "<rect class=\"hbar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{} – {}: "
        "{}</title></rect>\n",
        C(kHistX0 + bw * i + 0.5), C(kHistY1 - bh), C(bw - 1), C(bh), Num(a, unit), Num(b, unit),
        n));
  }
}

// The two axes, the top count and the low, middle and high values.
void WriteAxes(uint64_t top, const HistogramScale& sc, const std::string& unit, std::string* out) {
  out->append(
      fmt::format("<line class=\"base\" x1=\"{0}\" y1=\"{2}\" x2=\"{1}\" y2=\"{2}\"/>"
                  "<line class=\"base\" x1=\"{0}\" y1=\"{3}\" x2=\"{0}\" y2=\"{2}\"/>\n"
                  "<text class=\"ax\" x=\"{4}\" y=\"{5}\" text-anchor=\"end\">{6}</text>"
                  "<text class=\"ax\" x=\"{4}\" y=\"{2}\" text-anchor=\"end\">0</text>\n"
                  "<text class=\"ax\" x=\"{0}\" y=\"{7}\" text-anchor=\"middle\">{8}</text>"
                  "<text class=\"ax\" x=\"{9}\" y=\"{7}\" text-anchor=\"middle\">{10}</text>"
                  "<text class=\"ax\" x=\"{1}\" y=\"{7}\" text-anchor=\"middle\">{11}</text>\n",
                  C(kHistX0), C(kHistX1), C(kHistY1), C(kHistY0), C(kHistX0 - 6), C(kHistY0 + 4),
                  top, C(kHistY1 + 16), HtmlEscape(Num(sc.lo, unit)), C((kHistX0 + kHistX1) / 2),
                  HtmlEscape(Num((sc.lo + sc.hi) / 2, unit)), HtmlEscape(Num(sc.hi, unit))));
}

// The median and p90 lines with their labels: "median" left of its line,
// "p90" right of its own; one label for both when the lines (nearly) coincide.
void WriteQuantileMarks(const Distribution& d, const HistogramScale& sc, const std::string& unit,
                        std::string* out) {
  double x50 = sc.X(R3(d.median)), x90 = sc.X(R3(d.p90));
  out->append(
      fmt::format("<line class=\"q50\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"><title>median "
                  "{3}</title></line>"
                  "<line class=\"q90\" x1=\"{4}\" y1=\"{1}\" x2=\"{4}\" y2=\"{2}\"><title>p90 "
                  "{5}</title></line>\n",
                  C(x50), C(kHistY0 - 10), C(kHistY1), HtmlEscape(Num(d.median, unit)), C(x90),
                  HtmlEscape(Num(d.p90, unit))));
  const std::string y = C(kHistY0 - 12);
  if (x90 - x50 < 4) {
    bool left = x50 > kHistX0 + 80;
    out->append(
        fmt::format("<text class=\"ql\" x=\"{}\" y=\"{}\" text-anchor=\"{}\">median = p90</text>\n",
                    C(left ? x50 - 3 : x90 + 3), y, left ? "end" : "start"));
  } else {
    out->append(
        fmt::format("<text class=\"ql\" x=\"{}\" y=\"{}\" text-anchor=\"end\">median</text>"
                    "<text class=\"ql\" x=\"{}\" y=\"{}\" text-anchor=\"start\" "
                    "fill=\"#c0392b\">p90</text>\n",
                    C(x50 - 3), y, C(x90 + 3), y));
  }
}

void WriteHistogram(const std::string& id, const std::string& title, const std::string& unit,
                    const Histogram& h, bool score, const std::string& caption_extra,
                    std::string* out) {
  HistogramScale sc;
  sc.lo = score ? 0 : std::min(0.0, R3(h.min()));
  sc.hi = score ? 100 : R3(h.max());
  if (sc.hi <= sc.lo) sc.hi = sc.lo + 1;
  const std::vector<uint64_t> counts = Rebin(h, sc);
  const uint64_t top = std::max<uint64_t>(1, *std::max_element(counts.begin(), counts.end()));
  out->append(fmt::format(
      "<figure><svg class=\"histogram\" id=\"hist-{}\" viewBox=\"0 0 {} {}\" width=\"{}\" "
      "height=\"{}\" role=\"img\" aria-label=\"Distribution of {}\">\n",
      Slug(id), C(kHistW), C(kHistH), C(kHistW), C(kHistH), HtmlEscape(id)));
  WriteBins(counts, top, sc, unit, out);
  WriteAxes(top, sc, unit, out);
  const Distribution d = Describe(h);
  if (d.count > 0) WriteQuantileMarks(d, sc, unit, out);
  out->append("</svg>\n");
  std::string caption = "<b title=\"" + HtmlEscape(id) + "\">" + HtmlEscape(title) + "</b>";
  if (d.count > 0) {
    caption += fmt::format(" · n {} · median {} · p90 {} · max {}", d.count,
                           HtmlEscape(Num(d.median, unit)), HtmlEscape(Num(d.p90, unit)),
                           HtmlEscape(Num(d.max, unit)));
  } else {
    caption += " · no values";
  }
  out->append("<figcaption>" + caption + caption_extra + "</figcaption></figure>\n");
}

// Per behaviour, the lowest-scoring conversations that missed or violated it,
// linked to their section when it is on the page.
void WriteWorst(const Summary& s, const std::map<std::string, size_t>& anchors, std::string* out) {
  bool any = false;
  for (const auto& [id, b] : s.behaviours)
    any |= !b.worst.empty() && b.kind != BehaviourKind::kSignal;
  if (!any) return;
  out->append(
      "<h2 id=\"worst\">Worst conversations</h2>\n<p class=\"muted small\">Per behaviour, the "
      "lowest-scoring conversations that missed or violated it (score, then the evidence or the "
      "reason).</p>\n<table class=\"worst\"><tbody>\n");
  for (BehaviourKind kind : {BehaviourKind::kExpected, BehaviourKind::kAvoid}) {
    for (const auto& [id, b] : s.behaviours) {
      if (b.kind != kind || b.worst.empty()) continue;
      uint64_t n =
          b.counts.Get(kind == BehaviourKind::kAvoid ? Status::kViolated : Status::kMissed);
      out->append(
          fmt::format("<tr data-behaviour=\"{}\"><th title=\"{}\">{}<span class=\"bt\">{} "
                      "{}</span></th><td><ul "
                      "class=\"wl\">",
                      HtmlEscape(id), HtmlEscape(id), HtmlEscape(b.title.empty() ? id : b.title), n,
                      kind == BehaviourKind::kAvoid ? "violated" : "missed"));
      for (const WorstEntry& w : b.worst) {
        auto it = anchors.find(w.source + '\0' + w.id);
        std::string src = HtmlEscape(w.source);
        if (it != anchors.end()) src = fmt::format("<a href=\"#conv-{}\">{}</a>", it->second, src);
        std::string ev;
        if (w.turn > 0)
          ev = fmt::format(" turn {}: “{}”", w.turn, HtmlEscape(w.quote));
        else if (!w.quote.empty())
          ev = " <span class=\"note\">" + HtmlEscape(w.quote) + "</span>";
        // Rounded to tenths first, as the summary JSON keeps it, so that a
        // merged report shows the same numbers as one run.
        double score = w.score < 0 ? w.score : Rounded(w.score, 10);
        out->append(fmt::format("<li>{} {}{}</li>", src, ScoreBadge(score), ev));
      }
      out->append("</ul></td></tr>\n");
    }
  }
  out->append("</tbody></table>\n");
}

// `metric_titles`: a metric's name by id (ids where it has none).
void WriteSummary(const Summary& s, const RunTotals& t,
                  const std::map<std::string, size_t>& anchors,
                  const std::map<std::string, std::string>& metric_titles,
                  const std::string& trends, std::string* out) {
  WriteCards(s, t, out);
  if (!s.behaviours.empty()) {
    out->append(
        "<h2 id=\"behaviours\">Behaviours</h2>\n<p class=\"muted small\">Share of the "
        "conversations where the behaviour applied: met (expected of the agent), clean (to "
        "avoid), present (customer signals). Hover a bar for the counts.</p>\n");
    WriteBehaviourChart(s, out);
  }
  bool heading = false;
  for (const auto& dim : s.group_by) {
    auto it = s.groups.find(dim);
    if (it == s.groups.end() || it->second.empty()) continue;
    if (dim != "agent" && it->second.size() < 2) continue;
    if (!heading) {
      out->append(
          "<h2 id=\"groups\">By group</h2>\n<p class=\"muted small\">Rate per group: met for "
          "expected behaviours, clean for those to avoid; – where none applied.</p>\n");
      heading = true;
    }
    WriteHeatTable(s, dim, it->second, out);
  }
  out->append(trends);
  bool plots = s.scores.count() > 0;
  for (const auto& [id, m] : s.metrics) plots |= m.values.count() > 0;
  if (!plots) {
    WriteWorst(s, anchors, out);
    return;
  }
  out->append("<h2 id=\"metrics\">Distributions</h2>\n<div class=\"hists\">\n");
  if (s.scores.count() > 0) WriteHistogram("score", "score", "", s.scores, true, "", out);
  for (const auto& [id, m] : s.metrics) {
    if (m.values.count() == 0) continue;
    double met = m.counts.Rate(BehaviourKind::kExpected);
    auto title = metric_titles.find(id);
    WriteHistogram(id, title == metric_titles.end() ? id : title->second, m.unit, m.values, false,
                   met < 0 ? std::string() : " · within threshold " + Pct(met), out);
  }
  out->append("</div>\n");
  std::string none;
  for (const auto& [id, m] : s.metrics) {
    if (m.values.count() == 0) none += (none.empty() ? "" : ", ") + HtmlEscape(id);
  }
  if (!none.empty())
    out->append("<p class=\"muted small\">No values (not applicable everywhere): " + none +
                ".</p>\n");
  WriteWorst(s, anchors, out);
}

// ---- one conversation -------------------------------------------------------

std::string Quote(const Evidence& e) {
  std::string where = "turn " + std::to_string(e.turn);
  if (e.time) where += " · " + ClockTime(*e.time, NegativeTime::kAsIs);
  if (!e.speaker.empty()) where += " · " + HtmlEscape(e.speaker);
  return "<blockquote><span class=\"w\">" + where + "</span>" +
         HtmlHighlight(e.text, e.span_begin, e.span_end, kQuoteContext) + "</blockquote>";
}

// The section's heading, the conversation's facts, breakdown and warnings.
void RenderHeader(const ConversationResult& r, size_t n, std::string* out) {
  *out += fmt::format(
      "<section class=\"conv\" id=\"conv-{0}\">\n<header><h3><a href=\"#conv-{0}\">{1}</a></h3>{2}"
      "</header>\n",
      n, HtmlEscape(r.source), ScoreBadge(r.score));
  std::string meta;
  if (!r.id.empty()) meta += "id " + HtmlEscape(r.id) + " · ";
  meta += ConversationFacts(r, HtmlEscape);
  *out += "<p class=\"meta\">" + meta + "</p>\n";
  if (r.score_breakdown.scored)
    *out += "<p class=\"meta breakdown\">score " +
            HtmlEscape(r.score_breakdown.Explain(r.score, TitleOf(r))) + "</p>\n";
  if (!r.warnings.empty()) {
    *out += "<ul class=\"warnings\">";
    for (const auto& w : r.warnings) *out += "<li>warning: " + HtmlEscape(w) + "</li>";
    *out += "</ul>\n";
  }
}

// The last cell of a behaviour's row: its quotes, note and tip.
void RenderEvidenceCell(const BehaviourResult& b, bool all_evidence, std::string* out) {
  size_t shown = all_evidence ? b.evidence.size() : std::min(b.evidence.size(), kQuotesShown);
  for (size_t k = 0; k < shown; ++k) *out += Quote(b.evidence[k]);
  if (shown < b.evidence.size())
    *out += "<div class=\"note\">" + MoreTurns(b.evidence, shown) + "</div>";
  // A violation's explanation only names the turn its quote shows.
  const std::string& note = b.status == Status::kViolated ? b.note : NoteOf(b);
  if (!note.empty()) *out += "<div class=\"note\">" + HtmlEscape(note) + "</div>";
  if (b.status == Status::kMissed || b.status == Status::kViolated) {
    const std::string& tip = b.tip.empty() ? b.tip_en : b.tip;
    if (!tip.empty()) {
      *out += "<div class=\"tip\"><b>Tip:</b> " + HtmlEscape(tip);
      if (!b.tip_en.empty() && b.tip_en != tip)
        *out += "<span class=\"en\" lang=\"en\">(en) " + HtmlEscape(b.tip_en) + "</span>";
      *out += "</div>";
    }
  }
}

void RenderBehaviour(const BehaviourResult& b, bool all_evidence, std::string* out) {
  Mark m = MarkFor(b.status);
  *out += fmt::format("<tr class=\"st-{}\" data-behaviour=\"{}\"><td class=\"mark {}\">{}</td>",
                      StatusName(b.status), HtmlEscape(b.id), m.cls, m.symbol);
  // The title in the report's language; the id and English title on hover.
  const std::string& title = b.title.empty() ? (b.title_en.empty() ? b.id : b.title_en) : b.title;
  std::string hover = b.id;
  if (!b.title_en.empty() && b.title_en != title) hover += " · " + b.title_en;
  *out += "<td><b title=\"" + HtmlEscape(hover) + "\">" + HtmlEscape(title) + "</b>";
  if (b.kind == BehaviourKind::kAvoid)
    *out += "<span class=\"lvl\">" + std::string(LevelName(b.level)) + "</span>";
  *out += fmt::format("</td><td class=\"st {}\">{}</td><td>", m.cls, m.label);
  RenderEvidenceCell(b, all_evidence, out);
  *out += "</td></tr>\n";
}

void RenderBehaviours(const ConversationResult& r, bool all_evidence, std::string* out) {
  if (r.behaviours.empty()) return;
  *out +=
      "<table class=\"beh\"><thead><tr><th></th><th>behaviour</th><th>status</th>"
      "<th>evidence, note and tip</th></tr></thead>\n<tbody>\n";
  for (BehaviourKind kind : kKinds) {
    bool any = false;
    for (const auto& b : r.behaviours) any |= b.kind == kind;
    if (!any) continue;
    *out += fmt::format("<tr class=\"kind\"><th colspan=\"4\">{}</th></tr>\n", KindHeading(kind));
    for (const auto& b : r.behaviours) {
      if (b.kind == kind) RenderBehaviour(b, all_evidence, out);
    }
  }
  *out += "</tbody></table>\n";
}

void RenderMetrics(const ConversationResult& r, std::string* out) {
  if (r.metrics.empty()) return;
  *out +=
      "<table class=\"met\"><thead><tr><th></th><th>metric</th><th class=\"num\">value</th>"
      "<th class=\"num\">threshold</th><th>note</th></tr></thead>\n<tbody>\n";
  for (const auto& m : r.metrics) {
    Mark mk = MarkFor(m.status);
    std::string threshold = "–";
    if (m.threshold) {
      threshold = fmt::format("≤ {:g}", *m.threshold);  // Direction::kMax
    }
    *out += fmt::format(
        "<tr class=\"st-{}\"><td class=\"mark {}\">{}</td><td>{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"note\">{}</td></tr>\n",
        StatusName(m.status), mk.cls, mk.symbol, HtmlEscape(NameOf(m)), HtmlEscape(MetricValue(m)),
        threshold, HtmlEscape(NoteOf(m)));
  }
  *out += "</tbody></table>\n";
}

std::string RenderConversation(const ConversationResult& r, size_t n, bool all_evidence) {
  std::string out;
  RenderHeader(r, n, &out);
  if (r.unsupported_language()) {  // one line instead of a table of n/a
    out += fmt::format(
        "<p class=\"unsupported\"><strong>not judged</strong>: unsupported language '{}' ({} "
        "behaviours n/a)</p>\n",
        HtmlEscape(r.language), r.behaviours.size());
  } else {
    RenderBehaviours(r, all_evidence, &out);
  }
  RenderMetrics(r, &out);
  out += "</section>\n";
  return out;
}

void WriteChecks(const std::vector<CheckOutcome>& checks, std::string* out) {
  if (checks.empty()) return;
  out->append("<ul class=\"checks\" id=\"checks\">\n");
  for (const auto& c : checks) {
    const bool na = !c.na.empty();
    out->append(fmt::format(
        "<li><span class=\"badge {}\">{}</span> <code>--fail-on '{}'</code> <span "
        "class=\"muted\">({})</span></li>\n",
        na         ? "muted"
        : c.failed ? "b-fail"
                   : "b-pass",
        na         ? "n/a"
        : c.failed ? "FAILED"
                   : "passed",
        HtmlEscape(c.expression), na ? HtmlEscape(c.na) : fmt::format("value {:g}", c.value)));
  }
  out->append("</ul>\n");
}

}  // namespace

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') ||
            c == 0x7f)
          out += "\xEF\xBF\xBD";
        else
          out.push_back(c);
    }
  }
  return out;
}

std::string HtmlHighlight(std::string_view t, size_t b, size_t e, size_t context) {
  b = text::Utf8Boundary(t, std::min(b, t.size()), text::Toward::kStart);
  e = text::Utf8Boundary(t, std::clamp(e, b, t.size()), text::Toward::kEnd);
  const Excerpt x = ExcerptAround(t, b, e, context);
  const size_t from = x.from, to = x.to;
  std::string out;
  if (from > 0) out += "…";
  out += HtmlEscape(t.substr(from, b - from));
  if (e > b) out += "<mark>" + HtmlEscape(t.substr(b, e - b)) + "</mark>";
  out += HtmlEscape(t.substr(e, to - e));
  if (to < t.size()) out += "…";
  return out;
}

void HtmlReportWriter::Begin(std::string* out) {
  out->append(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"tact " +
      HtmlEscape(options_.version) + "\">\n<title>tact report</title>\n<style>");
  out->append("\n");
  out->append(HtmlReportCss());
  out->append("</style>\n</head>\n<body>\n");
}

void HtmlReportWriter::KeepDetail(const ConversationResult& r, size_t n) {
  const Badness rank = Badness::Of(r, n);
  if (max_conversations_ == 0) return;
  if (details_.size() >= max_conversations_) {
    if (!(rank < details_.front().rank)) return;
    std::pop_heap(details_.begin(), details_.end());
    sections_.Drop(details_.back().section);
    details_.pop_back();
  }
  details_.push_back({rank, r.source + '\0' + r.id,
                      sections_.Put(RenderConversation(r, n, options_.show_all_evidence))});
  std::push_heap(details_.begin(), details_.end());
}

void HtmlReportWriter::Conversation(const ConversationResult& r, std::string*) {
  const size_t n = ++seen_;
  index_.Add(r, n);
  trends_.Add(r);
  KeepDetail(r, n);
  for (const auto& m : r.metrics) {
    if (!m.title.empty() && (r.language == "en" || !metric_titles_.count(m.id)))
      metric_titles_[m.id] = m.title;
  }
}

bool HtmlReportWriter::WriteConversations(const std::map<std::string, std::string>& titles,
                                          std::string* out, const std::function<void()>& flush,
                                          std::string* error) {
  std::sort(details_.begin(), details_.end());  // worst first
  std::vector<size_t> on_page;
  for (const Detail& d : details_) on_page.push_back(d.rank.n);
  std::sort(on_page.begin(), on_page.end());
  const auto has_detail = [&on_page](size_t n) {
    return std::binary_search(on_page.begin(), on_page.end(), n);
  };
  if (details_.size() < seen_) {
    out->append(fmt::format(
        "<p class=\"omitted\" id=\"omitted\">The index lists all {0} conversations, worst first; "
        "the worst {1} are detailed below, {2} are not (the summary above covers all of them). "
        "Use <code>--format json</code> or <code>jsonl</code> for every conversation's "
        "evidence.</p>\n",
        seen_, details_.size(), seen_ - details_.size()));
  }
  bool ok = seen_ <= 1 || index_.Write(titles, has_detail, out, flush, error);
  for (const Detail& d : details_) {
    std::string failed;  // the first failure is the one reported
    if (!sections_.Read(d.section, out, &failed) && ok) ok = false, *error = failed;
    if (out->size() > ConversationIndex::kFlushBytes) flush();
  }
  return ok;
}

void HtmlReportWriter::End(const RunTotals& totals, const std::vector<CheckOutcome>& checks,
                           const Summary* summary, std::string* out) {
  std::string error;
  End(totals, checks, summary, out, &error);
}

bool HtmlReportWriter::End(const RunTotals& totals, const std::vector<CheckOutcome>& checks,
                           const Summary* summary, std::string* out, std::string* error) {
  const auto flush = [this, out] { FlushOut(out); };
  const uint64_t conversations = summary ? summary->conversations : seen_;
  out->append(fmt::format(
      "<header class=\"top\"><h1>tact report</h1>\n<p class=\"muted\">{} conversation(s) from "
      "{} input(s) · {} read · {} analyzed · {} skipped{}</p></header>\n",
      conversations, totals.inputs, totals.read, totals.analyzed, totals.skipped,
      options_.summary ? " · summary only" : ""));
  WriteChecks(checks, out);
  std::map<std::string, size_t> anchors;
  for (const Detail& d : details_) anchors.emplace(d.key, d.rank.n);
  std::map<std::string, std::string> titles;
  if (summary != nullptr) {
    for (const auto& [id, b] : summary->behaviours) titles[id] = b.title;
    std::optional<Period> forced;  // --group-by period:X sets the trends' period
    for (const auto& dim : summary->group_by) {
      Period p;
      if (!forced && ParsePeriodDimension(dim, &p)) forced = p;
    }
    std::string trends;
    trends_.Write(forced, metric_titles_, &trends);
    WriteSummary(*summary, totals, anchors, metric_titles_, trends, out);
  } else {
    out->append("<p class=\"muted\">No batch summary was given to this report.</p>\n");
  }
  out->append("<h2 id=\"conversations\">Conversations</h2>\n");
  bool ok = true;
  if (seen_ == 0) {
    out->append(options_.summary
                    ? "<p class=\"muted\" id=\"summary-only\">Summary only (<code>--summary</code>"
                      "): the conversations are not listed one by one.</p>\n"
                    : "<p class=\"muted\">No conversations were analyzed.</p>\n");
  } else {
    ok = WriteConversations(titles, out, flush, error);
  }
  out->append("<footer>Made by tact " + HtmlEscape(options_.version) +
              ". This page is self-contained: nothing is fetched; its small script only sorts "
              "and filters the index.</footer>\n");
  if (seen_ > 1) out->append("<script>\n" + std::string(HtmlReportScript()) + "</script>\n");
  out->append("</body>\n</html>\n");
  details_.clear();
  return ok;
}

}  // namespace tact::report
