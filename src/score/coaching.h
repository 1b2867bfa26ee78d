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

// A pack's coaching words looked up once instead of per conversation: the
// messages Coach() fills in and the metrics' titles ("metric_ID"). Points
// into `messages`, which must outlive it.
class CoachingWords {
 public:
  explicit CoachingWords(const Messages& messages);
  const Messages& messages() const { return *messages_; }
  // The message `key` when the pack has it, else null.
  const std::string* Get(std::string_view key) const;
  // The title of metric `id` ("metric_" + id), or null.
  const std::string* MetricTitle(std::string_view id) const;
  // Whether the pack has every message of a judged behaviour's coaching.
  bool complete() const { return complete_; }
  const std::string *unanswered = nullptr, *not_shown = nullptr, *not_shown_one = nullptr,
                    *turn = nullptr, *focus = nullptr, *critical = nullptr, *points = nullptr;

 private:
  const Messages* messages_;
  std::vector<std::pair<std::string_view, const std::string*>> metric_titles_;
  bool complete_ = false;
};

// Call after ComputeScore() (it reads r->score_breakdown) and before
// --only/--skip remove behaviours (a trigger's evidence may be hidden later).
void Coach(const CoachingWords& words, ConversationResult* r, size_t focus_items = 3);
// As above, the words looked up for this call.
void Coach(const Messages& messages, ConversationResult* r, size_t focus_items = 3);

}  // namespace tact::score

#endif  // TACT_SCORE_COACHING_H_
