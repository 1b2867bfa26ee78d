// Metrics with hand-computed values.
#include "eval/metrics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include "tact/rule_set.h"
#include "test_util.h"

namespace tact::eval {
namespace {

const char* kRules = R"(
behaviour customer_frustration
  kind signal
  match (angry|ridiculous|annoyed)
behaviour customer_gratitude
  kind signal
  match thanks
)";

struct T {
  char role;  // 'a' agent, 'c' customer
  const char* text;
  double start = -1, end = -1;
};

class MetricsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Diagnostics d;
    pack_ = tact::testing::CompileOne("en", kRules, &d);
    ASSERT_NE(pack_, nullptr);
    matcher_ = std::make_unique<TurnMatcher>(*pack_);
    Diagnostics pd;
    ASSERT_TRUE(profile_.Parse(
        "p",
        "first_response_time.chat = 60\nfirst_response_time.call = 20\n"
        "response_time = 30\nhandle_time = 600\ntalk_ratio = 0.6\n"
        "interruptions.call = 1\ninterruption_min = 0.5\nnon_talk_time.call = 1\n"
        "silence_min = 10\nhold_max = 120\ntalk_speed.call = 170\nlongest_monologue = 10\n",
        &pd));
  }
  std::vector<MetricResult> Run(const std::vector<T>& turns, Channel ch = Channel::kChat) {
    conv_ = Conversation{};
    conv_.channel = ch;
    for (const auto& t : turns) {
      Turn turn;
      turn.role = t.role == 'a' ? Role::kAgent : Role::kCustomer;
      turn.text = t.text;
      if (t.start >= 0) turn.start = t.start;
      if (t.end >= 0) turn.end = t.end;
      conv_.turns.push_back(turn);
    }
    matches_.assign(conv_.turns.size(), {});
    for (size_t i = 0; i < conv_.turns.size(); ++i)
      matcher_->Match(conv_.turns[i].text, &matches_[i]);
    warnings_.clear();
    return ComputeMetrics(conv_, matches_, *pack_, profile_, &warnings_);
  }
  static const MetricResult& Get(const std::vector<MetricResult>& r, const std::string& id) {
    for (const auto& m : r) {
      if (m.id == id) return m;
    }
    static MetricResult none;
    ADD_FAILURE() << id;
    return none;
  }
  static double Field(const MetricResult& m, const std::string& k) {
    for (const auto& [n, v] : m.fields) {
      if (n == k) return v;
    }
    return NAN;
  }
  std::unique_ptr<rules::LanguagePack> pack_;
  std::unique_ptr<TurnMatcher> matcher_;
  MetricProfile profile_;
  Conversation conv_;
  std::vector<TextMatches> matches_;
  std::vector<std::string> warnings_;
};

TEST_F(MetricsTest, ChatResponseTimes) {
  // Customer writes twice before the agent answers: the wait counts from the first.
  auto r = Run({{'c', "hello", 0},
                {'c', "anyone?", 40},
                {'a', "hi, sorry for the wait", 100},
                {'c', "my order", 110},
                {'a', "let me check", 130},
                {'c', "ok", 135},
                {'a', "found it", 145}});
  const auto& frt = Get(r, "first_response_time");
  EXPECT_DOUBLE_EQ(*frt.value, 100);
  EXPECT_EQ(frt.status, Status::kMissed);
  EXPECT_EQ(frt.evidence, (std::vector<int>{1, 3}));
  const auto& rt = Get(r, "response_time");
  // waits: 100, 20, 10 -> median 20, max 100
  EXPECT_DOUBLE_EQ(*rt.value, 20);
  EXPECT_DOUBLE_EQ(Field(rt, "max"), 100);
  EXPECT_DOUBLE_EQ(Field(rt, "count"), 3);
  EXPECT_EQ(rt.status, Status::kMet);
  ASSERT_EQ(rt.per_turn.size(), 3u);
  EXPECT_EQ(rt.per_turn[0], (std::pair<int, double>{3, 100}));
  EXPECT_EQ(rt.evidence, (std::vector<int>{3}));  // over the 30 s threshold
  const auto& ht = Get(r, "handle_time");
  EXPECT_DOUBLE_EQ(*ht.value, 145);
  EXPECT_EQ(Get(r, "interruptions").status, Status::kNotApplicable);
  EXPECT_EQ(Get(r, "interruptions").note, "only for calls");
}

