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
