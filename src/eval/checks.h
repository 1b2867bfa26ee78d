// --fail-on thresholds for CI: expressions over a whole run.
//
//   STATUS[:ID] OP N   count of behaviour results with that status
//                      (met, missed, not_applicable, clean, violated, present,
//                      absent), optionally for one behaviour id
//   rate:ID OP X       share of conversations where ID was met (expected) or
//                      clean (avoid) among those where it applied, 0..1
//   score OP X         mean score of the conversations that have one
//   min_score OP X     lowest score
// OP is one of > >= < <= == !=. A check fails when its comparison is true
// ("violated>0" fails as soon as one violation is seen).
#ifndef TACT_EVAL_CHECKS_H_
#define TACT_EVAL_CHECKS_H_

#include <map>
#include <string>
#include <vector>

#include "report/writer.h"
#include "tact/result.h"

namespace tact::eval {

struct Check {
  std::string expression;
  enum class What { kCount, kRate, kScore, kMinScore } what = What::kCount;
  std::string status;     // for kCount
  std::string behaviour;  // "" = all
  std::string op;
  double number = 0;
};

// Parses one expression; on failure returns false with a message naming what
// was expected.
bool ParseCheck(const std::string& expr, Check* out, std::string* error);

class CheckAccumulator {
 public:
  explicit CheckAccumulator(std::vector<Check> checks) : checks_(std::move(checks)) {}
  void Observe(const ConversationResult& r);
  std::vector<report::CheckOutcome> Evaluate() const;
  bool empty() const { return checks_.empty(); }

 private:
  std::vector<Check> checks_;
  std::map<std::pair<std::string, std::string>, size_t> counts_;  // (status, behaviour) -> n
  std::map<std::string, std::pair<size_t, size_t>> rates_;        // behaviour -> (good, applicable)
  double score_sum_ = 0;
  size_t scored_ = 0;
  double min_score_ = -1;
};

}  // namespace tact::eval

#endif  // TACT_EVAL_CHECKS_H_
