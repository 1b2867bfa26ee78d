#include "eval/evaluator.h"

#include <gtest/gtest.h>

#include "score/score.h"
#include "test_util.h"

namespace tact::eval {
namespace {

const char* kRules = R"(
behaviour greeting
  kind expected
  position first 1
  match hello
behaviour empathy
  kind expected
  after frustration within 2
  weight 2
  match understand
behaviour handoff
  kind expected
  after manager within 1
  otherwise not_applicable
  match transfer
behaviour blame
  kind avoid
  severity error
  match your fault
behaviour frustration
  kind signal
  match (angry|annoyed)
behaviour manager
  kind signal
  match manager
)";

class EvaluatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Diagnostics d;
    pack_ = tact::testing::CompileOne("en", kRules, &d);
    ASSERT_NE(pack_, nullptr) << (d.empty() ? "" : d[0].Format());
    matcher_ = std::make_unique<TurnMatcher>(*pack_);
  }
  // Turns as "a:text" / "c:text".
  std::vector<BehaviourResult> Run(const std::vector<std::string>& turns, EvaluateOptions o = {}) {
    conv_ = Conversation{};
    for (const auto& t : turns) {
      Turn turn;
      turn.role = t[0] == 'a' ? Role::kAgent : Role::kCustomer;
      turn.speaker = t[0] == 'a' ? "Agent" : "Customer";
      turn.text = t.substr(2);
      conv_.turns.push_back(turn);
    }
    matches_.assign(conv_.turns.size(), {});
    for (size_t i = 0; i < conv_.turns.size(); ++i)
      matcher_->Match(conv_.turns[i].text, &matches_[i]);
    return Evaluate(*pack_, conv_, matches_, o);
  }
  static const BehaviourResult& Get(const std::vector<BehaviourResult>& r, const std::string& id) {
    for (const auto& b : r) {
      if (b.id == id) return b;
    }
    static BehaviourResult none;
    ADD_FAILURE() << "no " << id;
    return none;
  }
  std::unique_ptr<rules::LanguagePack> pack_;
  std::unique_ptr<TurnMatcher> matcher_;
  Conversation conv_;
  std::vector<TextMatches> matches_;
};

TEST_F(EvaluatorTest, StatusesAndEvidence) {
  auto r = Run({"c:hi", "a:hello there", "c:ok", "a:that is your fault", "a:again your fault"});
  EXPECT_EQ(Get(r, "greeting").status, Status::kMet);
  ASSERT_EQ(Get(r, "greeting").evidence.size(), 1u);
  EXPECT_EQ(Get(r, "greeting").evidence[0].turn, 2);
  EXPECT_EQ(Get(r, "greeting").evidence[0].span_begin, 0u);
  EXPECT_EQ(Get(r, "greeting").evidence[0].span_end, 5u);
  EXPECT_EQ(Get(r, "greeting").evidence[0].rule, "t.rules:5");
  EXPECT_EQ(Get(r, "empathy").status, Status::kMissed);
  EXPECT_EQ(Get(r, "handoff").status, Status::kNotApplicable);
  EXPECT_EQ(Get(r, "blame").status, Status::kViolated);
  EXPECT_EQ(Get(r, "blame").evidence.size(), 2u);  // every matching turn
  EXPECT_EQ(Get(r, "frustration").status, Status::kAbsent);
}

TEST_F(EvaluatorTest, PositionLimitsScope) {
  auto r = Run({"a:hi", "a:hello"});
  EXPECT_EQ(Get(r, "greeting").status, Status::kMissed);
  EXPECT_TRUE(Get(r, "greeting").evidence.empty());
}

TEST_F(EvaluatorTest, TriggerAnsweredWithinWindow) {
  auto r = Run({"c:I am angry", "a:let me check", "a:I understand", "c:thanks"});
  const auto& e = Get(r, "empathy");
  EXPECT_EQ(e.status, Status::kMet);
  ASSERT_EQ(e.episodes.size(), 1u);
  EXPECT_EQ(e.episodes[0].turn, 1);
  EXPECT_TRUE(e.episodes[0].answered);
  EXPECT_EQ(e.episodes[0].answer_turn, 3);
  EXPECT_EQ(Get(r, "frustration").status, Status::kPresent);
}

