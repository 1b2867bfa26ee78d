// One conversation's turns by speaker, their normalized texts and its
// matches by behaviour, found once for all the behaviours judged on it
// instead of once per behaviour.
//
// A behaviour's scope (evaluator.h) is its speaker's turns, cut to the first
// or last N, or on timed calls to those within a time window: the first two
// are a slice of the speaker's list, so no list is built per behaviour.
#ifndef TACT_EVAL_TURN_SCOPES_H_
#define TACT_EVAL_TURN_SCOPES_H_

#include <span>
#include <string>
#include <vector>

#include "eval/turn_matcher.h"
#include "rules/pack.h"
#include "tact/conversation.h"

namespace tact::eval {

class TurnScopes {
 public:
  struct TurnMatch {
    size_t turn;
    const RuleMatch* match;
  };
  // Starts over on `c` (which must outlive the use), keeping the buffers.
  void Reset(const Conversation& c);
  // Indices of the turns in b's speaker and position (or, for timed calls,
  // time) scope, in order; valid until the next Of() or Reset().
  std::span<const size_t> Of(const rules::BehaviourDecl& b);
  // Whether the speaker has any turn.
  bool Any(rules::SpeakerScope speaker) const { return !Speaker(speaker).empty(); }
  // text::Normalize(turn t's text), made on first use.
  const std::string& Normalized(size_t t);
  // Indexes the matches of the conversation's turns (turns[i] for turn i;
  // `turns` may be longer) that were not vetoed, by behaviour (< behaviours).
  void IndexMatches(const std::vector<TextMatches>& turns, size_t behaviours);
  // A behaviour's matches, in turn order and each turn's match order; valid
  // until the next IndexMatches() or Reset().
  std::span<const TurnMatch> Matches(uint32_t behaviour) const {
    if (behaviour + 1 >= offsets_.size()) return {};
    return std::span<const TurnMatch>(matches_).subspan(
        offsets_[behaviour], offsets_[behaviour + 1] - offsets_[behaviour]);
  }

 private:
  const std::vector<size_t>& Speaker(rules::SpeakerScope s) const;
  void TimeWindow(const rules::BehaviourDecl& b);

  const Conversation* c_ = nullptr;
  bool timed_ = false;  // a call whose every turn has a start time
  std::vector<size_t> agent_, customer_, all_, window_;
  std::vector<std::string> normalized_;
  std::vector<char> have_normalized_;
  std::vector<TurnMatch> matches_;  // by behaviour: offsets_[b] .. offsets_[b + 1]
  std::vector<uint32_t> offsets_;
};

}  // namespace tact::eval

#endif  // TACT_EVAL_TURN_SCOPES_H_
