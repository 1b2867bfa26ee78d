// Coaching text: a judged conversation in words for the agent, in the pack's
// language. The words are data (`message KEY TEXT` lines in each pack's
// pack.rules, see docs/rules.md); a pack without them gets no coaching text
// and reports fall back to the evaluator's notes.
//
//   Coach() fills BehaviourResult::explain for every missed, violated or
//   not applicable behaviour ("Customer frustration in turn 4 got no answer in your next 2
//   turns", "not shown in any of your 5 turns", "turn 7") and picks the focus
//   items: the behaviours that cost the score most, a critical violation
//   first, each with the turn to look at.
#ifndef TACT_SCORE_COACHING_H_
#define TACT_SCORE_COACHING_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "rules/pack.h"
#include "tact/result.h"

namespace tact::score {

using Messages = rules::MessageMap;

// `text` with every "{name}" of `values` replaced; other braces stay.
std::string FillMessage(std::string_view text,
                        const std::vector<std::pair<std::string, std::string>>& values);

// Puts the notes of behaviours that do not apply and of metrics in words
// (BehaviourResult/MetricResult::explain, from the "na_*" and "note_*"
// messages) and names each metric ("metric_ID"); a note without its message
// keeps only the English `note`. Coach() calls it.
void ExplainNotes(const Messages& messages, ConversationResult* r);

// Call after ComputeScore() (it reads r->score_breakdown) and before
// --only/--skip remove behaviours (a trigger's evidence may be hidden later).
void Coach(const Messages& messages, ConversationResult* r, size_t focus_items = 3);

}  // namespace tact::score

#endif  // TACT_SCORE_COACHING_H_
