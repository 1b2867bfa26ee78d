#include "report/report_util.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/format.h"
#include "report/summary_stats.h"

namespace tact::report {
namespace {

constexpr size_t kQuoteContext = 60;  // bytes of context kept on each side of the match

}  // namespace

std::string Printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) {
      out.push_back(' ');  // line breaks, tabs, ESC: nothing reaches the terminal raw
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      out.push_back(' ');  // a C1 control (U+0080..U+009F), e.g. CSI
      ++i;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

bool IsFinding(const BehaviourResult& b) {
  return (b.kind == BehaviourKind::kExpected && b.status == Status::kMissed) ||
         (b.kind == BehaviourKind::kAvoid && b.status == Status::kViolated);
}

std::string_view SourcePath(std::string_view source) {
  size_t colon = source.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == source.size()) return source;
  for (size_t i = colon + 1; i < source.size(); ++i) {
    if (source[i] < '0' || source[i] > '9') return source;
  }
  return source.substr(0, colon);
}

int SourceLine(std::string_view source) {
  std::string_view path = SourcePath(source);
  if (path.size() == source.size() || source.size() - path.size() > 10) return 0;
  return std::stoi(std::string(source.substr(path.size() + 1)));
}

int TurnLine(const ConversationResult& r, int turn) {
  if (turn < 1 || static_cast<size_t>(turn) > r.turn_lines.size()) return 0;
  return r.turn_lines[static_cast<size_t>(turn) - 1];
}

int ConversationLine(const ConversationResult& r) {
  if (r.line > 0) return r.line;
  return SourceLine(r.source);
}

int FindingLine(const ConversationResult& r, const BehaviourResult& b) {
  if (!b.evidence.empty()) {
    if (int line = TurnLine(r, b.evidence.front().turn); line > 0) return line;
  }
  for (const auto& e : b.episodes) {
    if (e.answered) continue;
    if (int line = TurnLine(r, e.turn); line > 0) return line;
    break;
  }
  return ConversationLine(r);
}

std::string QuoteEvidence(const Evidence& e,
                          const std::function<std::string(const std::string&)>& mark) {
  std::string_view t = e.text;
  size_t b = std::min(e.span_begin, t.size());
  size_t en = std::clamp(e.span_end, b, t.size());
  const Excerpt x = ExcerptAround(t, b, en, kQuoteContext);
  const size_t from = x.from, to = x.to;
  std::string out = "\"";
  if (from > 0) out += "…";
  out += Printable(t.substr(from, b - from));
  const std::string match = Printable(t.substr(b, en - b));
  out += mark ? mark(match) : "[" + match + "]";
  out += Printable(t.substr(en, to - en));
  if (to < t.size()) out += "…";
  out += "\"";
  return out;
}

std::string DescribeEvidence(const Evidence& e) {
  std::string out = "turn " + std::to_string(e.turn);
  if (e.time) out += " (" + ClockTime(*e.time) + ")";
  out += " " + Printable(e.speaker) + ": " + QuoteEvidence(e);
  return out;
}

std::string MetricValue(const MetricResult& m) {
  if (!m.value) return "n/a";
  if (m.id == "de_escalation" && m.fields.size() >= 2)
    return fmt::format("{:.2f} → {:.2f}", m.fields[0].second, m.fields[1].second);
  return NumberWithUnit(*m.value, m.unit, UnitStyle::kAlways);
}

std::string MarkdownCell(std::string_view s, CarriageReturn cr) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n' || (c == '\r' && cr == CarriageReturn::kSpace))
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string ConversationFacts(const ConversationResult& r,
                              const std::function<std::string(std::string_view)>& escape_input) {
  auto escape = [&](std::string_view v) { return escape_input ? escape_input(v) : std::string(v); };
  std::string out = "language " + escape(r.language) + " (" + escape(r.language_method);
  if (r.language_method == "detected" || r.language_method == "fallback")
    out += fmt::format(", {:.2f}", r.language_confidence);
  if (!r.customer_language.empty()) out += "; customer " + escape(r.customer_language);
  out += ") · " + std::string(ChannelName(r.channel)) + " · " + std::to_string(r.turn_count) +
         " turns";
  if (!r.agent.empty()) out += " · agent " + escape(r.agent);
  return out;
}

std::string MoreTurns(const std::vector<Evidence>& evidence, size_t shown) {
  const size_t more = evidence.size() - shown;
  std::string out = "+" + std::to_string(more) + " more: turn" + (more > 1 ? "s" : "");
  for (size_t k = shown; k < evidence.size(); ++k)
    out += (k == shown ? " " : ", ") + std::to_string(evidence[k].turn);
  return out;
}

std::string CountsSentence(const BehaviourSummary& b) {
  const bool avoid = b.kind == BehaviourKind::kAvoid;
  std::string out = fmt::format("{} in {} of {} conversation(s) ({}", avoid ? "violated" : "missed",
                                b.counts.Get(BadStatus(b.kind)), b.counts.Applicable(b.kind),
                                RateWith(b.counts.Rate(b.kind), avoid ? "clean" : "met"));
  if (avoid) out += ", severity " + std::string(LevelName(b.level));
  return out + ")";
}

std::string DescribeWorst(const WorstEntry& w) {
  std::string out = w.source;
  if (!w.id.empty() && w.source.find(w.id) == std::string::npos) out += " (id " + w.id + ")";
  out += ": score " + WholeScore(w.score);
  if (w.turn > 0)
    out += ", turn " + std::to_string(w.turn) + ": \"" + w.quote + "\"";
  else if (!w.quote.empty())
    out += " (" + w.quote + ")";
  return out;
}

std::function<std::string(const std::string&)> TitleOf(const ConversationResult& r) {
  return [&r](const std::string& id) {
    for (const auto& b : r.behaviours)
      if (b.id == id && !b.title.empty()) return b.title;
    for (const auto& [tid, title] : r.score_breakdown.titles)  // hidden by --only/--skip
      if (tid == id) return title;
    for (const auto& m : r.metrics)
      if (m.id == id && !m.title.empty()) return m.title;
    return id;
  };
}

const std::string& NoteOf(const BehaviourResult& b) {
  return b.explain.empty() ? b.note : b.explain;
}
const std::string& NoteOf(const MetricResult& m) { return m.explain.empty() ? m.note : m.explain; }
const std::string& NameOf(const MetricResult& m) { return m.title.empty() ? m.id : m.title; }

}  // namespace tact::report
