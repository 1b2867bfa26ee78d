// The per-thread token cache: every surface form is classified once and found
// again, through table growth and probes that pass other entries.
#include "match/classifier.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/classifier_config.h"
#include "rules/pack.h"
#include "test_util.h"

namespace tact::match {
namespace {

std::unique_ptr<rules::LanguagePack> Pack() {
  Diagnostics d;
  auto pack = tact::testing::CompileOne(
      "en", "behaviour b\n  kind expected\n  match sorry | ~apologize | w17*\n", &d);
  EXPECT_NE(pack, nullptr) << (d.empty() ? "" : d[0].Format());
  return pack;
}

TEST(Classifier, FindsEveryFormAgainThroughGrowth) {
  auto pack = Pack();
  ASSERT_NE(pack, nullptr);
  Classifier c(rules::ClassifierConfigOf(*pack), 1 << 16);
  // Enough forms to grow the table several times from its 1024 slots.
  std::vector<std::string> words;
  for (int i = 0; i < 5000; ++i) words.push_back("w" + std::to_string(i));
  std::vector<const TokenInfo*> first;
  for (const auto& w : words) first.push_back(&c.Get(w, text::TokenKind::kWord));
  ASSERT_EQ(c.size(), words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    const TokenInfo& t = c.Get(words[i], text::TokenKind::kWord);
    EXPECT_EQ(&t, first[i]) << words[i];
    EXPECT_EQ(t.surface, words[i]);
  }
  EXPECT_EQ(c.size(), words.size());  // nothing classified twice
}

TEST(Classifier, EqualAtomsShareAClass) {
  auto pack = Pack();
  ASSERT_NE(pack, nullptr);
  Classifier c(rules::ClassifierConfigOf(*pack));
  const TokenInfo& sorry = c.Get("Sorry", text::TokenKind::kWord);
  const TokenInfo& sorry2 = c.Get("SORRY", text::TokenKind::kWord);
  const TokenInfo& apologize = c.Get("apologized", text::TokenKind::kWord);
  const TokenInfo& w17 = c.Get("w170", text::TokenKind::kWord);
  const TokenInfo& w171 = c.Get("w171", text::TokenKind::kWord);
  const TokenInfo& other = c.Get("table", text::TokenKind::kWord);
  EXPECT_NE(&sorry, &sorry2);  // two surfaces, two entries
  EXPECT_EQ(sorry.cls, sorry2.cls);
  EXPECT_EQ(w17.cls, w171.cls);
  EXPECT_NE(sorry.cls, apologize.cls);
  EXPECT_NE(sorry.cls, other.cls);
  EXPECT_NE(w17.cls, other.cls);
}

TEST(Classifier, TrimDropsTheCacheOnlyPastItsBound) {
  auto pack = Pack();
  ASSERT_NE(pack, nullptr);
  Classifier c(rules::ClassifierConfigOf(*pack), 100);
  for (int i = 0; i < 100; ++i) c.Get("x" + std::to_string(i), text::TokenKind::kWord);
  c.Trim();
  EXPECT_EQ(c.size(), 100u);
  c.Get("one-more", text::TokenKind::kWord);
  c.Trim();
  EXPECT_EQ(c.size(), 0u);
  EXPECT_EQ(c.Get("x5", text::TokenKind::kWord).surface, "x5");  // found after a drop
  EXPECT_EQ(c.size(), 1u);
}

}  // namespace
}  // namespace tact::match
