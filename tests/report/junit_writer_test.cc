#include "report/junit_writer.h"

#include <gtest/gtest.h>

#include "summary/summary.h"

namespace tact::report {
namespace {

std::string Escaped(std::string_view s, bool attribute) {
  std::string out;
  AppendXmlEscaped(s, attribute, &out);
  return out;
}

TEST(XmlEscape, MarkupCharacters) {
  EXPECT_EQ(Escaped("<a href=\"x\">&'</a>", false), "&lt;a href=\"x\"&gt;&amp;'&lt;/a&gt;");
  EXPECT_EQ(Escaped("<a href=\"x\">&'</a>", true),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
  EXPECT_EQ(Escaped("]]>", false), "]]&gt;");
}

TEST(XmlEscape, WhitespaceSurvivesAttributes) {
  EXPECT_EQ(Escaped("a\tb\nc\rd", false), "a\tb\nc&#13;d");
  EXPECT_EQ(Escaped("a\tb\nc\rd", true), "a&#9;b&#10;c&#13;d");
}

TEST(XmlEscape, CharactersXmlCannotHoldBecomeReplacementCharacters) {
  const std::string r = "\xEF\xBF\xBD";  // U+FFFD
  EXPECT_EQ(Escaped(std::string("a\x01"
                                "b\x1F"
                                "c\x7F",
                                6),
                    false),
            "a" + r + "b" + r + "c\x7F");
  EXPECT_EQ(Escaped(std::string("x\0y", 3), true), "x" + r + "y");
  EXPECT_EQ(Escaped("\x1B[31m", false), r + "[31m");
  EXPECT_EQ(Escaped("\xEF\xBF\xBE", false), r);               // U+FFFE
  EXPECT_EQ(Escaped("\xFF", false), r);                       // not UTF-8
  EXPECT_EQ(Escaped("\xC0\x80", false), r + r);               // overlong NUL
  EXPECT_EQ(Escaped("\xED\xA0\x80", false), r + r + r);       // a surrogate
  EXPECT_EQ(Escaped("ok\xE2\x82", false), "ok" + r + r);      // truncated
  EXPECT_EQ(Escaped("é € 😀 Привет", false), "é € 😀 Привет");  // valid UTF-8 passes
}

// A transcript of four lines; the conversation model gives each turn its line.
Conversation Transcript() {
  Conversation c;
  c.id = "c1";
  c.source = "logs/chat.txt";
  c.line = 1;
  for (int i = 0; i < 4; ++i) {
    Turn t;
    t.line = i + 2;  // a header line first
    c.turns.push_back(t);
  }
  return c;
}

ConversationResult Clean(const std::string& id, const std::string& source) {
  ConversationResult r;
  r.id = id;
  r.source = source;
  r.language = "en";
  r.language_confidence = 0.97;
  r.language_method = "detected";
  r.turn_count = 4;
  r.score = 100;
  BehaviourResult g;
  g.id = "greeting";
  g.status = Status::kMet;
  g.title = "Greets";
  r.behaviours.push_back(g);
  BehaviourResult s;
  s.id = "customer_frustration";
  s.kind = BehaviourKind::kSignal;
  s.status = Status::kPresent;  // signals are never failures
  r.behaviours.push_back(s);
  return r;
}

ConversationResult WithFailures(const Conversation* c) {
  ConversationResult r = Clean("c1", "logs/chat.txt");
  r.score = 25;
  if (c != nullptr) {  // what the analyzer copies from the input
    r.line = c->line;
    for (const auto& t : c->turns) r.turn_lines.push_back(t.line);
  }
  BehaviourResult a;
  a.id = "apology";
  a.status = Status::kMissed;
  a.title = "Apologizes";
  a.title_en = "Apologizes";
  a.tip = "Say sorry.";
  a.tip_en = "Say sorry.";
  a.trigger = "fault_report";
  a.episodes = {{1, false, 0}};
  a.note = "'fault_report' not answered within 3 turn(s)";
  r.behaviours.push_back(a);
  BehaviourResult b;
  b.id = "blame";
  b.kind = BehaviourKind::kAvoid;
  b.status = Status::kViolated;
  b.level = Level::kError;
  b.title = "Culpa al cliente";
  b.title_en = "Blames";
  b.tip = "Céntrate en la solución.";
  b.tip_en = "Focus on the fix.";
  Evidence e;
  e.turn = 2;
  e.role = Role::kAgent;
  e.speaker = "Agent";
  e.time = 72;
  e.text = "It's your fault.";
  e.span_begin = 5;
  e.span_end = 15;
  e.rule = "rules/en/blame.rules:7";
  b.evidence = {e, e};
  b.evidence[1].turn = 4;
  b.evidence[1].time.reset();
  r.behaviours.push_back(b);
  BehaviourResult j;
  j.id = "jargon";
  j.kind = BehaviourKind::kAvoid;
  j.status = Status::kClean;
  r.behaviours.push_back(j);
  return r;
}

TEST(JunitReport, ConversationWithoutFailures) {
  JunitReportWriter w({});
  std::string out;
  w.Begin(&out);
  w.Conversation(Clean("c9", "chat.txt"), &out);
  w.End({1, 1, 1, 0}, {}, nullptr, &out);
  EXPECT_EQ(out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites name=\"tact\">\n"
            "  <testsuite name=\"chat.txt\" tests=\"1\" failures=\"0\" errors=\"0\" "
            "file=\"chat.txt\">\n"
            "    <testcase name=\"c9\" classname=\"chat\">\n"
            "      <system-out>score 100/100 · language en (detected, 0.97) · chat · 4 "
            "turns</system-out>\n"
            "    </testcase>\n"
            "  </testsuite>\n"
            "</testsuites>\n");
}

// One input file of 2 500 conversations: three suites of that file (1000,
// 1000, 500), so the writer never holds more than 1000 test cases; each
// suite's own counts add up to the file's.
TEST(JunitReport, ABigFileIsSplitIntoSuitesOfBoundedSize) {
  JunitReportWriter w({});
  std::string out;
  w.Begin(&out);
  for (int i = 0; i < 2500; ++i)
    w.Conversation(Clean("c" + std::to_string(i), "big.jsonl:" + std::to_string(i + 1)), &out);
  w.End({1, 2500, 2500, 0}, {}, nullptr, &out);
  std::vector<std::string> suites;
  for (size_t at = out.find("<testsuite "); at != std::string::npos;
       at = out.find("<testsuite ", at + 1))
    suites.push_back(out.substr(at, out.find('>', at) - at));
  ASSERT_EQ(suites.size(), 3u) << out.substr(0, 400);
  EXPECT_NE(suites[0].find("name=\"big.jsonl\" tests=\"1000\""), std::string::npos) << suites[0];
  EXPECT_NE(suites[1].find("name=\"big.jsonl\" tests=\"1000\""), std::string::npos) << suites[1];
  EXPECT_NE(suites[2].find("name=\"big.jsonl\" tests=\"500\""), std::string::npos) << suites[2];
  size_t cases = 0;
  for (size_t at = out.find("<testcase "); at != std::string::npos;
       at = out.find("<testcase ", at + 1))
    ++cases;
  EXPECT_EQ(cases, 2500u);
}

// The report of two files, one of them split into suites, with every kind of
// test case: failures, a skipped language, warnings.
std::string BigReport(JunitReportWriter* w, std::string* out) {
  Conversation c = Transcript();
  w->Begin(out);
  for (int i = 0; i < 2300; ++i) {
    ConversationResult r = i % 3 == 0 ? WithFailures(&c) : Clean("c" + std::to_string(i), "");
    r.id = "c" + std::to_string(i);
    r.source = (i < 1800 ? "big.jsonl:" : "next.jsonl:") + std::to_string(i + 1);
    if (i % 7 == 0) r.warnings = {"turn " + std::to_string(i % 5) + " has no text"};
    if (i % 11 == 0) r.language = "ja";
    w->Conversation(r, out);
  }
  w->End({2, 2300, 2300, 0}, {{"violated>0", 767, true}}, nullptr, out);
  return *out;
}

// With a budget of a few bytes every suite's test cases go through the
// temporary file: the report is the same, byte for byte.
TEST(JunitReport, TestCasesPastTheBudgetGoThroughTheSpillFileUnchanged) {
  JunitReportWriter in_memory({}, SIZE_MAX);
  std::string expected;
  BigReport(&in_memory, &expected);
  ASSERT_GT(expected.size(), 500'000u);  // suites far over the small budget below

  JunitReportWriter spilling({}, 64);
  std::string out;
  EXPECT_EQ(BigReport(&spilling, &out), expected);
}

// With a flush set (the render stage's), a suite's test cases come back in
// pieces: what the writer holds in `out` at once stays small however big the
// suite.
TEST(JunitReport, SpilledTestCasesAreHandedOverInPieces) {
  JunitReportWriter in_memory({}, SIZE_MAX);
  std::string expected;
  BigReport(&in_memory, &expected);

  JunitReportWriter spilling({}, 4096);
  std::string written;
  size_t largest = 0;
  spilling.SetFlush([&](std::string* out) {
    largest = std::max(largest, out->size());
    written += *out;
    out->clear();
  });
  std::string out;
  BigReport(&spilling, &out);
  written += out;
  EXPECT_EQ(written, expected);
  EXPECT_LE(largest, 64u * 1024 + 1024) << "a piece and a suite header";
  EXPECT_LT(largest, expected.size() / 10);
}

TEST(JunitReport, OneFailurePerMissedOrViolatedBehaviourWithEvidenceAndLines) {
  Conversation c = Transcript();
  JunitReportWriter w({});
  std::string out;
  w.Begin(&out);
  w.Conversation(WithFailures(&c), &out);
  w.End({1, 1, 1, 0}, {}, nullptr, &out);
  EXPECT_NE(out.find("<testsuite name=\"logs/chat.txt\" tests=\"1\" failures=\"1\" errors=\"0\" "
                     "file=\"logs/chat.txt\">"),
            std::string::npos);
  EXPECT_NE(out.find("<testcase name=\"c1\" classname=\"logs/chat\">"), std::string::npos);
  // The missed behaviour: its note at the unanswered trigger's line, and the tip.
  EXPECT_NE(out.find("<failure type=\"apology\" message=\"Apologizes: missed\">"
                     "logs/chat.txt:2: 'fault_report' not answered within 3 turn(s)\n"
                     "tip: Say sorry.</failure>"),
            std::string::npos);
  // The violation: severity in the message, every evidence turn at its line,
  // the rule location, the tip in both languages.
  EXPECT_NE(out.find("<failure type=\"blame\" message=\"Culpa al cliente: violated (severity "
                     "error)\">"
                     "logs/chat.txt:3: turn 2 (1:12) Agent: \"It's [your fault].\" "
                     "[rules/en/blame.rules:7]\n"
                     "logs/chat.txt:5: turn 4 Agent: \"It's [your fault].\" "
                     "[rules/en/blame.rules:7]\n"
                     "tip: Céntrate en la solución.\n"
                     "tip (en): Focus on the fix.</failure>"),
            std::string::npos);
  // Met, clean and signal behaviours are not failures.
  EXPECT_EQ(out.find("type=\"greeting\""), std::string::npos);
  EXPECT_EQ(out.find("type=\"jargon\""), std::string::npos);
  EXPECT_EQ(out.find("customer_frustration"), std::string::npos);
}

TEST(JunitReport, WithoutTheConversationModelLinesAreLeftOut) {
  JunitReportWriter w({});
  std::string out;
  w.Begin(&out);
  w.Conversation(WithFailures(nullptr), &out);
  w.End({}, {}, nullptr, &out);
  EXPECT_NE(out.find("\">turn 2 (1:12) Agent: "), std::string::npos);
  EXPECT_NE(out.find("\">'fault_report' not answered"), std::string::npos);
}

TEST(JunitReport, EscapesEverything) {
  ConversationResult r = WithFailures(nullptr);
  r.id = "<id & \"q\" 'a'>";
  r.source = "dir/a&b.jsonl:7";
  r.behaviours[3].evidence[0].text = std::string("It's your fault\x01\x02 <b>&amp;</b>");
  r.behaviours[3].title = "Blames \"you\" & <them>";
  r.warnings = {"odd \x1b[0m byte \xff"};
  JunitReportWriter w({});
  std::string out;
  w.Begin(&out);
  w.Conversation(r, &out);
  w.End({}, {}, nullptr, &out);
  EXPECT_NE(out.find("<testcase name=\"&lt;id &amp; &quot;q&quot; &apos;a&apos;&gt;\" "
                     "classname=\"dir/a&amp;b\">"),
            std::string::npos);
  EXPECT_NE(out.find("message=\"Blames &quot;you&quot; &amp; &lt;them&gt;: violated"),
            std::string::npos);
  // Control characters in a quote become spaces (report_util.h, Printable).
  EXPECT_NE(out.find("\"It's [your fault]   &lt;b&gt;&amp;amp;&lt;/b&gt;\""), std::string::npos);
  EXPECT_NE(out.find("<system-err>warning: odd \xEF\xBF\xBD[0m byte \xEF\xBF\xBD</system-err>"),
            std::string::npos);
  EXPECT_NE(out.find("file=\"dir/a&amp;b.jsonl\""), std::string::npos);
  for (char ch : out) {
    unsigned char c = static_cast<unsigned char>(ch);
    EXPECT_TRUE(c >= 0x20 || c == '\n') << "control byte " << int(c);
  }
}

TEST(JunitReport, OneSuitePerInputFile) {
  JunitReportWriter w({});
  std::string out;
  w.Begin(&out);
  w.Conversation(Clean("a1", "a.jsonl:1"), &out);
  std::string_view after_first = out;
  EXPECT_EQ(after_first.find("<testsuite "), std::string::npos);  // still collecting a.jsonl
  w.Conversation(WithFailures(nullptr), &out);
  w.Conversation(Clean("a2", "a.jsonl:2"), &out);
  w.End({}, {}, nullptr, &out);
  const size_t a = out.find("<testsuite name=\"a.jsonl\" tests=\"1\" failures=\"0\"");
  const size_t b = out.find("<testsuite name=\"logs/chat.txt\" tests=\"1\" failures=\"1\"");
  const size_t a2 = out.find("<testsuite name=\"a.jsonl\" tests=\"1\" failures=\"0\"", a + 1);
  ASSERT_NE(a, std::string::npos);
  ASSERT_NE(b, std::string::npos);
  ASSERT_NE(a2, std::string::npos);
  EXPECT_LT(a, b);
  EXPECT_LT(b, a2);
  // The conversation's own line is in its system-out.
  EXPECT_NE(out.find("4 turns · a.jsonl:2</system-out>"), std::string::npos);
}

TEST(JunitReport, InputErrorsAndChecksAreTestCases) {
  RunTotals totals{2, 3, 2, 2};
  totals.errors = {MakeError("bad.jsonl", 4, 0, "invalid JSON <here>")};
  JunitReportWriter w({});
  std::string out;
  w.Begin(&out);
  w.End(totals, {{"violated>0", 3, true}, {"score<50", 70, false}}, nullptr, &out);
  EXPECT_NE(out.find("<testsuite name=\"input errors\" tests=\"2\" failures=\"0\" errors=\"2\">\n"
                     "    <testcase name=\"bad.jsonl:4\" classname=\"bad\">\n"
                     "      <error type=\"input\" message=\"invalid JSON &lt;here&gt;\">"
                     "bad.jsonl:4: error: invalid JSON &lt;here&gt;</error>\n"),
            std::string::npos);
  EXPECT_NE(out.find("message=\"1 more input error(s), not listed here (see stderr)\""),
            std::string::npos);
  EXPECT_NE(out.find("<testsuite name=\"fail-on\" tests=\"2\" failures=\"1\" errors=\"0\">\n"
                     "    <testcase name=\"violated&gt;0\" classname=\"fail-on\">\n"
                     "      <failure type=\"fail-on\" message=\"threshold failed: violated&gt;0 "
                     "(value 3)\"/>\n"),
            std::string::npos);
  EXPECT_NE(out.find("<testcase name=\"score&lt;50\" classname=\"fail-on\">\n"
                     "      <system-out>value 70</system-out>"),
            std::string::npos);
}

TEST(JunitReport, AGateThatCouldNotBeMeasuredIsSkipped) {
  JunitReportWriter w({});
  std::string out;
  w.Begin(&out);
  CheckOutcome na{"rate:empathy<0.8", 0, false, "never applied"};
  w.End({1, 1, 1, 0}, {na}, nullptr, &out);
  EXPECT_NE(out.find("<testsuite name=\"fail-on\" tests=\"1\" failures=\"0\" errors=\"0\" "
                     "skipped=\"1\">\n"
                     "    <testcase name=\"rate:empathy&lt;0.8\" classname=\"fail-on\">\n"
                     "      <skipped message=\"n/a (never applied)\"/>\n"),
            std::string::npos)
      << out;
}

TEST(JunitReport, SummaryHasOneTestCasePerBehaviour) {
  Conversation c = Transcript();
  SummaryBuilder builder;
  builder.Add(WithFailures(&c));
  ConversationResult clean = Clean("c2", "logs/other.txt");
  BehaviourResult na;
  na.id = "apology";
  na.status = Status::kNotApplicable;
  na.title_en = "Apologizes";
  clean.behaviours.push_back(na);
  BehaviourResult only_na;
  only_na.id = "follow_up";
  only_na.status = Status::kNotApplicable;
  clean.behaviours.push_back(only_na);
  builder.Add(clean);
  Summary& s = builder.summary();
  s.inputs = 2;
  s.read = s.analyzed = 2;
  WriterOptions o;
  o.summary = true;
  JunitReportWriter w(o);
  std::string out;
  w.Begin(&out);
  RunTotals totals{2, 2, 2, 0};
  w.End(totals, {}, &s, &out);
  EXPECT_NE(out.find("<testsuite name=\"summary\" tests=\"5\" failures=\"2\" errors=\"0\" "
                     "skipped=\"1\">\n    <properties>\n"
                     "      <property name=\"conversations\" value=\"2\"/>\n"),
            std::string::npos);
  EXPECT_NE(out.find("<testcase name=\"apology\" classname=\"expected\">\n"
                     "      <failure type=\"apology\" message=\"Apologizes: missed in 1 of 1 "
                     "conversation(s) (0.0% met); not applicable in 1\">worst conversations:\n"
                     "logs/chat.txt (id c1): score 25 ('fault_report' not answered within 3 "
                     "turn(s))</failure>"),
            std::string::npos);
  EXPECT_NE(out.find("<failure type=\"blame\" message=\"Blames: violated in 1 of 1 conversation(s) "
                     "(0.0% clean, severity error)\">worst conversations:\n"
                     "logs/chat.txt (id c1): score 25, turn 2: \"your fault\"</failure>"),
            std::string::npos);
  EXPECT_NE(
      out.find("<testcase name=\"greeting\" classname=\"expected\">\n"
               "      <system-out>missed in 0 of 2 conversation(s) (100.0% met)</system-out>"),
      std::string::npos);
  EXPECT_NE(out.find("<testcase name=\"follow_up\" classname=\"expected\">\n"
                     "      <skipped message=\"not applicable in any conversation\"/>"),
            std::string::npos);
  EXPECT_NE(out.find("<testcase name=\"jargon\" classname=\"avoid\">"), std::string::npos);
  EXPECT_EQ(out.find("customer_frustration"), std::string::npos);  // signals are not tests
  EXPECT_EQ(out.find("logs/other"), std::string::npos);            // no per-conversation cases
}

}  // namespace
}  // namespace tact::report
