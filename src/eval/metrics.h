// Conversation metrics: response times, handle time, talk ratio,
// interruptions, silences, talk speed, monologues and de-escalation.
//
// Metrics that need timestamps are not_applicable when the conversation has
// none (never zero, never guessed), and so are the call-only metrics
// (interruptions, non_talk_time, talk_speed) on chats; the note says why.
// Each metric with a threshold in the profile is met or missed against it.
// de_escalation compares frustration hits per customer turn in the first and
// last thirds of the customer's turns: met when it falls or gratitude appears
// at the end, missed when it stays, rises, or the last customer turn is still
// frustrated; not_applicable without any frustration.
#ifndef TACT_EVAL_METRICS_H_
#define TACT_EVAL_METRICS_H_

#include <string>
#include <vector>

#include "eval/metric_profile.h"
#include "eval/turn_matcher.h"
#include "rules/pack.h"
#include "tact/conversation.h"
#include "tact/result.h"

namespace tact::eval {

// The metric ids, in report order (the table in metrics.cc).
const std::vector<std::string>& MetricIds();
// The profile parameters the metrics read ("interruption_min", ...).
const std::vector<std::string>& MetricParameters();

// Every metric of MetricIds(), in that order. `turns[i]` are the matches of c.turns[i] (for word
// counts and the customer signals). Problems with the timestamps are appended to *warnings.
std::vector<MetricResult> ComputeMetrics(const Conversation& c,
                                         const std::vector<TextMatches>& turns,
                                         const rules::LanguagePack& pack,
                                         const MetricProfile& profile,
                                         std::vector<std::string>* warnings);
// The same metrics in *out, whatever it held: its elements and their lists are reused.
void ComputeMetrics(const Conversation& c, const std::vector<TextMatches>& turns,
                    const rules::LanguagePack& pack, const MetricProfile& profile,
                    std::vector<std::string>* warnings, std::vector<MetricResult>* out);

}  // namespace tact::eval

#endif  // TACT_EVAL_METRICS_H_