TEST_F(EvaluatorTest, TriggerNotAnsweredInTime) {
  auto r = Run({"c:I am angry", "a:let me check", "a:one moment", "a:I understand"});
  const auto& e = Get(r, "empathy");
  EXPECT_EQ(e.status, Status::kMissed);
  ASSERT_EQ(e.episodes.size(), 1u);
  EXPECT_FALSE(e.episodes[0].answered);
  EXPECT_EQ(e.evidence.size(), 1u);  // the late empathy is still evidence
  EXPECT_FALSE(e.note.empty());
}

TEST_F(EvaluatorTest, SecondEpisodeMustBeAnsweredToo) {
  auto r =
      Run({"c:angry", "a:I understand", "a:ok", "a:next", "c:still annoyed", "a:ok", "a:fine"});
  const auto& e = Get(r, "empathy");
  ASSERT_EQ(e.episodes.size(), 2u);
  EXPECT_TRUE(e.episodes[0].answered);
  EXPECT_EQ(e.episodes[1].turn, 5);
  EXPECT_FALSE(e.episodes[1].answered);
  EXPECT_EQ(e.status, Status::kMissed);
}

TEST_F(EvaluatorTest, SignalRepeatedRightAfterAnAnswerIsCovered) {
  // The customer is still annoyed one agent turn after the empathy: same episode.
  auto r = Run({"c:angry", "a:I understand", "c:still annoyed", "a:ok", "a:fine"});
  const auto& e = Get(r, "empathy");
  ASSERT_EQ(e.episodes.size(), 1u);
  EXPECT_EQ(e.status, Status::kMet);
}

TEST_F(EvaluatorTest, TriggersBeforeTheAnswerMergeIntoOneEpisode) {
  auto r = Run({"c:angry", "c:so annoyed", "a:I understand"});
  const auto& e = Get(r, "empathy");
  ASSERT_EQ(e.episodes.size(), 1u);
  EXPECT_EQ(e.status, Status::kMet);
}

TEST_F(EvaluatorTest, EpisodeAtTheEndWithoutAgentTurnDoesNotCount) {
  auto r = Run({"a:I understand", "c:angry"});
  EXPECT_TRUE(Get(r, "empathy").episodes.empty());
  EXPECT_EQ(Get(r, "empathy").status, Status::kMet);
}

TEST_F(EvaluatorTest, OtherwiseNotApplicableButMetWhenShownAnyway) {
  auto r = Run({"c:hi", "a:I will transfer you"});
  EXPECT_EQ(Get(r, "handoff").status, Status::kMet);
  r = Run({"c:get me a manager", "a:no"});
  EXPECT_EQ(Get(r, "handoff").status, Status::kMissed);
  r = Run({"c:get me a manager", "a:I will transfer you"});
  EXPECT_EQ(Get(r, "handoff").status, Status::kMet);
}

TEST_F(EvaluatorTest, NoAgentTurnsMeansNotApplicable) {
  auto r = Run({"c:hello", "c:anyone?"});
  EXPECT_EQ(Get(r, "greeting").status, Status::kNotApplicable);
  EXPECT_EQ(Get(r, "blame").status, Status::kNotApplicable);
}

TEST_F(EvaluatorTest, OnlyAndSkip) {
  EvaluateOptions o;
  o.only = {"blame", "greeting"};
  auto r = Run({"a:hello"}, o);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].id, "greeting");  // expected before avoid
  o = {};
  o.skip = {"blame"};
  r = Run({"a:hello"}, o);
  for (const auto& b : r) EXPECT_NE(b.id, "blame");
}

