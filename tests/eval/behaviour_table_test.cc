#include "eval/behaviour_table.h"

#include <gtest/gtest.h>

#include "eval/evaluator.h"
#include "test_util.h"

namespace tact::eval {
namespace {

const char* kRules = R"(
behaviour frustration
  kind signal
  title Enfado
  title-en Frustration
  match enfadado
behaviour greeting
  kind expected
  title Saluda
  title-en Greets
  title-fr Salue
  tip Di hola
  tip-en Say hello
  match hola
  match buenas: buenos dias
behaviour blame
  kind avoid
  match tu culpa
)";

class BehaviourTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Diagnostics d;
    pack_ = tact::testing::CompileOne("es", kRules, &d);
    ASSERT_NE(pack_, nullptr) << (d.empty() ? "" : d[0].Format());
  }
  uint32_t Index(const std::string& id) const { return pack_->behaviour_index.at(id); }
  std::unique_ptr<rules::LanguagePack> pack_;
};

TEST_F(BehaviourTableTest, TextsInThePacksLanguageAndEnglish) {
  BehaviourTable t(*pack_, "");
  const auto& g = t.texts(Index("greeting"));
  EXPECT_EQ(g.title, "Saluda");
  EXPECT_EQ(g.title_en, "Greets");
  EXPECT_EQ(g.tip, "Di hola");
  EXPECT_EQ(g.tip_en, "Say hello");
  // No title at all: the id; no tip: "".
  const auto& b = t.texts(Index("blame"));
  EXPECT_EQ(b.title, "blame");
  EXPECT_EQ(b.title_en, "blame");
  EXPECT_EQ(b.tip, "");
}

TEST_F(BehaviourTableTest, TipsLanguageFallsBackToThePacksText) {
  BehaviourTable fr(*pack_, "fr");
  EXPECT_EQ(fr.tips_language(), "fr");
  EXPECT_EQ(fr.texts(Index("greeting")).title, "Salue");
  EXPECT_EQ(fr.texts(Index("greeting")).tip, "Di hola");  // no tip-fr
  EXPECT_EQ(fr.texts(Index("frustration")).title, "Enfado");
  BehaviourTable en(*pack_, "en");
  EXPECT_EQ(en.texts(Index("greeting")).title, "Greets");
  EXPECT_EQ(en.texts(Index("greeting")).tip, "Say hello");
}

TEST_F(BehaviourTableTest, RuleLocationsAsRuleLocationBuildsThem) {
  BehaviourTable t(*pack_, "");
  const uint32_t g = Index("greeting");
  const rules::BehaviourDecl& decl = pack_->behaviours[g];
  ASSERT_EQ(decl.matches.size(), 2u);
  EXPECT_EQ(t.Rule(g, 0), RuleLocation(decl, 0));
  EXPECT_EQ(t.Rule(g, 1), RuleLocation(decl, 1));
  EXPECT_NE(t.Rule(g, 0), t.Rule(g, 1));
  EXPECT_NE(t.Rule(g, 1).find("#buenas"), std::string::npos) << t.Rule(g, 1);
  EXPECT_EQ(t.Rule(g, 7), RuleLocation(decl, 7));  // past the match lines: the behaviour's line
}

TEST_F(BehaviourTableTest, OrderIsExpectedAvoidSignals) {
  BehaviourTable t(*pack_, "");
  std::vector<uint32_t> want = {Index("greeting"), Index("blame"), Index("frustration")};
  EXPECT_EQ(t.order(), want);
}

TEST_F(BehaviourTableTest, EvaluateGivesTheSameResultsWithATableOrWithout) {
  Conversation c;
  Turn a;
  a.role = Role::kAgent;
  a.speaker = "Agent";
  a.text = "buenos dias";
  c.turns.push_back(a);
  TurnMatcher m(*pack_);
  std::vector<TextMatches> tm(1);
  m.Match(c.turns[0].text, &tm[0]);
  EvaluateOptions plain;
  plain.tips_language = "fr";
  BehaviourTable table(*pack_, "fr");
  EvaluateOptions with = plain;
  with.table = &table;
  BehaviourTable other(*pack_, "en");  // another tips language: not used
  EvaluateOptions wrong = plain;
  wrong.table = &other;
  auto a1 = Evaluate(*pack_, c, tm, plain), a2 = Evaluate(*pack_, c, tm, with),
       a3 = Evaluate(*pack_, c, tm, wrong);
  ASSERT_EQ(a1.size(), 3u);
  for (const auto* r : {&a2, &a3}) {
    ASSERT_EQ(r->size(), a1.size());
    for (size_t i = 0; i < a1.size(); ++i) {
      EXPECT_EQ((*r)[i].id, a1[i].id);
      EXPECT_EQ((*r)[i].title, a1[i].title);
      EXPECT_EQ((*r)[i].tip, a1[i].tip);
      EXPECT_EQ((*r)[i].status, a1[i].status);
      ASSERT_EQ((*r)[i].evidence.size(), a1[i].evidence.size());
      for (size_t e = 0; e < a1[i].evidence.size(); ++e)
        EXPECT_EQ((*r)[i].evidence[e].rule, a1[i].evidence[e].rule);
    }
  }
  EXPECT_EQ(a2[0].title, "Salue");
  ASSERT_EQ(a2[0].evidence.size(), 1u);
  EXPECT_EQ(a2[0].evidence[0].rule, table.Rule(Index("greeting"), 1));
}

}  // namespace
}  // namespace tact::eval
