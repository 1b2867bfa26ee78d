#include "rules/pack_image.h"

#include <gtest/gtest.h>

#include "common/bytes.h"
#include "match/program.h"
#include "rules/pack.h"
#include "tact/rule_set.h"

namespace tact::rules {
namespace {

// The built-in packs compiled from their rules now (eager: the image is not
// used), as the image's maker compiles them.
const RuleSet& FromRules() {
  static const RuleSet* set = [] {
    RuleSetOptions o;
    o.eager = true;
    Diagnostics d;
    return RuleSet::Load(o, &d).release();
  }();
  return *set;
}

std::map<std::string, std::string_view> BuiltinParts() {
  std::map<std::string, std::string_view> parts;
  std::string error;
  EXPECT_TRUE(ReadImageIndex(BuiltinPackImage(), &parts, &error)) << error;
  return parts;
}

std::string_view OnlyPart(const std::string& image) {
  std::map<std::string, std::string_view> parts;
  std::string error;
  EXPECT_TRUE(ReadImageIndex(image, &parts, &error)) << error;
  EXPECT_EQ(parts.size(), 1u);
  return parts.empty() ? std::string_view() : parts.begin()->second;
}

TEST(PackImage, TheLinkedImageIsTheRulesCompiledNow) {
  // A stale image (rules or compiler changed, image not rebuilt) fails here.
  auto parts = BuiltinParts();
  EXPECT_EQ(parts.size(), FromRules().languages().size());
  for (const auto& code : FromRules().languages()) {
    SCOPED_TRACE(code);
    ASSERT_TRUE(parts.count(code));
    const std::string image = WritePackImage({FromRules().pack(code)});
    EXPECT_TRUE(OnlyPart(image) == parts[code]);
  }
}

TEST(PackImage, LoadingGivesBackEveryDeclarationAndTheSameBytes) {
  for (const auto& [code, part] : BuiltinParts()) {
    SCOPED_TRACE(code);
    const LanguagePack* want = FromRules().pack(code);
    std::string error;
    for (bool borrow : {true, false}) {
      auto got = LoadPackImage(part, ImageLoad::kFull, borrow, &error);
      ASSERT_NE(got, nullptr) << error;
      // operator== compares every member of a declaration, so a member the
      // image forgets fails here.
      EXPECT_TRUE(got->behaviours == want->behaviours);
      EXPECT_TRUE(got->lexicons == want->lexicons);
      EXPECT_EQ(got->name, want->name);
      EXPECT_EQ(got->stemmer, want->stemmer);
      EXPECT_EQ(got->files, want->files);
      EXPECT_EQ(got->abbreviations, want->abbreviations);
      EXPECT_EQ(got->stopwords, want->stopwords);
      EXPECT_EQ(got->stopword_set, want->stopword_set);
      EXPECT_EQ(got->alphabet_set, want->alphabet_set);
      EXPECT_EQ(got->acronyms, want->acronyms);
      EXPECT_EQ(got->messages, want->messages);
      EXPECT_TRUE(got->vocabulary == want->vocabulary);
      EXPECT_FALSE(got->vocabulary.pii_cues.empty());
      EXPECT_EQ(got->behaviour_index, want->behaviour_index);
      EXPECT_EQ(got->turn_scope, want->turn_scope);
      EXPECT_EQ(got->has_turn_patterns, want->has_turn_patterns);
      EXPECT_EQ(got->atoms.size(), want->atoms.size());
      EXPECT_EQ(got->program().num_states(), want->program().num_states());
      // Atoms, owners and both programs: written again, the same bytes.
      EXPECT_TRUE(OnlyPart(WritePackImage({got.get()})) == part);
    }
  }
}

TEST(PackImage, SettingsAndCatalogueStopEarly) {
  auto parts = BuiltinParts();
  std::string error;
  auto settings = LoadPackImage(parts.at("sv"), ImageLoad::kSettings, false, &error);
  ASSERT_NE(settings, nullptr) << error;
  EXPECT_EQ(settings->stopwords, FromRules().pack("sv")->stopwords);
  EXPECT_TRUE(settings->vocabulary == FromRules().pack("sv")->vocabulary);
  EXPECT_TRUE(settings->behaviours.empty());
  auto catalogue = LoadPackImage(parts.at("sv"), ImageLoad::kCatalogue, false, &error);
  ASSERT_NE(catalogue, nullptr) << error;
  EXPECT_EQ(catalogue->behaviours.size(), FromRules().pack("sv")->behaviours.size());
  EXPECT_EQ(catalogue->atoms.size(), 3u);  // not loaded: only the three fixed atoms
}

TEST(PackImage, DamagedImagesAreRefusedWithoutReadingPastTheEnd) {
  std::string error;
  std::map<std::string, std::string_view> parts;
  EXPECT_FALSE(ReadImageIndex("not an image", &parts, &error));
  EXPECT_NE(error.find("not a pack image"), std::string::npos);
  // A table of contents pointing past the end.
  std::string image(BuiltinPackImage());
  EXPECT_FALSE(ReadImageIndex(std::string_view(image).substr(0, 40), &parts, &error)) << error;

  const std::string part(BuiltinParts().at("es"));
  // Cut anywhere: null and an error, never a crash (ASan runs this too).
  for (size_t cut = 0; cut < part.size(); cut += part.size() / 97 + 1) {
    const std::string head = part.substr(0, cut);
    EXPECT_EQ(LoadPackImage(head, ImageLoad::kFull, false, &error), nullptr) << cut;
    EXPECT_NE(error.find("damaged pack image"), std::string::npos) << cut;
  }
  // A program whose arrays are not aligned where they lie is refused in place.
  std::string shifted = " " + part;
  EXPECT_EQ(LoadPackImage(std::string_view(shifted).substr(1), ImageLoad::kFull, true, &error),
            nullptr);
}

TEST(PackImage, AProgramWithAnIndexOutOfRangeIsRefused) {
  match::ProgramBuilder b;
  match::Node n;
  n.atom = 7;
  b.Add(n, 0);
  const match::Program p = b.Finish();
  ByteWriter w;
  p.Save(&w);
  {
    ByteReader r(w.bytes());
    match::Program q;
    EXPECT_TRUE(q.Load(&r, false));
    EXPECT_EQ(q.num_states(), p.num_states());
  }
  // num_patterns 0: the accepting state's pattern 0 is out of range.
  std::string bad = w.bytes();
  const uint32_t zero = 0;
  memcpy(bad.data() + 4, &zero, 4);
  ByteReader r(bad);
  match::Program q;
  EXPECT_FALSE(q.Load(&r, false));
}

// Whether a program's arrays lie in the linked image (loaded in place).
bool InImage(const match::Program& p) {
  const std::string_view image = BuiltinPackImage();
  for (uint32_t s = 0; s < p.num_states(); ++s) {
    if (p.accepts_begin(s) == p.accepts_end(s)) continue;
    const char* at = reinterpret_cast<const char*>(p.accepts_begin(s));
    return at >= image.data() && at < image.data() + image.size();
  }
  return false;
}

TEST(PackImage, TactUsesTheImageUnlessRulesOrLimitsChange) {
  Diagnostics d;
  auto set = RuleSet::Load(RuleSetOptions{}, &d);
  ASSERT_NE(set, nullptr);
  EXPECT_TRUE(InImage(set->pack("en")->program()));
  EXPECT_FALSE(InImage(FromRules().pack("en")->program()));  // eager: compiled
  RuleSetOptions stricter;
  stricter.max_patterns = RuleSetOptions{}.max_patterns - 1;
  auto strict = RuleSet::Load(stricter, &d);
  ASSERT_NE(strict, nullptr);
  EXPECT_FALSE(InImage(strict->pack("en")->program()));
}

TEST(PackImage, AChecksPacksLeaveTheExamplesOut) {
  auto count = [](const RuleSet& set) {
    size_t n = 0;
    for (const auto& b : set.pack("no")->behaviours) n += b.examples.size();
    return n;
  };
  // Pattern sources and lexicon items, which only 'tact rules' prints.
  auto texts = [](const RuleSet& set) {
    size_t n = 0;
    for (const auto& b : set.pack("no")->behaviours) {
      for (const auto& p : b.matches) n += !p.source.empty();
    }
    for (const auto& l : set.pack("no")->lexicons) n += l.items.size();
    return n;
  };
  Diagnostics d;
  RuleSetOptions without;
  without.examples = false;
  auto lean = RuleSet::Load(without, &d);
  auto full = RuleSet::Load(RuleSetOptions{}, &d);
  ASSERT_TRUE(lean && full);
  EXPECT_EQ(count(*lean), 0u);
  EXPECT_EQ(count(*full), count(FromRules()));
  EXPECT_GT(count(*full), 500u);
  EXPECT_EQ(lean->pack("no")->behaviours.size(), full->pack("no")->behaviours.size());
  EXPECT_EQ(texts(*lean), 0u);
  EXPECT_GT(texts(*full), 500u);
  EXPECT_EQ(lean->pack("no")->lexicons.size(), full->pack("no")->lexicons.size());
}

}  // namespace
}  // namespace tact::rules
