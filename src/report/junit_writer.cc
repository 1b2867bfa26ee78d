#include "report/junit_writer.h"

#include <fmt/format.h>

#include <cerrno>
#include <system_error>

#include "report/format.h"
#include "report/report_util.h"
#include "report/summary_stats.h"

namespace tact::report {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the valid UTF-8 sequence at s[i] and its code point; 0 when invalid.
size_t DecodeUtf8(std::string_view s, size_t i, uint32_t* cp) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  size_t n;
  uint32_t v, min;
  if (c < 0x80) {
    *cp = c;
    return 1;
  } else if ((c & 0xE0) == 0xC0) {
    n = 2, v = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3, v = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4, v = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    v = (v << 6) | (byte(i + k) & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  *cp = v;
  return n;
}

bool XmlChar(uint32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

void Attr(std::string_view name, std::string_view value, std::string* out) {
  out->push_back(' ');
  out->append(name);
  out->append("=\"");
  AppendXmlEscaped(value, true, out);
  out->push_back('"');
}

void Text(std::string_view s, std::string* out) { AppendXmlEscaped(s, false, out); }

// "examples/en_poor_call.txt" -> "examples/en_poor_call".
std::string WithoutExtension(std::string_view path) {
  size_t slash = path.rfind('/');
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || dot == 0 ||
      (slash != std::string_view::npos && dot < slash + 2))
    return std::string(path);
  return std::string(path.substr(0, dot));
}

std::string Title(const BehaviourResult& b) { return b.title.empty() ? b.id : b.title; }

// "examples/x.txt:7: " when the line is known, else "".
std::string Location(std::string_view file, int line) {
  return line > 0 ? std::string(file) + ":" + std::to_string(line) + ": " : "";
}

void WriteFailure(const ConversationResult& r, const BehaviourResult& b, std::string* out) {
  std::string message = Title(b) + ": " + std::string(StatusName(b.status));
  if (b.kind == BehaviourKind::kAvoid)
    message += " (severity " + std::string(LevelName(b.level)) + ")";
  std::string_view file = SourcePath(r.source);
  std::string body;
  // A violation's explanation only names the turn its evidence shows.
  const std::string& note = b.status == Status::kMissed ? NoteOf(b) : b.note;
  if (!note.empty()) body += Location(file, FindingLine(r, b)) + note + "\n";
  for (const auto& e : b.evidence) {
    body += Location(file, TurnLine(r, e.turn)) + DescribeEvidence(e);
    if (!e.rule.empty()) body += " [" + e.rule + "]";
    body += "\n";
  }
  std::string tip = b.tip.empty() ? b.tip_en : b.tip;
  if (!tip.empty()) body += "tip: " + tip + "\n";
  if (!b.tip_en.empty() && b.tip_en != tip) body += "tip (en): " + b.tip_en + "\n";
  if (!body.empty()) body.pop_back();
  out->append("      <failure");
  Attr("type", b.id, out);
  Attr("message", message, out);
  out->append(">");
  Text(body, out);
  out->append("</failure>\n");
}

void WriteSuiteStart(std::string_view name, size_t tests, size_t failures, size_t errors,
                     size_t skipped, std::string_view file, std::string* out) {
  out->append("  <testsuite");
  Attr("name", name, out);
  Attr("tests", std::to_string(tests), out);
  Attr("failures", std::to_string(failures), out);
  Attr("errors", std::to_string(errors), out);
  if (skipped > 0) Attr("skipped", std::to_string(skipped), out);
  if (!file.empty()) Attr("file", file, out);
  out->append(">\n");
}

void Property(std::string_view name, std::string_view value, std::string* out) {
  out->append("      <property");
  Attr("name", name, out);
  Attr("value", value, out);
  out->append("/>\n");
}

// One test case per expected or avoid behaviour of the summary.
void WriteSummarySuite(const Summary& s, const RunTotals& totals, std::string* out) {
  std::string cases;
  size_t tests = 0, failures = 0, skipped = 0;
  for (BehaviourKind kind : {BehaviourKind::kExpected, BehaviourKind::kAvoid}) {
    for (const auto& [id, b] : s.behaviours) {
      if (b.kind != kind) continue;
      ++tests;
      const uint64_t bad = b.counts.Get(BadStatus(kind));
      const uint64_t applicable = b.counts.Applicable(kind);
      std::string counts = CountsSentence(b);
      if (b.counts.not_applicable > 0)
        counts += fmt::format("; not applicable in {}", b.counts.not_applicable);
      cases.append("    <testcase");
      Attr("name", id, &cases);
      Attr("classname", KindName(kind), &cases);
      cases.append(">\n");
      if (bad > 0) {
        ++failures;
        std::string body;
        if (!b.worst.empty()) body = "worst conversations:";
        for (const auto& w : b.worst) body += "\n" + DescribeWorst(w);
        cases.append("      <failure");
        Attr("type", id, &cases);
        Attr("message", (b.title.empty() ? id : b.title) + ": " + counts, &cases);
        cases.append(">");
        Text(body, &cases);
        cases.append("</failure>\n");
      } else if (applicable == 0) {
        ++skipped;
        cases.append("      <skipped");
        Attr("message", "not applicable in any conversation", &cases);
        cases.append("/>\n");
      } else {
        cases.append("      <system-out>");
        Text(counts, &cases);
        cases.append("</system-out>\n");
      }
      cases.append("    </testcase>\n");
    }
  }
  WriteSuiteStart("summary", tests, failures, 0, skipped, "", out);
  out->append("    <properties>\n");
  Property("conversations", std::to_string(s.conversations), out);
  Property("inputs", std::to_string(totals.inputs), out);
  Property("read", std::to_string(totals.read), out);
  Property("analyzed", std::to_string(totals.analyzed), out);
  Property("skipped", std::to_string(totals.skipped), out);
  if (s.scores.count() > 0) {
    const Distribution d = Describe(s.scores);
    Property("score.mean", Fixed(d.mean, 1), out);
    Property("score.median", Fixed(d.median, 0), out);
    Property("score.lowest", Fixed(d.min, 0), out);
  }
  for (const auto& [lang, n] : s.unsupported_languages)
    Property("unsupported_language." + lang, std::to_string(n), out);
  out->append("    </properties>\n");
  out->append(cases);
  out->append("  </testsuite>\n");
}

// The input errors behind `skipped`: one <error> test case each.
void WriteErrorSuite(const RunTotals& totals, std::string* out) {
  std::string cases;
  size_t tests = 0;
  for (const auto& d : totals.errors) {
    ++tests;
    std::string name = d.file.empty() ? "input" : d.file;
    if (d.line > 0) name += ":" + std::to_string(d.line);
    cases.append("    <testcase");
    Attr("name", name, &cases);
    Attr("classname", d.file.empty() ? "input" : WithoutExtension(d.file), &cases);
    cases.append(">\n      <error type=\"input\"");
    Attr("message", d.message, &cases);
    cases.append(">");
    Text(d.Format(), &cases);
    cases.append("</error>\n    </testcase>\n");
  }
  if (totals.skipped > totals.errors.size()) {
    ++tests;
    const size_t more = totals.skipped - totals.errors.size();
    std::string message =
        totals.errors.empty()
            ? fmt::format(
                  "{} conversation(s) or input(s) skipped because of errors (listed on "
                  "stderr by the run that read them)",
                  more)
            : fmt::format("{} more input error(s), not listed here (see stderr)", more);
    cases.append("    <testcase name=\"input errors\" classname=\"input\">\n");
    cases.append("      <error type=\"input\"");
    Attr("message", message, &cases);
    cases.append("/>\n    </testcase>\n");
  }
  WriteSuiteStart("input errors", tests, 0, tests, 0, "", out);
  out->append(cases);
  out->append("  </testsuite>\n");
}

// One test case per --fail-on expression, failing when the threshold failed.
void WriteCheckSuite(const std::vector<CheckOutcome>& checks, std::string* out) {
  std::string cases;
  size_t failures = 0, skipped = 0;
  for (const auto& c : checks) {
    const std::string value = fmt::format("value {:g}", c.value);
    cases.append("    <testcase");
    Attr("name", c.expression, &cases);
    Attr("classname", "fail-on", &cases);
    cases.append(">\n");
    if (!c.na.empty()) {
      ++skipped;
      cases.append("      <skipped");
      Attr("message", "n/a (" + c.na + ")", &cases);
      cases.append("/>\n");
    } else if (c.failed) {
      ++failures;
      cases.append("      <failure type=\"fail-on\"");
      Attr("message", "threshold failed: " + c.expression + " (" + value + ")", &cases);
      cases.append("/>\n");
    } else {
      cases.append("      <system-out>");
      Text(value, &cases);
      cases.append("</system-out>\n");
    }
    cases.append("    </testcase>\n");
  }
  WriteSuiteStart("fail-on", checks.size(), failures, 0, skipped, "", out);
  out->append(cases);
  out->append("  </testsuite>\n");
}

}  // namespace

void AppendXmlEscaped(std::string_view s, bool attribute, std::string* out) {
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = 0;
    size_t n = DecodeUtf8(s, i, &cp);
    if (n == 0 || !XmlChar(cp)) {
      out->append(kReplacement);
      i += n == 0 ? 1 : n;
      continue;
    }
    switch (cp) {
      case '&':
        out->append("&amp;");
        break;
      case '<':
        out->append("&lt;");
        break;
      case '>':
        out->append("&gt;");
        break;
      case '"':
        out->append(attribute ? "&quot;" : "\"");
        break;
      case '\'':
        out->append(attribute ? "&apos;" : "'");
        break;
      case '\r':
        out->append("&#13;");
        break;
      case '\n':
        out->append(attribute ? "&#10;" : "\n");
        break;
      case '\t':
        out->append(attribute ? "&#9;" : "\t");
        break;
      default:
        out->append(s.substr(i, n));
    }
    i += n;
  }
}

