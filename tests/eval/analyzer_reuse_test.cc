// Analyzer::Analyze into a kept result (as a check does for every
// conversation) must give exactly what a fresh result gets, whatever the
// result held before: every field is compared, printed or not.
#include <gtest/gtest.h>

#include <sstream>

#include "input/reader.h"
#include "run/vocabulary.h"
#include "tact/analyzer.h"
#include "test_util.h"

namespace tact {
namespace {

const RuleSet& Rules() { return testing::BuiltinRules(); }

void Dump(const Evidence& e, std::ostream& o) {
  o << " ev " << e.turn << ' ' << RoleName(e.role) << ' ' << e.speaker << ' '
    << (e.time ? *e.time : -1.5) << " [" << e.text << "] " << e.span_begin << '-' << e.span_end
    << ' ' << e.rule << '\n';
}

template <class Pairs>
void DumpPairs(const char* name, const Pairs& ps, std::ostream& o) {
  o << ' ' << name;
  for (const auto& [k, v] : ps) o << " (" << k << '=' << v << ')';
  o << '\n';
}

void Dump(const BehaviourResult& b, std::ostream& o) {
  o << "b " << b.id << ' ' << KindName(b.kind) << ' ' << StatusName(b.status) << " [" << b.title
    << "][" << b.title_en << "][" << b.tip << "][" << b.tip_en << "] " << LevelName(b.level) << ' '
    << b.weight << ' ' << b.trigger << ' ' << b.trigger_window << '\n';
  for (const auto& ep : b.episodes)
    o << " ep " << ep.turn << ' ' << ep.answered << ' ' << ep.answer_turn << '\n';
  for (const auto& e : b.evidence) Dump(e, o);
  o << " note [" << b.note << "][" << b.note_key << "][" << b.explain << "]\n";
  DumpPairs("args", b.note_args, o);
}

void Dump(const MetricResult& m, std::ostream& o) {
  o << "m " << m.id << ' ' << (m.value ? *m.value : -1.5) << ' ' << m.unit << ' '
    << (m.threshold ? *m.threshold : -1.5) << ' ' << static_cast<int>(m.direction) << ' '
    << StatusName(m.status) << " [" << m.note << "][" << m.note_key << "][" << m.title << "]["
    << m.explain << "]\n";
  for (int t : m.evidence) o << ' ' << t;
  DumpPairs("fields", m.fields, o);
  DumpPairs("per_turn", m.per_turn, o);
  DumpPairs("args", m.note_args, o);
}

void Dump(const ScoreBreakdown& s, std::ostream& o) {
  o << "score " << s.scorecard << ' ' << s.met << '/' << s.applicable << ' ' << s.met_weight << '/'
    << s.applicable_weight << ' ' << s.base << ' ' << s.scored << '\n';
  DumpPairs("penalties", s.penalties, o);
  for (const auto& c : s.critical) o << " critical " << c << '\n';
  DumpPairs("missed", s.missed, o);
  DumpPairs("titles", s.titles, o);
}

// Every field of the result, one per line or so.
std::string Dump(const ConversationResult& r) {
  std::ostringstream o;
  o << r.id << ' ' << r.source << ' ' << r.input_format << ' ' << r.language << ' '
    << r.language_confidence << ' ' << r.language_method << ' ' << r.customer_language << ' '
    << r.detected_language << ' ' << r.detected_confidence << ' ' << ChannelName(r.channel) << ' '
    << r.agent << ' ' << r.turn_count << ' ' << r.score << '\n';
  for (const auto& s : r.speakers)
    o << "speaker " << s.name << ' ' << RoleName(s.role) << ' ' << RoleSourceName(s.source) << '\n';
  Dump(r.score_breakdown, o);
  for (const auto& f : r.focus) {
    o << "focus " << f.id << " [" << f.title << "][" << f.explain << "] " << f.points << ' '
      << f.critical << " [" << f.cost << "]\n";
    if (f.evidence) Dump(*f.evidence, o);
  }
  o << "heading " << r.focus_heading << '\n';
  for (const auto& b : r.behaviours) Dump(b, o);
  for (const auto& m : r.metrics) Dump(m, o);
  for (const auto& w : r.warnings) o << "warning " << w << '\n';
  o << "line " << r.line << " agent_turns " << r.agent_turns << '\n';
  for (int l : r.turn_lines) o << ' ' << l;
  DumpPairs("metadata", r.metadata, o);
  return o.str();
}

// The examples (calls and chats, poor and strong, four languages), a
// conversation in a language no pack has and one without turns.
std::vector<Conversation> Conversations() {
  std::vector<Conversation> out;
  input::ReadOptions o;
  o.roles.vocabulary = run::BuiltinVocabulary().roles;
  for (const char* name : {"en_poor_call.txt", "en_strong_chat.txt", "es_poor_call.txt",
                           "ru_strong_chat.txt", "sv_poor_call.txt"}) {
    input::ReadInput(
        std::string(TACT_SOURCE_DIR) + "/examples/" + name, o,
        [&](Conversation&& c) { out.push_back(std::move(c)); }, [](const Diagnostic&) {});
  }
  Conversation ja;
  ja.id = "ja";
  ja.turns.push_back({});
  ja.turns.back().role = Role::kCustomer;
  ja.turns.back().text = "注文した商品がまだ届いていません。確認していただけますか。";
  out.push_back(ja);
  Conversation empty;
  empty.id = "empty";
  out.push_back(empty);
  return out;
}

void ExpectReuseMatchesFresh(const AnalyzeOptions& options) {
  const std::vector<Conversation> convs = Conversations();
  ASSERT_GE(convs.size(), 7u);
  Analyzer fresh(Rules(), options), reusing(Rules(), options);
  ConversationResult kept;
  // Every conversation after every other one (and after itself).
  for (const auto& before : convs) {
    for (const auto& c : convs) {
      reusing.Analyze(before, &kept);
      reusing.Analyze(c, &kept);
      EXPECT_EQ(Dump(kept), Dump(fresh.Analyze(c))) << before.id << " then " << c.id;
    }
  }
}

TEST(AnalyzerReuse, AKeptResultEndsAsAFreshOne) { ExpectReuseMatchesFresh({}); }

TEST(AnalyzerReuse, AKeptResultEndsAsAFreshOneWithOnlyAndTipsLanguage) {
  AnalyzeOptions o;
  o.only = {"greeting", "empathy", "customer_frustration", "blame", "open_issue"};
  o.tips_language = "es";
  ExpectReuseMatchesFresh(o);
}

TEST(AnalyzerReuse, TheExamplesHaveWhatTheComparisonNeeds) {
  // Evidence, episodes, focus items with evidence and timed metrics: else
  // the comparison above would prove little.
  Analyzer a(Rules(), {});
  size_t evidence = 0, episodes = 0, focus = 0, values = 0;
  for (const auto& c : Conversations()) {
    ConversationResult r = a.Analyze(c);
    for (const auto& b : r.behaviours) {
      evidence += b.evidence.size();
      episodes += b.episodes.size();
    }
    for (const auto& f : r.focus) focus += f.evidence ? 1 : 0;
    for (const auto& m : r.metrics) values += m.value ? 1 : 0;
  }
  EXPECT_GT(evidence, 10u);
  EXPECT_GT(episodes, 0u);
  EXPECT_GT(focus, 0u);
  EXPECT_GT(values, 5u);
}

}  // namespace
}  // namespace tact
