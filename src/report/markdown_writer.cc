#include "report/markdown_writer.h"

#include "report/report_util.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace tact::report {
namespace {

// Table cells: pipes and line breaks would break the table.
std::string Cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string Pct(double r) { return r < 0 ? "–" : fmt::format("{:.1f}%", r * 100); }

std::string Val(double v, const std::string& unit) {
  if (std::isnan(v)) return "–";
  if (unit == "ratio") return fmt::format("{:.2f}", v);
  if (unit == "s") return fmt::format("{:.1f} s", v);
  return fmt::format("{:.0f}", v);
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
  std::string score = r.score < 0 ? "n/a" : fmt::format("{:.0f}", r.score);
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
  out->append(fmt::format("\n**{} conversation(s)** analyzed, {} skipped",
                          s.conversations ? s.conversations : totals.analyzed,
                          summary ? s.skipped : totals.skipped));
  if (s.scores.count()) {
    out->append(fmt::format(" · score mean {:.1f}, median {:.0f}, p90 {:.0f}", s.scores.mean(),
                            s.scores.Quantile(0.5), s.scores.Quantile(0.9)));
  }
  out->append("\n");
  if (!s.unsupported_languages.empty()) {
    std::string list;
    uint64_t total = 0;
    for (const auto& [lang, n] : s.unsupported_languages) {
      list += (list.empty() ? "" : ", ") + ("`" + lang + "` ") + std::to_string(n);
      total += n;
    }
    out->append(fmt::format("\nNot judged, in an unsupported language: {} ({})\n", total, list));
  }
  struct Section {
    BehaviourKind kind;
    const char* title;
    const char* rate;
    const char* bad;
  };
  for (const auto& sec :
       {Section{BehaviourKind::kExpected, "Expected of the agent", "met", "missed"},
        Section{BehaviourKind::kAvoid, "To avoid", "clean", "violated"},
        Section{BehaviourKind::kSignal, "Customer signals", "present", "absent"}}) {
    bool any = false;
    for (const auto& [id, b] : s.behaviours) any |= b.kind == sec.kind;
    if (!any) continue;
    out->append(fmt::format("\n## {}\n\n| behaviour | {} | {} | n/a |\n|---|---:|---:|---:|\n",
                            sec.title, sec.rate, sec.bad));
    for (const auto& [id, b] : s.behaviours) {
      if (b.kind != sec.kind) continue;
      uint64_t bad = b.kind == BehaviourKind::kExpected ? b.counts.missed
                     : b.kind == BehaviourKind::kAvoid  ? b.counts.violated
                                                        : b.counts.absent;
      out->append(fmt::format("| {} (`{}`) | {} | {} | {} |\n", Cell(b.title), id,
                              Pct(b.counts.Rate(b.kind)), bad, b.counts.not_applicable));
    }
  }
  if (!s.metrics.empty()) {
    out->append(
        "\n## Metrics\n\n| metric | n | median | p90 | worst | met "
        "|\n|---|---:|---:|---:|---:|---:|\n");
    for (const auto& [id, m] : s.metrics) {
      const Histogram& h = m.values;
      out->append(fmt::format("| `{}` | {} | {} | {} | {} | {} |\n", id, h.count(),
                              h.count() ? Val(h.Quantile(0.5), m.unit) : "–",
                              h.count() ? Val(h.Quantile(0.9), m.unit) : "–",
                              h.count() ? Val(h.max(), m.unit) : "–",
                              Pct(m.counts.Rate(BehaviourKind::kExpected))));
    }
  }
  for (const auto& [dim, groups] : s.groups) {
    out->append(fmt::format(
        "\n## By {}\n\n| {} | conversations | mean score | lowest rates |\n|---|---:|---:|---|\n",
        dim, dim));
    for (const auto& [key, g] : groups) {
      std::vector<std::pair<double, std::string>> rates;
      for (const auto& [bid, c] : g.behaviours) {
        auto it = s.behaviours.find(bid);
        if (it == s.behaviours.end() || it->second.kind == BehaviourKind::kSignal) continue;
        double r = c.Rate(it->second.kind);
        if (r >= 0) rates.emplace_back(r, bid);
      }
      std::sort(rates.begin(), rates.end());
      std::string low;
      for (size_t k = 0; k < rates.size() && k < 3; ++k)
        low += fmt::format("{}`{}` {}", k ? ", " : "", rates[k].second, Pct(rates[k].first));
      std::string mean = g.scored
                             ? fmt::format("{:.1f}", static_cast<double>(g.score_milli_sum) /
                                                         1000.0 / static_cast<double>(g.scored))
                             : "–";
      out->append(fmt::format("| {} | {} | {} | {} |\n", Cell(key), g.conversations, mean, low));
    }
  }
  std::string worst;
  for (const auto& [id, b] : s.behaviours) {
    if (b.worst.empty() || b.kind == BehaviourKind::kSignal) continue;
    worst += fmt::format("\n**`{}`**\n\n", id);
    for (const auto& w : b.worst) {
      std::string score = w.score < 0 ? "n/a" : fmt::format("{:.0f}", w.score);
      worst += fmt::format("- `{}` score {}{}\n", Cell(w.source), score,
                           w.turn > 0 ? fmt::format(", turn {}: “{}”", w.turn, Cell(w.quote))
                                      : (w.quote.empty() ? "" : " — " + Cell(w.quote)));
    }
  }
  if (!worst.empty()) out->append("\n## Worst conversations\n" + worst);
  if (!details_.empty()) {
    out->append("\n## Conversations\n\n" + details_);
    if (listed_ > kMaxListed) {
      out->append(fmt::format(
          "\nThe first {} of {} conversations are listed; the tables above cover all of them "
          "(`--format jsonl` or `csv` list every one).\n",
          kMaxListed, listed_));
    }
  }
  if (!checks.empty()) {
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
}

}  // namespace tact::report
