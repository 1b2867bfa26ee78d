#include "report/report_util.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace tact::report {
namespace {

constexpr size_t kQuoteContext = 60;  // bytes of context kept on each side of the match

size_t Boundary(std::string_view s, size_t i, bool forward) {
  while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) {
    i = forward ? i + 1 : i - 1;
  }
  return std::min(i, s.size());
}

std::string OneLine(std::string_view s) { return Printable(s); }

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
  if (r.conversation == nullptr || turn < 1 ||
      static_cast<size_t>(turn) > r.conversation->turns.size())
    return 0;
  return r.conversation->turns[static_cast<size_t>(turn) - 1].line;
}

int ConversationLine(const ConversationResult& r) {
  if (r.conversation != nullptr && r.conversation->line > 0) return r.conversation->line;
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

std::string ClockTime(double seconds) {
  long s = static_cast<long>(std::floor(std::max(0.0, seconds)));
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

std::string QuoteEvidence(const Evidence& e,
                          const std::function<std::string(const std::string&)>& mark) {
  std::string_view t = e.text;
  size_t b = std::min(e.span_begin, t.size());
  size_t en = std::clamp(e.span_end, b, t.size());
  size_t from = b > kQuoteContext ? Boundary(t, b - kQuoteContext, false) : 0;
  size_t to = en + kQuoteContext < t.size() ? Boundary(t, en + kQuoteContext, true) : t.size();
  std::string out = "\"";
  if (from > 0) out += "…";
  out += OneLine(t.substr(from, b - from));
  const std::string match = OneLine(t.substr(b, en - b));
  out += mark ? mark(match) : "[" + match + "]";
  out += OneLine(t.substr(en, to - en));
  if (to < t.size()) out += "…";
  out += "\"";
  return out;
}

std::string DescribeEvidence(const Evidence& e) {
  std::string out = "turn " + std::to_string(e.turn);
  if (e.time) out += " (" + ClockTime(*e.time) + ")";
  out += " " + OneLine(e.speaker) + ": " + QuoteEvidence(e);
  return out;
}

std::string FormatRate(double rate, std::string_view what) {
  if (rate < 0) return "n/a";
  return fmt::format("{:.1f}% {}", rate * 100, what);
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
