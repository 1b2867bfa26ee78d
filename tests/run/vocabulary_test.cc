// The packs' words reach the readers and the redactor: a user pack adds role
// words, help openings and cue words; one without them changes nothing.
#include "run/vocabulary.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "report/redact.h"

namespace tact::run {
namespace {

namespace fs = std::filesystem;

class VocabularyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("tact-vocabulary-test-" +
            std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "de");
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Loads the built-in packs (unless `builtin` is false) and a German pack
  // whose pack.rules is `pack_rules`.
  std::unique_ptr<RuleSet> Load(const std::string& pack_rules, bool builtin = true) {
    std::ofstream(dir_ / "de" / "pack.rules") << pack_rules;
    RuleSetOptions o;
    o.builtin = builtin;
    o.directories = {dir_.string()};
    Diagnostics diags;
    auto rules = RuleSet::Load(o, &diags);
    for (const auto& d : diags) ADD_FAILURE() << d.Format();
    return rules;
  }

  fs::path dir_;
};

const char kGerman[] =
    "pack de\n"
    "  agent-words    kundenberater\n"
    "  help-openings  \"wie kann ich helfen\"\n"
    "  pii-cue phone  rufnummer\n";

Conversation Chat() {
  Conversation c;
  for (auto [speaker, text] : std::vector<std::pair<std::string, std::string>>{
           {"Pat", "Hallo?"}, {"Jana", "Guten Tag, wie kann ich helfen?"}}) {
    Turn t;
    t.speaker = speaker;
    t.text = text;
    c.turns.push_back(t);
  }
  return c;
}

input::RoleOptions With(const Vocabulary& v) {
  input::RoleOptions o;
  o.vocabulary = v.roles;
  return o;
}

TEST_F(VocabularyTest, APacksAgentWordsAndOpeningsDecideRoles) {
  auto rules = Load(kGerman);
  ASSERT_NE(rules, nullptr);
  const Vocabulary v = CollectVocabulary(*rules);
  EXPECT_EQ(input::RoleFromWord("Kundenberater Jan", v.roles), Role::kAgent);
  EXPECT_EQ(input::RoleFromWord("Kundenberater Jan", BuiltinVocabulary().roles), std::nullopt);
  // The built-in words stay.
  EXPECT_EQ(input::RoleFromWord("Kundtjänst", v.roles), Role::kAgent);

  Conversation with = Chat();
  input::ResolveRoles(&with, With(v));
  EXPECT_EQ(with.speakers[1].role, Role::kAgent);
  EXPECT_EQ(with.speakers[0].role, Role::kCustomer);
  Conversation without = Chat();
  input::ResolveRoles(&without, With(BuiltinVocabulary()));
  EXPECT_EQ(without.speakers[1].role, Role::kOther);
}

TEST_F(VocabularyTest, APacksCueWordMakesTheNumberAfterItAPhone) {
  auto rules = Load(kGerman);
  ASSERT_NE(rules, nullptr);
  const std::string text = "meine Rufnummer: 12345678";
  EXPECT_EQ(report::Redactor(CollectVocabulary(*rules).pii).Redact(text),
            "meine Rufnummer: [PHONE]");
  EXPECT_EQ(report::Redactor(BuiltinVocabulary().pii).Redact(text), text);
}

// A pack.rules without the directives, also with --no-builtin-rules, reads
// and redacts with the built-in words: a user pack adds, never removes.
TEST_F(VocabularyTest, APackWithoutTheDirectivesKeepsTheBuiltInWords) {
  for (bool builtin : {true, false}) {
    SCOPED_TRACE(builtin);
    auto rules = Load("pack de\n  name Deutsch\n", builtin);
    ASSERT_NE(rules, nullptr);
    const Vocabulary v = CollectVocabulary(*rules);
    EXPECT_EQ(input::RoleFromWord("Agent", v.roles), Role::kAgent);
    EXPECT_EQ(input::RoleFromWord("Клиент", v.roles), Role::kCustomer);
    EXPECT_EQ(v.roles.help_openings, BuiltinVocabulary().roles.help_openings);
    EXPECT_EQ(v.pii.size(), BuiltinVocabulary().pii.size());
    EXPECT_EQ(report::Redactor(v.pii).Redact("order 41234567"), "order 41234567");
  }
}

// Every cue word counts once, however many packs name it ("kr" is in no and sv).
TEST(Vocabulary, BuiltInWordsComeFromEveryPackOnce) {
  const Vocabulary& v = BuiltinVocabulary();
  size_t kr = 0;
  for (const auto& c : v.pii) kr += c.word == "kr" && c.kind == report::PiiCueKind::kMoney;
  EXPECT_EQ(kr, 1u);
  for (const char* w : {"agent", "agente", "saksbehandler", "handläggare", "оператор"})
    EXPECT_EQ(v.roles.agent_words.count(w), 1u) << w;
  for (const char* w : {"customer", "cliente", "kunde", "kund", "клиент"})
    EXPECT_EQ(v.roles.customer_words.count(w), 1u) << w;
}

}  // namespace
}  // namespace tact::run
