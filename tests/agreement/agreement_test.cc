#include "agreement/agreement.h"

#include <gtest/gtest.h>

#include "agreement/labels.h"

namespace tact::agreement {
namespace {

TEST(Confusion, RatiosAndKappa) {
  Confusion c;
  for (int i = 0; i < 20; ++i) c.Add(true, true);
  for (int i = 0; i < 5; ++i) c.Add(false, true);
  for (int i = 0; i < 10; ++i) c.Add(true, false);
  for (int i = 0; i < 15; ++i) c.Add(false, false);
  EXPECT_EQ(c.n(), 50);
  EXPECT_DOUBLE_EQ(*c.Precision(), 0.8);
  EXPECT_NEAR(*c.Recall(), 20.0 / 30, 1e-12);
  EXPECT_NEAR(*c.F1(), 40.0 / 55, 1e-12);
  EXPECT_DOUBLE_EQ(*c.Accuracy(), 0.7);
  // po 0.7, pe (25*30 + 25*20) / 2500 = 0.5
  EXPECT_NEAR(*c.Kappa(), 0.4, 1e-12);
}

TEST(Confusion, UndefinedRatiosAreNullNotZero) {
  Confusion c;
  EXPECT_FALSE(c.Precision());
  EXPECT_FALSE(c.F1());
  EXPECT_FALSE(c.Accuracy());
  c.Add(false, false);
  c.Add(false, false);
  EXPECT_FALSE(c.Precision());
  EXPECT_FALSE(c.Recall());
  EXPECT_FALSE(c.F1());  // no positives anywhere: nothing to be wrong about
  EXPECT_FALSE(c.Kappa());  // both raters constant
  EXPECT_DOUBLE_EQ(*c.Accuracy(), 1.0);
  c.Add(false, true);  // one false positive: F1 becomes 0
  EXPECT_DOUBLE_EQ(*c.F1(), 0.0);
  EXPECT_DOUBLE_EQ(*c.Precision(), 0.0);
}

TEST(Agreement, PoolsPerLanguageAndBehaviourAndGates) {
  Agreement a;
  a.Add("en", "empathy", true, true);
  a.Add("en", "empathy", true, false);
  a.Add("en", "thanks", false, false);
  a.Add("es", "empathy", true, true);
  EXPECT_EQ(a.LanguageTotal("en").n(), 3);
  EXPECT_EQ(a.BehaviourTotal("empathy").tp, 2);
  EXPECT_EQ(a.BehaviourTotal("empathy").fn, 1);
  EXPECT_EQ(a.Total().n(), 4);
  auto fails = CheckGates(a, 0.9, std::nullopt, std::nullopt);
  ASSERT_EQ(fails.size(), 1u);
  EXPECT_EQ(fails[0].what, "f1 en/empathy");
  EXPECT_NEAR(fails[0].value, 2.0 / 3, 1e-12);
  EXPECT_TRUE(CheckGates(a, 0.6, std::nullopt, std::nullopt).empty());
  auto acc = CheckGates(a, std::nullopt, 0.7, std::nullopt);
  ASSERT_EQ(acc.size(), 1u);
  EXPECT_EQ(acc[0].what, "accuracy en");
}

TEST(Labels, JsonWithNotesAndLines) {
  std::vector<LabelledConversation> out;
  Diagnostics d;
  std::string text =
      "{\n \"_about\": \"notes\",\n \"en/en-001.txt\": {\n  \"greeting\": \"missed\",\n"
      "  \"blame\": \"violated\",\n  \"_notes\": \"x\"\n },\n \"c2\": {\"thanks\": \"met\"}\n}\n";
  ASSERT_TRUE(ReadLabels("dev/labels.json", text, &out, &d)) << d[0].Format();
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].key, "en/en-001.txt");
  EXPECT_EQ(out[0].line, 3);
  EXPECT_EQ(out[0].folder, "dev");
  ASSERT_EQ(out[0].labels.size(), 2u);
  EXPECT_EQ(out[0].labels[1].behaviour, "blame");
  EXPECT_EQ(out[0].labels[1].status, Status::kViolated);
  EXPECT_EQ(out[1].line, 8);
}

TEST(Labels, JsonErrorsAreLocated) {
  std::vector<LabelledConversation> out;
  Diagnostics d;
  EXPECT_FALSE(ReadLabels("l.json", "{\"a\": {\"greeting\": \"great\"}}", &out, &d));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].Format().find("l.json:1"), std::string::npos);
  d.clear();
  EXPECT_FALSE(ReadLabels("l.json", "{\"a\": ", &out, &d));
  EXPECT_NE(d[0].message.find("invalid JSON"), std::string::npos);
}

TEST(Labels, CsvWithHeaderCommentsAndQuotes) {
  std::vector<LabelledConversation> out;
  Diagnostics d;
  std::string text =
      "id,behaviour,status\n# a comment\nc1,empathy,met\n\"c,2\",blame,clean\nc1,thanks,MISSED\n";
  ASSERT_TRUE(ReadLabels("l.csv", text, &out, &d));
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].key, "c1");
  ASSERT_EQ(out[0].labels.size(), 2u);
  EXPECT_EQ(out[0].labels[1].status, Status::kMissed);
  EXPECT_EQ(out[1].key, "c,2");
  EXPECT_FALSE(ReadLabels("l.csv", "c1,empathy\nc1,empathy,met\nc1,empathy,met\n", &out, &d));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].line, 1);  // two fields
  EXPECT_EQ(d[1].line, 3);  // labelled twice
}

TEST(LabelIndex, MatchesIdPathOrPathTail) {
  std::vector<LabelledConversation> all(3);
  all[0].key = "en/en-001.txt";
  all[1].key = "conv-7";
  all[2].key = "never";
  LabelIndex idx(all);
  EXPECT_EQ(idx.Find("en-001", "../corpus/devset/en/en-001.txt"), &all[0]);
  EXPECT_EQ(idx.Find("conv-7", "export.jsonl:3"), &all[1]);
  EXPECT_EQ(idx.Find("x", "../corpus/devset/xen/en-001.txt"), nullptr);  // not at a '/' boundary
  auto unused = idx.Unused();
  ASSERT_EQ(unused.size(), 1u);
  EXPECT_EQ(unused[0]->key, "never");
}

}  // namespace
}  // namespace tact::agreement
