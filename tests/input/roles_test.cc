#include "input/roles.h"

#include <gtest/gtest.h>

namespace tact::input {
namespace {

TEST(Roles, RoleWords) {
  EXPECT_EQ(RoleFromWord("Agent"), Role::kAgent);
  EXPECT_EQ(RoleFromWord("Agent Sarah"), Role::kAgent);
  EXPECT_EQ(RoleFromWord("Customer Service"), Role::kAgent);
  EXPECT_EQ(RoleFromWord("Customer (John)"), Role::kCustomer);
  EXPECT_EQ(RoleFromWord("USER"), Role::kCustomer);
  EXPECT_EQ(RoleFromWord("Оператор"), Role::kAgent);
  EXPECT_EQ(RoleFromWord("Handläggare"), Role::kAgent);
  EXPECT_EQ(RoleFromWord("Maria"), std::nullopt);
  // Addresses are one token for patterns; their words still name a side.
  EXPECT_EQ(RoleFromWord("support@acme.com"), Role::kAgent);
  EXPECT_EQ(RoleFromWord("customer@example.com"), Role::kCustomer);
  EXPECT_EQ(RoleFromWord("@Agent_Sam"), Role::kAgent);  // agent, _, sam: as before
  EXPECT_EQ(RoleFromWord("#support"), Role::kAgent);
  EXPECT_EQ(RoleFromWord(""), std::nullopt);
}

TEST(Roles, HeuristicNeedsAGreetingOrAKnownSide) {
  Conversation c;
  for (auto [sp, text] :
       std::vector<std::pair<std::string, std::string>>{{"A", "hello"}, {"B", "hi"}}) {
    Turn t;
    t.speaker = sp;
    t.text = text;
    c.turns.push_back(t);
  }
  auto w = ResolveRoles(&c, {});
  // Nothing could be decided and nothing is guessed, but the user is told.
  ASSERT_TRUE(w.has_value());
  EXPECT_NE(w->find("role of 'A', 'B' unknown: no agent found"), std::string::npos) << *w;
  EXPECT_EQ(c.turns[0].role, Role::kOther);
  EXPECT_EQ(c.speakers[0].source, RoleSource::kUnknown);
}

// Thousands of unknown speakers make one short warning, not a 300 KB line.
TEST(Roles, AWarningNamesAFewSpeakers) {
  Conversation c;
  for (int i = 0; i < 20000; ++i) {
    Turn t;
    t.speaker = "User" + std::to_string(i);
    t.text = "hello there";
    c.turns.push_back(t);
  }
  auto w = ResolveRoles(&c, {});
  ASSERT_TRUE(w.has_value());
  EXPECT_NE(w->find("'User3', 'User4' and 19995 more unknown"), std::string::npos) << *w;
  EXPECT_LT(w->size(), 300u) << *w;
}

TEST(Roles, KnownSideDecidesTheOther) {
  Conversation c;
  Turn a;
  a.speaker = "Agent";
  a.text = "hello";
  Turn b;
  b.speaker = "Pat";
  b.text = "hi";
  c.turns = {a, b};
  auto w = ResolveRoles(&c, {});
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(c.turns[1].role, Role::kCustomer);
  EXPECT_EQ(c.speakers[1].source, RoleSource::kHeuristic);
}

}  // namespace
}  // namespace tact::input
