#include "report/text_writer.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/strings.h"
#include "report/format.h"
#include "report/report_util.h"
#include "report/summary_stats.h"

namespace tact::report {
namespace {

constexpr const char* kGreen = "32";
constexpr const char* kRed = "31";
constexpr const char* kYellow = "33";
constexpr const char* kDim = "2";
constexpr const char* kBold = "1";
constexpr const char* kHighlight = "1;4";

std::string Pad(std::string_view s, int width) {
  std::string out(s);
  int w = DisplayWidth(s);
  if (w < width) out.append(static_cast<size_t>(width - w), ' ');
  return out;
}

// People read titles ("Shows empathy"), in the report's language; ids are for machines.
const std::string& Label(const BehaviourResult& b) { return b.title.empty() ? b.id : b.title; }

struct Section {
  BehaviourKind kind;
  const char* title;
};
constexpr Section kSections[] = {{BehaviourKind::kExpected, "Expected of the agent"},
                                 {BehaviourKind::kAvoid, "To avoid"},
                                 {BehaviourKind::kSignal, "Customer signals"}};

}  // namespace

std::string TextReportWriter::Paint(std::string_view s, const char* code) const {
  if (!options_.color) return std::string(s);
  return std::string("\x1b[") + code + "m" + std::string(s) + "\x1b[0m";
}

std::string TextReportWriter::Quote(const Evidence& e) const {
  if (!options_.color) return QuoteEvidence(e);
  return QuoteEvidence(e, [this](const std::string& m) { return Paint(m, kHighlight); });
}

std::string TextReportWriter::Mark(Status s) const {
  switch (s) {
    case Status::kMet:
    case Status::kClean:
      return Paint("✔", kGreen);
    case Status::kMissed:
      return Paint("✘", kRed);
    case Status::kViolated:
      return Paint("⚠", kYellow);
    case Status::kPresent:
      return "●";
    case Status::kAbsent:
      return Paint("○", kDim);
    case Status::kNotApplicable:
      break;
  }
  return Paint("–", kDim);
}

// "turn 4 (1:05)  Agent: "…"": where a quote is and what it says.
std::string TextReportWriter::EvidenceLine(const Evidence& e) const {
  std::string where = "turn " + std::to_string(e.turn);
  if (e.time) where += " (" + ClockTime(*e.time) + ")";
  return where + "  " + Printable(e.speaker) + ": " + Quote(e);
}

void TextReportWriter::Begin(std::string*) {}

void TextReportWriter::Conversation(const ConversationResult& r, std::string* out) {
  if (count_++ > 0) out->append("\n");
  WriteHeader(r, out);
  if (r.unsupported_language()) {  // one line instead of every behaviour as n/a
    out->append("  " + Paint("not judged", kBold) + ": unsupported language '" + r.language +
                "' (" + std::to_string(r.behaviours.size()) + " behaviours n/a)\n");
    return;
  }
  WriteFocus(r, out);
  WriteBehaviours(r, out);
  WriteMetrics(r, out);
}

// The source, the conversation's facts and score, its breakdown and warnings.
void TextReportWriter::WriteHeader(const ConversationResult& r, std::string* out) const {
  out->append(Paint(Printable(r.source), kBold));
  if (!r.id.empty() && r.source.find(r.id) == std::string::npos)
    out->append("  (id " + Printable(r.id) + ")");
  out->append("\n");
  out->append("  " + ConversationFacts(r) + " · score ");
  out->append(Paint(r.score < 0 ? "n/a" : fmt::format("{:.0f}/100", r.score), kBold));
  out->append("\n");
  if (r.score_breakdown.scored) {
    out->append("  " + Paint("score " + r.score_breakdown.Explain(r.score, TitleOf(r)), kDim) +
                "\n");
  }
  for (const auto& w : r.warnings) out->append("  " + Paint("warning: ", kYellow) + w + "\n");
}

// What to work on first, most costly first.
void TextReportWriter::WriteFocus(const ConversationResult& r, std::string* out) const {
  if (r.focus.empty()) return;
  out->append("\n  " + Paint(r.focus_heading, kBold) + "\n");
  int n = 0;
  for (const auto& f : r.focus) {
    std::string line = fmt::format("    {}. ", ++n) + Paint(f.title, kBold);
    if (!f.explain.empty()) line += " — " + f.explain;
    line += " (" + Paint(f.cost, f.critical ? kRed : kDim) + ")";
    out->append(line + "\n");
    if (f.evidence) {
      std::string where = "       ";
      if (f.evidence->time) where += ClockTime(*f.evidence->time) + "  ";
      out->append(where + Printable(f.evidence->speaker) + ": " + Quote(*f.evidence) + "\n");
    }
  }
}

// A table per kind: expected of the agent, to avoid, customer signals.
void TextReportWriter::WriteBehaviours(const ConversationResult& r, std::string* out) const {
  int width = 0;
  for (const auto& b : r.behaviours) width = std::max(width, DisplayWidth(Label(b)));
  for (const Section& sec : kSections) {
    bool any = false;
    for (const auto& b : r.behaviours) any |= b.kind == sec.kind;
    if (!any) continue;
    out->append("\n  " + std::string(sec.title) + "\n");
    for (const auto& b : r.behaviours) {
      if (b.kind == sec.kind) WriteBehaviour(b, width, out);
    }
  }
}

// One behaviour: mark, title, status and the first quote (or the note), then
// the further quotes, the note of a miss and the tip, under the quote column.
void TextReportWriter::WriteBehaviour(const BehaviourResult& b, int width, std::string* out) const {
  const std::string indent(static_cast<size_t>(width) + 17, ' ');
  const std::string status(b.status == Status::kNotApplicable ? std::string_view("n/a")
                                                              : StatusName(b.status));
  std::string row = "    " + Mark(b.status) + " " + Pad(Label(b), width) + "  " + Pad(status, 9);
  const std::string& note = NoteOf(b);
  if (b.evidence.empty()) {
    if (!note.empty()) row += Paint(note, kDim);
    out->append(row + "\n");
  } else {
    out->append(row + EvidenceLine(b.evidence.front()) + "\n");
    size_t shown = options_.show_all_evidence ? b.evidence.size() : 1;
    for (size_t k = 1; k < shown; ++k) out->append(indent + EvidenceLine(b.evidence[k]) + "\n");
    if (shown < b.evidence.size())
      out->append(indent + Paint("(" + MoreTurns(b.evidence, shown) + ")", kDim) + "\n");
    if (b.status == Status::kMissed && !note.empty())
      out->append(indent + Paint(note, kDim) + "\n");
  }
  if (b.status == Status::kMissed || b.status == Status::kViolated) {
    // Once, in the report's language (English only with --tips-lang en).
    const std::string& tip = b.tip.empty() ? b.tip_en : b.tip;
    out->append(indent + Paint("tip: ", kBold) + tip + "\n");
  }
}

void TextReportWriter::WriteMetrics(const ConversationResult& r, std::string* out) const {
  if (r.metrics.empty()) return;
  out->append("\n  Metrics\n");
  int width = 0;
  for (const auto& m : r.metrics) width = std::max(width, DisplayWidth(NameOf(m)));
  for (const auto& m : r.metrics) {
    const std::string mark =
        m.status == Status::kMet || m.status == Status::kMissed ? Mark(m.status) : Paint("–", kDim);
    std::string row = "    " + mark + " " + Pad(NameOf(m), width) + "  " + Pad(MetricValue(m), 10);
    if (m.threshold) {
      row += Paint(fmt::format("threshold ≤ {:g}", *m.threshold), kDim);  // Direction::kMax
    }
    if (!NoteOf(m).empty()) row += "  " + Paint(NoteOf(m), kDim);
    out->append(row + "\n");
  }
}

// ---- the batch summary ------------------------------------------------------

void TextReportWriter::WriteSummary(const Summary& s, std::string* out) const {
  WriteSummaryHeadline(s, out);
  int width = 24;
  for (const auto& [id, b] : s.behaviours) width = std::max(width, DisplayWidth(id) + 2);
  WriteBehaviourTable(s, width, out);
  WriteMetricTable(s, width, out);
  for (const auto& [dim, groups] : s.groups) WriteGroupTable(s, dim, groups, out);
  WriteWorst(s, out);
}

// "Summary: 12 conversation(s) · score mean …" and the unsupported languages.
void TextReportWriter::WriteSummaryHeadline(const Summary& s, std::string* out) const {
  out->append(Paint("Summary", kBold) + fmt::format(": {} conversation(s)", s.conversations));
  if (s.scores.count() > 0) {
    const Distribution d = Describe(s.scores);
    out->append(fmt::format(" · score mean {:.1f}, median {:.0f}, p90 {:.0f}, lowest {:.0f}",
                            d.mean, d.median, d.p90, d.min));
  }
  out->append("\n");
  if (!s.unsupported_languages.empty()) {
    std::string list;
    for (const auto& [lang, n] : s.unsupported_languages)
      list += (list.empty() ? "" : ", ") + lang + " " + std::to_string(n);
    out->append(fmt::format("  not judged: {} in an unsupported language ({})\n",
                            UnsupportedTotal(s), list));
  }
}

// Per kind, the counts of the two statuses that matter, n/a and the rate.
void TextReportWriter::WriteBehaviourTable(const Summary& s, int width, std::string* out) const {
  struct Columns {
    Status a, b;
    const char* rate;
  };
  const Columns columns[] = {{Status::kMet, Status::kMissed, "met"},
                             {Status::kViolated, Status::kClean, "clean"},
                             {Status::kPresent, Status::kAbsent, "present"}};
  for (size_t k = 0; k < 3; ++k) {
    const Section& sec = kSections[k];
    const Columns& c = columns[k];
    out->append("\n  " + Pad(sec.title, width) + Pad(std::string(StatusName(c.a)), 10) +
                Pad(std::string(StatusName(c.b)), 10) + Pad("n/a", 8) + c.rate + "\n");
    for (const auto& [id, b] : s.behaviours) {
      if (b.kind != sec.kind) continue;
      out->append("    " + Pad(id, width - 2) + Pad(std::to_string(b.counts.Get(c.a)), 10) +
                  Pad(std::to_string(b.counts.Get(c.b)), 10) +
                  Pad(std::to_string(b.counts.not_applicable), 8) +
                  Percent(b.counts.Rate(b.kind), 1) + "\n");
    }
  }
}

void TextReportWriter::WriteMetricTable(const Summary& s, int width, std::string* out) const {
  if (s.metrics.empty()) return;
  out->append("\n  " + Pad("Metrics", width) + Pad("n", 8) + Pad("median", 11) + Pad("p90", 11) +
              Pad("worst", 11) + "met\n");
  for (const auto& [id, m] : s.metrics) {
    const Distribution d = Describe(m.values);
    const std::string& unit = m.unit;
    auto value = [&](double v) {
      return d.count ? NumberWithUnit(v, unit, UnitStyle::kBare) : std::string(kDash);
    };
    // Every metric is worse when higher (de_escalation is end minus start).
    out->append("    " + Pad(id, width - 2) + Pad(std::to_string(d.count), 8) +
                Pad(value(d.median), 11) + Pad(value(d.p90), 11) + Pad(value(d.max), 11) +
                Percent(m.counts.Rate(BehaviourKind::kExpected), 1) + "\n");
  }
}

// Per group of one dimension: conversations, mean score, the three lowest rates.
void TextReportWriter::WriteGroupTable(const Summary& s, const std::string& dim,
                                       const std::map<std::string, GroupSummary>& groups,
                                       std::string* out) const {
  out->append("\n  " + Paint("By " + dim, kBold) + "\n");
  int width = 12;
  for (const auto& [key, g] : groups) width = std::max(width, DisplayWidth(key) + 2);
  out->append("    " + Pad("", width) + Pad("conversations", 15) + Pad("mean score", 12) +
              "lowest rates\n");
  for (const auto& [key, g] : groups) {
    std::string low;
    for (const auto& [rate, id] : LowestRates(s, g, 3))
      low += (low.empty() ? "" : ", ") + id + " " + Percent(rate, 1);
    const std::optional<double> mean = MeanScore(g);
    out->append("    " + Pad(key, width) + Pad(std::to_string(g.conversations), 15) +
                Pad(mean ? Fixed(*mean, 1) : std::string(kDash), 12) + low + "\n");
  }
}

// Per expected or avoid behaviour, its lowest-scoring misses or violations.
void TextReportWriter::WriteWorst(const Summary& s, std::string* out) const {
  bool any = false;
  for (const auto& [id, b] : s.behaviours)
    any |= !b.worst.empty() && b.kind != BehaviourKind::kSignal;
  if (!any) return;
  out->append("\n  " + Paint("Worst conversations", kBold) + "\n");
  for (const auto& [id, b] : s.behaviours) {
    if (b.worst.empty() || b.kind == BehaviourKind::kSignal) continue;
    out->append("    " + id + " (" + std::to_string(b.counts.Get(BadStatus(b.kind))) + " " +
                std::string(StatusName(BadStatus(b.kind))) + ")\n");
    for (const auto& w : b.worst) {
      std::string line = "      " + w.source + "  score " + WholeScore(w.score);
      if (w.turn > 0)
        line += "  turn " + std::to_string(w.turn) + ": \"" + Printable(w.quote) + "\"";
      else if (!w.quote.empty())
        line += "  (" + w.quote + ")";
      out->append(line + "\n");
    }
  }
}

void TextReportWriter::End(const RunTotals& totals, const std::vector<CheckOutcome>& checks,
                           const Summary* summary, std::string* out) {
  if (summary != nullptr) WriteSummary(*summary, out);
  if (totals.read > 1 || totals.skipped > 0 || !checks.empty()) {
    out->append("\n" + std::to_string(totals.analyzed) + " conversation(s) analyzed, " +
                std::to_string(totals.skipped) + " skipped\n");
  }
  for (const auto& c : checks) {
    if (!c.na.empty()) {
      out->append(fmt::format("n/a    --fail-on '{}' ({})\n", c.expression, c.na));
      continue;
    }
    out->append(fmt::format("{} --fail-on '{}' (value {:g})\n",
                            c.failed ? Paint("FAILED", kRed) : Paint("passed", kGreen),
                            c.expression, c.value));
  }
}

}  // namespace tact::report
