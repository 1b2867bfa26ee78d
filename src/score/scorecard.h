// A scorecard: which behaviours and metrics make a conversation's 0-100
// score, with what weight, which violations cost how many points, and which
// are critical (a critical violation fails the conversation, as QA
// scorecards auto-fail). Plain text, in the family of the rule files:
//
//   scorecard billing
//     title    Billing queue
//     penalty  error 10 warning 5 info 2     # points off per violation, by severity
//     expect   empathy weight 2               # weight: default the rule file's
//     expect   satisfaction_check channel chat email
//     avoid    blame critical                 # penalty: default by severity
//     avoid    jargon penalty 3
//     metric   first_response_time weight 1   # metrics count only where listed
//     threshold first_response_time.email = 14400
//     expect   *                              # every other expected behaviour
//     avoid    *                              # every other avoid behaviour
//
// Behaviours and metrics not listed (by id or by '*') are reported but not
// scored. An item listed for some channels only is scored on those. The
// built-in default is rules/default.scorecard (docs/scorecards.md).
#ifndef TACT_SCORE_SCORECARD_H_
#define TACT_SCORE_SCORECARD_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tact/conversation.h"
#include "tact/diagnostic.h"
#include "tact/result.h"

namespace tact::score {

struct ScorecardItem {
  enum class Type { kExpect, kAvoid, kMetric } type = Type::kExpect;
  std::string id;
  std::optional<double> weight;   // expect/metric; unset: the rule file's weight (metrics: 1)
  std::optional<double> penalty;  // avoid; unset: by severity
  bool critical = false;          // avoid
  std::vector<Channel> channels;  // empty: every channel
  std::string file;
  int line = 0;

  bool AppliesTo(Channel c) const;
};

struct Scorecard {
  std::string name = "default";
  std::string title;
  std::string file;  // where it was read ("rules/default.scorecard" for the built-in one)
  std::map<Level, double> penalties = {
      {Level::kError, 10}, {Level::kWarning, 5}, {Level::kInfo, 2}};
  std::vector<ScorecardItem> items;
  // Metric thresholds it sets, "metric.channel=value" as --threshold takes them.
  std::vector<std::string> thresholds;

  const ScorecardItem* Find(std::string_view id) const;
};

// Parses one scorecard file. Errors are located (file:line:col) and make it
// return false. Ids are not checked here (see CheckScorecardIds).
bool ParseScorecard(const std::string& file, std::string_view text, Scorecard* out,
                    Diagnostics* diags);

// Checks every item against the known behaviours (id -> kind) and metrics:
// unknown ids get a did-you-mean, `expect` must name an expected behaviour,
// `avoid` an avoid behaviour, `metric` a metric.
bool CheckScorecardIds(const Scorecard& card, const std::map<std::string, BehaviourKind>& behaviours,
                       const std::vector<std::string>& metrics, Diagnostics* diags);

// The built-in scorecard (rules/default.scorecard, compiled in).
Scorecard BuiltinScorecard();

}  // namespace tact::score

#endif  // TACT_SCORE_SCORECARD_H_
