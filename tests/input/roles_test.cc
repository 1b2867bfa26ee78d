#include "input/roles.h"

#include <gtest/gtest.h>

#include "run/vocabulary.h"

namespace tact::input {
namespace {

// The role words of the built-in packs, as a check reads with.
const RoleVocabulary& Packs() { return run::BuiltinVocabulary().roles; }

RoleOptions WithPacks() {
  RoleOptions o;
  o.vocabulary = Packs();
  return o;
}

Conversation Chat(const std::vector<std::pair<std::string, std::string>>& turns) {
  Conversation c;
  for (const auto& [speaker, text] : turns) {
    Turn t;
    t.speaker = speaker;
    t.text = text;
    c.turns.push_back(t);
  }
  return c;
}

TEST(Roles, RoleWords) {
  EXPECT_EQ(RoleFromWord("Agent", Packs()), Role::kAgent);
  EXPECT_EQ(RoleFromWord("Agent Sarah", Packs()), Role::kAgent);
  EXPECT_EQ(RoleFromWord("Customer Service", Packs()), Role::kAgent);
  EXPECT_EQ(RoleFromWord("Customer (John)", Packs()), Role::kCustomer);
  EXPECT_EQ(RoleFromWord("USER", Packs()), Role::kCustomer);
  EXPECT_EQ(RoleFromWord("Оператор", Packs()), Role::kAgent);
  EXPECT_EQ(RoleFromWord("Handläggare", Packs()), Role::kAgent);
  EXPECT_EQ(RoleFromWord("Maria", Packs()), std::nullopt);
  // Addresses are one token for patterns; their words still name a side.
  EXPECT_EQ(RoleFromWord("support@acme.com", Packs()), Role::kAgent);
  EXPECT_EQ(RoleFromWord("customer@example.com", Packs()), Role::kCustomer);
  EXPECT_EQ(RoleFromWord("@Agent_Sam", Packs()), Role::kAgent);  // agent, _, sam: as before
  EXPECT_EQ(RoleFromWord("#support", Packs()), Role::kAgent);
  EXPECT_EQ(RoleFromWord("", Packs()), std::nullopt);
}

// The words are the vocabulary's, nothing else: without one no label names a
// role, and a format's role field still takes tact's own role names.
TEST(Roles, RoleWordsComeOnlyFromTheVocabulary) {
  const RoleVocabulary none;
  EXPECT_EQ(RoleFromWord("Agent", none), std::nullopt);
  EXPECT_EQ(RoleFromWord("Customer Service", none), std::nullopt);
  EXPECT_EQ(RoleFromField(" AGENT ", none), Role::kAgent);
  EXPECT_EQ(RoleFromField("customer", none), Role::kCustomer);
  EXPECT_EQ(RoleFromField("Kunde", none), std::nullopt);
  EXPECT_EQ(RoleFromField("Kunde", Packs()), Role::kCustomer);

  RoleVocabulary hotel;
  hotel.agent_words = {"concierge"};
  hotel.customer_words = {"guest"};
  hotel.AddAgentPhrase("Guest Relations");
  EXPECT_EQ(RoleFromWord("Concierge Ana", hotel), Role::kAgent);
  EXPECT_EQ(RoleFromWord("Guest Relations (Ana)", hotel), Role::kAgent);
  EXPECT_EQ(RoleFromWord("Guest 12", hotel), Role::kCustomer);
  EXPECT_EQ(RoleFromWord("Agent", hotel), std::nullopt);
}

// The first speaker who uses a help opening of the vocabulary is the agent.
TEST(Roles, HelpOpeningsOfTheVocabularyGuessTheAgent) {
  const std::vector<std::pair<std::string, std::string>> turns = {
      {"Pat", "hallo?"}, {"Jana", "Guten Tag, wie kann ich helfen?"}};
  Conversation without = Chat(turns);
  ResolveRoles(&without, WithPacks());
  EXPECT_EQ(without.speakers[1].role, Role::kOther);

  RoleOptions german;
  german.vocabulary.help_openings = {"wie kann ich helfen"};
  Conversation with = Chat(turns);
  auto w = ResolveRoles(&with, german);
  EXPECT_EQ(with.speakers[1].role, Role::kAgent);
  EXPECT_EQ(with.speakers[1].source, RoleSource::kHeuristic);
  EXPECT_EQ(with.speakers[0].role, Role::kCustomer);
  ASSERT_TRUE(w.has_value());
  EXPECT_NE(w->find("'Jana' as agent"), std::string::npos) << *w;
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
  auto w = ResolveRoles(&c, WithPacks());
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(c.turns[1].role, Role::kCustomer);
  EXPECT_EQ(c.speakers[1].source, RoleSource::kHeuristic);
}

}  // namespace
}  // namespace tact::input
