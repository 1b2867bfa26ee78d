#include "report/sarif_writer.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include "summary/summary.h"

namespace tact::report {
namespace {

using Element = simdjson::dom::element;

// Parses `json`, failing the test when it is not valid JSON.
class Parsed {
 public:
  explicit Parsed(const std::string& json) {
    auto err = parser_.parse(json.data(), json.size()).get(doc_);
    ok_ = !err;
    EXPECT_FALSE(err) << simdjson::error_message(err) << "\n" << json;
  }
  bool ok() const { return ok_; }
  Element run() const { return doc_["runs"].at(0).value(); }
  Element results() const { return run()["results"].value(); }
  Element rules() const { return run()["tool"]["driver"]["rules"].value(); }
  Element doc() const { return doc_; }

 private:
  simdjson::dom::parser parser_;
  Element doc_;
  bool ok_ = false;
};

std::string Str(Element e) {
  std::string_view v;
  EXPECT_FALSE(e.get_string().get(v));
  return std::string(v);
}

int64_t Int(Element e) {
  int64_t v = 0;
  EXPECT_FALSE(e.get_int64().get(v));
  return v;
}

size_t Size(Element e) {
  simdjson::dom::array a;
  EXPECT_FALSE(e.get_array().get(a));
  return a.size();
}

Conversation Transcript() {
  Conversation c;
  c.id = "c1";
  c.source = "logs/chat.txt";
  c.line = 2;
  for (int i = 0; i < 4; ++i) {
    Turn t;
    t.line = i + 2;
    c.turns.push_back(t);
  }
  return c;
}

ConversationResult Sample(const Conversation* c) {
  ConversationResult r;
  r.id = "chat";
  r.source = "logs/chat.txt";
  r.language = "es";
  r.score = 25;
  if (c != nullptr) {  // what the analyzer copies from the input
    r.line = c->line;
    for (const auto& t : c->turns) r.turn_lines.push_back(t.line);
  }
  BehaviourResult g;
  g.id = "greeting";
  g.status = Status::kMet;
  g.title = "Saluda";
  g.title_en = "Greets";
  r.behaviours.push_back(g);
  BehaviourResult a;
  a.id = "apology";
  a.status = Status::kMissed;
  a.title = "Pide disculpas";
  a.title_en = "Apologizes";
  a.tip = "Pide perdón.";
  a.tip_en = "Say sorry.";
  a.episodes = {{1, true, 2}, {3, false, 0}};
  a.note = "'fault_report' not answered within 3 turn(s)";
  r.behaviours.push_back(a);
  BehaviourResult b;
  b.id = "blame";
  b.kind = BehaviourKind::kAvoid;
  b.status = Status::kViolated;
  b.level = Level::kError;
  b.title = "Culpa al cliente";
  b.title_en = "Blames";
  b.tip_en = "Focus on the fix.";
  Evidence e;
  e.turn = 2;
  e.speaker = "Agent";
  e.time = 5;
  e.text = "It's your fault.";
  e.span_begin = 5;
  e.span_end = 15;
  e.rule = "rules/es/blame.rules:7";
  b.evidence = {e, e, e};
  b.evidence[1].turn = 3;
  b.evidence[2].turn = 4;
  r.behaviours.push_back(b);
  BehaviourResult j;
  j.id = "jargon";
  j.kind = BehaviourKind::kAvoid;
  j.status = Status::kViolated;
  j.level = Level::kInfo;
  j.title_en = "Jargon";
  Evidence je = e;
  je.turn = 4;
  j.evidence = {je};
  r.behaviours.push_back(j);
  BehaviourResult s;
  s.id = "customer_frustration";
  s.kind = BehaviourKind::kSignal;
  s.status = Status::kPresent;
  s.evidence = {e};
  r.behaviours.push_back(s);
  return r;
}

std::string WriteRun(const std::vector<ConversationResult>& results, const RunTotals& totals = {},
                     const std::vector<CheckOutcome>& checks = {}) {
  WriterOptions o;
  o.version = "1.2.3";
  SarifReportWriter w(o);
  std::string out;
  w.Begin(&out);
  for (const auto& r : results) w.Conversation(r, &out);
  w.End(totals, checks, nullptr, &out);
  return out;
}

TEST(SarifUri, PercentEncodesAllButUnreservedAndSlash) {
  EXPECT_EQ(ArtifactUri("examples/en_poor_call.txt"), "examples/en_poor_call.txt");
  EXPECT_EQ(ArtifactUri("my logs/a#1?.txt"), "my%20logs/a%231%3F.txt");
  EXPECT_EQ(ArtifactUri("c:d/ü.txt"), "c%3Ad/%C3%BC.txt");
  EXPECT_EQ(ArtifactUri("/tmp/x y.txt"), "file:///tmp/x%20y.txt");
}

TEST(SarifReport, EmptyRunIsValid) {
  std::string out = WriteRun({});
  Parsed p(out);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(Str(p.doc()["version"].value()), "2.1.0");
  EXPECT_EQ(Size(p.results()), 0u);
  EXPECT_EQ(Size(p.rules()), 0u);
  EXPECT_EQ(Str(p.run()["tool"]["driver"]["name"].value()), "tact");
  EXPECT_EQ(Str(p.run()["tool"]["driver"]["version"].value()), "1.2.3");
  bool ok = false;
  EXPECT_FALSE(p.run()["invocations"].at(0)["executionSuccessful"].get_bool().get(ok));
  EXPECT_TRUE(ok);
}

TEST(SarifReport, ConversationWithoutFindingsHasRulesButNoResults) {
  ConversationResult r = Sample(nullptr);
  r.behaviours[1].status = Status::kMet;
  r.behaviours[2].status = Status::kClean;
  r.behaviours[3].status = Status::kClean;
  Parsed p(WriteRun({r}));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(Size(p.results()), 0u);
  EXPECT_EQ(Size(p.rules()), 4u);  // greeting, apology, blame, jargon; not the signal
}

TEST(SarifReport, OneResultPerFindingWithLevelLineAndConversation) {
  Conversation c = Transcript();
  Parsed p(WriteRun({Sample(&c)}));
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(Size(p.results()), 3u);

  Element apology = p.results().at(0).value();
  EXPECT_EQ(Str(apology["ruleId"].value()), "apology");
  EXPECT_EQ(Str(apology["level"].value()), "warning");  // a missed expected behaviour
  EXPECT_EQ(Str(apology["message"]["text"].value()),
            "Pide disculpas: missed — 'fault_report' not answered within 3 turn(s)");
  Element loc = apology["locations"].at(0).value();
  EXPECT_EQ(Str(loc["physicalLocation"]["artifactLocation"]["uri"].value()), "logs/chat.txt");
  // The first unanswered trigger is turn 3, on line 4.
  EXPECT_EQ(Int(loc["physicalLocation"]["region"]["startLine"].value()), 4);
  EXPECT_EQ(Str(loc["logicalLocations"].at(0)["name"].value()), "chat");
  EXPECT_EQ(Str(apology["properties"]["conversation"].value()), "chat");
  EXPECT_EQ(Int(apology["properties"]["turn"].value()), 3);
  EXPECT_EQ(Str(apology["properties"]["tip"].value()), "Pide perdón.");
  EXPECT_EQ(Str(apology["partialFingerprints"]["conversationBehaviour/v1"].value()),
            "logs/chat.txt|chat|apology");

  Element blame = p.results().at(1).value();
  EXPECT_EQ(Str(blame["level"].value()), "error");
  EXPECT_EQ(Str(blame["message"]["text"].value()),
            "Culpa al cliente: violated (severity error) — turn 2 (0:05) Agent: \"It's [your "
            "fault].\" (+2 more: turns 3, 4)");
  EXPECT_EQ(Int(blame["locations"].at(0)["physicalLocation"]["region"]["startLine"].value()), 3);
  EXPECT_EQ(Size(blame["properties"]["evidenceTurns"].value()), 3u);
  EXPECT_EQ(Str(blame["properties"]["rule"].value()), "rules/es/blame.rules:7");

  Element jargon = p.results().at(2).value();
  EXPECT_EQ(Str(jargon["level"].value()), "note");  // severity info

  // Rules: expected then avoid, each by id; levels from the severity.
  ASSERT_EQ(Size(p.rules()), 4u);
  EXPECT_EQ(Str(p.rules().at(0)["id"].value()), "apology");
  EXPECT_EQ(Str(p.rules().at(1)["id"].value()), "greeting");
  Element rule = p.rules().at(2).value();
  EXPECT_EQ(Str(rule["id"].value()), "blame");
  EXPECT_EQ(Str(rule["name"].value()), "Blame");
  EXPECT_EQ(Str(rule["shortDescription"]["text"].value()), "Blames");
  EXPECT_EQ(Str(rule["help"]["text"].value()), "Focus on the fix.");
  EXPECT_EQ(Str(rule["defaultConfiguration"]["level"].value()), "error");
  EXPECT_EQ(Str(p.rules().at(3)["defaultConfiguration"]["level"].value()), "note");
  EXPECT_EQ(Str(p.rules().at(0)["defaultConfiguration"]["level"].value()), "warning");
}

TEST(SarifReport, LineFromTheSourceWithoutTheConversationModel) {
  ConversationResult r = Sample(nullptr);
  r.source = "logs/all.jsonl:17";
  Parsed p(WriteRun({r}));
  ASSERT_TRUE(p.ok());
  Element loc = p.results().at(0)["locations"].at(0)["physicalLocation"].value();
  EXPECT_EQ(Str(loc["artifactLocation"]["uri"].value()), "logs/all.jsonl");
  EXPECT_EQ(Int(loc["region"]["startLine"].value()), 17);
  // The id is not in the source, so the message names the conversation.
  EXPECT_NE(Str(p.results().at(0)["message"]["text"].value()).find("[conversation chat]"),
            std::string::npos);
}

TEST(SarifReport, EscapesQuotesAndControlCharacters) {
  ConversationResult r = Sample(nullptr);
  r.id = "q\"<&>'\x01";
  r.behaviours[2].evidence[0].text = std::string("It's your fault\x02\" \\ \xff");
  Parsed p(WriteRun({r}));
  ASSERT_TRUE(p.ok());
  Element blame = p.results().at(1).value();
  EXPECT_EQ(Str(blame["properties"]["conversation"].value()), "q\"<&>'\x01");
  EXPECT_NE(Str(blame["message"]["text"].value()).find("\"It's [your fault] \" \\ \xEF\xBF\xBD\""),
            std::string::npos);
}

TEST(SarifReport, InputErrorsAndChecks) {
  RunTotals totals{2, 1, 1, 2};
  totals.errors = {MakeError("bad.jsonl", 4, 0, "invalid JSON")};
  Parsed p(WriteRun({}, totals, {{"violated>0", 3, true}}));
  ASSERT_TRUE(p.ok());
  Element inv = p.run()["invocations"].at(0).value();
  bool ok = true;
  EXPECT_FALSE(inv["executionSuccessful"].get_bool().get(ok));
  EXPECT_FALSE(ok);
  // The input error, "1 more", and the failed gate beside them.
  ASSERT_EQ(Size(inv["toolExecutionNotifications"].value()), 3u);
  Element n = inv["toolExecutionNotifications"].at(0).value();
  EXPECT_EQ(Str(n["message"]["text"].value()), "invalid JSON");
  EXPECT_EQ(Int(n["locations"].at(0)["physicalLocation"]["region"]["startLine"].value()), 4);
  Element g = inv["toolExecutionNotifications"].at(2).value();
  EXPECT_EQ(Str(g["level"].value()), "error");
  EXPECT_EQ(Str(g["message"]["text"].value()), "threshold failed: violated>0 (value 3)");
  EXPECT_EQ(Int(p.run()["properties"]["totals"]["skipped"].value()), 2);
  EXPECT_EQ(Str(p.run()["properties"]["checks"].at(0)["expression"].value()), "violated>0");
}

TEST(SarifReport, SummaryHasOneResultPerFailingBehaviour) {
  Conversation c = Transcript();
  SummaryBuilder builder;
  ConversationResult r1 = Sample(&c);
  r1.source = "logs/all.jsonl:9";
  builder.Add(r1);
  ConversationResult r2 = Sample(nullptr);
  r2.id = "c2";
  r2.source = "logs/b.txt";
  r2.score = 80;
  r2.behaviours[3].status = Status::kClean;  // jargon
  builder.Add(r2);
  WriterOptions o;
  o.summary = true;
  SarifReportWriter w(o);
  std::string out;
  w.Begin(&out);
  w.End({2, 2, 2, 0}, {}, &builder.summary(), &out);
  Parsed p(out);
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(Size(p.results()), 3u);  // apology, blame, jargon; greeting was met everywhere
  Element apology = p.results().at(0).value();
  EXPECT_EQ(Str(apology["ruleId"].value()), "apology");
  EXPECT_EQ(Str(apology["message"]["text"].value()),
            "Apologizes: missed in 2 of 2 conversation(s) (0.0% met); worst: logs/all.jsonl:9 "
            "(score 25)");
  Element loc = apology["locations"].at(0)["physicalLocation"].value();
  EXPECT_EQ(Str(loc["artifactLocation"]["uri"].value()), "logs/all.jsonl");
  EXPECT_EQ(Int(loc["region"]["startLine"].value()), 9);
  EXPECT_EQ(Size(apology["relatedLocations"].value()), 2u);
  EXPECT_EQ(Int(apology["properties"]["missed"].value()), 2);
  Element jargon = p.results().at(2).value();
  EXPECT_EQ(Str(jargon["level"].value()), "note");
  EXPECT_EQ(Int(jargon["properties"]["violated"].value()), 1);
  EXPECT_EQ(Int(jargon["properties"]["clean"].value()), 1);
  EXPECT_EQ(Size(p.rules()), 4u);
  EXPECT_EQ(Int(p.run()["properties"]["conversations"].value()), 2);
}

}  // namespace
}  // namespace tact::report