TEST_F(MetricsTest, CallOverlapSilenceHoldAndSpeed) {
  auto r = Run({{'a', "thank you for calling how can i help", 0, 3},
                {'c', "my internet keeps dropping every evening", 3.5, 8},
                {'a', "i see", 7, 8.5},  // starts 1 s before the customer ends
                {'c', "yes", 9, 9.4},
                {'a', "one moment please while i check the line for you", 9.6, 12.6},
                {'c', "ok", 140, 141},                                   // a 127.4 s hold
                {'a', "thanks for waiting it is fixed now", 153, 156}},  // a 12 s silence
               Channel::kCall);
  const auto& in = Get(r, "interruptions");
  EXPECT_DOUBLE_EQ(*in.value, 1);
  EXPECT_DOUBLE_EQ(Field(in, "total"), 1);
  EXPECT_EQ(in.evidence, (std::vector<int>{3}));
  EXPECT_EQ(in.status, Status::kMet);  // threshold 1
  const auto& nt = Get(r, "non_talk_time");
  EXPECT_DOUBLE_EQ(*nt.value, 2);
  EXPECT_NEAR(Field(nt, "total"), 127.4 + 12, 1e-9);
  EXPECT_DOUBLE_EQ(Field(nt, "holds"), 1);
  EXPECT_EQ(nt.evidence, (std::vector<int>{6}));
  EXPECT_EQ(nt.status, Status::kMissed);
  const auto& ts = Get(r, "talk_speed");
  // agent words 8 + 2 + 10 + 7 = 27 over 3 + 1.5 + 3 + 3 = 10.5 s
  EXPECT_NEAR(*ts.value, 27 / (10.5 / 60), 1e-9);
  const auto& tr = Get(r, "talk_ratio");
  // by seconds: agent 10.5, customer 4.5 + 0.4 + 1 = 5.9
  EXPECT_NEAR(*tr.value, 10.5 / 16.4, 1e-9);
  EXPECT_NEAR(Field(tr, "agent_seconds"), 10.5, 1e-9);
  EXPECT_DOUBLE_EQ(*Get(r, "first_response_time").value,
                   0);  // the agent spoke into the customer's turn
}

TEST_F(MetricsTest, MissingTimesAreNotApplicableNotZero) {
  auto r = Run({{'c', "hi"}, {'a', "hello there friend"}}, Channel::kCall);
  for (const char* id : {"first_response_time", "response_time", "handle_time", "interruptions",
                         "non_talk_time", "talk_speed"}) {
    EXPECT_FALSE(Get(r, id).value.has_value()) << id;
    EXPECT_EQ(Get(r, id).status, Status::kNotApplicable) << id;
    EXPECT_EQ(Get(r, id).note, "needs timestamps") << id;
  }
  EXPECT_DOUBLE_EQ(*Get(r, "talk_ratio").value, 3.0 / 4.0);  // words when there are no times
  EXPECT_DOUBLE_EQ(*Get(r, "longest_monologue").value, 3);
}

TEST_F(MetricsTest, AnAddressIsOneWord) {
  auto r = Run({{'c', "@acme help!!"}, {'a', "@dan see https://x.io/a/b?c=1 or mail help@x.io."}});
  EXPECT_DOUBLE_EQ(*Get(r, "longest_monologue").value, 6);  // @dan see URL or mail address
  EXPECT_DOUBLE_EQ(*Get(r, "talk_ratio").value, 6.0 / 8.0);
}

TEST_F(MetricsTest, StartsWithoutEndsInACall) {
  // 0 -> 5 s is the customer talking, not the agent taking 5 s to answer.
  auto r = Run({{'c', "hi", 0}, {'a', "hello", 5}}, Channel::kCall);
  for (const char* id : {"first_response_time", "response_time"}) {
    EXPECT_FALSE(Get(r, id).value.has_value()) << id;
    EXPECT_EQ(Get(r, id).status, Status::kNotApplicable) << id;
    EXPECT_EQ(Get(r, id).note, "needs end times (on calls, from the end of the customer's turn)");
  }
  EXPECT_EQ(Get(r, "interruptions").note, "needs start and end times");
  EXPECT_DOUBLE_EQ(*Get(r, "handle_time").value, 5);
  // A chat message's time is when it was sent: start times are enough.
  r = Run({{'c', "hi", 0}, {'a', "hello", 5}}, Channel::kChat);
  EXPECT_DOUBLE_EQ(*Get(r, "first_response_time").value, 5);
  EXPECT_DOUBLE_EQ(*Get(r, "response_time").value, 5);
}