TEST_F(EvaluatorTest, ScoreIsTheWeightedShareMetMinusPenalties) {
  score::Scorecard card;
  Diagnostics d;
  ASSERT_TRUE(score::ParseScorecard("s", R"(scorecard t
  penalty error 10
  expect greeting
  expect empathy
  expect handoff
  avoid blame)", &card, &d));
  ScoreBreakdown b;
  auto r = Run({"c:angry", "a:hello, I understand"});
  // greeting met (1), empathy met (2), handoff n/a: 3 of 3; blame clean
  EXPECT_DOUBLE_EQ(score::ComputeScore(card, Channel::kChat, r, {}, &b), 100.0);
  EXPECT_EQ(b.Explain(100), "100 = 2 of 2 applicable behaviours met (weighted 100)");
  r = Run({"c:angry", "a:hello", "a:your fault", "a:your fault"});
  // greeting met 1 of 3 by weight (empathy missed, weight 2) = 33.3, blame -10
  EXPECT_NEAR(score::ComputeScore(card, Channel::kChat, r, {}, &b), 100.0 / 3 - 10, 1e-9);
  EXPECT_EQ(b.Explain(23.3), "23 = 1 of 2 applicable behaviours met (weighted 33) - blame 10");
  // empathy (weight 2 of 3) cost two thirds of the base
  ASSERT_EQ(b.missed.size(), 1u);
  EXPECT_EQ(b.missed[0].first, "empathy");
  EXPECT_NEAR(b.missed[0].second, 200.0 / 3, 1e-9);
  EXPECT_EQ(b.Explain(23.3, [](const std::string& id) { return "<" + id + ">"; }),
            "23 = 1 of 2 applicable behaviours met (weighted 33) - <blame> 10");
  EXPECT_DOUBLE_EQ(score::ComputeScore(card, Channel::kChat, {}, {}, &b), -1.0);
  EXPECT_FALSE(b.scored);
}

TEST_F(EvaluatorTest, CriticalViolationFailsAndChannelsSelectItems) {
  score::Scorecard card;
  Diagnostics d;
  ASSERT_TRUE(score::ParseScorecard("s", R"(scorecard t
  expect greeting channel call
  expect empathy weight 1
  avoid blame critical)", &card, &d));
  ScoreBreakdown b;
  auto r = Run({"c:angry", "a:hello, I understand", "a:your fault"});
  EXPECT_DOUBLE_EQ(score::ComputeScore(card, Channel::kChat, r, {}, &b), 0.0);
  EXPECT_TRUE(b.failed());
  EXPECT_EQ(b.Explain(0), "0 = failed: blame is critical");
  r = Run({"c:angry", "a:I understand"});
  // On a chat only empathy is scored (greeting is listed for calls): 1 of 1.
  EXPECT_DOUBLE_EQ(score::ComputeScore(card, Channel::kChat, r, {}, &b), 100.0);
  EXPECT_EQ(b.applicable, 1);
  EXPECT_DOUBLE_EQ(score::ComputeScore(card, Channel::kCall, r, {}, &b), 50.0);
}

}  // namespace
}  // namespace tact::eval

namespace tact::eval {
namespace {

TEST(EvaluatorTime, TimedCallsUseTheTimeWindow) {
  Diagnostics d;
  auto pack = tact::testing::CompileOne(
      "en",
      "behaviour greeting\n  kind expected\n  position first 1\n  time first 30\n"
      "  match hello\n",
      &d);
  ASSERT_NE(pack, nullptr);
  TurnMatcher m(*pack);
  Conversation c;
  for (auto [text, start] : std::vector<std::pair<std::string, double>>{
           {"one moment", 2}, {"hello", 20}, {"hello", 50}}) {
    Turn t;
    t.role = Role::kAgent;
    t.text = text;
    t.start = start;
    c.turns.push_back(t);
  }
  std::vector<TextMatches> tm(3);
  for (size_t i = 0; i < 3; ++i) m.Match(c.turns[i].text, &tm[i]);
  c.channel = Channel::kCall;  // the first 30 s: turns 1 and 2
  auto r = Evaluate(*pack, c, tm, {});
  EXPECT_EQ(r[0].status, Status::kMet);
  EXPECT_EQ(r[0].evidence.size(), 1u);
  c.channel = Channel::kChat;  // chats use the position: only turn 1
  r = Evaluate(*pack, c, tm, {});
  EXPECT_EQ(r[0].status, Status::kMissed);
}

}  // namespace
}  // namespace tact::eval

