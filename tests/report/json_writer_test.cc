#include "report/json_writer.h"

#include <gtest/gtest.h>

namespace tact::report {
namespace {

TEST(Json, EscapesControlQuotesAndInvalidUtf8) {
  std::string out;
  AppendJsonString("a\"b\\c\n\x01 é \xff", &out);
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\u0001 é \\ufffd\"");
}

TEST(Json, WriterSeparatesMembers) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject()
      .Key("a")
      .Int(1)
      .Key("b")
      .BeginArray()
      .Number(1.5)
      .Null()
      .Bool(true)
      .EndArray()
      .Key("c")
      .String("x")
      .EndObject();
  EXPECT_EQ(out, "{\"a\":1,\"b\":[1.5,null,true],\"c\":\"x\"}");
}

ConversationResult Sample() {
  ConversationResult r;
  r.id = "c1";
  r.source = "chat.txt";
  r.input_format = "text";
  r.language = "en";
  r.language_confidence = 0.98765;
  r.language_method = "detected";
  r.turn_count = 2;
  r.score = 66.66666;
  r.speakers = {{"Agent", Role::kAgent, RoleSource::kRoleWord}};
  BehaviourResult b;
  b.id = "apology";
  b.kind = BehaviourKind::kExpected;
  b.status = Status::kMissed;
  b.title = "Apologizes";
  b.tip = "Say sorry.";
  b.tip_en = "Say sorry.";
  b.trigger = "fault_report";
  b.episodes = {{1, false, 0}};
  r.behaviours.push_back(b);
  BehaviourResult v;
  v.id = "blame";
  v.kind = BehaviourKind::kAvoid;
  v.status = Status::kViolated;
  v.level = Level::kError;
  v.title = "Blames";
  Evidence e;
  e.turn = 2;
  e.role = Role::kAgent;
  e.speaker = "Agent";
  e.time = 12.5;
  e.text = "It's your fault.";
  e.span_begin = 5;
  e.span_end = 15;
  e.rule = "rules/en/blame.rules:7";
  v.evidence.push_back(e);
  r.behaviours.push_back(v);
  return r;
}

TEST(JsonReport, ConversationObjectFollowsTheSchema) {
  std::string out;
  JsonWriter w(&out);
  WriteConversationJson(Sample(), &w);
  EXPECT_EQ(
      out,
      "{\"id\":\"c1\",\"source\":\"chat.txt\",\"input_format\":\"text\",\"language\":\"en\","
      "\"language_confidence\":0.988,\"language_method\":\"detected\",\"channel\":\"chat\","
      "\"agent\":null,"
      "\"turn_count\":2,\"speakers\":[{\"name\":\"Agent\",\"role\":\"agent\",\"by\":\"role_word\"}]"
      ","
      "\"score\":66.7,\"score_breakdown\":null,\"behaviours\":["
      "{\"id\":\"apology\",\"kind\":\"expected\",\"status\":\"missed\",\"title\":\"Apologizes\","
      "\"trigger\":\"fault_report\",\"episodes\":[{\"turn\":1,\"answered\":false,\"answer_turn\":"
      "null}],"
      "\"evidence\":[],\"tip\":\"Say sorry.\",\"tip_en\":\"Say sorry.\"},"
      "{\"id\":\"blame\",\"kind\":\"avoid\",\"status\":\"violated\",\"title\":\"Blames\","
      "\"severity\":\"error\","
      "\"evidence\":[{\"turn\":2,\"speaker\":\"Agent\",\"role\":\"agent\",\"time\":12.5,\"text\":"
      "\"It's your fault.\","
      "\"span\":[5,15],\"match\":\"your "
      "fault\",\"rule\":\"rules/en/blame.rules:7\"}],\"tip\":\"\",\"tip_en\":\"\"}],"
      "\"metrics\":{},\"warnings\":[]}");
}

TEST(JsonReport, DocumentAndLines) {
  WriterOptions o;
  o.version = "9.9";
  JsonReportWriter doc(o, false);
  std::string out;
  doc.Begin(&out);
  doc.Conversation(Sample(), &out);
  doc.Conversation(Sample(), &out);
  doc.End({1, 2, 2, 0}, {{"violated>0", 2, true}}, nullptr, &out);
  EXPECT_EQ(
      out.rfind("{\"tool\":{\"name\":\"tact\",\"version\":\"9.9\"},\"conversations\":[\n{", 0), 0u);
  EXPECT_NE(out.find("}\n],\"totals\":{\"inputs\":1,\"read\":2,\"analyzed\":2,\"skipped\":0},"
                     "\"checks\":[{\"expression\":\"violated>0\",\"value\":2,\"failed\":true}]}\n"),
            std::string::npos);
  JsonReportWriter na(o, false);
  std::string n;
  na.Begin(&n);
  na.End({1, 1, 1, 0}, {{"rate:empathy<0.8", 0, false, "never applied"}}, nullptr, &n);
  EXPECT_NE(n.find("\"checks\":[{\"expression\":\"rate:empathy<0.8\",\"value\":null,"
                   "\"failed\":false,\"na\":\"never applied\"}]"),
            std::string::npos)
      << n;
  JsonReportWriter lines(o, true);
  std::string l;
  lines.Begin(&l);
  lines.Conversation(Sample(), &l);
  lines.End({}, {}, nullptr, &l);
  EXPECT_EQ(std::count(l.begin(), l.end(), '\n'), 1);
  EXPECT_EQ(l.front(), '{');
}

TEST(JsonReport, EmptyRunIsValid) {
  JsonReportWriter doc({}, false);
  std::string out;
  doc.Begin(&out);
  doc.End({}, {}, nullptr, &out);
  EXPECT_NE(out.find("\"conversations\":[\n],\"totals\""), std::string::npos);
}

}  // namespace
}  // namespace tact::report

namespace tact::report {
namespace {

TEST(JsonReport, ScoreBreakdownSaysWhatEachItemCost) {
  ConversationResult r = Sample();
  r.score = 0;
  r.score_breakdown.scored = true;
  r.score_breakdown.scorecard = "default";
  r.score_breakdown.met = 0;
  r.score_breakdown.applicable = 1;
  r.score_breakdown.applicable_weight = 1;
  r.score_breakdown.base = 0;
  r.score_breakdown.missed = {{"apology", 100}};
  r.score_breakdown.critical = {"blame"};
  std::string out;
  JsonWriter w(&out);
  WriteConversationJson(r, &w);
  EXPECT_NE(out.find("\"score\":0,\"score_breakdown\":{\"scorecard\":\"default\","
                     "\"explain\":\"0 = failed: blame is critical\",\"met\":0,\"applicable\":1,"
                     "\"met_weight\":0,\"applicable_weight\":1,\"base\":0,"
                     "\"missed\":[{\"id\":\"apology\",\"points\":100}],\"penalties\":[],"
                     "\"critical\":[\"blame\"]},"),
            std::string::npos)
      << out;
}

}  // namespace
}  // namespace tact::report
