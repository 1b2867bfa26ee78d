// The per-thread token cache: every surface form is classified once and found
// again, through table growth and probes that pass other entries.
#include "match/classifier.h"

#include <gtest/gtest.h>

#include <algorithm>
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

// The front cache (2048 forms of at most 16 bytes) must give the table's
// answer: forms of every length around the 16-byte limit, sharing prefixes
// and suffixes, many more than it holds, looked up again in another order
// and after an eviction moved the entries.
TEST(Classifier, FrontCacheGivesTheTablesAnswer) {
  auto pack = Pack();
  ASSERT_NE(pack, nullptr);
  Classifier c(rules::ClassifierConfigOf(*pack), 1500);
  std::vector<std::string> words;
  for (int i = 0; i < 3000; ++i) {
    const std::string n = std::to_string(i);
    words.push_back(std::string(i % 19, 'q') + n + "x");  // 2 to 23 bytes
  }
  for (int round = 0; round < 3; ++round) {
    for (size_t k = 0; k < words.size(); ++k) {
      // A hot form now and then, as common words come between rare ones.
      const std::string& w = k % 2 ? words[k % 7] : words[(k * 7919 + round) % words.size()];
      const uint64_t adds = c.stats().adds;
      const TokenInfo& t = c.Get(w, text::TokenKind::kWord);
      ASSERT_EQ(t.surface, w);
      const TokenInfo& again = c.Get(w, text::TokenKind::kWord);
      ASSERT_EQ(&again, &t) << w;
      ASSERT_LE(c.stats().adds, adds + 1);
    }
    c.Trim();
  }
  EXPECT_GT(c.stats().evictions, 0u);
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

TEST(Classifier, TrimEvictsOnlyPastItsBound) {
  auto pack = Pack();
  ASSERT_NE(pack, nullptr);
  Classifier c(rules::ClassifierConfigOf(*pack), 100);
  for (int i = 0; i < 100; ++i) c.Get("x" + std::to_string(i), text::TokenKind::kWord);
  c.Trim();
  EXPECT_EQ(c.size(), 100u);
  EXPECT_EQ(c.stats().evictions, 0u);
  c.Get("one-more", text::TokenKind::kWord);
  c.Trim();
  EXPECT_EQ(c.size(), 50u);  // half the bound is kept
  EXPECT_EQ(c.stats().evictions, 1u);
  EXPECT_EQ(c.Get("one-more", text::TokenKind::kWord).surface, "one-more");  // evicted or not
}

TEST(Classifier, EvictionKeepsTheFormsLookedUpMost) {
  auto pack = Pack();
  ASSERT_NE(pack, nullptr);
  Classifier c(rules::ClassifierConfigOf(*pack), 100);
  std::vector<std::string> hot, cold;
  for (int i = 0; i < 10; ++i) hot.push_back("hot" + std::to_string(i));
  for (int i = 0; i < 150; ++i) cold.push_back("cold" + std::to_string(i));
  // The hot forms are met again and again between the cold ones, as common
  // words are between names and order numbers.
  for (size_t i = 0; i < cold.size(); ++i) {
    c.Get(cold[i], text::TokenKind::kWord);
    c.Get(hot[i % hot.size()], text::TokenKind::kWord);
  }
  c.Trim();
  ASSERT_EQ(c.size(), 50u);
  const uint64_t adds = c.stats().adds;
  ASSERT_EQ(adds, 160u);
  for (const auto& h : hot) EXPECT_EQ(c.Get(h, text::TokenKind::kWord).surface, h);
  EXPECT_EQ(c.stats().adds, adds) << "a hot form was evicted";
  // The survivors besides them are the oldest cold forms (equal hits: the older wins).
  c.Get(cold[0], text::TokenKind::kWord);
  EXPECT_EQ(c.stats().adds, adds);
  c.Get(cold.back(), text::TokenKind::kWord);
  EXPECT_EQ(c.stats().adds, adds + 1);
}

TEST(Classifier, HitsFadeSoFormsCommonLongAgoGo) {
  auto pack = Pack();
  ASSERT_NE(pack, nullptr);
  Classifier c(rules::ClassifierConfigOf(*pack), 10);
  for (int k = 0; k < 4; ++k) c.Get("once-common", text::TokenKind::kWord);  // 4 hits
  for (int i = 0; i < 10; ++i) c.Get("a" + std::to_string(i), text::TokenKind::kWord);
  c.Trim();  // keeps 5: once-common (halved to 2) and four with one hit (halved to 0)
  ASSERT_EQ(c.size(), 5u);
  uint64_t adds = c.stats().adds;
  c.Get("once-common", text::TokenKind::kWord);  // 3 hits
  EXPECT_EQ(c.stats().adds, adds);
  // Six new forms met five times each outrank it at the next eviction (5 > 3).
  for (int k = 0; k < 5; ++k) {
    for (int i = 0; i < 6; ++i) c.Get("b" + std::to_string(i), text::TokenKind::kWord);
  }
  c.Trim();
  ASSERT_EQ(c.size(), 5u);
  adds = c.stats().adds;
  c.Get("once-common", text::TokenKind::kWord);
  EXPECT_EQ(c.stats().adds, adds + 1);  // gone: classified again
}

TEST(Classifier, ReferencesStayValidUntilTrim) {
  auto pack = Pack();
  ASSERT_NE(pack, nullptr);
  Classifier c(rules::ClassifierConfigOf(*pack), 16);  // far over its bound below
  const TokenInfo& sorry = c.Get("Sorry", text::TokenKind::kWord);
  const std::string long_form(40000, 'a');  // larger than an arena block
  const TokenInfo& longest = c.Get(long_form, text::TokenKind::kWord);
  const std::vector<AtomId> atoms(sorry.atoms.begin(), sorry.atoms.end());
  const uint32_t cls = sorry.cls;
  for (int i = 0; i < 20000; ++i) c.Get("f" + std::to_string(i), text::TokenKind::kWord);
  EXPECT_EQ(&c.Get("Sorry", text::TokenKind::kWord), &sorry);
  EXPECT_EQ(sorry.surface, "Sorry");
  EXPECT_EQ(sorry.norm, "sorry");
  EXPECT_EQ(sorry.stem, "sorri");
  EXPECT_EQ(std::vector<AtomId>(sorry.atoms.begin(), sorry.atoms.end()), atoms);
  EXPECT_EQ(sorry.cls, cls);
  EXPECT_EQ(longest.surface, long_form);
  EXPECT_EQ(longest.norm, long_form);  // equal bytes: shared with the surface
  EXPECT_EQ(longest.norm.data(), longest.surface.data());
  c.Trim();
  EXPECT_EQ(c.Get("Sorry", text::TokenKind::kWord).norm, "sorry");  // found or classified again
}

TEST(Classifier, SurvivorsOfAnEvictionAreIntact) {
  auto pack = Pack();
  ASSERT_NE(pack, nullptr);
  Classifier c(rules::ClassifierConfigOf(*pack), 400);
  Classifier reference(rules::ClassifierConfigOf(*pack), 1 << 20);
  // Forms of every shape: norm equal to the surface or not, stem equal to the
  // norm or not, some longer than an arena block's quarter.
  std::vector<std::string> forms;
  for (int i = 0; i < 500; ++i) {
    std::string w = i % 3 == 0 ? "Apologized" : i % 3 == 1 ? "sorry" : "w17";
    w += std::string(static_cast<size_t>(i % 7), 'x') + std::to_string(i);
    if (i % 50 == 0) w += std::string(5000, 'y');
    forms.push_back(w);
  }
  for (size_t i = 0; i < forms.size(); ++i) {
    c.Get(forms[i], text::TokenKind::kWord);
    if (i % 2 == 0) c.Get(forms[i], text::TokenKind::kWord);  // the survivors
  }
  c.Trim();
  ASSERT_EQ(c.size(), 200u);
  const uint64_t adds = c.stats().adds;
  for (size_t i = 0; i < 400; i += 2) {  // the 200 oldest of those with two hits
    const TokenInfo& t = c.Get(forms[i], text::TokenKind::kWord);
    const TokenInfo& r = reference.Get(forms[i], text::TokenKind::kWord);
    EXPECT_EQ(t.surface, r.surface);
    EXPECT_EQ(t.norm, r.norm);
    EXPECT_EQ(t.stem, r.stem);
    EXPECT_EQ(t.echo_term, r.echo_term);
    EXPECT_TRUE(std::equal(t.atoms.begin(), t.atoms.end(), r.atoms.begin(), r.atoms.end()));
  }
  EXPECT_EQ(c.stats().adds, adds) << "a form looked up twice was evicted";
}

// Every class id stands for one atom set, as long as the generation stands.
void ExpectClassesConsistent(const std::vector<const TokenInfo*>& tokens) {
  for (const TokenInfo* a : tokens) {
    for (const TokenInfo* b : tokens) {
      const bool same_atoms =
          std::equal(a->atoms.begin(), a->atoms.end(), b->atoms.begin(), b->atoms.end());
      EXPECT_EQ(a->cls == b->cls, same_atoms) << a->surface << " " << b->surface;
    }
  }
}

TEST(Classifier, ClassIdsStayTheSameWithinAGeneration) {
  auto pack = Pack();
  ASSERT_NE(pack, nullptr);
  Classifier c(rules::ClassifierConfigOf(*pack), 8);
  const std::vector<std::string> forms = {"sorry", "apologized", "w170", "table", "42", "!"};
  std::vector<uint32_t> first;
  for (const auto& f : forms) {
    auto kind = f == "42"  ? text::TokenKind::kNumber
                : f == "!" ? text::TokenKind::kPunct
                           : text::TokenKind::kWord;
    first.push_back(c.Get(f, kind).cls);
  }
  const uint64_t generation = c.class_generation();
  // Evict them all (each was met once; new forms met twice outrank them).
  for (int i = 0; i < 20; ++i) {
    c.Get("n" + std::to_string(i), text::TokenKind::kWord);
    c.Get("n" + std::to_string(i), text::TokenKind::kWord);
  }
  c.Trim();
  ASSERT_EQ(c.class_generation(), generation);  // few atom sets: under the class bound
  std::vector<const TokenInfo*> tokens;
  for (size_t i = 0; i < forms.size(); ++i) {
    auto kind = forms[i] == "42"  ? text::TokenKind::kNumber
                : forms[i] == "!" ? text::TokenKind::kPunct
                                  : text::TokenKind::kWord;
    const TokenInfo& t = c.Get(forms[i], kind);
    EXPECT_EQ(t.cls, first[i]) << forms[i] << " changed class within a generation";
    tokens.push_back(&t);
  }
  tokens.push_back(&c.Get("n1", text::TokenKind::kWord));
  tokens.push_back(&c.Get("SORRY", text::TokenKind::kWord));
  tokens.push_back(&c.Get("w179", text::TokenKind::kWord));
  ExpectClassesConsistent(tokens);
  // A class's atoms are those of its tokens (what the runner asks for by class).
  for (const TokenInfo* t : tokens)
    EXPECT_TRUE(std::ranges::equal(c.class_atoms(t->cls), t->atoms));
  EXPECT_TRUE(c.class_atoms(0).empty());
}

TEST(Classifier, ClassesPastTheirBoundStartANewGeneration) {
  auto pack = Pack();
  ASSERT_NE(pack, nullptr);
  Classifier c(rules::ClassifierConfigOf(*pack), 2);
  c.Get("sorry", text::TokenKind::kWord);
  c.Get("table", text::TokenKind::kWord);
  c.Trim();
  ASSERT_EQ(c.class_generation(), 0u);
  c.Get("apologized", text::TokenKind::kWord);  // a third atom set, a third entry
  c.Trim();
  EXPECT_EQ(c.class_generation(), 1u);
  EXPECT_EQ(c.size(), 1u);
  // The survivor's class was given again; new forms get consistent ones.
  std::vector<const TokenInfo*> tokens = {
      &c.Get("sorry", text::TokenKind::kWord),      &c.Get("table", text::TokenKind::kWord),
      &c.Get("apologized", text::TokenKind::kWord), &c.Get("Sorry", text::TokenKind::kWord),
      &c.Get("w171", text::TokenKind::kWord),       &c.Get("7", text::TokenKind::kNumber)};
  ExpectClassesConsistent(tokens);
  for (const TokenInfo* t : tokens)
    EXPECT_TRUE(std::ranges::equal(c.class_atoms(t->cls), t->atoms));
  // Ids restart from 2: four atom sets here ({sorry}, {apologize}, {w17*}, none).
  for (const TokenInfo* t : tokens) EXPECT_LT(t->cls, 2u + 4u);
}

}  // namespace
}  // namespace tact::match
