#include "score/coaching.h"

#include <gtest/gtest.h>

namespace tact::score {
namespace {

const Messages kWords = {
    {"focus", "Focus on"},
    {"unanswered", "turn {turn} ({trigger}) not answered in {n}"},
    {"not_shown", "never shown"},
    {"not_shown_one", "not in your only turn"},
    {"turn", "turn"},
    {"critical", "fails"},
    {"points", "-{points} points"},
};

TEST(FillMessage, ReplacesKnownNamesOnly) {
  EXPECT_EQ(FillMessage("a {x} b {y} {x}", {{"x", "1"}}), "a 1 b {y} 1");
  EXPECT_EQ(FillMessage("no braces", {{"x", "1"}}), "no braces");
  EXPECT_EQ(FillMessage("open {x", {{"x", "1"}}), "open {x");
}

// A conversation: frustration in turn 1 unanswered (empathy missed), greeting
// missed, blame violated in turn 2 (critical), thanks met.
ConversationResult Judged(Conversation* c) {
  c->turns.resize(3);
  c->turns[0].role = Role::kCustomer;
  c->turns[1].role = Role::kAgent;
  c->turns[2].role = Role::kAgent;
  ConversationResult r;
  for (const auto& t : c->turns) r.agent_turns += t.role == Role::kAgent;
  BehaviourResult empathy;
  empathy.id = "empathy";
  empathy.title = "Shows empathy";
  empathy.status = Status::kMissed;
  empathy.trigger = "frustration";
  empathy.trigger_window = 2;
  empathy.episodes = {{1, false, 0}};
  BehaviourResult greeting;
  greeting.id = "greeting";
  greeting.title = "Greets";
  greeting.status = Status::kMissed;
  BehaviourResult blame;
  blame.id = "blame";
  blame.title = "Blames";
  blame.kind = BehaviourKind::kAvoid;
  blame.status = Status::kViolated;
  Evidence e;
  e.turn = 2;
  e.text = "your fault";
  blame.evidence = {e};
  BehaviourResult frustration;
  frustration.id = "frustration";
  frustration.title = "Customer frustration";
  frustration.kind = BehaviourKind::kSignal;
  frustration.status = Status::kPresent;
  e.turn = 1;
  e.text = "this is ridiculous";
  frustration.evidence = {e};
  r.behaviours = {empathy, greeting, blame, frustration};
  r.score_breakdown.scored = true;
  r.score_breakdown.critical = {"blame"};
  r.score_breakdown.penalties = {{"blame", 10}};
  r.score_breakdown.missed = {{"greeting", 20}, {"empathy", 40}};
  return r;
}

TEST(Coach, ExplainsInTheMessagesWordsAndRanksByCost) {
  Conversation c;
  ConversationResult r = Judged(&c);
  Coach(kWords, &r);
  EXPECT_EQ(r.behaviours[0].explain, "turn 1 (Customer frustration) not answered in 2");
  EXPECT_EQ(r.behaviours[1].explain, "never shown");
  EXPECT_EQ(r.behaviours[2].explain, "turn 2");
  EXPECT_EQ(r.behaviours[3].explain, "");  // signals are not coached
  EXPECT_EQ(r.focus_heading, "Focus on");
  ASSERT_EQ(r.focus.size(), 3u);
  // The critical violation first (once, not again as a penalty), then by points.
  EXPECT_EQ(r.focus[0].id, "blame");
  EXPECT_EQ(r.focus[0].cost, "fails");
  ASSERT_TRUE(r.focus[0].evidence.has_value());
  EXPECT_EQ(r.focus[0].evidence->turn, 2);
  EXPECT_EQ(r.focus[1].id, "empathy");
  EXPECT_EQ(r.focus[1].cost, "-40 points");
  ASSERT_TRUE(r.focus[1].evidence.has_value());  // the customer's unanswered words
  EXPECT_EQ(r.focus[1].evidence->text, "this is ridiculous");
  EXPECT_EQ(r.focus[2].id, "greeting");
  EXPECT_FALSE(r.focus[2].evidence.has_value());
  // At most N items.
  Coach(kWords, &r, 1);
  EXPECT_EQ(r.focus.size(), 1u);
}

TEST(Coach, OneAgentTurnAndMissingWords) {
  Conversation c;
  ConversationResult r = Judged(&c);
  r.agent_turns = 1;  // the agent spoke once
  Coach(kWords, &r);
  EXPECT_EQ(r.behaviours[1].explain, "not in your only turn");
  // A pack without the words: no coaching text at all (reports use the notes).
  ConversationResult bare = Judged(&c);
  Coach(Messages{{"focus", "Focus"}}, &bare);
  EXPECT_TRUE(bare.focus.empty());
  EXPECT_EQ(bare.behaviours[0].explain, "");
}

// A behaviour that does not apply says why with the signals' titles, a metric
// gets its name and note in the pack's words; without a message the English
// note stays the only text.
TEST(ExplainNotes, NotApplicableAndMetricsInWords) {
  Conversation c;
  ConversationResult r = Judged(&c);
  BehaviourResult follow;
  follow.id = "follow_up";
  follow.status = Status::kNotApplicable;
  follow.note = "applies only with 'frustration' or 'open'";
  follow.note_key = "na_only_with";
  follow.note_args = {{"signals", "frustration,open"}};
  r.behaviours.push_back(follow);
  BehaviourResult untitled = follow;
  untitled.id = "other";
  untitled.note_key = "na_unknown_key";
  r.behaviours.push_back(untitled);
  MetricResult m;
  m.id = "talk_speed";
  m.note = "no threshold for calls";
  m.note_key = "note_no_threshold";
  m.note_args = {{"channel", "call"}};
  r.metrics.push_back(m);
  Messages words = kWords;
  words["or"] = "o";
  words["na_only_with"] = "solo con: {signals}";
  words["note_no_threshold"] = "sin umbral para {channel}";
  words["channel_call"] = "llamadas";
  words["metric_talk_speed"] = "Velocidad";
  Coach(words, &r);
  EXPECT_EQ(r.behaviours[4].explain, "solo con: Customer frustration o open");
  EXPECT_EQ(r.behaviours[5].explain, "");  // no such message: the note is shown
  EXPECT_EQ(r.metrics[0].title, "Velocidad");
  EXPECT_EQ(r.metrics[0].explain, "sin umbral para llamadas");
  // A missed behaviour's explanation is not replaced by a note's.
  EXPECT_EQ(r.behaviours[1].explain, "never shown");
}

// The words looked up once serve every conversation as the map itself
// does: the same explanations, metric titles by exact id only.
TEST(CoachingWords, LookedUpOnceServeEveryConversation) {
  Messages m = kWords;
  m["metric_talk_speed"] = "Speed";
  m["metric_talk"] = "Talk";
  const CoachingWords words(m);
  EXPECT_TRUE(words.complete());
  ASSERT_NE(words.MetricTitle("talk_speed"), nullptr);
  EXPECT_EQ(*words.MetricTitle("talk_speed"), "Speed");
  EXPECT_EQ(*words.MetricTitle("talk"), "Talk");
  EXPECT_EQ(words.MetricTitle("talk_spee"), nullptr);
  EXPECT_EQ(words.MetricTitle("speed"), nullptr);
  EXPECT_FALSE(CoachingWords(Messages{{"focus", "Focus"}}).complete());
  for (int round = 0; round < 2; ++round) {
    Conversation c1, c2;
    ConversationResult a = Judged(&c1), b = Judged(&c2);
    MetricResult metric;
    metric.id = "talk_speed";
    a.metrics.push_back(metric);
    b.metrics.push_back(metric);
    Coach(words, &a);
    Coach(m, &b);
    EXPECT_EQ(a.metrics[0].title, "Speed");
    ASSERT_EQ(a.behaviours.size(), b.behaviours.size());
    for (size_t i = 0; i < a.behaviours.size(); ++i)
      EXPECT_EQ(a.behaviours[i].explain, b.behaviours[i].explain);
    ASSERT_EQ(a.focus.size(), b.focus.size());
    for (size_t i = 0; i < a.focus.size(); ++i) EXPECT_EQ(a.focus[i].cost, b.focus[i].cost);
    EXPECT_EQ(a.focus_heading, b.focus_heading);
  }
}

}  // namespace
}  // namespace tact::score
