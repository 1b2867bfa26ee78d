#include "run/vocabulary.h"

#include <set>
#include <string>

#include "common/strings.h"
#include "rules/pack.h"

namespace tact::run {
namespace {

// The union of the packs' words, each once, in a fixed order (a word two
// packs share, such as "kr", counts once).
class Collector {
 public:
  void Add(const rules::PackVocabulary& v) {
    for (const auto& w : v.agent_words) roles_.agent_words.insert(w);
    for (const auto& w : v.customer_words) roles_.customer_words.insert(w);
    phrases_.insert(v.agent_phrases.begin(), v.agent_phrases.end());
    openings_.insert(v.help_openings.begin(), v.help_openings.end());
    cues_.insert(v.pii_cues.begin(), v.pii_cues.end());
  }
  void AddPacks(const RuleSet& rules) {
    for (const auto& code : rules.languages()) {
      if (const rules::LanguagePack* p = rules.settings(code)) Add(p->vocabulary);
    }
  }
  Vocabulary Finish() {
    Vocabulary v;
    v.roles = std::move(roles_);
    // Compiled packs keep a phrase as a label's words joined by one space.
    for (const auto& p : phrases_) v.roles.agent_phrases.push_back(Split(p, ' '));
    v.roles.help_openings.assign(openings_.begin(), openings_.end());
    v.pii.assign(cues_.begin(), cues_.end());
    return v;
  }

 private:
  input::RoleVocabulary roles_;
  std::set<std::string> phrases_, openings_;
  std::set<text::PiiCue> cues_;  // ordered by kind, word, flags
};

const RuleSet* BuiltinRules() {
  static const RuleSet* rules = [] {
    Diagnostics ignored;  // the built-in packs load: CTest runs 'tact rules test'
    RuleSetOptions options;
    options.examples = false;  // only the packs' settings are read
    return RuleSet::Load(options, &ignored).release();
  }();
  return rules;
}

}  // namespace

Vocabulary CollectVocabulary(const RuleSet& rules) {
  Collector c;
  // The built-in packs' words, unless `rules` are those packs (no second load).
  if (!rules.builtin_only()) {
    if (const RuleSet* builtin = BuiltinRules(); builtin != nullptr && builtin != &rules)
      c.AddPacks(*builtin);
  }
  c.AddPacks(rules);
  return c.Finish();
}

const Vocabulary& BuiltinVocabulary() {
  static const Vocabulary* v = [] {
    Collector c;
    if (const RuleSet* builtin = BuiltinRules()) c.AddPacks(*builtin);
    return new Vocabulary(c.Finish());
  }();
  return *v;
}

}  // namespace tact::run