TEST_F(MetricsTest, OutOfOrderTimestampsAreReportedNotCrashed) {
  auto r = Run({{'c', "hi", 10}, {'a', "hello", 5}, {'c', "?", 20}});
  EXPECT_EQ(Get(r, "handle_time").status, Status::kNotApplicable);
  EXPECT_EQ(Get(r, "handle_time").note, "timestamps go backwards at turn 2");
  ASSERT_EQ(warnings_.size(), 1u);
  EXPECT_NE(warnings_[0].find("turn 2"), std::string::npos);
}

TEST_F(MetricsTest, SingleTurnAndOneSpeaker) {
  auto r = Run({{'c', "hello?", 0}});
  EXPECT_EQ(Get(r, "first_response_time").note, "no agent reply after the customer's first turn");
  EXPECT_EQ(Get(r, "longest_monologue").note, "no agent turns");
  EXPECT_DOUBLE_EQ(*Get(r, "talk_ratio").value, 0);
  EXPECT_DOUBLE_EQ(*Get(r, "handle_time").value, 0);
  r = Run({{'a', "one two three four five six", 0}, {'a', "seven eight nine ten eleven", 30}});
  EXPECT_EQ(Get(r, "first_response_time").note, "no customer turn");
  EXPECT_DOUBLE_EQ(*Get(r, "longest_monologue").value, 11);
  EXPECT_EQ(Get(r, "longest_monologue").status, Status::kMissed);  // over 10 words
  EXPECT_EQ(Get(r, "longest_monologue").evidence, (std::vector<int>{1, 2}));
  EXPECT_DOUBLE_EQ(*Get(r, "talk_ratio").value, 1);
}

TEST_F(MetricsTest, DeEscalation) {
  // Angry at the start, thankful at the end.
  auto r = Run({{'c', "This is ridiculous. I am angry."},
                {'a', "sorry"},
                {'c', "ok"},
                {'a', "fixed"},
                {'c', "thanks"}});
  const auto& d = Get(r, "de_escalation");
  EXPECT_EQ(d.status, Status::kMet);
  EXPECT_DOUBLE_EQ(Field(d, "start"), 2);  // two hits in the first customer turn
  EXPECT_DOUBLE_EQ(Field(d, "end"), 0);
  EXPECT_DOUBLE_EQ(*d.value, -2);
  // Still angry at the end.
  r = Run({{'c', "angry"}, {'a', "hm"}, {'c', "ok"}, {'a', "no"}, {'c', "ridiculous"}});
  EXPECT_EQ(Get(r, "de_escalation").status, Status::kMissed);
  // Rising from calm.
  r = Run({{'c', "hi"}, {'a', "hm"}, {'c', "annoyed now"}, {'a', "no"}, {'c', "fine"}});
  EXPECT_EQ(Get(r, "de_escalation").status, Status::kMissed);
  // Never frustrated.
  r = Run({{'c', "hi"}, {'a', "hello"}});
  EXPECT_EQ(Get(r, "de_escalation").status, Status::kNotApplicable);
}

// Every note a metric gives has its words in every shipped pack, with the
// values its English note fills in, and every metric has a name there.
TEST_F(MetricsTest, EveryNoteHasWordsInEveryPack) {
  std::map<std::string, std::set<std::string>> notes;  // key -> value names
  auto collect = [&](const std::vector<MetricResult>& r) {
    for (const auto& m : r) {
      if (m.note_key.empty()) {
        EXPECT_EQ(m.note, "") << m.id << " has a note without a message";
        continue;
      }
      for (const auto& [name, value] : m.note_args) notes[m.note_key].insert("{" + name + "}");
      notes.try_emplace(m.note_key);
    }
  };
  collect(Run({{'c', "hi"}, {'a', "hello there friend"}}, Channel::kCall));
  collect(Run({{'c', "hi", 0}, {'a', "hello", 5}}, Channel::kCall));
  collect(Run({{'c', "hi", 10}, {'a', "hello", 5}, {'c', "?", 20}}));
  collect(Run({{'c', "hi", 10, 5}, {'a', "hello", 12, 13}}));
  collect(Run({{'c', "hello?", 0}}));
  collect(Run({{'a', "one two", 0}, {'a', "three", 30}}));
  collect(Run({{'c', "angry"}, {'a', "hm"}, {'c', "ok"}, {'a', "no"}, {'c', "ridiculous"}}));
  collect(Run({{'c', "hi"}, {'a', "hm"}, {'c', "annoyed now"}, {'a', "no"}, {'c', "fine"}}));
  collect(Run({{'c', "angry"}, {'a', "sorry"}, {'c', "thanks"}}));
  collect(Run({{'c', "hi"},
               {'a', "a"},
               {'c', "x"},
               {'a', "b"},
               {'c', "annoyed"},
               {'a', "c"},
               {'c', "fine"}}));
  collect(Run({{'c', "hi"}, {'a', "hello"}}));
  collect(Run({{'c', "hi", 0, 1}, {'a', "hello", 300, 301}, {'c', "?", 302, 303}}, Channel::kCall));
  for (const char* key : {"note_needs_timestamps", "note_needs_ends", "note_backwards",
                          "note_ends_before_start", "note_no_agent_turns", "note_still_frustrated",
                          "note_frustration_rose", "note_no_frustration", "note_only_calls"})
    EXPECT_TRUE(notes.count(key)) << key << " not produced";
  Diagnostics d;
  auto rules = RuleSet::Load({}, &d);
  ASSERT_NE(rules, nullptr);
  auto placeholders = [](const std::string& s) {
    std::set<std::string> out;
    for (size_t i = s.find('{'); i != std::string::npos; i = s.find('{', i + 1))
      out.insert(s.substr(i, s.find('}', i) - i + 1));
    return out;
  };
  for (const auto& code : rules->languages()) {
    const auto& messages = rules->pack(code)->messages;
    for (const auto& [key, names] : notes) {
      auto it = messages.find(key);
      ASSERT_NE(it, messages.end()) << code << " lacks message " << key;
      EXPECT_EQ(placeholders(it->second), names) << code << " " << key;
    }
    for (const auto& id : MetricProfile::Metrics())
      EXPECT_TRUE(messages.count("metric_" + id)) << code << " has no name for " << id;
  }
}

