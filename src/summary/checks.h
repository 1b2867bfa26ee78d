// --fail-on thresholds for CI: expressions over a whole run.
//
//   STATUS[:ID] OP N          count of behaviour results with that status
//                             (met, missed, not_applicable, clean, violated,
//                             present, absent), optionally for one behaviour;
//                             without an ID, avoid behaviours below
//                             --min-level are not counted
//   rate:ID OP X              share of conversations where ID was met
//                             (expected) or clean (avoid) among those where it
//                             applied, 0..1
//   score OP X                mean score of the conversations that have one
//   min_score OP X            lowest score
//   metric:ID.STAT OP X       a metric's median, p90, max, min or mean
// OP is one of > >= < <= == !=. A check fails when its comparison is true
// ("violated>0" fails as soon as one violation is seen). Checks are evaluated
// on the batch summary, so they hold for merged shards too.
// A check whose measure does not exist is n/a, never 0: a rate over a
// behaviour that applied in no conversation ("never applied"), score and
// min_score without a scored conversation, a metric without a value. An n/a
// check does not fail (0 would fail 'rate:X<0.8' for a behaviour nobody could
// have shown); reports and stderr say it was not measured.
#ifndef TACT_SUMMARY_CHECKS_H_
#define TACT_SUMMARY_CHECKS_H_

#include <string>
#include <vector>

#include "summary/summary.h"
#include "tact/result.h"

namespace tact::summary {

struct CheckOutcome {
  std::string expression;
  double value = 0;
  bool failed = false;
  // Why the gate could not be measured ("never applied": a rate over a
  // behaviour that applied nowhere), "" when it was. Such a gate neither
  // passes nor fails: reports show it as n/a and it never fails the run.
  std::string na;
};

struct Check {
  std::string expression;
  enum class What { kCount, kRate, kScore, kMinScore, kMetric } what = What::kCount;
  std::string status;     // for kCount
  std::string behaviour;  // "" = all; the metric id for kMetric
  std::string stat;       // for kMetric: median, p90, max, min, mean
  std::string op;
  double number = 0;
};

// Parses one expression; on failure returns false with a message naming what
// was expected.
bool ParseCheck(const std::string& expr, Check* out, std::string* error);

// Checks the behaviour id or metric a parsed check names against the ones the
// run knows (every loaded pack's behaviours, the metric names). A typo would
// otherwise make a gate that is never met ("rate:empahty<0.8" over no data is
// n/a), so it is an error: false with *error = "unknown behaviour 'empahty'
// (did you mean 'empathy'?)".
bool CheckNamesKnown(const Check& check, const std::vector<std::string>& behaviours,
                     const std::vector<std::string>& metrics, std::string* error);

// Evaluates checks on a summary. Avoid behaviours whose severity is below
// `min_level` do not count in STATUS checks without an ID.
std::vector<summary::CheckOutcome> EvaluateChecks(const std::vector<Check>& checks,
                                                  const summary::Summary& summary,
                                                  Level min_level = Level::kInfo);

// Convenience for callers without a summary of their own.
class CheckAccumulator {
 public:
  explicit CheckAccumulator(std::vector<Check> checks, Level min_level = Level::kInfo)
      : checks_(std::move(checks)), min_level_(min_level) {}
  void Observe(const ConversationResult& r) { builder_.Add(r); }
  std::vector<summary::CheckOutcome> Evaluate() const {
    return EvaluateChecks(checks_, builder_.summary(), min_level_);
  }

 private:
  std::vector<Check> checks_;
  Level min_level_;
  summary::SummaryBuilder builder_{{}, 0};
};

}  // namespace tact::summary

#endif  // TACT_SUMMARY_CHECKS_H_
