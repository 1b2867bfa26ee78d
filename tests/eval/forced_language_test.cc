// --lang forces a pack; a conversation that clearly reads as another language
// is flagged (detected_language and a warning), never re-judged.
#include <gtest/gtest.h>

#include "tact/analyzer.h"

namespace tact {
namespace {

class ForcedLanguage : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Diagnostics d;
    rules_ = RuleSet::Load({}, &d).release();
    ASSERT_NE(rules_, nullptr);
  }
  static void TearDownTestSuite() { delete rules_; }
  static ConversationResult Analyze(const std::string& lang,
                                    const std::vector<std::pair<Role, std::string>>& turns) {
    AnalyzeOptions o;
    o.language = lang;
    Analyzer a(*rules_, o);
    Conversation c;
    c.id = "c";
    for (const auto& [role, text] : turns) {
      Turn t;
      t.role = role;
      t.text = text;
      c.turns.push_back(t);
    }
    return a.Analyze(c);
  }
  static RuleSet* rules_;
};
RuleSet* ForcedLanguage::rules_ = nullptr;

const std::vector<std::pair<Role, std::string>> kSpanish = {
    {Role::kCustomer,
     "Hola, el pedido llegó roto y nadie me responde. Es la tercera vez que escribo."},
    {Role::kAgent,
     "Lo siento mucho, entiendo que es muy frustrante. Voy a revisar su pedido ahora "
     "mismo y le enviaré uno nuevo hoy."}};

TEST_F(ForcedLanguage, AnotherPackLanguageIsFlaggedButStillJudgedAsForced) {
  ConversationResult r = Analyze("en", kSpanish);
  EXPECT_EQ(r.language, "en");
  EXPECT_EQ(r.language_method, "option");
  EXPECT_EQ(r.detected_language, "es");
  EXPECT_GE(r.detected_confidence, 0.95);
  ASSERT_FALSE(r.warnings.empty());
  EXPECT_EQ(r.warnings.back(), OtherLanguageNote(r));
  EXPECT_EQ(r.warnings.back().rfind("--lang en, but the conversation reads as es (", 0), 0u)
      << r.warnings.back();
}

TEST_F(ForcedLanguage, TheForcedLanguageItselfIsNotFlagged) {
  EXPECT_EQ(Analyze("es", kSpanish).detected_language, "");
  ConversationResult r = Analyze("en", {{Role::kCustomer,
                                         "My parcel arrived broken and nobody "
                                         "answers my emails, this is the third time"},
                                        {Role::kAgent,
                                         "I'm so sorry about that, I will send you a "
                                         "new one today and check what happened"}});
  EXPECT_EQ(r.detected_language, "");
  EXPECT_EQ(OtherLanguageNote(r), "");
}

TEST_F(ForcedLanguage, ShortOrUnclearTextIsNotFlagged) {
  EXPECT_EQ(Analyze("en", {{Role::kCustomer, "Hola"}, {Role::kAgent, "ok"}}).detected_language, "");
  // German has no pack: detection is unsure, so nothing is claimed.
  EXPECT_EQ(Analyze("en", {{Role::kCustomer,
                            "Guten Tag, mein Router funktioniert seit gestern "
                            "überhaupt nicht mehr und ich brauche Hilfe."}})
                .detected_language,
            "");
}

TEST_F(ForcedLanguage, AScriptNoPackWritesIsFlagged) {
  ConversationResult r = Analyze(
      "en",
      {{Role::kCustomer, "昨日届きました。ありがとうございます、助かりました"},
       {Role::kAgent, "ご利用いただき、ありがとうございます！またのご利用お待ちしております"}});
  EXPECT_EQ(r.detected_language, "ja");
  EXPECT_GE(r.detected_confidence, 0.95);
}

TEST_F(ForcedLanguage, DetectionAloneSetsNoDetectedLanguage) {
  ConversationResult r = Analyze("auto", kSpanish);
  EXPECT_EQ(r.language, "es");
  EXPECT_EQ(r.detected_language, "");  // only a forced language can be contradicted
}

}  // namespace
}  // namespace tact