namespace tact::eval {
namespace {

const char* kApplicability = R"(
behaviour satisfaction
  kind expected
  applies-if closing
  match anything else
behaviour next_steps
  kind expected
  applies-if open_item fault
  applies-unless resolved
  match next step
behaviour listening
  kind expected
  min-turns 2
  match so you
behaviour voice_only
  kind expected
  channel call
  match hello
behaviour closing
  kind signal
  speaker agent
  position last 1
  match (bye|goodbye)
behaviour open_item
  kind signal
  speaker agent
  match (i will check|escalated)
behaviour fault
  kind signal
  match broken
behaviour resolved
  kind signal
  speaker any
  match works now
)";

class ApplicabilityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Diagnostics d;
    pack_ = tact::testing::CompileOne("en", kApplicability, &d);
    ASSERT_NE(pack_, nullptr) << (d.empty() ? "" : d[0].Format());
    matcher_ = std::make_unique<TurnMatcher>(*pack_);
  }
  const BehaviourResult Get(const std::vector<std::string>& turns, const std::string& id,
                            Channel ch = Channel::kChat) {
    conv_ = Conversation{};
    conv_.channel = ch;
    for (const auto& t : turns) {
      Turn turn;
      turn.role = t[0] == 'a' ? Role::kAgent : Role::kCustomer;
      turn.text = t.substr(2);
      conv_.turns.push_back(turn);
    }
    std::vector<TextMatches> m(conv_.turns.size());
    for (size_t i = 0; i < conv_.turns.size(); ++i) matcher_->Match(conv_.turns[i].text, &m[i]);
    for (auto& r : Evaluate(*pack_, conv_, m, {}))
      if (r.id == id) return r;
    return {};
  }
  std::unique_ptr<rules::LanguagePack> pack_;
  std::unique_ptr<TurnMatcher> matcher_;
  Conversation conv_;
};

TEST_F(ApplicabilityTest, AppliesIfASignalShows) {
  auto r = Get({"c:hi", "a:here you go"}, "satisfaction");
  EXPECT_EQ(r.status, Status::kNotApplicable);
  EXPECT_EQ(r.note, "applies only with 'closing'");
  EXPECT_EQ(Get({"c:hi", "a:here you go. bye"}, "satisfaction").status, Status::kMissed);
  // "bye" outside the signal's scope (the agent's last turn) does not count.
  EXPECT_EQ(Get({"c:hi", "a:bye", "a:more"}, "satisfaction").status, Status::kNotApplicable);
  // Shown anyway: met, whatever the conditions.
  EXPECT_EQ(Get({"c:hi", "a:anything else?"}, "satisfaction").status, Status::kMet);
}

TEST_F(ApplicabilityTest, AnyOfIfAndNoneOfUnless) {
  EXPECT_EQ(Get({"c:it is broken", "a:ok"}, "next_steps").status, Status::kMissed);
  EXPECT_EQ(Get({"c:hi", "a:I will check"}, "next_steps").status, Status::kMissed);
  auto r = Get({"c:it is broken", "a:try again", "c:works now"}, "next_steps");
  EXPECT_EQ(r.status, Status::kNotApplicable);
  EXPECT_EQ(r.note, "does not apply with 'resolved'");
  r = Get({"c:hi", "a:ok"}, "next_steps");
  EXPECT_EQ(r.note, "applies only with 'open_item' or 'fault'");
}

