#include "report/html_writer.h"

#include "report/report_util.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace tact::report {
namespace {

constexpr size_t kQuoteContext = 160;  // bytes of context kept on each side of the match
constexpr size_t kQuotesShown = 3;     // evidence quotes per behaviour (all with --all-evidence)
constexpr size_t kMaxGroupRows = 100;  // rows of a heat table (the largest groups)

constexpr const char* kStyle = R"css(
:root{--fg:#1f2933;--muted:#66768a;--line:#dde3ea;--soft:#f6f8fa;--good:#23774a;--bad:#c0392b;--warn:#b9770e;--accent:#2f6db5;--mark:#fff0a0}
*{box-sizing:border-box;-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0 auto;max-width:1120px;padding:24px 28px 48px;background:#fff;color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif}
h1{font-size:24px;margin:0 0 2px}
h2{font-size:18px;margin:36px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:15px;margin:0;word-break:break-all}
a{color:var(--accent);text-decoration:none}
.muted{color:var(--muted)}
.small{font-size:12px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.card{flex:1 1 150px;max-width:300px;background:var(--soft);border:1px solid var(--line);border-radius:8px;padding:10px 14px}
.card .k{color:var(--muted);font-size:11px;text-transform:uppercase;letter-spacing:.05em}
.card .v{font-size:26px;font-weight:600;line-height:1.2;margin:2px 0;word-break:break-word}
.card .v.id{font-size:16px;padding:6px 0;word-break:normal}
.card .d{color:var(--muted);font-size:12px}
.checks{list-style:none;padding:0}
.checks li{margin:2px 0}
.badge{display:inline-block;padding:0 6px;border-radius:4px;font-size:12px;font-weight:600}
.b-pass{background:#dff3e6;color:var(--good)}.b-fail{background:#fbe1de;color:var(--bad)}
svg{display:block;max-width:100%;height:auto}
svg text{font-family:inherit;font-size:12px;fill:var(--fg)}
svg .grp{font-weight:600;font-size:13px}
svg .ax{fill:var(--muted);font-size:11px}
svg .grid{stroke:var(--line);stroke-width:1}
svg .track{fill:var(--soft)}
svg .val{font-variant-numeric:tabular-nums}
svg .cnt{fill:var(--muted);font-size:11px}
svg .hbar{fill:#8fb3de}
svg .base{stroke:#9aa5b1;stroke-width:1}
svg .q50{stroke:#1f2933;stroke-width:1.5;stroke-dasharray:4 3}
svg .q90{stroke:var(--bad);stroke-width:1.5;stroke-dasharray:4 3}
svg .ql{font-size:11px}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
thead th{font-size:12px;color:var(--muted);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.scroll{overflow-x:auto;margin-bottom:18px}
h3.heat-title{margin:14px 0 4px}
table.heat{width:auto}
table.heat th.v{vertical-align:bottom;padding:4px 2px;height:130px}
table.heat th.v span{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap}
table.heat th.kh{text-align:center;border-bottom:2px solid var(--line);color:var(--fg)}
table.heat td.r{text-align:center;min-width:34px;padding:3px 2px;font-size:11px;font-variant-numeric:tabular-nums;border:1px solid #fff}
table.heat td.na{color:var(--muted);background:var(--soft)}
table.heat tbody th{white-space:nowrap;font-weight:600}
.hists{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:14px}
figure{margin:0;border:1px solid var(--line);border-radius:8px;padding:8px 10px}
figcaption{font-size:12px;color:var(--muted)}
figcaption b{color:var(--fg)}
.omitted{background:#fff6e0;border:1px solid #f0d9a0;border-radius:6px;padding:8px 12px}
.conv{border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:18px 0}
.conv>header{display:flex;justify-content:space-between;align-items:baseline;gap:12px}
.meta{margin:2px 0 8px;color:var(--muted)}
.score{display:inline-block;min-width:40px;text-align:center;padding:1px 8px;border-radius:12px;font-weight:700;font-variant-numeric:tabular-nums}
.s-good{background:#dff3e6;color:var(--good)}.s-mid{background:#fdf0d5;color:var(--warn)}.s-bad{background:#fbe1de;color:var(--bad)}.s-na{background:var(--soft);color:var(--muted)}
.warnings{margin:4px 0 8px;padding-left:18px;color:var(--warn)}
.unsupported{margin:4px 0 8px;color:var(--warn)}
table.beh td.mark,table.met td.mark{width:22px;text-align:center;font-weight:700}
table.beh td.st{white-space:nowrap}
table.beh tr.kind th{background:var(--soft);color:var(--fg);font-size:13px}
.t-good{color:var(--good)}.t-bad{color:var(--bad)}.t-warn{color:var(--warn)}.t-na{color:var(--muted)}
.bt{display:block;color:var(--muted);font-size:12px}
.lvl{font-size:11px;color:var(--muted);border:1px solid var(--line);border-radius:3px;padding:0 4px;margin-left:4px}
blockquote{margin:0 0 4px;padding:2px 8px;border-left:3px solid var(--line);word-break:break-word}
blockquote .w{display:block;color:var(--muted);font-size:12px}
mark{background:var(--mark);color:inherit;padding:0 1px;border-radius:2px;font-weight:600}
.note{color:var(--muted);font-size:12px}
.tip{margin-top:4px;padding:4px 8px;background:#eef4fb;border-radius:4px}
.tip .en{display:block;color:var(--muted);font-size:12px}
table.worst th{width:190px}
.wl{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:3px 16px;font-size:13px}
.wl .score{font-size:11px;min-width:0;padding:0 5px}
footer{margin-top:40px;color:var(--muted);font-size:12px}
@media print{body{max-width:none;padding:0;font-size:12px}.scroll{overflow:visible}table.heat td.r{min-width:0;padding:2px 1px;font-size:9px}table.heat th.v{height:110px;font-size:10px}.hists{grid-template-columns:1fr 1fr}figure,.card,tr,blockquote,svg{break-inside:avoid}h2,h3{break-after:avoid}a{color:inherit}}
)css";

// Moves `i` back (or forward) to a UTF-8 code point boundary.
size_t Boundary(std::string_view s, size_t i, bool forward) {
  while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) {
    i = forward ? i + 1 : i - 1;
  }
  return std::min(i, s.size());
}

std::string FormatTime(double t) {
  long s = static_cast<long>(std::floor(t));
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

std::string Percent(double r, int decimals = 0) {
  if (r < 0) return "–";
  return decimals ? fmt::format("{:.{}f}%", r * 100, decimals) : fmt::format("{:.0f}%", r * 100);
}

std::string Num(double v, const std::string& unit) {
  if (std::isnan(v)) return "–";
  if (unit == "ratio") return fmt::format("{:.2f}", v);
  if (unit == "s") return fmt::format("{:.1f} s", v);
  if (unit.empty() || unit == "count") return fmt::format("{:.0f}", v);
  return fmt::format("{:.0f} {}", v, unit);
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

std::string ScoreBadge(double score) {
  if (score < 0) return "<span class=\"score s-na\">n/a</span>";
  const char* cls = score >= 80 ? "s-good" : score >= 50 ? "s-mid" : "s-bad";
  return fmt::format("<span class=\"score {}\">{:.0f}</span>", cls, score);
}

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

// "met 5 · missed 2 · n/a 1" for a behaviour of `kind`.
std::string CountsText(const StatusCounts& c, BehaviourKind kind) {
  Status a = kind == BehaviourKind::kExpected ? Status::kMet
             : kind == BehaviourKind::kAvoid  ? Status::kClean
                                              : Status::kPresent;
  Status b = kind == BehaviourKind::kExpected ? Status::kMissed
             : kind == BehaviourKind::kAvoid  ? Status::kViolated
                                              : Status::kAbsent;
  std::string out = fmt::format("{} {} · {} {}", StatusName(a), c.Get(a), StatusName(b), c.Get(b));
  if (c.not_applicable > 0) out += fmt::format(" · n/a {}", c.not_applicable);
  return out;
}

std::string MetricValue(const MetricResult& m) {
  if (!m.value) return "n/a";
  if (m.id == "de_escalation" && m.fields.size() >= 2)
    return fmt::format("{:.2f} → {:.2f}", m.fields[0].second, m.fields[1].second);
  if (m.unit == "ratio") return fmt::format("{:.2f}", *m.value);
  if (m.unit == "s") return fmt::format("{:.1f} s", *m.value);
  return fmt::format("{:.0f} {}", *m.value, m.unit);
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
  const Histogram& h = s.scores;
  card("mean-score", "Mean score", h.count() ? fmt::format("{:.1f}", h.mean()) : "–",
       h.count() ? fmt::format("lowest {:.0f} · highest {:.0f}", h.min(), h.max()) : "no scores");
  card("median-score", "Median score", h.count() ? fmt::format("{:.0f}", h.Quantile(0.5)) : "–",
       h.count() ? fmt::format("p90 {:.0f} · {} scored", h.Quantile(0.9), h.count()) : "no scores");
  double vr = s.conversations ? static_cast<double>(s.violated_conversations) /
                                    static_cast<double>(s.conversations)
                              : -1;
  card("violations", "With a violation", Percent(vr, 1),
       fmt::format("{} of {} conversation(s)", s.violated_conversations, s.conversations));
  if (!s.unsupported_languages.empty()) {
    std::string list;
    uint64_t total = 0;
    for (const auto& [lang, n] : s.unsupported_languages) {
      list += (list.empty() ? "" : " · ") + lang + " " + std::to_string(n);
      total += n;
    }
    card("unsupported", "Not judged (language)", std::to_string(total),
         "unsupported: " + HtmlEscape(list));
  }
  // The expected behaviour missed most often (ties: the lower rate, then the id).
  const std::string* most = nullptr;
  const BehaviourSummary* mb = nullptr;
  for (const auto& [id, b] : s.behaviours) {
    if (b.kind != BehaviourKind::kExpected || b.counts.missed == 0) continue;
    if (mb == nullptr || b.counts.missed > mb->counts.missed ||
        (b.counts.missed == mb->counts.missed &&
         b.counts.Rate(b.kind) < mb->counts.Rate(mb->kind))) {
      most = &id;
      mb = &b;
    }
  }
  if (mb != nullptr) {
    card("most-missed", "Most missed", HtmlEscape(*most),
         fmt::format("missed in {} of {} ({})", mb->counts.missed,
                     mb->counts.Applicable(BehaviourKind::kExpected),
                     Percent(1 - mb->counts.Rate(BehaviourKind::kExpected), 1)),
         true);
  } else {
    card("most-missed", "Most missed", "none", "no expected behaviour was missed", true);
  }
  out->append("</div>\n");
}

// One horizontal bar per behaviour, grouped by kind: the met rate (expected),
// the clean rate (avoid) or the present rate (signals).
void WriteBehaviourChart(const Summary& s, std::string* out) {
  constexpr double kLabelRight = 196, kBarX = 204, kBarW = 440, kRow = 22, kBarH = 14, kW = 820;
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
             (rate < 0 ? std::string("not applicable") : Percent(rate, 1) + " " + what);
      body +=
          fmt::format("<g class=\"bar\" data-behaviour=\"{}\" data-kind=\"{}\"><title>{}</title>",
                      HtmlEscape(id), KindName(kind), tip);
      body += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", C(kLabelRight),
                          C(y + 13), HtmlEscape(id));
      body += fmt::format(
          "<rect class=\"track\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\"/>", C(kBarX),
          C(y + 3), C(kBarW), C(kBarH));
      body += fmt::format(
          "<rect class=\"bar-fill\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" "
          "fill=\"{}\"/>",
          C(kBarX), C(y + 3), C(rate < 0 ? 0 : kBarW * rate), C(kBarH), BarColor(rate, kind));
      body += fmt::format(
          "<text class=\"val\" x=\"{}\" y=\"{}\">{} <tspan class=\"cnt\">{}</tspan></text></g>\n",
          C(kBarX + kBarW + 8), C(y + 14), rate < 0 ? "n/a" : Percent(rate),
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

// Rows: the groups of one dimension (largest first); columns: the expected
// and avoid behaviours, each cell coloured by its rate.
void WriteHeatTable(const Summary& s, const std::string& dim,
                    const std::map<std::string, GroupSummary>& groups, std::string* out) {
  std::vector<const std::string*> cols[2];
  for (const auto& [id, b] : s.behaviours) {
    if (b.kind == BehaviourKind::kExpected) cols[0].push_back(&id);
    if (b.kind == BehaviourKind::kAvoid) cols[1].push_back(&id);
  }
  std::vector<std::pair<const std::string*, const GroupSummary*>> rows;
  for (const auto& [key, g] : groups) rows.emplace_back(&key, &g);
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second->conversations > b.second->conversations;
  });
  const std::string slug = Slug(dim);
  out->append(
      fmt::format("<h3 class=\"heat-title\">By {}</h3>\n<div class=\"scroll\">"
                  "<table class=\"heat\" id=\"heat-{}\">\n<thead><tr><th colspan=\"3\"></th>",
                  HtmlEscape(dim), slug));
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
      out->append("<th class=\"v\"><span>" + HtmlEscape(*id) + "</span></th>");
  }
  out->append("</tr></thead>\n<tbody>\n");
  size_t shown = std::min(rows.size(), kMaxGroupRows);
  for (size_t i = 0; i < shown; ++i) {
    const GroupSummary& g = *rows[i].second;
    std::string mean = g.scored ? fmt::format("{:.1f}", static_cast<double>(g.score_milli_sum) /
                                                            1000.0 / static_cast<double>(g.scored))
                                : "–";
    out->append(fmt::format(
        "<tr class=\"heat-row\"><th>{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td>",
        HtmlEscape(*rows[i].first), g.conversations, mean));
    for (int k = 0; k < 2; ++k) {
      BehaviourKind kind = k == 0 ? BehaviourKind::kExpected : BehaviourKind::kAvoid;
      for (const std::string* id : cols[k]) {
        auto it = g.behaviours.find(*id);
        double rate = it == g.behaviours.end() ? -1 : it->second.Rate(kind);
        if (rate < 0) {
          out->append("<td class=\"r na\" title=\"" + HtmlEscape(*id) +
                      ": not applicable\">–</td>");
        } else {
          out->append(fmt::format(
              "<td class=\"r\" style=\"background:{}\" title=\"{}: {}\">{}</td>", HeatColor(rate),
              HtmlEscape(*id), CountsText(it->second, kind), Percent(rate)));
        }
      }
    }
    out->append("</tr>\n");
  }
  out->append("</tbody></table></div>\n");
  if (shown < rows.size()) {
    out->append(
        fmt::format("<p class=\"muted small\">{} more group(s) of {} not shown (the {} "
                    "largest are).</p>\n",
                    rows.size() - shown, HtmlEscape(dim), shown));
  }
}

// A histogram of `h` re-binned into equal-width bins, with the median and
// the 90th percentile marked.
void WriteHistogram(const std::string& id, const std::string& unit, const Histogram& h, bool score,
                    const std::string& caption_extra, std::string* out) {
  constexpr double kW = 380, kH = 168, kX0 = 44, kX1 = 350, kY0 = 26, kY1 = 136;
  const int bins = 20;
  // Positions use values rounded to thousandths, as a summary read back by
  // `tact merge` has them, so a merged report draws exactly like one run.
  auto r3 = [](double v) { return std::round(v * 1000) / 1000; };
  const double min = r3(h.min()), max = r3(h.max());
  double lo = score ? 0 : std::min(0.0, min);
  double hi = score ? 100 : max;
  if (hi <= lo) hi = lo + 1;
  std::vector<uint64_t> counts(bins, 0);
  for (const auto& [b, n] : h.buckets()) {
    double v = std::clamp(r3(Histogram::Representative(b)), min, max);
    int i = static_cast<int>(std::floor((v - lo) / (hi - lo) * bins));
    counts[static_cast<size_t>(std::clamp(i, 0, bins - 1))] += n;
  }
  uint64_t top = std::max<uint64_t>(1, *std::max_element(counts.begin(), counts.end()));
  auto x_of = [&](double v) {
    return kX0 + (std::clamp(v, lo, hi) - lo) / (hi - lo) * (kX1 - kX0);
  };
  const std::string slug = Slug(id);
  out->append(fmt::format(
      "<figure><svg class=\"histogram\" id=\"hist-{}\" viewBox=\"0 0 {} {}\" width=\"{}\" "
      "height=\"{}\" role=\"img\" aria-label=\"Distribution of {}\">\n",
      slug, C(kW), C(kH), C(kW), C(kH), HtmlEscape(id)));
  const double bw = (kX1 - kX0) / bins;
  for (int i = 0; i < bins; ++i) {
    if (counts[static_cast<size_t>(i)] == 0) continue;
    double bh = (kY1 - kY0) * static_cast<double>(counts[static_cast<size_t>(i)]) /
                static_cast<double>(top);
    double a = lo + (hi - lo) * i / bins, b = lo + (hi - lo) * (i + 1) / bins;
    out->append(fmt::format(
        "<rect class=\"hbar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{} – {}: "
        "{}</title></rect>\n",
        C(kX0 + bw * i + 0.5), C(kY1 - bh), C(bw - 1), C(bh), Num(a, unit), Num(b, unit),
        counts[static_cast<size_t>(i)]));
  }
  out->append(
      fmt::format("<line class=\"base\" x1=\"{0}\" y1=\"{2}\" x2=\"{1}\" y2=\"{2}\"/>"
                  "<line class=\"base\" x1=\"{0}\" y1=\"{3}\" x2=\"{0}\" y2=\"{2}\"/>\n"
                  "<text class=\"ax\" x=\"{4}\" y=\"{5}\" text-anchor=\"end\">{6}</text>"
                  "<text class=\"ax\" x=\"{4}\" y=\"{2}\" text-anchor=\"end\">0</text>\n"
                  "<text class=\"ax\" x=\"{0}\" y=\"{7}\" text-anchor=\"middle\">{8}</text>"
                  "<text class=\"ax\" x=\"{9}\" y=\"{7}\" text-anchor=\"middle\">{10}</text>"
                  "<text class=\"ax\" x=\"{1}\" y=\"{7}\" text-anchor=\"middle\">{11}</text>\n",
                  C(kX0), C(kX1), C(kY1), C(kY0), C(kX0 - 6), C(kY0 + 4), top, C(kY1 + 16),
                  HtmlEscape(Num(lo, unit)), C((kX0 + kX1) / 2),
                  HtmlEscape(Num((lo + hi) / 2, unit)), HtmlEscape(Num(hi, unit))));
  if (h.count() > 0) {
    double x50 = x_of(r3(h.Quantile(0.5))), x90 = x_of(r3(h.Quantile(0.9)));
    out->append(
        fmt::format("<line class=\"q50\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"><title>median "
                    "{3}</title></line>"
                    "<line class=\"q90\" x1=\"{4}\" y1=\"{1}\" x2=\"{4}\" y2=\"{2}\"><title>p90 "
                    "{5}</title></line>\n",
                    C(x50), C(kY0 - 10), C(kY1), HtmlEscape(Num(h.Quantile(0.5), unit)), C(x90),
                    HtmlEscape(Num(h.Quantile(0.9), unit))));
    // The labels: "median" left of its line, "p90" right of its own; one
    // label for both when the lines (nearly) coincide.
    const std::string y = C(kY0 - 12);
    if (x90 - x50 < 4) {
      bool left = x50 > kX0 + 80;
      out->append(fmt::format(
          "<text class=\"ql\" x=\"{}\" y=\"{}\" text-anchor=\"{}\">median = p90</text>\n",
          C(left ? x50 - 3 : x90 + 3), y, left ? "end" : "start"));
    } else {
      out->append(
          fmt::format("<text class=\"ql\" x=\"{}\" y=\"{}\" text-anchor=\"end\">median</text>"
                      "<text class=\"ql\" x=\"{}\" y=\"{}\" text-anchor=\"start\" "
                      "fill=\"#c0392b\">p90</text>\n",
                      C(x50 - 3), y, C(x90 + 3), y));
    }
  }
  out->append("</svg>\n");
  std::string caption = "<b>" + HtmlEscape(id) + "</b>";
  if (h.count() > 0) {
    caption += fmt::format(" · n {} · median {} · p90 {} · max {}", h.count(),
                           HtmlEscape(Num(h.Quantile(0.5), unit)),
                           HtmlEscape(Num(h.Quantile(0.9), unit)), HtmlEscape(Num(h.max(), unit)));
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
        double score = w.score < 0 ? w.score : std::round(w.score * 10) / 10;
        out->append(fmt::format("<li>{} {}{}</li>", src, ScoreBadge(score), ev));
      }
      out->append("</ul></td></tr>\n");
    }
  }
  out->append("</tbody></table>\n");
}

void WriteSummary(const Summary& s, const RunTotals& t,
                  const std::map<std::string, size_t>& anchors, std::string* out) {
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
  bool plots = s.scores.count() > 0;
  for (const auto& [id, m] : s.metrics) plots |= m.values.count() > 0;
  if (!plots) {
    WriteWorst(s, anchors, out);
    return;
  }
  out->append("<h2 id=\"metrics\">Distributions</h2>\n<div class=\"hists\">\n");
  if (s.scores.count() > 0) WriteHistogram("score", "", s.scores, true, "", out);
  for (const auto& [id, m] : s.metrics) {
    if (m.values.count() == 0) continue;
    double met = m.counts.Rate(BehaviourKind::kExpected);
    WriteHistogram(id, m.unit, m.values, false,
                   met < 0 ? std::string() : " · within threshold " + Percent(met), out);
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
  if (e.time) where += " · " + FormatTime(*e.time);
  if (!e.speaker.empty()) where += " · " + HtmlEscape(e.speaker);
  return "<blockquote><span class=\"w\">" + where + "</span>" +
         HtmlHighlight(e.text, e.span_begin, e.span_end, kQuoteContext) + "</blockquote>";
}

std::string RenderConversation(const ConversationResult& r, size_t n, bool all_evidence) {
  std::string out;
  out += fmt::format(
      "<section class=\"conv\" id=\"conv-{0}\">\n<header><h3><a href=\"#conv-{0}\">{1}</a></h3>{2}"
      "</header>\n",
      n, HtmlEscape(r.source), ScoreBadge(r.score));
  std::string meta;
  if (!r.id.empty()) meta += "id " + HtmlEscape(r.id) + " · ";
  meta += "language " + HtmlEscape(r.language) + " (" + HtmlEscape(r.language_method);
  if (r.language_method == "detected" || r.language_method == "fallback")
    meta += fmt::format(", {:.2f}", r.language_confidence);
  if (!r.customer_language.empty()) meta += "; customer " + HtmlEscape(r.customer_language);
  meta += ") · " + std::string(ChannelName(r.channel)) + " · " + std::to_string(r.turn_count) +
          " turns";
  if (!r.agent.empty()) meta += " · agent " + HtmlEscape(r.agent);
  out += "<p class=\"meta\">" + meta + "</p>\n";
  if (r.score_breakdown.scored)
    out += "<p class=\"meta breakdown\">score " +
           HtmlEscape(r.score_breakdown.Explain(r.score, TitleOf(r))) + "</p>\n";
  if (!r.warnings.empty()) {
    out += "<ul class=\"warnings\">";
    for (const auto& w : r.warnings) out += "<li>warning: " + HtmlEscape(w) + "</li>";
    out += "</ul>\n";
  }
  if (r.unsupported_language()) {  // one line instead of a table of n/a
    out += fmt::format(
        "<p class=\"unsupported\"><strong>not judged</strong>: unsupported language '{}' ({} "
        "behaviours n/a)</p>\n",
        HtmlEscape(r.language), r.behaviours.size());
  } else if (!r.behaviours.empty()) {
    out +=
        "<table class=\"beh\"><thead><tr><th></th><th>behaviour</th><th>status</th>"
        "<th>evidence, note and tip</th></tr></thead>\n<tbody>\n";
    for (BehaviourKind kind : kKinds) {
      bool any = false;
      for (const auto& b : r.behaviours) any |= b.kind == kind;
      if (!any) continue;
      out += fmt::format("<tr class=\"kind\"><th colspan=\"4\">{}</th></tr>\n", KindHeading(kind));
      for (const auto& b : r.behaviours) {
        if (b.kind != kind) continue;
        Mark m = MarkFor(b.status);
        out +=
            fmt::format("<tr class=\"st-{}\" data-behaviour=\"{}\"><td class=\"mark {}\">{}</td>",
                        StatusName(b.status), HtmlEscape(b.id), m.cls, m.symbol);
        // The title in the report's language; the id and English title on hover.
        const std::string& title =
            b.title.empty() ? (b.title_en.empty() ? b.id : b.title_en) : b.title;
        std::string hover = b.id;
        if (!b.title_en.empty() && b.title_en != title) hover += " · " + b.title_en;
        out += "<td><b title=\"" + HtmlEscape(hover) + "\">" + HtmlEscape(title) + "</b>";
        if (b.kind == BehaviourKind::kAvoid)
          out += "<span class=\"lvl\">" + std::string(LevelName(b.level)) + "</span>";
        out += fmt::format("</td><td class=\"st {}\">{}</td><td>", m.cls, m.label);
        size_t shown = all_evidence ? b.evidence.size() : std::min(b.evidence.size(), kQuotesShown);
        for (size_t k = 0; k < shown; ++k) out += Quote(b.evidence[k]);
        if (shown < b.evidence.size()) {
          std::string more = fmt::format("+{} more: turn{}", b.evidence.size() - shown,
                                         b.evidence.size() - shown > 1 ? "s" : "");
          for (size_t k = shown; k < b.evidence.size(); ++k)
            more += (k == shown ? " " : ", ") + std::to_string(b.evidence[k].turn);
          out += "<div class=\"note\">" + more + "</div>";
        }
        // A violation's explanation only names the turn its quote shows.
        const std::string& note = b.status == Status::kViolated ? b.note : NoteOf(b);
        if (!note.empty()) out += "<div class=\"note\">" + HtmlEscape(note) + "</div>";
        if (b.status == Status::kMissed || b.status == Status::kViolated) {
          const std::string& tip = b.tip.empty() ? b.tip_en : b.tip;
          if (!tip.empty()) {
            out += "<div class=\"tip\"><b>Tip:</b> " + HtmlEscape(tip);
            if (!b.tip_en.empty() && b.tip_en != tip)
              out += "<span class=\"en\" lang=\"en\">(en) " + HtmlEscape(b.tip_en) + "</span>";
            out += "</div>";
          }
        }
        out += "</td></tr>\n";
      }
    }
    out += "</tbody></table>\n";
  }
  if (!r.metrics.empty()) {
    out +=
        "<table class=\"met\"><thead><tr><th></th><th>metric</th><th class=\"num\">value</th>"
        "<th class=\"num\">threshold</th><th>note</th></tr></thead>\n<tbody>\n";
    for (const auto& m : r.metrics) {
      Mark mk = MarkFor(m.status);
      std::string threshold = "–";
      if (m.threshold) {
        threshold = fmt::format("≤ {:g}", *m.threshold);  // Direction::kMax
      }
      out += fmt::format(
          "<tr class=\"st-{}\"><td class=\"mark {}\">{}</td><td>{}</td><td class=\"num\">{}</td>"
          "<td class=\"num\">{}</td><td class=\"note\">{}</td></tr>\n",
          StatusName(m.status), mk.cls, mk.symbol, HtmlEscape(NameOf(m)),
          HtmlEscape(MetricValue(m)), threshold, HtmlEscape(NoteOf(m)));
    }
    out += "</tbody></table>\n";
  }
  out += "</section>\n";
  return out;
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
  b = Boundary(t, std::min(b, t.size()), false);
  e = Boundary(t, std::clamp(e, b, t.size()), true);
  size_t from = b > context ? Boundary(t, b - context, false) : 0;
  size_t to = e + context < t.size() ? Boundary(t, e + context, true) : t.size();
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
  out->append(kStyle);
  out->append("</style>\n</head>\n<body>\n");
}

void HtmlReportWriter::Conversation(const ConversationResult& r, std::string*) {
  const size_t n = ++seen_;
  if (n > max_conversations_) return;
  size_t missed = 0, violated = 0;
  for (const auto& b : r.behaviours) {
    missed += b.status == Status::kMissed;
    violated += b.status == Status::kViolated;
  }
  anchors_.emplace(r.source + '\0' + r.id, n);
  index_ += fmt::format(
      "<tr><td class=\"num\">{0}</td><td><a href=\"#conv-{0}\">{1}</a></td><td>{2}</td>"
      "<td>{3}</td><td>{4}</td><td class=\"num\">{5}</td><td class=\"num\">{6}</td>"
      "<td class=\"num\">{7}</td></tr>\n",
      n, HtmlEscape(r.source), HtmlEscape(r.language), ChannelName(r.channel),
      r.agent.empty() ? std::string("–") : HtmlEscape(r.agent), ScoreBadge(r.score), missed,
      violated);
  details_ += RenderConversation(r, n, options_.show_all_evidence);
}

void HtmlReportWriter::End(const RunTotals& totals, const std::vector<CheckOutcome>& checks,
                           const Summary* summary, std::string* out) {
  const uint64_t conversations = summary ? summary->conversations : seen_;
  out->append(fmt::format(
      "<header class=\"top\"><h1>tact report</h1>\n<p class=\"muted\">{} conversation(s) from "
      "{} input(s) · {} read · {} analyzed · {} skipped{}</p></header>\n",
      conversations, totals.inputs, totals.read, totals.analyzed, totals.skipped,
      options_.summary ? " · summary only" : ""));
  if (!checks.empty()) {
    out->append("<ul class=\"checks\" id=\"checks\">\n");
    for (const auto& c : checks) {
      out->append(
          fmt::format("<li><span class=\"badge {}\">{}</span> <code>--fail-on '{}'</code> <span "
                      "class=\"muted\">({})</span></li>\n",
                      !c.na.empty() ? "muted"
                      : c.failed    ? "b-fail"
                                    : "b-pass",
                      !c.na.empty() ? "n/a"
                      : c.failed    ? "FAILED"
                                    : "passed",
                      HtmlEscape(c.expression),
                      !c.na.empty() ? HtmlEscape(c.na) : fmt::format("value {:g}", c.value)));
    }
    out->append("</ul>\n");
  }
  if (summary != nullptr) {
    WriteSummary(*summary, totals, anchors_, out);
  } else {
    out->append("<p class=\"muted\">No batch summary was given to this report.</p>\n");
  }
  out->append("<h2 id=\"conversations\">Conversations</h2>\n");
  if (seen_ == 0) {
    out->append(options_.summary
                    ? "<p class=\"muted\" id=\"summary-only\">Summary only (<code>--summary</code>"
                      "): the conversations are not listed one by one.</p>\n"
                    : "<p class=\"muted\">No conversations were analyzed.</p>\n");
  } else {
    const size_t shown = std::min(seen_, max_conversations_);
    if (shown < seen_) {
      out->append(fmt::format(
          "<p class=\"omitted\" id=\"omitted\">Showing the first {} of {} conversations; {} "
          "omitted from this page (the summary above covers all of them). Use "
          "<code>--format json</code> or <code>jsonl</code> for every conversation.</p>\n",
          shown, seen_, seen_ - shown));
    }
    if (shown > 1) {
      out->append(
          "<div class=\"scroll\"><table class=\"index\" id=\"index\"><thead><tr><th "
          "class=\"num\">#</th><th>source</th><th>language</th><th>channel</th><th>agent</th>"
          "<th class=\"num\">score</th><th class=\"num\">missed</th><th "
          "class=\"num\">violated</th></tr></thead>\n<tbody>\n");
      out->append(index_);
      out->append("</tbody></table></div>\n");
    }
    out->append(details_);
  }
  out->append("<footer>Made by tact " + HtmlEscape(options_.version) +
              ". This page is self-contained: no scripts, no network.</footer>\n</body>\n"
              "</html>\n");
  index_.clear();
  details_.clear();
  anchors_.clear();
}

}  // namespace tact::report
