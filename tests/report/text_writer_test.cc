#include "report/text_writer.h"

#include <gtest/gtest.h>

#include "report/report_util.h"

namespace tact::report {
namespace {

ConversationResult Sample() {
  ConversationResult r;
  r.id = "c1";
  r.source = "chat.txt";
  r.language = "en";
  r.language_confidence = 0.97;
  r.language_method = "detected";
  r.turn_count = 3;
  r.score = 50;
  BehaviourResult g;
  g.id = "greeting";
  g.status = Status::kMet;
  Evidence e;
  e.turn = 1;
  e.speaker = "Agent";
  e.text = "Hi there, how can I help?";
  e.span_begin = 10;
  e.span_end = 24;
  e.time = 65;
  g.evidence = {e, e, e};
  g.evidence[1].turn = 3;
  g.evidence[2].turn = 5;
  r.behaviours.push_back(g);
  BehaviourResult b;
  b.id = "blame";
  b.kind = BehaviourKind::kAvoid;
  b.status = Status::kViolated;
  b.tip = "Focus on the fix.";
  b.tip_en = "Focus on the fix.";
  Evidence x = e;
  x.text = "That is your fault";
  x.span_begin = 8;
  x.span_end = 18;
  x.time.reset();
  b.evidence = {x};
  r.behaviours.push_back(b);
  BehaviourResult s;
  s.id = "customer_frustration";
  s.kind = BehaviourKind::kSignal;
  s.status = Status::kAbsent;
  r.behaviours.push_back(s);
  return r;
}

TEST(TextReport, PlainLayout) {
  TextReportWriter w({});
  std::string out;
  w.Conversation(Sample(), &out);
  EXPECT_EQ(
      out,
      "chat.txt  (id c1)\n"
      "  language en (detected, 0.97) · chat · 3 turns · score 50/100\n"
      "\n  Expected of the agent\n"
      "    ✔ greeting              met      turn 1 (1:05)  Agent: \"Hi there, [how can I help]?\"\n"
      "                                     (+2 more: turns 3, 5)\n"
      "\n  To avoid\n"
      "    ⚠ blame                 violated turn 1  Agent: \"That is [your fault]\"\n"
      "                                     tip: Focus on the fix.\n"
      "\n  Customer signals\n"
      "    ○ customer_frustration  absent   \n");
}

// Control characters from the input (ESC sequences, C1 controls) never reach
// the terminal raw: in the source, the id, the speaker and the quotes.
TEST(TextReport, InputCannotDriveTheTerminal) {
  ConversationResult r = Sample();
  r.source = "chat\x1b[2J.txt";
  r.id = "c\x1b]0;pwned\x07";
  r.behaviours[0].evidence[0].speaker =
      "Agent\xc2\x9b"
      "31m";
  r.behaviours[0].evidence[0].text = "Hi \x1b[31mthere\x1b[0m, how can I help?";
  TextReportWriter w({});
  std::string out;
  w.Conversation(r, &out);
  EXPECT_EQ(out.find('\x1b'), std::string::npos) << out;
  EXPECT_EQ(out.find('\x07'), std::string::npos) << out;
  EXPECT_EQ(out.find("\xc2\x9b"), std::string::npos) << out;
  EXPECT_NE(out.find("chat [2J.txt"), std::string::npos) << out;
  EXPECT_EQ(Printable("a\tb\nc\x7f\xc3\xa9"), "a b c \xc3\xa9");  // é stays
}

TEST(TextReport, ColourOnlyWhenAsked) {
  WriterOptions o;
  o.color = true;
  TextReportWriter w(o);
  std::string out;
  w.Conversation(Sample(), &out);
  EXPECT_NE(out.find("\x1b[1;4mhow can I help\x1b[0m"), std::string::npos);
  EXPECT_EQ(out.find("[how can I help]"),
            std::string::npos);  // no bracket highlighting when coloured
}

TEST(TextReport, LongTurnsAreQuotedAroundTheMatch) {
  ConversationResult r = Sample();
  std::string pre(200, 'a'), post(200, 'b');
  r.behaviours[0].evidence.resize(1);
  r.behaviours[0].evidence[0].text = pre + " sorry " + post;
  r.behaviours[0].evidence[0].span_begin = 201;
  r.behaviours[0].evidence[0].span_end = 206;
  TextReportWriter w({});
  std::string out;
  w.Conversation(r, &out);
  EXPECT_NE(out.find("\"…" + std::string(59, 'a') + " [sorry] " + std::string(59, 'b') + "…\""),
            std::string::npos);
}

}  // namespace
}  // namespace tact::report

namespace tact::report {
namespace {

// The score is explained under the header, with titles instead of ids.
TEST(TextReport, ScoreIsExplainedWithTitles) {
  ConversationResult r = Sample();
  r.behaviours[1].title = "Blames the customer";
  r.score = 40;
  r.score_breakdown.scored = true;
  r.score_breakdown.met = 1;
  r.score_breakdown.applicable = 2;
  r.score_breakdown.met_weight = 1;
  r.score_breakdown.applicable_weight = 2;
  r.score_breakdown.base = 50;
  r.score_breakdown.penalties = {{"blame", 10}};
  TextReportWriter w({});
  std::string out;
  w.Conversation(r, &out);
  EXPECT_NE(out.find("  score 40 = 1 of 2 applicable behaviours met - Blames the customer 10\n"),
            std::string::npos)
      << out;
  // Not scored (nothing applied): no explanation line.
  r.score_breakdown.scored = false;
  out.clear();
  w.Conversation(r, &out);
  EXPECT_EQ(out.find("applicable behaviours"), std::string::npos);
}

}  // namespace
}  // namespace tact::report
