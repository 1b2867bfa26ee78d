// One conversation's turns by speaker, and their normalized texts, found once
// for all the behaviours judged on it instead of once per behaviour.
//
// A behaviour's scope (evaluator.h) is its speaker's turns, cut to the first
// or last N, or on timed calls to those within a time window: the first two
// are a slice of the speaker's list, so no list is built per behaviour.
#ifndef TACT_EVAL_TURN_SCOPES_H_
#define TACT_EVAL_TURN_SCOPES_H_

#include <span>
#include <string>
#include <vector>

#include "rules/pack.h"
#include "tact/conversation.h"

namespace tact::eval {

class TurnScopes {
 public:
  // Starts over on `c` (which must outlive the use), keeping the buffers.
  void Reset(const Conversation& c);
  // Indices of the turns in b's speaker and position (or, for timed calls,
  // time) scope, in order; valid until the next Of() or Reset().
  std::span<const size_t> Of(const rules::BehaviourDecl& b);
  // Whether the speaker has any turn.
  bool Any(rules::SpeakerScope speaker) const { return !Speaker(speaker).empty(); }
  // text::Normalize(turn t's text), made on first use.
  const std::string& Normalized(size_t t);

 private:
  const std::vector<size_t>& Speaker(rules::SpeakerScope s) const;
  void TimeWindow(const rules::BehaviourDecl& b);

  const Conversation* c_ = nullptr;
  bool timed_ = false;  // a call whose every turn has a start time
  std::vector<size_t> agent_, customer_, all_, window_;
  std::vector<std::string> normalized_;
  std::vector<char> have_normalized_;
};

}  // namespace tact::eval

#endif  // TACT_EVAL_TURN_SCOPES_H_