// The thresholds by metric index say what the lookup by id says, for every
// metric and channel, after the built-in file and after each override.
TEST(MetricProfile, ThresholdsByIndexFollowEveryChange) {
  auto same = [](const MetricProfile& p) {
    for (size_t i = 0; i < MetricProfile::Metrics().size(); ++i) {
      for (Channel ch : {Channel::kChat, Channel::kCall, Channel::kEmail}) {
        if (p.Threshold(i, ch) != p.Threshold(MetricProfile::Metrics()[i], ch)) return false;
      }
    }
    return !p.Threshold(MetricProfile::Metrics().size(), Channel::kChat).has_value();
  };
  MetricProfile empty;
  EXPECT_TRUE(same(empty));
  MetricProfile p = BuiltinMetricProfile();
  EXPECT_TRUE(same(p));
  std::string err;
  for (const char* o : {"first_response_time.chat=90", "handle_time=100", "interruptions.call=3",
                        "silence_min=4"}) {
    ASSERT_TRUE(p.Override(o, &err)) << err;
    EXPECT_TRUE(same(p)) << o;
  }
  EXPECT_EQ(p.Threshold(size_t{0}, Channel::kChat), 90);  // first_response_time
}

TEST(MetricProfile, BuiltinParsesAndOverrides) {
  MetricProfile p = BuiltinMetricProfile();
  EXPECT_EQ(p.Threshold("first_response_time", Channel::kChat), 60);
  EXPECT_EQ(p.Threshold("first_response_time", Channel::kCall), 20);
  EXPECT_FALSE(p.Threshold("interruptions", Channel::kChat).has_value());
  std::string err;
  EXPECT_TRUE(p.Override("first_response_time.chat=90", &err));
  EXPECT_EQ(p.Threshold("first_response_time", Channel::kChat), 90);
  EXPECT_EQ(p.Threshold("first_response_time", Channel::kCall), 20);
  EXPECT_TRUE(p.Override("handle_time=100", &err));
  EXPECT_EQ(p.Threshold("handle_time", Channel::kCall), 100);
  EXPECT_EQ(p.Threshold("handle_time", Channel::kEmail), 100);
  // Looked up without building a key: a prefix or an unknown or very long id
  // is no metric.
  EXPECT_FALSE(p.Threshold("handle_tim", Channel::kCall).has_value());
  EXPECT_FALSE(p.Threshold("", Channel::kCall).has_value());
  EXPECT_FALSE(p.Threshold(std::string(100, 'h'), Channel::kCall).has_value());
  EXPECT_FALSE(p.Override("first_respons_time=1", &err));
  EXPECT_NE(err.find("did you mean 'first_response_time'"), std::string::npos);
  EXPECT_FALSE(p.Override("handle_time.sms=1", &err));
  EXPECT_FALSE(p.Override("handle_time=-1", &err));
  EXPECT_FALSE(p.Override("handle_time", &err));
  Diagnostics d;
  EXPECT_FALSE(p.Parse("f.conf", "# ok\nhandle_time = 1\nbogus = 2\n", &d));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].Format().substr(0, 33), "f.conf:3:1: error: unknown metric");
}

}  // namespace
}  // namespace tact::eval
