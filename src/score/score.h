// A conversation's 0-100 score under a scorecard, with its breakdown.
//
//   base  = 100 * sum(weight of scored expected items met)
//               / sum(weight of scored expected items that applied)
//           (metrics listed in the scorecard count like expected items);
//           100 when none applied
//   score = base - sum(penalty of each violated avoid item), within 0..100
//   a violated critical item fails the conversation: score 0.
// Items that did not apply (not_applicable: no trigger, no agent turn) count
// neither way. With no agent turn at all the score is -1 (nothing to score).
// The behaviours are all of the pack's, before --only/--skip, so what a
// report shows never changes the score.
#ifndef TACT_SCORE_SCORE_H_
#define TACT_SCORE_SCORE_H_

#include <vector>

#include "score/scorecard.h"
#include "tact/result.h"

namespace tact::score {

// Returns the score (-1 when nothing was scored) and fills *breakdown.
double ComputeScore(const Scorecard& card, Channel channel,
                    const std::vector<BehaviourResult>& behaviours,
                    const std::vector<MetricResult>& metrics, ScoreBreakdown* breakdown);

}  // namespace tact::score

#endif  // TACT_SCORE_SCORE_H_
