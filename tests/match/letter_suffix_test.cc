#include "match/letter_suffix.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <set>

#include "rules/pack.h"
#include "tact/rule_set.h"
#include "text/normalize.h"
#include "text/tokenizer.h"

namespace tact::match {
namespace {

TEST(LetterSuffix, RecognizesOnlyTheExactShape) {
  LetterSuffix s;
  ASSERT_TRUE(ParseLetterSuffix("\\pL{3,}(rá|rán)", &s));
  EXPECT_EQ(s.min_letters, 3);
  EXPECT_EQ(s.endings, (std::vector<std::string>{"rá", "rán"}));
  EXPECT_EQ(s.ending_letters, (std::vector<int>{2, 3}));
  ASSERT_TRUE(ParseLetterSuffix("\\p{L}+ing", &s));
  EXPECT_EQ(s.min_letters, 1);
  EXPECT_TRUE(ParseLetterSuffix("\\pL+(ar|er|ir)", &s));
  for (const char* re :
       {"\\pL+ab|c", "\\pL{2,5}x", "\\pL{,3}x", "\\pL+(a|)", "\\pL+(a-b)", "\\pL+\\d", "\\pL*ing",
        "\\w+ing", "(\\pL+)ing", "\\pL+(a)|(b)", "\\pL+", "\\pL{3,}(ing|ed)s"}) {
    EXPECT_FALSE(ParseLetterSuffix(re, &s)) << re;
  }
}

// The same answer as RE2 on every token of every rule example of the built-in
// packs (and some made to sit on the edges), for every letter-suffix regex
// the packs use and a few more.
TEST(LetterSuffix, AgreesWithRe2OnEveryExampleToken) {
  Diagnostics d;
  auto set = RuleSet::Load(RuleSetOptions{}, &d);
  ASSERT_NE(set, nullptr);
  std::set<std::string> tokens = {"",      "rá",      "xrá",    "xxrá", "xxxrá",    "comprará",
                                  "123rá", "ab1rá",   "zzzrán", "ьрán", "añadirán", "estaré",
                                  "rá rá", "ааааing", "ing",    "sing", "2ing",     "-ing"};
  std::vector<std::string> regexes = {"\\pL{3,}(rá|rán)", "\\pL+ing", "\\pL{2,}(é|qué)",
                                      "\\p{L}{4,}(ar|er|ir)", "\\pL{0,}a"};
  for (const auto& code : set->languages()) {
    const rules::LanguagePack* pack = set->pack(code);
    for (const auto& b : pack->behaviours) {
      for (const auto& ex : b.examples) {
        std::vector<text::RawToken> toks;
        text::Tokenize(ex.text, &toks);
        for (const auto& t : toks)
          tokens.insert(
              text::Normalize(std::string_view(ex.text).substr(t.begin, t.end - t.begin)));
      }
      for (const auto* list : {&b.matches, &b.vetoes, &b.turn_vetoes}) {
        for (const auto& p : *list) {
          for (size_t at = p.source.find('/'); at != std::string::npos;) {
            const size_t end = p.source.find('/', at + 1);
            if (end == std::string::npos) break;
            regexes.push_back(p.source.substr(at + 1, end - at - 1));
            at = p.source.find('/', end + 1);
          }
        }
      }
    }
  }
  ASSERT_GT(tokens.size(), 5000u);
  size_t recognized = 0, checked = 0;
  for (const auto& re : std::set<std::string>(regexes.begin(), regexes.end())) {
    LetterSuffix s;
    if (!ParseLetterSuffix(re, &s)) continue;
    ++recognized;
    RE2 compiled(re);
    ASSERT_TRUE(compiled.ok()) << re;
    for (const auto& t : tokens) {
      ++checked;
      ASSERT_EQ(MatchesLetterSuffix(s, t), RE2::FullMatch(t, compiled))
          << re << " on '" << t << "'";
    }
  }
  EXPECT_GE(recognized, 15u);  // the packs' own plus the five above
  EXPECT_GT(checked, 50000u);
}

}  // namespace
}  // namespace tact::match
