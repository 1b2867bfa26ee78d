// The exit code of `tact check` and `tact merge`, and the stderr lines that
// explain it, so a failed gate is never hidden behind another problem.
//
//   0  ok
//   1  a --fail-on gate failed
//   2  usage: bad options, rule files, or (known only after reading) a
//      --group-by metadata.KEY no conversation carries
//   3  input errors: conversations or inputs skipped, or no conversation at
//      all (unless --allow-empty)
// When several hold, the code is the first of 2, 3, 1: a wrong invocation
// makes the whole report suspect, and gates measured on an input with errors
// are measured on part of it. Every failed gate is still printed, with a last
// line saying the exit code stands for something else too.
#ifndef TACT_CLI_EXIT_STATUS_H_
#define TACT_CLI_EXIT_STATUS_H_

#include <vector>

#include "report/writer.h"

namespace tact::cli {

struct RunVerdict {
  bool usage_error = false;  // found after reading
  bool input_errors = false;
  std::vector<report::CheckOutcome> gates;
};

// Prints each failed gate ("tact: threshold failed: EXPR (value V)"), each gate
// that could not be measured ("tact: threshold n/a: EXPR (never applied)") and,
// when a gate failed but the code is 2 or 3, why; returns the exit code.
int FinishRun(const RunVerdict& verdict);

}  // namespace tact::cli

#endif  // TACT_CLI_EXIT_STATUS_H_
