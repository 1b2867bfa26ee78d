// Turns per-turn matches into behaviour statuses with evidence.
//
// For each behaviour of a pack: the turns in its scope (speaker, then first or
// last N turns of that speaker) that have a surviving match are its evidence.
// avoid -> violated/clean, signal -> present/absent, expected -> met/missed;
// an expected behaviour with 'after SIGNAL within N' must answer every episode
// of that signal within the speaker's next N turns (see docs/rules.md), and
// without any episode falls back to 'otherwise'. Behaviours whose speaker has
// no turns at all are not_applicable, and so are expected behaviours whose
// applicability conditions (channel, min-turns, applies-if, applies-unless)
// do not hold, with the reason in the note.
#ifndef TACT_EVAL_EVALUATOR_H_
#define TACT_EVAL_EVALUATOR_H_

#include <vector>

#include "eval/behaviour_table.h"
#include "eval/turn_matcher.h"
#include "rules/pack.h"
#include "tact/conversation.h"
#include "tact/result.h"

namespace tact::eval {

struct EvaluateOptions {
  std::string tips_language;  // "" = the pack's language
  std::vector<std::string> only;
  std::vector<std::string> skip;
  // The pack's texts for `tips_language`, resolved once (the caller keeps it
  // for every conversation); when null, or made for another pack or tips
  // language, Evaluate resolves them for this call.
  const BehaviourTable* table = nullptr;
};

// `turns[i]` are the matches of conversation.turns[i].
std::vector<BehaviourResult> Evaluate(const rules::LanguagePack& pack,
                                      const Conversation& conversation,
                                      const std::vector<TextMatches>& turns,
                                      const EvaluateOptions& options);
// The same results in *out, whatever it held: its elements, their strings
// and evidence lists are reused (Analyzer::Analyze into a kept result).
void Evaluate(const rules::LanguagePack& pack, const Conversation& conversation,
              const std::vector<TextMatches>& turns, const EvaluateOptions& options,
              std::vector<BehaviourResult>* out);

// "rules/en/empathy.rules#name" for a named match line, else "rules/en/empathy.rules:14"
std::string RuleLocation(const rules::BehaviourDecl& b, uint32_t rule);

}  // namespace tact::eval

#endif  // TACT_EVAL_EVALUATOR_H_