TEST_F(ApplicabilityTest, MinTurnsAndChannel) {
  auto r = Get({"c:hi", "a:ok"}, "listening");
  EXPECT_EQ(r.status, Status::kNotApplicable);
  EXPECT_EQ(r.note, "needs at least 2 turns of the agent");
  EXPECT_EQ(Get({"c:hi", "a:ok", "a:fine"}, "listening").status, Status::kMissed);
  r = Get({"c:hi", "a:ok"}, "voice_only");
  EXPECT_EQ(r.note, "applies only to call");
  EXPECT_EQ(Get({"c:hi", "a:ok"}, "voice_only", Channel::kCall).status, Status::kMissed);
}

// `first-use`: a term is judged where the conversation first uses it.
TEST(FirstUse, RepeatedTermsAreJudgedOnce) {
  Diagnostics d;
  auto pack = tact::testing::CompileOne(
      "en",
      "behaviour jargon\n  kind avoid\n  first-use\n  match (ont|dns)\n"
      "  veto-turn which means\n",
      &d);
  ASSERT_NE(pack, nullptr) << (d.empty() ? "" : d[0].Format());
  TurnMatcher matcher(*pack);
  auto run = [&](const std::vector<std::string>& turns) {
    Conversation c;
    for (const auto& t : turns) {
      Turn turn;
      turn.role = t[0] == 'a' ? Role::kAgent : Role::kCustomer;
      turn.text = t.substr(2);
      c.turns.push_back(turn);
    }
    std::vector<TextMatches> m(c.turns.size());
    for (size_t i = 0; i < c.turns.size(); ++i) matcher.Match(c.turns[i].text, &m[i]);
    return Evaluate(*pack, c, m, {})[0];
  };
  // Explained at first use: the repeat is fine.
  EXPECT_EQ(run({"c:no signal", "a:Find the ONT, which means the white box.", "c:found it",
                 "a:Restart the ONT now."})
                .status,
            Status::kClean);
  // The customer said it first.
  EXPECT_EQ(run({"c:my ONT is blinking", "a:Restart the ONT now."}).status, Status::kClean);
  // Unexplained at first use: the first use is the evidence, not the repeat.
  auto r = run({"c:no signal", "a:Restart the ONT.", "a:Is the ONT back?"});
  EXPECT_EQ(r.status, Status::kViolated);
  ASSERT_EQ(r.evidence.size(), 1u);
  EXPECT_EQ(r.evidence[0].turn, 2);
  // A new term in a turn that repeats an old one still counts (a rule reports
  // one match per sentence, so the new term is in a sentence of its own); a
  // word that merely contains the term ("montage") is not a use of it.
  r = run({"c:my ONT montage", "a:Restart the ONT. Then flush the DNS."});
  EXPECT_EQ(r.status, Status::kViolated);
  r = run({"c:a montage", "a:Restart the ONT."});
  EXPECT_EQ(r.status, Status::kViolated);
}

TEST(ApplicabilityErrors, UnknownSignalsAndWrongKinds) {
  Diagnostics d;
  EXPECT_EQ(tact::testing::CompileOne(
                "en", "behaviour a\n  kind expected\n  applies-if closng\n  match x\n"
                      "behaviour closing\n  kind signal\n  match y\n",
                &d),
            nullptr);
  ASSERT_FALSE(d.empty());
  EXPECT_NE(d[0].Format().find("t.rules:3:14: error: unknown signal 'closng' in 'applies-if' (did "
                               "you mean 'closing'?)"),
            std::string::npos)
      << d[0].Format();
  d.clear();
  EXPECT_EQ(tact::testing::CompileOne("en", "behaviour a\n  kind avoid\n  min-turns 2\n  match x\n", &d),
            nullptr);
  ASSERT_FALSE(d.empty());
  EXPECT_NE(d[0].message.find("apply only to 'expected' behaviours"), std::string::npos);
  d.clear();
  EXPECT_EQ(tact::testing::CompileOne("en", "behaviour a\n  kind expected\n  first-use\n  match x\n", &d),
            nullptr);
  ASSERT_FALSE(d.empty());
  EXPECT_NE(d[0].message.find("'first-use' applies only to 'avoid' behaviours"), std::string::npos);
}

}  // namespace
}  // namespace tact::eval
