#include "report/text_writer.h"

#include <fmt/format.h>
#include <cmath>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "common/strings.h"
#include "report/report_util.h"

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

}  // namespace

std::string TextReportWriter::Paint(std::string_view s, const char* code) const {
  if (!options_.color) return std::string(s);
  return std::string("\x1b[") + code + "m" + std::string(s) + "\x1b[0m";
}

std::string TextReportWriter::Quote(const Evidence& e) const {
  if (!options_.color) return QuoteEvidence(e);
  return QuoteEvidence(e, [this](const std::string& m) { return Paint(m, kHighlight); });
}

void TextReportWriter::Begin(std::string*) {}

void TextReportWriter::Conversation(const ConversationResult& r, std::string* out) {
  if (count_++ > 0) out->append("\n");
  out->append(Paint(Printable(r.source), kBold));
  if (!r.id.empty() && r.source.find(r.id) == std::string::npos)
    out->append("  (id " + Printable(r.id) + ")");
  out->append("\n");
  const std::string conf = fmt::format("{:.2f}", r.language_confidence);
  std::string line =
      "  language " + r.language + " (" + r.language_method +
      (r.language_method == "detected" || r.language_method == "fallback" ? std::string(", ") + conf
                                                                          : "") +
      (r.customer_language.empty() ? "" : "; customer " + r.customer_language) + ") · " +
      std::string(ChannelName(r.channel)) + " · " + std::to_string(r.turn_count) + " turns";
  if (!r.agent.empty()) line += " · agent " + r.agent;
  const std::string score = r.score < 0 ? "n/a" : fmt::format("{:.0f}/100", r.score);
  line += " · score ";
  out->append(line);
  out->append(Paint(score, kBold));
  out->append("\n");
  if (r.score_breakdown.scored) {
    out->append("  " + Paint("score " + r.score_breakdown.Explain(r.score, TitleOf(r)), kDim) +
                "\n");
  }
  for (const auto& w : r.warnings) out->append("  " + Paint("warning: ", kYellow) + w + "\n");
  if (r.unsupported_language()) {  // one line instead of every behaviour as n/a
    out->append("  " + Paint("not judged", kBold) + ": unsupported language '" + r.language +
                "' (" + std::to_string(r.behaviours.size()) + " behaviours n/a)\n");
    return;
  }

  if (!r.focus.empty()) {
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

  // People read titles ("Shows empathy"), in the report's language; ids are for machines.
  auto label = [](const BehaviourResult& b) -> const std::string& {
    return b.title.empty() ? b.id : b.title;
  };
  int width = 0;
  for (const auto& b : r.behaviours) width = std::max(width, DisplayWidth(label(b)));
  const BehaviourKind sections[] = {BehaviourKind::kExpected, BehaviourKind::kAvoid,
                                    BehaviourKind::kSignal};
  const char* headings[] = {"Expected of the agent", "To avoid", "Customer signals"};
  for (int s = 0; s < 3; ++s) {
    bool any = false;
    for (const auto& b : r.behaviours) any |= b.kind == sections[s];
    if (!any) continue;
    out->append("\n  " + std::string(headings[s]) + "\n");
    for (const auto& b : r.behaviours) {
      if (b.kind != sections[s]) continue;
      std::string mark;
      switch (b.status) {
        case Status::kMet:
        case Status::kClean:
          mark = Paint("✔", kGreen);
          break;
        case Status::kMissed:
          mark = Paint("✘", kRed);
          break;
        case Status::kViolated:
          mark = Paint("⚠", kYellow);
          break;
        case Status::kPresent:
          mark = "●";
          break;
        case Status::kAbsent:
          mark = Paint("○", kDim);
          break;
        case Status::kNotApplicable:
          mark = Paint("–", kDim);
          break;
      }
      std::string status(StatusName(b.status));
      if (b.status == Status::kNotApplicable) status = "n/a";
      std::string row = "    " + mark + " " + Pad(label(b), width) + "  " + Pad(status, 9);
      if (!b.evidence.empty()) {
        const Evidence& e = b.evidence.front();
        std::string where = "turn " + std::to_string(e.turn);
        if (e.time) where += " (" + ClockTime(*e.time) + ")";
        row += where + "  " + Printable(e.speaker) + ": " + Quote(e);
        out->append(row + "\n");
        size_t shown = options_.show_all_evidence ? b.evidence.size() : 1;
        for (size_t k = 1; k < shown; ++k) {
          const Evidence& x = b.evidence[k];
          std::string w2 = "turn " + std::to_string(x.turn);
          if (x.time) w2 += " (" + ClockTime(*x.time) + ")";
          out->append(std::string(static_cast<size_t>(width) + 17, ' ') + w2 + "  " +
                      Printable(x.speaker) + ": " + Quote(x) + "\n");
        }
        if (shown < b.evidence.size()) {
          std::string more = "(+" + std::to_string(b.evidence.size() - shown) + " more: turn";
          if (b.evidence.size() - shown > 1) more += "s";
          for (size_t k = shown; k < b.evidence.size(); ++k)
            more += (k == shown ? " " : ", ") + std::to_string(b.evidence[k].turn);
          more += ")";
          out->append(std::string(static_cast<size_t>(width) + 17, ' ') + Paint(more, kDim) + "\n");
        }
      } else {
        const std::string& note = NoteOf(b);
        if (!note.empty()) row += Paint(note, kDim);
        out->append(row + "\n");
      }
      if (b.status == Status::kMissed && !b.evidence.empty()) {
        const std::string& note = NoteOf(b);
        if (!note.empty())
          out->append(std::string(static_cast<size_t>(width) + 17, ' ') + Paint(note, kDim) + "\n");
      }
      if (b.status == Status::kMissed || b.status == Status::kViolated) {
        std::string tip = b.tip.empty() ? b.tip_en : b.tip;
        // Once, in the report's language (English only with --tips-lang en).
        out->append(std::string(static_cast<size_t>(width) + 17, ' ') + Paint("tip: ", kBold) +
                    tip + "\n");
      }
    }
  }
  if (!r.metrics.empty()) {
    out->append("\n  Metrics\n");
    int mw = 0;
    for (const auto& m : r.metrics) mw = std::max(mw, DisplayWidth(NameOf(m)));
    for (const auto& m : r.metrics) {
      std::string mark = m.status == Status::kMet      ? Paint("✔", kGreen)
                         : m.status == Status::kMissed ? Paint("✘", kRed)
                                                       : Paint("–", kDim);
      std::string value = "n/a";
      if (m.value) {
        if (m.id == "de_escalation" && m.fields.size() >= 2)
          value = fmt::format("{:.2f} → {:.2f}", m.fields[0].second, m.fields[1].second);
        else if (m.unit == "ratio")
          value = fmt::format("{:.2f}", *m.value);
        else if (m.unit == "s")
          value = fmt::format("{:.1f} s", *m.value);
        else
          value = fmt::format("{:.0f} {}", *m.value, m.unit);
      }
      std::string row = "    " + mark + " " + Pad(NameOf(m), mw) + "  " + Pad(value, 10);
      if (m.threshold) {
        row += Paint(fmt::format("threshold ≤ {:g}", *m.threshold), kDim);  // Direction::kMax
      }
      if (!NoteOf(m).empty()) row += "  " + Paint(NoteOf(m), kDim);
      out->append(row + "\n");
    }
  }
}

namespace {

std::string Percent(double r) { return r < 0 ? "–" : fmt::format("{:.1f}%", r * 100); }

std::string Num(double v, const std::string& unit) {
  if (std::isnan(v)) return "–";
  if (unit == "ratio") return fmt::format("{:.2f}", v);
  if (unit == "s") return fmt::format("{:.1f} s", v);
  return fmt::format("{:.0f}", v);
}

}  // namespace

void TextReportWriter::WriteSummary(const Summary& s, std::string* out) const {
  out->append(Paint("Summary", kBold) + fmt::format(": {} conversation(s)", s.conversations));
  if (s.scores.count() > 0) {
    out->append(fmt::format(" · score mean {:.1f}, median {:.0f}, p90 {:.0f}, lowest {:.0f}",
                            s.scores.mean(), s.scores.Quantile(0.5), s.scores.Quantile(0.9),
                            s.scores.min()));
  }
  out->append("\n");
  if (!s.unsupported_languages.empty()) {
    std::string list;
    uint64_t total = 0;
    for (const auto& [lang, n] : s.unsupported_languages) {
      list += (list.empty() ? "" : ", ") + lang + " " + std::to_string(n);
      total += n;
    }
    out->append(fmt::format("  not judged: {} in an unsupported language ({})\n", total, list));
  }
  int width = 24;
  for (const auto& [id, b] : s.behaviours) width = std::max(width, DisplayWidth(id) + 2);
  struct Section {
    BehaviourKind kind;
    const char* title;
    Status a, b;
    const char* rate;
  };
  const Section sections[] = {
      {BehaviourKind::kExpected, "Expected of the agent", Status::kMet, Status::kMissed, "met"},
      {BehaviourKind::kAvoid, "To avoid", Status::kViolated, Status::kClean, "clean"},
      {BehaviourKind::kSignal, "Customer signals", Status::kPresent, Status::kAbsent, "present"}};
  for (const auto& sec : sections) {
    out->append("\n  " + Pad(sec.title, width) + Pad(std::string(StatusName(sec.a)), 10) +
                Pad(std::string(StatusName(sec.b)), 10) + Pad("n/a", 8) + sec.rate + "\n");
    for (const auto& [id, b] : s.behaviours) {
      if (b.kind != sec.kind) continue;
      out->append("    " + Pad(id, width - 2) + Pad(std::to_string(b.counts.Get(sec.a)), 10) +
                  Pad(std::to_string(b.counts.Get(sec.b)), 10) +
                  Pad(std::to_string(b.counts.not_applicable), 8) + Percent(b.counts.Rate(b.kind)) +
                  "\n");
    }
  }
  if (!s.metrics.empty()) {
    out->append("\n  " + Pad("Metrics", width) + Pad("n", 8) + Pad("median", 11) + Pad("p90", 11) +
                Pad("worst", 11) + "met\n");
    for (const auto& [id, m] : s.metrics) {
      const Histogram& h = m.values;
      // Every metric is worse when higher (de_escalation is end minus start).
      const double worst = h.max();
      out->append("    " + Pad(id, width - 2) + Pad(std::to_string(h.count()), 8) +
                  Pad(h.count() ? Num(h.Quantile(0.5), m.unit) : "–", 11) +
                  Pad(h.count() ? Num(h.Quantile(0.9), m.unit) : "–", 11) +
                  Pad(h.count() ? Num(worst, m.unit) : "–", 11) +
                  Percent(m.counts.Rate(BehaviourKind::kExpected)) + "\n");
    }
  }
  for (const auto& [dim, groups] : s.groups) {
    out->append("\n  " + Paint("By " + dim, kBold) + "\n");
    int gw = 12;
    for (const auto& [key, g] : groups) gw = std::max(gw, DisplayWidth(key) + 2);
    out->append("    " + Pad("", gw) + Pad("conversations", 15) + Pad("mean score", 12) +
                "lowest rates\n");
    for (const auto& [key, g] : groups) {
      // The three behaviours with the lowest rate in this group.
      std::vector<std::pair<double, std::string>> rates;
      for (const auto& [bid, c] : g.behaviours) {
        auto it = s.behaviours.find(bid);
        if (it == s.behaviours.end() || it->second.kind == BehaviourKind::kSignal) continue;
        double r = c.Rate(it->second.kind);
        if (r >= 0) rates.emplace_back(r, bid);
      }
      std::sort(rates.begin(), rates.end());
      std::string low;
      for (size_t k = 0; k < rates.size() && k < 3; ++k) {
        low += (k ? ", " : "") + rates[k].second + " " + Percent(rates[k].first);
      }
      std::string mean = g.scored
                             ? fmt::format("{:.1f}", static_cast<double>(g.score_milli_sum) /
                                                         1000.0 / static_cast<double>(g.scored))
                             : "–";
      out->append("    " + Pad(key, gw) + Pad(std::to_string(g.conversations), 15) + Pad(mean, 12) +
                  low + "\n");
    }
  }
  bool any_worst = false;
  for (const auto& [id, b] : s.behaviours)
    any_worst |= !b.worst.empty() && b.kind != BehaviourKind::kSignal;
  if (any_worst) {
    out->append("\n  " + Paint("Worst conversations", kBold) + "\n");
    for (const auto& [id, b] : s.behaviours) {
      if (b.worst.empty() || b.kind == BehaviourKind::kSignal) continue;
      out->append("    " + id + " (" +
                  std::to_string(b.counts.Get(b.kind == BehaviourKind::kAvoid ? Status::kViolated
                                                                              : Status::kMissed)) +
                  (b.kind == BehaviourKind::kAvoid ? " violated" : " missed") + ")\n");
      for (const auto& w : b.worst) {
        std::string score = w.score < 0 ? "n/a" : fmt::format("{:.0f}", w.score);
        std::string line = "      " + w.source + "  score " + score;
        if (w.turn > 0)
          line += "  turn " + std::to_string(w.turn) + ": \"" + Printable(w.quote) + "\"";
        else if (!w.quote.empty())
          line += "  (" + w.quote + ")";
        out->append(line + "\n");
      }
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
