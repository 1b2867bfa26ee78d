// Built-in rules behave the same on a question ending in "??" or "?!" as on
// one ending in "?": the tokenizer makes a mixed run one token, and a run
// satisfies the literal "?" when it holds a '?' (docs/rules.md).
#include <gtest/gtest.h>

#include <string>

#include "eval/turn_matcher.h"
#include "rules/pack.h"
#include "tact/rule_set.h"

namespace tact::eval {
namespace {

// Whether `text` gives behaviour `b` a surviving match.
bool Shows(TurnMatcher& m, const std::string& text, uint32_t b) {
  TextMatches tm;
  m.Match(text, &tm);
  return tm.Has(b);
}

TEST(PunctuationRuns, QuestionExamplesKeepTheirVerdictWithDoubledOrMixedMarks) {
  Diagnostics d;
  auto rules = RuleSet::Load({}, &d);
  ASSERT_NE(rules, nullptr);
  size_t checked = 0;
  for (const auto& code : rules->languages()) {
    const rules::LanguagePack& pack = *rules->pack(code);
    TurnMatcher m(pack);
    for (uint32_t b = 0; b < pack.behaviours.size(); ++b) {
      const auto& decl = pack.behaviours[b];
      // "??" and "?!" are themselves signs of frustration and of shouting in some packs.
      const bool marks_matter = decl.id == "customer_frustration" || decl.id == "shouting";
      for (const auto& ex : decl.examples) {
        if (ex.text.empty() || ex.text.back() != '?') continue;
        ++checked;
        const bool base = Shows(m, ex.text, b);
        if (!marks_matter || base) {  // a "??" or "?!" may add frustration, never remove it
          EXPECT_EQ(Shows(m, ex.text + "?", b), base)
              << ex.loc.file << ":" << ex.loc.line << " with \"??\": " << ex.text;
          EXPECT_EQ(Shows(m, ex.text + "!", b), base)
              << ex.loc.file << ":" << ex.loc.line << " with \"?!\": " << ex.text;
        }
      }
    }
  }
  EXPECT_GT(checked, 300u);  // every pack has many questions among its examples
}

}  // namespace
}  // namespace tact::eval
