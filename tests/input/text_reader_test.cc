#include <gtest/gtest.h>

#include "input/reader.h"
#include "run/vocabulary.h"

namespace tact::input {
namespace {

struct Result {
  std::vector<Conversation> convs;
  std::vector<Diagnostic> diags;
};

// Reads as a check does: with the built-in packs' role words.
Result Read(const std::string& text, ReadOptions o = {}) {
  o.roles.vocabulary = run::BuiltinVocabulary().roles;
  Result r;
  ReadContext ctx{"chat.txt", o, [&](Conversation&& c) { r.convs.push_back(std::move(c)); },
                  [&](const Diagnostic& d) { r.diags.push_back(d); }};
  ReadTextContent(text, ctx);
  return r;
}

TEST(TextReader, RoleWordsTimesAndContinuations) {
  Result r = Read(
      "\xEF\xBB\xBF[00:01] Customer: My router\r\nkeeps dropping\n\n[1:02:03] Agent: Sorry!\n00:10 "
      "- Kunde: hei\n");
  ASSERT_EQ(r.convs.size(), 1u);
  const Conversation& c = r.convs[0];
  EXPECT_EQ(c.id, "chat");
  EXPECT_EQ(c.source, "chat.txt");
  ASSERT_EQ(c.turns.size(), 3u);
  EXPECT_EQ(c.turns[0].role, Role::kCustomer);
  EXPECT_EQ(c.turns[0].text, "My router\nkeeps dropping");
  EXPECT_DOUBLE_EQ(*c.turns[0].start, 1.0);
  EXPECT_EQ(c.turns[0].line, 1);
  EXPECT_EQ(c.turns[1].role, Role::kAgent);
  EXPECT_DOUBLE_EQ(*c.turns[1].start, 3723.0);
  EXPECT_EQ(c.turns[2].role, Role::kCustomer);
  EXPECT_DOUBLE_EQ(*c.turns[2].start, 10.0);
  EXPECT_EQ(c.turns[2].line, 5);
  EXPECT_TRUE(r.diags.empty());
}

TEST(TextReader, RoleWordsInFiveLanguages) {
  Result r = Read(
      "Agente: hola\nCliente: hola\nHandläggare: hej\nKund: hej\nОператор: привет\nКлиент: привет\n"
      "Kundeservice: hei\nПользователь: да\n");
  ASSERT_EQ(r.convs.size(), 1u);
  const auto& t = r.convs[0].turns;
  ASSERT_EQ(t.size(), 8u);
  Role expected[] = {Role::kAgent, Role::kCustomer, Role::kAgent, Role::kCustomer,
                     Role::kAgent, Role::kCustomer, Role::kAgent, Role::kCustomer};
  for (size_t i = 0; i < t.size(); ++i) EXPECT_EQ(t[i].role, expected[i]) << i;
}

TEST(TextReader, NamesFromFlags) {
  ReadOptions o;
  o.roles.agent_names = {"Maria"};
  o.roles.customer_names = {"bob"};
  Result r = Read("Bob: hi\nMaria: hello, how can I help?\nBob: thanks\n", o);
  ASSERT_EQ(r.convs.size(), 1u);
  EXPECT_EQ(r.convs[0].turns[0].role, Role::kCustomer);
  EXPECT_EQ(r.convs[0].turns[1].role, Role::kAgent);
  ASSERT_EQ(r.convs[0].speakers.size(), 2u);
  EXPECT_EQ(r.convs[0].speakers[0].source, RoleSource::kFlag);
  EXPECT_TRUE(r.diags.empty());
}

TEST(TextReader, UnknownNamesUseTheGreetingHeuristicAndWarn) {
  Result r = Read(
      "Bob: hi, my order is late\nMaria: Thanks for contacting us, how can I help?\nBob: it's "
      "late\n");
  ASSERT_EQ(r.convs.size(), 1u);
  EXPECT_EQ(r.convs[0].turns[1].role, Role::kAgent);
  EXPECT_EQ(r.convs[0].turns[0].role, Role::kCustomer);
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].severity, Severity::kWarning);
  EXPECT_NE(r.diags[0].message.find("roles guessed"), std::string::npos);
}

// A time that is no time keeps its turn apart (it was merged into the turn
// before) and is reported.
TEST(TextReader, AnInvalidTimeIsReportedAndItsTurnKept) {
  Result r = Read(
      "[00:00:05] Customer: my order is late\n[00:00:61] Agent: sorry about that\n"
      "[00:01:10] Customer: ok\n");
  ASSERT_EQ(r.convs.size(), 1u);
  ASSERT_EQ(r.convs[0].turns.size(), 3u);
  EXPECT_EQ(r.convs[0].turns[1].text, "sorry about that");
  EXPECT_EQ(r.convs[0].turns[1].role, Role::kAgent);
  EXPECT_FALSE(r.convs[0].turns[1].start.has_value());
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].severity, Severity::kWarning);
  EXPECT_EQ(r.diags[0].line, 2);
  EXPECT_NE(r.diags[0].message.find("'[00:00:61]' is not a valid time"), std::string::npos);
  // Brackets that are not a time stay text.
  r = Read("Customer: hi\nAgent: [note] see you\n");
  EXPECT_TRUE(r.diags.empty());
}

TEST(TextReader, ColonInTextIsNotASpeaker) {
  Result r =
      Read("Agent: Note: see https://example.com/help\nCustomer: ok\nNote: this line continues\n");
  ASSERT_EQ(r.convs.size(), 1u);
  ASSERT_EQ(r.convs[0].turns.size(), 2u);
  EXPECT_EQ(r.convs[0].turns[0].text, "Note: see https://example.com/help");
  EXPECT_EQ(r.convs[0].turns[1].text, "ok\nNote: this line continues");
}

TEST(TextReader, NoTurnsIsAnErrorForThatFile) {
  Result r = Read("just some text\nwithout speakers\n");
  EXPECT_TRUE(r.convs.empty());
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].Format().substr(0, 33), "chat.txt:1: error: no turns found");
}

TEST(TextReader, EmptyFileIsAnError) {
  Result r = Read("\n\n  \n");
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].Format(), "chat.txt:1: error: empty transcript: no turns found");
}

TEST(TextReader, TextBeforeTheFirstTurnIsReportedNotDropped) {
  Result r = Read("Transcript 42\nAgent: hi\nCustomer: hello\n");
  ASSERT_EQ(r.convs.size(), 1u);
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].Format(), "chat.txt:1: warning: 1 line(s) before the first turn ignored");
}

}  // namespace
}  // namespace tact::input
