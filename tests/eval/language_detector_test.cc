#include "eval/language_detector.h"

#include <gtest/gtest.h>

namespace tact::eval {
namespace {

// Uses the built-in packs; each ships a stop-word profile.
class DetectorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Diagnostics d;
    rules_ = RuleSet::Load({}, &d).release();
    ASSERT_NE(rules_, nullptr);
  }
  static void TearDownTestSuite() { delete rules_; }
  static RuleSet* rules_;
};
RuleSet* DetectorTest::rules_ = nullptr;

TEST_F(DetectorTest, EnglishIsConfident) {
  LanguageDetector det(*rules_);
  LanguageGuess g =
      det.Detect({"Hi, I can't log in to my account", "Sorry to hear that, let me check"});
  EXPECT_EQ(g.language, "en");
  EXPECT_GT(g.confidence, 0.9);
}

TEST_F(DetectorTest, NoWordsMeansNoConfidence) {
  LanguageDetector det(*rules_);
  LanguageGuess g = det.Detect({"12345 !!!", ""});
  EXPECT_EQ(g.confidence, 0.0);
}

TEST_F(DetectorTest, TextWithoutProfileWordsIsUnsure) {
  LanguageDetector det(*rules_);
  // German: none of the packs' everyday words.
  LanguageGuess g = det.Detect({"Guten Tag, mein Router funktioniert überhaupt nicht mehr"});
  EXPECT_LT(g.confidence, 0.5);
}

}  // namespace
}  // namespace tact::eval

namespace tact::eval {
namespace {

struct Case {
  const char* text;
  const char* lang;  // "" = must be unsure (below 0.5)
};

TEST_F(DetectorTest, ShortAndLookAlikeTexts) {
  LanguageDetector det(*rules_);
  const Case cases[] = {
      {"Hei, jeg får ikke logget inn", "no"},
      {"Hej, jag kan inte logga in", "sv"},
      {"hei jeg far ikke logget inn pa kontoen min", "no"},  // no æøå typed
      {"hej jag kan inte logga in pa mitt konto", "sv"},     // no åäö typed
      {"Hej, jeg har et problem med min router, kan du hjælpe mig?",
       "no"},  // Danish-like Norwegian
      {"Tack för hjälpen, nu fungerar det", "sv"},
      {"Takk for hjelpen, nå virker det", "no"},
      {"hola no puedo entrar a mi cuenta", "es"},
      {"привет не могу войти в аккаунт", "ru"},
      {"My order still hasn't arrived", "en"},
      {"privet, ne mogu voiti", ""},  // transliterated Russian: no pack fits
  };
  for (const Case& c : cases) {
    LanguageGuess g = det.Detect({c.text});
    if (*c.lang) {
      EXPECT_EQ(g.language, c.lang) << c.text;
      EXPECT_GE(g.confidence, 0.5) << c.text;
    } else {
      EXPECT_LT(g.confidence, 0.5) << c.text;
    }
  }
}

}  // namespace
}  // namespace tact::eval

namespace tact::eval {
namespace {

TEST_F(DetectorTest, ScriptsWithoutAPackNameTheirLanguage) {
  LanguageDetector det(*rules_);
  EXPECT_EQ(det.Detect({"Amazonをご利用いただき、ありがとうございます！ TY"}).script_language,
            "ja");
  EXPECT_EQ(det.Detect({"我的帐号无法登陆，能通过邮箱找回密码吗"}).script_language, "zh");
  EXPECT_EQ(det.Detect({"안녕하세요, 주문이 아직 도착하지 않았어요"}).script_language, "ko");
  EXPECT_EQ(det.Detect({"مرحبا، لم يصل طلبي بعد"}).script_language, "ar");
  EXPECT_EQ(det.Detect({"สวัสดีครับ คำสั่งซื้อยังไม่มาถึง"}).script_language, "th");
  EXPECT_EQ(det.Detect({"שלום, ההזמנה שלי עדיין לא הגיעה"}).script_language, "he");
  EXPECT_EQ(det.Detect({"Γεια σας, η παραγγελία μου δεν έφτασε"}).script_language, "el");
  EXPECT_EQ(det.Detect({"का एकाउंट परमानेंटली डिलीट कैसे करते है?"}).script_language, "hi");
}

TEST_F(DetectorTest, PackScriptsAndMixedTextHaveNoScriptLanguage) {
  LanguageDetector det(*rules_);
  EXPECT_EQ(det.Detect({"Hi, I can't log in to my account"}).script_language, "");
  EXPECT_EQ(det.Detect({"Здравствуйте, у меня не работает интернет"}).script_language, "");
  // A few foreign letters in mostly English text do not make it foreign.
  EXPECT_EQ(det.Detect({"My order for the 東京 mug has not arrived yet, can you check it"})
                .script_language,
            "");
  LanguageGuess g = det.Detect({"@AmazonHelp hi https://t.co/x #help"});
  EXPECT_EQ(g.words, 1u);  // addresses are not words
}

}  // namespace
}  // namespace tact::eval
