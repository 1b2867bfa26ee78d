// What a pack's behaviours say in every result, resolved once per (pack,
// tips language) instead of per conversation: each behaviour's title and tip
// in the tips language and in English (with the same fallbacks as always:
// the pack's own text, then English, then the id), the location of each of
// its match lines ("rules/en/empathy.rules:14" or "...#name"), and the order
// results list the behaviours in (expected, avoid, signals; each in pack
// order).
//
// Immutable once built; it points into the pack, which must outlive it.
#ifndef TACT_EVAL_BEHAVIOUR_TABLE_H_
#define TACT_EVAL_BEHAVIOUR_TABLE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "rules/pack.h"

namespace tact::eval {

class BehaviourTable {
 public:
  struct Texts {
    std::string title, title_en, tip, tip_en;
    std::vector<std::string> rules;  // by match line
    std::string decl;                // the behaviour's own line, for other rule indices
  };

  // `tips_language`: "" = the pack's language.
  BehaviourTable(const rules::LanguagePack& pack, const std::string& tips_language);

  const rules::LanguagePack& pack() const { return *pack_; }
  const std::string& tips_language() const { return tips_language_; }
  const Texts& texts(uint32_t behaviour) const { return texts_[behaviour]; }
  // RuleLocation(pack.behaviours[behaviour], rule), without building it.
  const std::string& Rule(uint32_t behaviour, uint32_t rule) const {
    const Texts& t = texts_[behaviour];
    return rule < t.rules.size() ? t.rules[rule] : t.decl;
  }
  // Behaviour indices in result order.
  const std::vector<uint32_t>& order() const { return order_; }

 private:
  const rules::LanguagePack* pack_;
  std::string tips_language_;
  std::vector<Texts> texts_;
  std::vector<uint32_t> order_;
};

}  // namespace tact::eval

#endif  // TACT_EVAL_BEHAVIOUR_TABLE_H_
