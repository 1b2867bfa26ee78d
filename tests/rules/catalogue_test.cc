// The built-in packs define one catalogue: the same behaviours with the same
// kind, speaker, scope, trigger, applicability, weight and severity in every
// language, and the shared lexicons (docs/rules.md, "The catalogue in every
// pack"). Only patterns, examples, titles and tips differ.
#include <gtest/gtest.h>

#include <set>

#include "rules/pack.h"
#include "tact/rule_set.h"

namespace tact::rules {
namespace {

std::string Scope(const BehaviourDecl& b) {
  std::string s =
      std::string(KindName(*b.kind)) + " speaker=" + std::to_string(static_cast<int>(b.speaker)) +
      " position=" + std::to_string(static_cast<int>(b.position)) + ":" +
      std::to_string(b.position_n) + " time=" + std::to_string(static_cast<int>(b.time_window)) +
      ":" + std::to_string(b.time_seconds) + " after=" + b.trigger + ":" +
      std::to_string(b.trigger_window) +
      " otherwise=" + std::to_string(static_cast<int>(b.otherwise)) +
      " weight=" + std::to_string(b.weight) + " level=" + std::string(LevelName(b.level)) +
      " min-turns=" + std::to_string(b.min_turns) + " first-use=" + std::to_string(b.first_use) +
      " if=";
  for (const auto& x : std::set<std::string>(b.applies_if.begin(), b.applies_if.end()))
    s += x + ",";
  s += " unless=";
  for (const auto& x : std::set<std::string>(b.applies_unless.begin(), b.applies_unless.end()))
    s += x + ",";
  s += " channels=";
  for (Channel c : b.channels) s += std::string(ChannelName(c)) + ",";
  return s;
}

TEST(Catalogue, EveryPackJudgesTheSameBehavioursTheSameWay) {
  Diagnostics d;
  auto rules = RuleSet::Load({}, &d);
  ASSERT_NE(rules, nullptr);
  const LanguagePack& en = *rules->pack("en");
  for (const auto& code : rules->languages()) {
    const LanguagePack& p = *rules->pack(code);
    std::set<std::string> ids, want;
    for (const auto& b : p.behaviours) ids.insert(b.id);
    for (const auto& b : en.behaviours) want.insert(b.id);
    EXPECT_EQ(ids, want) << code;
    for (const auto& b : en.behaviours) {
      const BehaviourDecl* other = p.Find(b.id);
      if (other == nullptr) continue;
      EXPECT_EQ(Scope(*other), Scope(b)) << code << " " << b.id;
      if (*b.kind != BehaviourKind::kSignal) {  // a tip coaches the agent: signals have none
        EXPECT_FALSE(other->tips.count("") == 0 && other->tips.count("en") == 0)
            << code << " " << b.id;
      }
    }
  }
}

TEST(Catalogue, EveryPackDefinesTheSharedLexicons) {
  Diagnostics d;
  auto rules = RuleSet::Load({}, &d);
  ASSERT_NE(rules, nullptr);
  for (const auto& code : rules->languages()) {
    const LanguagePack& p = *rules->pack(code);
    std::set<std::string> names;
    for (const auto& l : p.lexicons) names.insert(l.name);
    for (const char* want : {"weekday", "month", "date", "clock_time", "duration", "when",
                             "first_person_action", "open_question_opener", "yes_no_opener"}) {
      EXPECT_TRUE(names.count(want)) << code << " lacks @" << want;
    }
  }
}

// The coaching words exist in every language, with the same placeholders.
TEST(Catalogue, EveryPackHasTheCoachingMessages) {
  Diagnostics d;
  auto rules = RuleSet::Load({}, &d);
  ASSERT_NE(rules, nullptr);
  const LanguagePack& en = *rules->pack("en");
  for (const char* key : {"focus", "unanswered", "not_shown", "not_shown_one", "turn", "critical",
                          "points", "or", "channel_chat", "channel_call", "channel_email",
                          "na_only_with", "na_not_with", "na_no_trigger", "na_min_agent_turns",
                          "na_min_customer_turns", "na_no_turns", "na_channel"})
    EXPECT_TRUE(en.messages.count(key)) << key;
  auto placeholders = [](const std::string& s) {
    std::set<std::string> out;
    for (size_t i = s.find('{'); i != std::string::npos; i = s.find('{', i + 1))
      out.insert(s.substr(i, s.find('}', i) - i + 1));
    return out;
  };
  for (const auto& code : rules->languages()) {
    const LanguagePack& p = *rules->pack(code);
    for (const auto& [key, text] : en.messages) {
      auto it = p.messages.find(key);
      ASSERT_NE(it, p.messages.end()) << code << " lacks message " << key;
      EXPECT_EQ(placeholders(it->second), placeholders(text)) << code << " " << key;
    }
    EXPECT_EQ(p.messages.size(), en.messages.size()) << code;
  }
}

}  // namespace
}  // namespace tact::rules
