// RuleSet: built-in packs compile on first use and equal an eager load.
#include "tact/rule_set.h"

#include <gtest/gtest.h>

#include "rules/pack.h"

namespace tact {
namespace {

TEST(RuleSet, BuiltinPacksCompileOnFirstUseAndMatchAnEagerLoad) {
  Diagnostics d;
  auto lazy = RuleSet::Load({}, &d);
  RuleSetOptions o;
  o.eager = true;
  auto eager = RuleSet::Load(o, &d);
  ASSERT_NE(lazy, nullptr);
  ASSERT_NE(eager, nullptr);
  ASSERT_EQ(lazy->languages(), eager->languages());
  ASSERT_EQ(lazy->languages(), (std::vector<std::string>{"en", "es", "no", "ru", "sv"}));
  for (const auto& lang : lazy->languages()) {
    // Settings without behaviours first: what language detection needs.
    const rules::LanguagePack* s = lazy->settings(lang);
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->stopwords, eager->pack(lang)->stopwords) << lang;
    EXPECT_EQ(s->alphabet, eager->pack(lang)->alphabet) << lang;
    EXPECT_EQ(s->name, eager->pack(lang)->name) << lang;
    EXPECT_TRUE(s->behaviours.empty()) << lang << ": settings come from pack.rules alone";
    // Then the whole pack, the same as the eager one.
    const rules::LanguagePack* p = lazy->pack(lang);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p, lazy->pack(lang));  // compiled once
    EXPECT_EQ(p->behaviours.size(), eager->pack(lang)->behaviours.size()) << lang;
    EXPECT_EQ(p->owners.size(), eager->pack(lang)->owners.size()) << lang;
    EXPECT_EQ(p->files, eager->pack(lang)->files) << lang;
  }
  EXPECT_FALSE(lazy->has("xx"));
  EXPECT_EQ(lazy->pack("xx"), nullptr);
  EXPECT_EQ(lazy->settings("xx"), nullptr);
}

// The catalogue of a lazy set (parsed, not compiled) is the one of the
// compiled packs, before and after they compile.
TEST(RuleSet, CatalogueWithoutCompiling) {
  Diagnostics d;
  auto lazy = RuleSet::Load({}, &d);
  RuleSetOptions o;
  o.eager = true;
  auto eager = RuleSet::Load(o, &d);
  ASSERT_NE(lazy, nullptr);
  ASSERT_NE(eager, nullptr);
  std::map<std::string, BehaviourKind> compiled;
  for (const auto& lang : eager->languages())
    for (const auto& b : eager->pack(lang)->behaviours) compiled.emplace(b.id, *b.kind);
  const auto before = lazy->Catalogue();
  EXPECT_EQ(before, compiled);
  EXPECT_EQ(before.at("empathy"), BehaviourKind::kExpected);
  EXPECT_EQ(before.at("blame"), BehaviourKind::kAvoid);
  EXPECT_EQ(before.at("customer_frustration"), BehaviourKind::kSignal);
  EXPECT_EQ(eager->Catalogue(), compiled);
  lazy->pack("es");
  EXPECT_EQ(lazy->Catalogue(), compiled);
}

TEST(RuleSet, StricterLimitsCheckBuiltinPacksAtLoad) {
  Diagnostics d;
  RuleSetOptions o;
  o.max_patterns = 10;
  EXPECT_EQ(RuleSet::Load(o, &d), nullptr);
  ASSERT_FALSE(d.empty());
  EXPECT_NE(d[0].Format().find("too many patterns (limit 10)"), std::string::npos) << d[0].Format();
}

}  // namespace
}  // namespace tact