void JunitReportWriter::Begin(std::string* out) {
  out->append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"tact\">\n");
}

void JunitReportWriter::Conversation(const ConversationResult& r, std::string* out) {
  std::string_view file = SourcePath(r.source);
  if (!suite_open_ || file != suite_file_ || suite_tests_ >= kMaxCasesPerSuite) {
    FlushSuite(out);
    suite_open_ = true;
    suite_file_ = std::string(file);
  }
  ++suite_tests_;
  std::string& c = case_;
  c.clear();
  c.append("    <testcase");
  Attr("name", r.id.empty() ? r.source : r.id, &c);
  Attr("classname", WithoutExtension(file), &c);
  c.append(">\n");
  if (r.unsupported_language()) {  // not judged: neither passed nor failed
    ++suite_skipped_;
    c.append("      <skipped");
    Attr("message", "unsupported language '" + r.language + "': behaviours not judged", &c);
    c.append("/>\n");
  }
  bool failed = false;
  for (const auto& b : r.behaviours) {
    if (!IsFinding(b)) continue;
    failed = true;
    WriteFailure(r, b, &c);
  }
  suite_failures_ += failed ? 1 : 0;
  std::string header = r.score < 0 ? "score n/a" : fmt::format("score {:.0f}/100", r.score);
  if (r.score_breakdown.scored)
    header += " (" + r.score_breakdown.Explain(r.score, TitleOf(r)) + ")";
  header += " · " + ConversationFacts(r);
  if (r.source != file) header += " · " + r.source;
  c.append("      <system-out>");
  Text(header, &c);
  c.append("</system-out>\n");
  if (!r.warnings.empty()) {
    std::string warnings;
    for (const auto& w : r.warnings) warnings += (warnings.empty() ? "" : "\n") + ("warning: " + w);
    c.append("      <system-err>");
    Text(warnings, &c);
    c.append("</system-err>\n");
  }
  c.append("    </testcase>\n");
  suite_cases_.Append(c);
}

void JunitReportWriter::FlushSuite(std::string* out) {
  if (!suite_open_) return;
  WriteSuiteStart(suite_file_, suite_tests_, suite_failures_, 0, suite_skipped_, suite_file_, out);
  const bool read = suite_cases_.Drain([&](std::string_view piece) {
    out->append(piece);
    FlushOut(out);
  });
  if (!read)
    throw std::system_error(errno, std::generic_category(),
                            "cannot read back the JUnit report's test cases from a temporary file");
  out->append("  </testsuite>\n");
  suite_open_ = false;
  suite_tests_ = suite_failures_ = suite_skipped_ = 0;
}

void JunitReportWriter::End(const RunTotals& totals, const std::vector<CheckOutcome>& checks,
                            const Summary* summary, std::string* out) {
  FlushSuite(out);
  if (summary != nullptr) WriteSummarySuite(*summary, totals, out);
  if (totals.skipped > 0) WriteErrorSuite(totals, out);
  if (!checks.empty()) WriteCheckSuite(checks, out);
  out->append("</testsuites>\n");
}

}  // namespace tact::report
