#include <gtest/gtest.h>

#include "report/csv_writer.h"
#include "report/markdown_writer.h"

namespace tact::report {
namespace {

ConversationResult Sample() {
  ConversationResult r;
  r.id = "c1";
  r.source = "a,b.txt";
  r.language = "en";
  r.score = 50;
  BehaviourResult b;
  b.id = "blame";
  b.kind = BehaviourKind::kAvoid;
  b.status = Status::kViolated;
  b.level = Level::kError;
  b.title = b.title_en = "Blames | customer";
  b.tip = "Say \"sorry\"";
  Evidence e;
  e.turn = 3;
  e.text = "It is your fault";
  e.span_begin = 6;
  e.span_end = 16;
  e.rule = "rules/en/blame.rules:7";
  b.evidence = {e};
  r.behaviours.push_back(b);
  return r;
}

// The wide layout: one row per conversation, a column per requested behaviour
// and metric; what the conversation does not report is an empty cell.
TEST(Csv, WideLayoutHasARowPerConversation) {
  WriterOptions o;
  o.csv_wide = true;
  o.behaviour_columns = {"empathy", "blame"};
  o.metric_columns = {"handle_time", "talk_ratio"};
  CsvReportWriter w(o);
  ConversationResult r = Sample();
  r.agent = "=agent";
  r.metadata = {{"started_at", "2024-11-27T23:10:00.000Z"}};
  MetricResult m;
  m.id = "handle_time";
  m.value = 12.5;
  r.metrics = {m};
  std::string out;
  w.Begin(&out);
  w.Conversation(r, &out);
  EXPECT_EQ(out,
            "id,source,date,agent,channel,language,score,empathy,blame,handle_time,talk_ratio\r\n"
            "c1,\"a,b.txt\",2024-11-27,'=agent,chat,en,50.0,,violated,12.5,\r\n");
}

TEST(Csv, QuotesOnlyWhenNeeded) {
  std::string out;
  AppendCsvField("plain", &out);
  out += '|';
  AppendCsvField("a,b", &out);
  out += '|';
  AppendCsvField("say \"hi\"\nthere", &out);
  EXPECT_EQ(out, "plain|\"a,b\"|\"say \"\"hi\"\"\nthere\"");
}

// Cells a spreadsheet would run as formulas are kept as text; numbers are not touched.
TEST(Csv, FormulaCellsAreKeptAsText) {
  auto cell = [](std::string_view f) {
    std::string out;
    AppendCsvField(f, &out);
    return out;
  };
  EXPECT_EQ(cell("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  EXPECT_EQ(cell("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
  EXPECT_EQ(cell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(cell("-2+3"), "'-2+3");
  EXPECT_EQ(cell("\t=1"), "'\t=1");
  EXPECT_EQ(cell("-0.5"), "-0.5");
  EXPECT_EQ(cell("+34"), "+34");
  EXPECT_EQ(cell("a=b"), "a=b");
  EXPECT_EQ(cell(""), "");
}

TEST(Csv, RowPerConversationAndBehaviour) {
  CsvReportWriter w({});
  std::string out;
  w.Begin(&out);
  w.Conversation(Sample(), &out);
  w.End({}, {}, nullptr, &out);
  EXPECT_EQ(
      out,
      "source,id,language,channel,agent,score,behaviour,kind,status,severity,evidence_turns,first_"
      "match,rule,tip,note,score_breakdown\r\n"
      "\"a,b.txt\",c1,en,chat,,50.0,blame,avoid,violated,error,3,your fault,rules/en/blame.rules:7,"
      "\"Say \"\"sorry\"\"\",,\r\n");
}

TEST(Csv, UnsupportedLanguageRowsSayWhy) {
  ConversationResult r;
  r.source = "ja.txt";
  r.language = "ja";
  r.language_method = "unsupported";
  r.score = -1;
  BehaviourResult b;
  b.id = "greeting";
  b.status = Status::kNotApplicable;
  b.note = "unsupported language 'ja'";
  r.behaviours.push_back(b);
  CsvReportWriter w({});
  std::string out;
  w.Conversation(r, &out);
  EXPECT_EQ(
      out,
      "ja.txt,,ja,chat,,,greeting,expected,not_applicable,,,,,,unsupported language 'ja',\r\n");
}

TEST(Csv, SummaryRows) {
  WriterOptions o;
  o.summary = true;
  CsvReportWriter w(o);
  SummaryBuilder b({"language"}, 3);
  b.Add(Sample());
  std::string out;
  w.Begin(&out);
  w.End({}, {}, &b.summary(), &out);
  EXPECT_NE(out.find("all,all,blame,avoid,1,0,0,0,0,1,0,0,0.0000\r\n"), std::string::npos) << out;
  EXPECT_NE(out.find("language,en,blame,avoid,1,"), std::string::npos) << out;
}

TEST(Markdown, SummaryTablesEscapePipes) {
  MarkdownReportWriter w({});
  std::string out;
  w.Begin(&out);
  w.Conversation(Sample(), &out);
  w.End({1, 1, 1, 0}, {{"violated>0", 1, true}}, nullptr, &out);
  EXPECT_NE(out.find("| Blames \\| customer (`blame`) | 0.0% | 1 | 0 |"), std::string::npos) << out;
  EXPECT_NE(out.find("- `a,b.txt` (en, chat, score 50): `blame` violated (turn 3: “your fault”)"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("- ❌ failed `--fail-on 'violated>0'` (value 1)"), std::string::npos);
}

// A million conversations must not make a million-line page (or hold it in
// memory): the list stops at kMaxListed and says how many the tables cover.
TEST(Markdown, TheConversationListIsBounded) {
  MarkdownReportWriter w({});
  std::string out;
  w.Begin(&out);
  const size_t n = MarkdownReportWriter::kMaxListed + 5;
  for (size_t i = 0; i < n; ++i) w.Conversation(Sample(), &out);
  w.End({1, n, n, 0}, {}, nullptr, &out);
  size_t listed = 0;
  for (size_t at = out.find("- `a,b.txt` (en"); at != std::string::npos;
       at = out.find("- `a,b.txt` (en", at + 1))
    ++listed;
  EXPECT_EQ(listed, MarkdownReportWriter::kMaxListed);
  EXPECT_NE(out.find("The first 1000 of 1005 conversations are listed; the tables above cover all "
                     "of them"),
            std::string::npos);
  EXPECT_NE(out.find("| Blames \\| customer (`blame`) | 0.0% | 1005 | 0 |"), std::string::npos);
}

}  // namespace
}  // namespace tact::report
