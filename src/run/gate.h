// The gate stage, shared by `check` and `merge`: --fail-on expressions parsed
// and their names checked before the run (a typo is a usage error, exit 2,
// instead of a gate that silently never fails), measured on the summary after
// it, and the run's exit code with the stderr lines that explain it, so a
// failed gate is never hidden behind another problem:
//
//   0  ok
//   1  a --fail-on gate failed
//   2  usage: bad options, rule files, or (known only after reading) a
//      --group-by metadata.KEY no conversation carries
//   3  input errors: conversations or inputs skipped, or no conversation at
//      all (unless --allow-empty)
//   130 interrupted
// When several hold, the code is the first of 2, 3, 1: a wrong invocation
// makes the whole report suspect, and gates measured on an input with errors
// are measured on part of it. Every failed gate is still printed, with a last
// line saying the exit code stands for something else too.
#ifndef TACT_RUN_GATE_H_
#define TACT_RUN_GATE_H_

#include <string>
#include <vector>

#include "report/writer.h"
#include "summary/checks.h"
#include "summary/summary.h"

namespace tact::run {

inline constexpr int kExitOk = 0;
inline constexpr int kExitThreshold = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInput = 3;
inline constexpr int kExitInterrupted = 130;

// Parses every expression; prints "tact: error: --fail-on: ..." and returns
// false at the first malformed one.
bool ParseGates(const std::vector<std::string>& expressions, std::vector<summary::Check>* out);

// Checks the behaviour ids and metric names the gates use against the known
// ones; prints "tact: error: --fail-on 'EXPR': unknown behaviour 'x' (did you
// mean 'y'?)" and returns false at the first unknown one.
bool CheckGateNames(const std::vector<summary::Check>& gates,
                    const std::vector<std::string>& behaviours,
                    const std::vector<std::string>& metrics);

// A gate on a behaviour that --only/--skip leave out of the report could
// never be measured; prints an error naming the option and returns false.
bool CheckGatesReported(const std::vector<summary::Check>& gates,
                        const std::vector<std::string>& only, const std::vector<std::string>& skip);

// Measures every gate on the summary; behaviours to avoid below `min_level`
// do not count in 'violated>N'.
std::vector<summary::CheckOutcome> EvaluateGates(const std::vector<summary::Check>& gates,
                                                 const summary::Summary& summary, Level min_level);

struct RunVerdict {
  bool usage_error = false;  // found after reading
  bool input_errors = false;
  std::vector<summary::CheckOutcome> gates;
};

// Prints each failed gate ("tact: threshold failed: EXPR (value V)"), each gate
// that could not be measured ("tact: threshold n/a: EXPR (never applied)") and,
// when a gate failed but the code is 2 or 3, why; returns the exit code.
int FinishRun(const RunVerdict& verdict);

}  // namespace tact::run

#endif  // TACT_RUN_GATE_H_
