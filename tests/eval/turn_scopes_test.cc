#include "eval/turn_scopes.h"

#include <gtest/gtest.h>

#include <vector>

#include "text/normalize.h"

namespace tact::eval {
namespace {

Conversation Chat(const std::string& roles) {
  Conversation c;
  for (char r : roles) {
    Turn t;
    t.role = r == 'a' ? Role::kAgent : r == 'c' ? Role::kCustomer : Role::kOther;
    t.text = std::string("Turn \u2019") + r;
    c.turns.push_back(t);
  }
  return c;
}

std::vector<size_t> Of(TurnScopes& s, const rules::BehaviourDecl& b) {
  auto span = s.Of(b);
  return {span.begin(), span.end()};
}

TEST(TurnScopes, SpeakerAndPosition) {
  Conversation c = Chat("acaoca");
  TurnScopes s;
  s.Reset(c);
  rules::BehaviourDecl b;
  b.speaker = rules::SpeakerScope::kAgent;
  EXPECT_EQ(Of(s, b), (std::vector<size_t>{0, 2, 5}));
  b.position = rules::BehaviourDecl::Position::kFirst;
  b.position_n = 2;
  EXPECT_EQ(Of(s, b), (std::vector<size_t>{0, 2}));
  b.position = rules::BehaviourDecl::Position::kLast;
  b.position_n = 1;
  EXPECT_EQ(Of(s, b), (std::vector<size_t>{5}));
  b.position_n = 9;
  EXPECT_EQ(Of(s, b), (std::vector<size_t>{0, 2, 5}));
  b = {};
  b.speaker = rules::SpeakerScope::kCustomer;
  EXPECT_EQ(Of(s, b), (std::vector<size_t>{1, 4}));
  b.speaker = rules::SpeakerScope::kAny;
  EXPECT_EQ(Of(s, b), (std::vector<size_t>{0, 1, 2, 3, 4, 5}));
  EXPECT_TRUE(s.Any(rules::SpeakerScope::kCustomer));
  Conversation agent_only = Chat("aa");
  s.Reset(agent_only);  // starts over
  EXPECT_FALSE(s.Any(rules::SpeakerScope::kCustomer));
  EXPECT_EQ(Of(s, b), (std::vector<size_t>{0, 1}));
}

TEST(TurnScopes, TimeWindowOnTimedCallsOnly) {
  Conversation c = Chat("acac");
  c.channel = Channel::kCall;
  for (size_t i = 0; i < c.turns.size(); ++i) c.turns[i].start = 10.0 * i;
  rules::BehaviourDecl b;
  b.time_window = rules::BehaviourDecl::TimeWindow::kLast;
  b.time_seconds = 10;
  b.position = rules::BehaviourDecl::Position::kFirst;
  b.position_n = 1;
  TurnScopes s;
  s.Reset(c);
  EXPECT_EQ(Of(s, b), (std::vector<size_t>{2}));  // agent turns at >= 20 s
  c.turns[1].start.reset();                       // untimed: the position instead
  s.Reset(c);
  EXPECT_EQ(Of(s, b), (std::vector<size_t>{0}));
}

TEST(TurnScopes, NormalizedTextsAsNormalizeMakesThem) {
  Conversation c = Chat("ac");
  TurnScopes s;
  s.Reset(c);
  EXPECT_EQ(s.Normalized(1), text::Normalize(c.turns[1].text));
  EXPECT_EQ(&s.Normalized(1), &s.Normalized(1));
  Conversation d = Chat("ca");
  d.turns[1].text = "Other";
  s.Reset(d);  // not the last conversation's text
  EXPECT_EQ(s.Normalized(1), text::Normalize("Other"));
}

}  // namespace
}  // namespace tact::eval

namespace tact::eval {
namespace {

TEST(TurnScopes, MatchesByBehaviourInTurnOrderWithoutVetoed) {
  Conversation c = Chat("aca");
  std::vector<TextMatches> tm(4);  // longer than the conversation: the rest ignored
  auto add = [&](size_t t, uint32_t b, uint32_t rule, bool vetoed = false) {
    RuleMatch m;
    m.behaviour = b;
    m.rule = rule;
    m.vetoed = vetoed;
    tm[t].matches.push_back(m);
  };
  add(0, 1, 0);
  add(0, 0, 3);
  add(0, 1, 1, true);  // vetoed
  add(0, 1, 2);
  add(2, 1, 4);
  add(2, 9, 0);  // no such behaviour
  add(3, 0, 0);  // past the conversation's turns
  TurnScopes s;
  s.Reset(c);
  EXPECT_TRUE(s.Matches(0).empty());  // before indexing
  s.IndexMatches(tm, 2);
  auto b1 = s.Matches(1);
  ASSERT_EQ(b1.size(), 3u);
  EXPECT_EQ(b1[0].turn, 0u);
  EXPECT_EQ(b1[0].match->rule, 0u);
  EXPECT_EQ(b1[1].match->rule, 2u);
  EXPECT_EQ(b1[2].turn, 2u);
  EXPECT_EQ(b1[2].match, &tm[2].matches[0]);
  ASSERT_EQ(s.Matches(0).size(), 1u);
  EXPECT_EQ(s.Matches(0)[0].match->rule, 3u);
  EXPECT_TRUE(s.Matches(2).empty());
  s.Reset(c);
  EXPECT_TRUE(s.Matches(1).empty());
}

}  // namespace
}  // namespace tact::eval
