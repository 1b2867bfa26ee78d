#include <gtest/gtest.h>

#include "rules/pack.h"
#include "test_util.h"

namespace tact::rules {
namespace {

using tact::testing::CompileOne;
using tact::testing::CompileText;

std::string FirstError(const std::string& code, const std::string& text) {
  Diagnostics d;
  auto p = CompileOne(code, text, &d);
  EXPECT_EQ(p, nullptr);
  return d.empty() ? "" : d.front().Format();
}

TEST(PackCompiler, CompilesAcrossFiles) {
  Diagnostics d;
  auto p = CompileText("en",
                       {{"a.rules", "lexicon feeling\n  ~sad angry\n"},
                        {"b.rules",
                         "behaviour e\n  kind expected\n  after sig within 2\n  match i feel "
                         "@feeling\n  + x\n  - y\n"},
                        {"c.rules",
                         "behaviour sig\n  kind signal\n  match help\n  + x\n  - y\n"
                         "pack en\n  stemmer english\n  abbreviations Dr\n  stopwords The A\n"}},
                       &d);
  ASSERT_NE(p, nullptr) << (d.empty() ? "" : d[0].Format());
  EXPECT_EQ(p->behaviours.size(), 2u);
  EXPECT_EQ(p->stemmer, "english");
  EXPECT_TRUE(p->abbreviations.count("dr"));
  EXPECT_EQ(p->stopwords, (std::vector<std::string>{"the", "a"}));
  EXPECT_EQ(p->owners.size(), 2u);
  EXPECT_NE(p->Find("sig"), nullptr);
}

TEST(PackCompiler, DefaultStemmerFromCode) {
  EXPECT_EQ(DefaultStemmer("ru"), "russian");
  EXPECT_EQ(DefaultStemmer("no"), "norwegian");
  EXPECT_EQ(DefaultStemmer("xx"), "none");
}

TEST(PackCompiler, UnknownLexiconSuggests) {
  EXPECT_EQ(
      FirstError("en", "lexicon feeling\n  sad\nbehaviour b\n  kind expected\n  match @feelings\n"),
      "t.rules:5:9: error: unknown lexicon '@feelings' (did you mean 'feeling'?)");
}

TEST(PackCompiler, UnknownTriggerSignalSuggests) {
  EXPECT_EQ(
      FirstError("en",
                 "behaviour frustration\n  kind signal\n  match x\n"
                 "behaviour b\n  kind expected\n  after frustrations within 2\n  match a\n"),
      "t.rules:6:9: error: unknown signal 'frustrations' in 'after' (did you mean 'frustration'?)");
}

TEST(PackCompiler, TriggerMustBeASignal) {
  EXPECT_NE(FirstError("en",
                       "behaviour x\n  kind expected\n  match x\n"
                       "behaviour b\n  kind expected\n  after x within 2\n  match a\n")
                .find("unknown signal 'x'"),
            std::string::npos);
}

TEST(PackCompiler, DuplicateBehaviour) {
  EXPECT_EQ(
      FirstError(
          "en",
          "behaviour b\n  kind expected\n  match a\nbehaviour b\n  kind expected\n  match c\n"),
      "t.rules:4:1: error: behaviour 'b' is already defined at t.rules:1");
}

TEST(PackCompiler, DuplicateLexicon) {
  EXPECT_EQ(FirstError("en", "lexicon l\n  a\nlexicon l\n  b\n"),
            "t.rules:3:1: error: lexicon 'l' is already defined at t.rules:1");
}

TEST(PackCompiler, SelfReferentialLexicon) {
  EXPECT_EQ(FirstError("en", "lexicon l\n  a @l\nbehaviour b\n  kind expected\n  match @l\n"),
            "t.rules:2:5: error: lexicon '@l' refers to itself");
}

TEST(PackCompiler, InvalidRegex) {
  std::string e = FirstError("en", "behaviour b\n  kind expected\n  match /a(/\n");
  EXPECT_EQ(e.substr(0, 42), "t.rules:3:9: error: invalid regex '/a(/': ");
}

TEST(PackCompiler, RegexOverMemoryLimit) {
  Diagnostics d;
  rules::CompileLimits limits;
  limits.regex_max_mem = 1 << 10;
  auto p = CompileText(
      "en", {{"t.rules", "behaviour b\n  kind expected\n  match /(abc|def|ghi){50,100}/\n"}}, &d,
      limits);
  EXPECT_EQ(p, nullptr);
  ASSERT_FALSE(d.empty());
  EXPECT_NE(d[0].message.find("invalid regex"), std::string::npos);
}

TEST(PackCompiler, TooManyPatterns) {
  Diagnostics d;
  rules::CompileLimits limits;
  limits.max_patterns = 2;
  auto p = CompileText(
      "en", {{"t.rules", "behaviour b\n  kind expected\n  match a\n  match b\n  match c\n"}}, &d,
      limits);
  EXPECT_EQ(p, nullptr);
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0].Format(), "t.rules:5:9: error: too many patterns (limit 2)");
}

TEST(PackCompiler, StemMustBeOneWord) {
  EXPECT_EQ(FirstError("en", "behaviour b\n  kind expected\n  match ~e-mail,x\n"),
            "t.rules:3:9: error: '~e-mail,x' must be a single word");
}

TEST(PackCompiler, NegationNeedsSingleWordTests) {
  EXPECT_EQ(FirstError("en", "behaviour b\n  kind expected\n  match a !(b c)\n"),
            "t.rules:3:11: error: '!' applies to single-word tests only; this one can match "
            "several words");
}

TEST(PackCompiler, GapLimit) {
  EXPECT_EQ(FirstError("en", "behaviour b\n  kind expected\n  match a ...21 b\n"),
            "t.rules:3:11: error: gap of 21 words is too wide (at most 20)");
  Diagnostics d;
  rules::CompileLimits limits;
  limits.max_gap = 2;
  EXPECT_EQ(CompileText("en", {{"t.rules", "behaviour b\n  kind expected\n  match a ...3 b\n"}}, &d,
                        limits),
            nullptr);
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0].message, "gap of 3 words is too wide (at most 2)");
}

TEST(PackCompiler, UnknownStemmer) {
  EXPECT_NE(FirstError("xx", "pack xx\n  stemmer klingon\n").find("unknown stemmer 'klingon'"),
            std::string::npos);
}

TEST(PackCompiler, PackForAnotherLanguage) {
  EXPECT_EQ(FirstError("en", "pack sv\n  name Svenska\n"),
            "t.rules:1:1: error: pack 'sv' declared in the folder of language 'en'");
}

TEST(PackCompiler, PackDeclaredTwice) {
  Diagnostics d;
  auto p = CompileText(
      "en", {{"a.rules", "pack en\n  name A\n"}, {"b.rules", "pack en\n  name B\n"}}, &d);
  EXPECT_EQ(p, nullptr);
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0].Format(), "b.rules:1:1: error: pack 'en' is declared twice (first at a.rules:1)");
}

}  // namespace
}  // namespace tact::rules
