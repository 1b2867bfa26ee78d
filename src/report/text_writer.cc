#include "report/text_writer.h"

#include <cmath>
#include <cstdio>

#include "common/strings.h"

namespace tact::report {
namespace {

constexpr const char* kGreen = "32";
constexpr const char* kRed = "31";
constexpr const char* kYellow = "33";
constexpr const char* kDim = "2";
constexpr const char* kBold = "1";
constexpr const char* kHighlight = "1;4";
constexpr size_t kQuoteContext = 60;  // bytes of context kept on each side of the match

std::string FormatTime(double t) {
  char buf[32];
  long s = static_cast<long>(std::floor(t));
  if (s >= 3600)
    snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
  else
    snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

// Moves `i` back (or forward) to a UTF-8 code point boundary.
size_t Boundary(std::string_view s, size_t i, bool forward) {
  while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) {
    i = forward ? i + 1 : i - 1;
  }
  return std::min(i, s.size());
}

std::string OneLine(std::string_view s) {
  std::string out;
  for (char c : s) out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
  return out;
}

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
  std::string_view t = e.text;
  size_t b = e.span_begin, en = e.span_end;
  size_t from = b > kQuoteContext ? Boundary(t, b - kQuoteContext, false) : 0;
  size_t to = en + kQuoteContext < t.size() ? Boundary(t, en + kQuoteContext, true) : t.size();
  std::string out = "\"";
  if (from > 0) out += "…";
  out += OneLine(t.substr(from, b - from));
  std::string match = OneLine(t.substr(b, en - b));
  out += options_.color ? Paint(match, kHighlight) : "[" + match + "]";
  out += OneLine(t.substr(en, to - en));
  if (to < t.size()) out += "…";
  out += "\"";
  return out;
}

void TextReportWriter::Begin(std::string*) {}

void TextReportWriter::Conversation(const ConversationResult& r, std::string* out) {
  if (count_++ > 0) out->append("\n");
  out->append(Paint(r.source, kBold));
  if (!r.id.empty() && r.source.find(r.id) == std::string::npos) out->append("  (id " + r.id + ")");
  out->append("\n");
  char conf[32];
  snprintf(conf, sizeof conf, "%.2f", r.language_confidence);
  std::string line =
      "  language " + r.language + " (" + r.language_method +
      (r.language_method == "detected" || r.language_method == "fallback" ? std::string(", ") + conf
                                                                          : "") +
      ") · " + std::string(ChannelName(r.channel)) + " · " + std::to_string(r.turn_count) +
      " turns";
  if (!r.agent.empty()) line += " · agent " + r.agent;
  char score[32];
  if (r.score < 0)
    snprintf(score, sizeof score, "n/a");
  else
    snprintf(score, sizeof score, "%.0f/100", r.score);
  line += " · score ";
  out->append(line);
  out->append(Paint(score, kBold));
  out->append("\n");
  for (const auto& w : r.warnings) out->append("  " + Paint("warning: ", kYellow) + w + "\n");

  int width = 0;
  for (const auto& b : r.behaviours) width = std::max(width, DisplayWidth(b.id));
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
      std::string row = "    " + mark + " " + Pad(b.id, width) + "  " + Pad(status, 9);
      if (!b.evidence.empty()) {
        const Evidence& e = b.evidence.front();
        std::string where = "turn " + std::to_string(e.turn);
        if (e.time) where += " (" + FormatTime(*e.time) + ")";
        row += where + "  " + e.speaker + ": " + Quote(e);
        out->append(row + "\n");
        size_t shown = options_.show_all_evidence ? b.evidence.size() : 1;
        for (size_t k = 1; k < shown; ++k) {
          const Evidence& x = b.evidence[k];
          std::string w2 = "turn " + std::to_string(x.turn);
          if (x.time) w2 += " (" + FormatTime(*x.time) + ")";
          out->append(std::string(static_cast<size_t>(width) + 17, ' ') + w2 + "  " + x.speaker +
                      ": " + Quote(x) + "\n");
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
        if (!b.note.empty()) row += Paint(b.note, kDim);
        out->append(row + "\n");
      }
      if (b.status == Status::kMissed && !b.note.empty() && !b.evidence.empty()) {
        out->append(std::string(static_cast<size_t>(width) + 17, ' ') + Paint(b.note, kDim) + "\n");
      }
      if (b.status == Status::kMissed || b.status == Status::kViolated) {
        std::string tip = b.tip.empty() ? b.tip_en : b.tip;
        out->append(std::string(static_cast<size_t>(width) + 17, ' ') + Paint("tip: ", kBold) +
                    tip + "\n");
        if (!b.tip_en.empty() && b.tip_en != tip) {
          out->append(std::string(static_cast<size_t>(width) + 17, ' ') + Paint("(en) ", kDim) +
                      b.tip_en + "\n");
        }
      }
    }
  }
  if (!r.metrics.empty()) {
    out->append("\n  Metrics\n");
    int mw = 0;
    for (const auto& m : r.metrics) mw = std::max(mw, DisplayWidth(m.id));
    for (const auto& m : r.metrics) {
      std::string mark = m.status == Status::kMet      ? Paint("✔", kGreen)
                         : m.status == Status::kMissed ? Paint("✘", kRed)
                                                       : Paint("–", kDim);
      std::string value = "n/a";
      if (m.value) {
        char buf[64];
        if (m.id == "de_escalation" && m.fields.size() >= 2)
          snprintf(buf, sizeof buf, "%.2f → %.2f", m.fields[0].second, m.fields[1].second);
        else if (m.unit == "ratio")
          snprintf(buf, sizeof buf, "%.2f", *m.value);
        else if (m.unit == "s")
          snprintf(buf, sizeof buf, "%.1f s", *m.value);
        else
          snprintf(buf, sizeof buf, "%.0f %s", *m.value, m.unit.c_str());
        value = buf;
      }
      std::string row = "    " + mark + " " + Pad(m.id, mw) + "  " + Pad(value, 10);
      if (m.threshold) {
        char buf[64];
        const char* op = m.direction == MetricResult::Direction::kMin ? "≥" : "≤";
        snprintf(buf, sizeof buf, "%s %g", op, *m.threshold);
        row += Paint(std::string("threshold ") + buf, kDim);
      }
      if (!m.note.empty()) row += "  " + Paint(m.note, kDim);
      out->append(row + "\n");
    }
  }
}

void TextReportWriter::End(const RunTotals& totals, const std::vector<CheckOutcome>& checks,
                           std::string* out) {
  if (totals.read > 1 || totals.skipped > 0 || !checks.empty()) {
    out->append("\n" + std::to_string(totals.analyzed) + " conversation(s) analyzed, " +
                std::to_string(totals.skipped) + " skipped\n");
  }
  for (const auto& c : checks) {
    char buf[64];
    snprintf(buf, sizeof buf, "%g", c.value);
    out->append((c.failed ? Paint("FAILED", kRed) : Paint("passed", kGreen)) + " --fail-on '" +
                c.expression + "' (value " + buf + ")\n");
  }
}

}  // namespace tact::report
