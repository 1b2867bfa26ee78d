// Turn-scoped patterns and the {echo} condition, through the matcher and the
// conversation-level pass.
#include "eval/echo.h"

#include <gtest/gtest.h>

#include "eval/evaluator.h"
#include "test_util.h"

namespace tact::eval {
namespace {

const char* kRules = R"(
pack en
  stopwords the i you to a and is it my on was of for what
behaviour steps
  kind expected
  match-turn steps: ^ (first|start by) ...8 ^ (then|next) <word>
  veto not_now: not now
  match one: the next step is
  + x
  - y
behaviour restate
  kind expected
  match so: ^ (so|got it|ok) {echo 2}
  match share: ^ (so|got it|ok) {echo 1 60%}
  match bare: {echo 4}
  + x
  - y
)";

class EchoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Diagnostics d;
    pack_ = tact::testing::CompileOne("en", kRules, &d);
    ASSERT_NE(pack_, nullptr) << (d.empty() ? "" : d[0].Format());
    matcher_ = std::make_unique<TurnMatcher>(*pack_);
  }
  // The surviving matches of `behaviour` in `text` answering `context`.
  std::vector<std::string> Live(const std::string& behaviour, const std::string& text,
                                const std::string& context = "") {
    TextMatches ctx, m;
    EchoTerms terms;
    if (!context.empty()) {
      matcher_->Match(context, &ctx);
      AddEchoTerms(*pack_, ctx, &terms);
    }
    matcher_->Match(text, &m);
    ApplyEcho(*pack_, terms, &m);
    std::vector<std::string> out;
    uint32_t bi = pack_->behaviour_index.at(behaviour);
    for (const auto& r : m.matches) {
      if (r.behaviour == bi && !r.vetoed)
        out.push_back(pack_->behaviours[bi].matches[r.rule].name + "=" +
                      text.substr(r.byte_begin, r.byte_end - r.byte_begin));
    }
    return out;
  }
  std::unique_ptr<rules::LanguagePack> pack_;
  std::unique_ptr<TurnMatcher> matcher_;
};

using V = std::vector<std::string>;

TEST_F(EchoTest, TurnPatternsRunAcrossSentences) {
  EXPECT_EQ(Live("steps", "First restart the router. Then wait."),
            V{"steps=First restart the router. Then wait"});
  EXPECT_EQ(Live("steps", "Start by logging out!\nNext log in."),
            V{"steps=Start by logging out!\nNext log"});
  // '^' still means a sentence start: "then" in mid-sentence does not count.
  EXPECT_EQ(Live("steps", "First restart, and then wait."), V{});
  // The gap is bounded: a boundary counts as two tokens.
  EXPECT_EQ(Live("steps", "First one two three four five six seven. Then go."), V{});
  // Sentence patterns still stop at a sentence end.
  EXPECT_EQ(Live("steps", "The next. Step is"), V{});
  EXPECT_EQ(Live("steps", "ok. the next step is this"), V{"one=the next step is"});
}

TEST_F(EchoTest, SentenceVetoCancelsATurnMatchInAnySentenceItSpans) {
  EXPECT_EQ(Live("steps", "First restart it. Then wait, not now."), V{});
  EXPECT_EQ(Live("steps", "First restart it. Then wait. But not now."),
            V{"steps=First restart it. Then wait"});
}

TEST_F(EchoTest, EchoNeedsTheCustomersContentWords) {
  const std::string customer = "I was charged 49.90 twice on the 3rd and the refund never came";
  // 3 of its 5 content terms are the customer's (49.90, charge, twice): both rules hold.
  EXPECT_EQ(Live("restate", "Got it, the 49.90 charge appeared twice.", customer),
            (V{"so=Got it", "share=Got it"}));
  // Stop words and short words do not count: "the", "was", "on".
  EXPECT_EQ(Live("restate", "So the thing was on.", customer), V{});
  // Without context the condition never holds.
  EXPECT_EQ(Live("restate", "Got it, the 49.90 charge appeared twice."), V{});
  // Stems: "charges"/"charged" are one term, and so are "refunds"/"refund".
  EXPECT_EQ(Live("restate", "So the refunds and the charges.", customer), (V{"so=So", "share=So"}));
}

TEST_F(EchoTest, ShareAndBareConditions) {
  const std::string customer = "my router keeps dropping the wifi every evening";
  // 1 of 4 content words echoed: the share rule (60%) fails, the count rule (2) too.
  EXPECT_EQ(Live("restate", "ok let me check your account details router", customer), V{});
  // 2 of 3: both hold.
  EXPECT_EQ(Live("restate", "ok router dropping evening", customer), (V{"so=ok", "share=ok"}));
  // A bare condition matches the whole sentence when 4 terms are echoed.
  EXPECT_EQ(Live("restate", "Your router keeps dropping the wifi. Thanks.", customer),
            V{"bare=Your router keeps dropping the wifi."});
}

TEST_F(EchoTest, ConversationContextIsTheOtherSpeakersTurnsSinceMyLast) {
  Conversation c;
  auto add = [&](Role r, std::string text) {
    Turn t;
    t.role = r;
    t.text = std::move(text);
    c.turns.push_back(t);
  };
  add(Role::kCustomer, "the invoice from March shows a duplicate payment");
  add(Role::kCustomer, "also the password reset email never arrived");
  add(Role::kAgent, "so the duplicate payment on the invoice");  // echoes turn 1
  add(Role::kAgent, "so the password reset email");              // no reply since: turn 2 too
  add(Role::kCustomer, "yes thanks");
  add(Role::kAgent, "so the duplicate payment again");  // context is "yes thanks"
  std::vector<TextMatches> tm(c.turns.size());
  for (size_t i = 0; i < c.turns.size(); ++i) matcher_->Match(c.turns[i].text, &tm[i]);
  ApplyEchoConditions(*pack_, c, &tm);
  uint32_t bi = pack_->behaviour_index.at("restate");
  EXPECT_TRUE(tm[2].Has(bi));
  EXPECT_TRUE(tm[3].Has(bi));
  EXPECT_FALSE(tm[5].Has(bi));
  ASSERT_FALSE(tm[5].matches.empty());
  EXPECT_TRUE(tm[5].matches[0].no_echo);
}

TEST(EchoTermsSet, FindsWhatWasInsertedBeforeAndAfterALookup) {
  EchoTerms t;
  EXPECT_TRUE(t.empty());
  EXPECT_EQ(t.count(7), 0u);
  for (uint64_t x : {9ull, 3ull, 9ull, 1ull << 63, 3ull}) t.insert(x);
  EXPECT_FALSE(t.empty());
  EXPECT_EQ(t.count(9), 1u);  // duplicates count once
  EXPECT_EQ(t.count(3), 1u);
  EXPECT_EQ(t.count(1ull << 63), 1u);
  EXPECT_EQ(t.count(4), 0u);
  t.insert(4);  // after a lookup: sorted again on the next one
  EXPECT_EQ(t.count(4), 1u);
  EXPECT_EQ(t.count(9), 1u);
}

}  // namespace
}  // namespace tact::eval
