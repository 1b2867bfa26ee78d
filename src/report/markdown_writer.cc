#include "report/markdown_writer.h"

#include <fmt/format.h>

#include <algorithm>

#include "report/format.h"
#include "report/report_util.h"
#include "report/summary_stats.h"

namespace tact::report {
namespace {

std::string Cell(std::string_view s) { return MarkdownCell(s); }

std::string Pct(double r) { return Percent(r, 1); }

// "**12 conversation(s)** analyzed, 0 skipped · score mean …" and the
// conversations in an unsupported language.
void WriteHeadline(const Summary& s, uint64_t conversations, uint64_t skipped, std::string* out) {
  out->append(fmt::format("\n**{} conversation(s)** analyzed, {} skipped", conversations, skipped));
  if (s.scores.count()) {
    const Distribution d = Describe(s.scores);
    out->append(
        fmt::format(" · score mean {:.1f}, median {:.0f}, p90 {:.0f}", d.mean, d.median, d.p90));
  }
  out->append("\n");
  if (!s.unsupported_languages.empty()) {
    std::string list;
    for (const auto& [lang, n] : s.unsupported_languages)
      list += (list.empty() ? "" : ", ") + ("`" + lang + "` ") + std::to_string(n);
    out->append(fmt::format("\nNot judged, in an unsupported language: {} ({})\n",
                            UnsupportedTotal(s), list));
  }
}

// A table per kind: the rate, the bad count and n/a of each behaviour.
void WriteBehaviourTables(const Summary& s, std::string* out) {
  struct Section {
    BehaviourKind kind;
    const char* title;
    const char* rate;
  };
  for (const auto& sec : {Section{BehaviourKind::kExpected, "Expected of the agent", "met"},
                          Section{BehaviourKind::kAvoid, "To avoid", "clean"},
                          Section{BehaviourKind::kSignal, "Customer signals", "present"}}) {
    bool any = false;
    for (const auto& [id, b] : s.behaviours) any |= b.kind == sec.kind;
    if (!any) continue;
    out->append(fmt::format("\n## {}\n\n| behaviour | {} | {} | n/a |\n|---|---:|---:|---:|\n",
                            sec.title, sec.rate, StatusName(BadStatus(sec.kind))));
    for (const auto& [id, b] : s.behaviours) {
      if (b.kind != sec.kind) continue;
      out->append(fmt::format("| {} (`{}`) | {} | {} | {} |\n", Cell(b.title), id,
                              Pct(b.counts.Rate(b.kind)), b.counts.Get(BadStatus(b.kind)),
                              b.counts.not_applicable));
    }
  }
}

void WriteMetricTable(const Summary& s, std::string* out) {
  if (s.metrics.empty()) return;
  out->append(
      "\n## Metrics\n\n| metric | n | median | p90 | worst | met "
      "|\n|---|---:|---:|---:|---:|---:|\n");
  for (const auto& [id, m] : s.metrics) {
    const Distribution d = Describe(m.values);
    const std::string& unit = m.unit;
    auto value = [&](double v) {
      return d.count ? NumberWithUnit(v, unit, UnitStyle::kBare) : std::string(kDash);
    };
    out->append(fmt::format("| `{}` | {} | {} | {} | {} | {} |\n", id, d.count, value(d.median),
                            value(d.p90), value(d.max),
                            Pct(m.counts.Rate(BehaviourKind::kExpected))));
  }
}

// Per dimension, each group's conversations, mean score and lowest rates.
void WriteGroupTables(const Summary& s, std::string* out) {
  for (const auto& [dim, groups] : s.groups) {
    out->append(fmt::format(
        "\n## By {}\n\n| {} | conversations | mean score | lowest rates |\n|---|---:|---:|---|\n",
        dim, dim));
    for (const auto& [key, g] : groups) {
      std::string low;
      for (const auto& [rate, id] : LowestRates(s, g, 3))
        low += fmt::format("{}`{}` {}", low.empty() ? "" : ", ", id, Pct(rate));
      const std::optional<double> mean = MeanScore(g);
      out->append(fmt::format("| {} | {} | {} | {} |\n", Cell(key), g.conversations,
                              mean ? Fixed(*mean, 1) : std::string(kDash), low));
    }
  }
}

void WriteWorst(const Summary& s, std::string* out) {
  std::string worst;
  for (const auto& [id, b] : s.behaviours) {
    if (b.worst.empty() || b.kind == BehaviourKind::kSignal) continue;
    worst += fmt::format("\n**`{}`**\n\n", id);
    for (const auto& w : b.worst) {
      worst += fmt::format("- `{}` score {}{}\n", Cell(w.source), WholeScore(w.score),
                           w.turn > 0 ? fmt::format(", turn {}: “{}”", w.turn, Cell(w.quote))
                                      : (w.quote.empty() ? "" : " — " + Cell(w.quote)));
    }
  }
  if (!worst.empty()) out->append("\n## Worst conversations\n" + worst);
}

void WriteChecks(const std::vector<CheckOutcome>& checks, std::string* out) {
  if (checks.empty()) return;
  out->append("\n## Checks\n\n");
  for (const auto& c : checks) {
    if (!c.na.empty()) {
      out->append(fmt::format("- ➖ n/a `--fail-on '{}'` ({})\n", c.expression, c.na));
      continue;
    }
    out->append(fmt::format("- {} `--fail-on '{}'` (value {:g})\n",
                            c.failed ? "❌ failed" : "✅ passed", c.expression, c.value));
  }
}

}  // namespace

void MarkdownReportWriter::Begin(std::string* out) { out->append("# tact report\n"); }

void MarkdownReportWriter::Conversation(const ConversationResult& r, std::string* out) {
  (void)out;
  builder_.Add(r);
  if (++listed_ > kMaxListed) return;  // counted in the summary; the list says how many more
  std::string issues;
  for (const auto& b : r.behaviours) {
    if (b.status != Status::kMissed && b.status != Status::kViolated) continue;
    std::string where;
    if (!b.evidence.empty()) {
      const Evidence& e = b.evidence.front();
      where = fmt::format(" (turn {}: “{}”)", e.turn,
                          Cell(e.text.substr(e.span_begin, e.span_end - e.span_begin)));
    }
    issues +=
        fmt::format("{}`{}` {}{}", issues.empty() ? "" : ", ", b.id, StatusName(b.status), where);
  }
  std::string score = WholeScore(r.score);
  if (r.score_breakdown.scored) score = Cell(r.score_breakdown.Explain(r.score, TitleOf(r)));
  std::string language = r.language;
  if (!r.customer_language.empty()) language += ", customer " + r.customer_language;
  if (r.unsupported_language()) issues = "not judged: unsupported language '" + r.language + "'";
  details_ += fmt::format("- `{}` ({}, {}, score {}): {}\n", Cell(r.source), language,
                          ChannelName(r.channel), score, issues.empty() ? "no issues" : issues);
}

void MarkdownReportWriter::End(const RunTotals& totals, const std::vector<CheckOutcome>& checks,
                               const Summary* summary, std::string* out) {
  const Summary& s = summary ? *summary : builder_.summary();
  WriteHeadline(s, s.conversations ? s.conversations : totals.analyzed,
                summary ? s.skipped : totals.skipped, out);
  WriteBehaviourTables(s, out);
  WriteMetricTable(s, out);
  WriteGroupTables(s, out);
  WriteWorst(s, out);
  if (!details_.empty()) {
    out->append("\n## Conversations\n\n" + details_);
    if (listed_ > kMaxListed) {
      out->append(fmt::format(
          "\nThe first {} of {} conversations are listed; the tables above cover all of them "
          "(`--format jsonl` or `csv` list every one).\n",
          kMaxListed, listed_));
    }
  }
  WriteChecks(checks, out);
}

}  // namespace tact::report
