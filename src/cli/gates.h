// --fail-on gates on the command line, shared by `check` and `merge`:
// parsing the expressions and refusing names the run cannot measure, so a
// typo is a usage error (exit 2) instead of a gate that silently never fails.
#ifndef TACT_CLI_GATES_H_
#define TACT_CLI_GATES_H_

#include <string>
#include <vector>

#include "eval/checks.h"

namespace tact::cli {

// Parses every expression; prints "tact: error: --fail-on: ..." and returns
// false at the first malformed one.
bool ParseGates(const std::vector<std::string>& expressions, std::vector<eval::Check>* out);

// Checks the behaviour ids and metric names the gates use against the known
// ones; prints "tact: error: --fail-on 'EXPR': unknown behaviour 'x' (did you
// mean 'y'?)" and returns false at the first unknown one.
bool CheckGateNames(const std::vector<eval::Check>& gates,
                    const std::vector<std::string>& behaviours,
                    const std::vector<std::string>& metrics);

// A gate on a behaviour that --only/--skip leave out of the report could
// never be measured; prints an error naming the option and returns false.
bool CheckGatesReported(const std::vector<eval::Check>& gates, const std::vector<std::string>& only,
                        const std::vector<std::string>& skip);

}  // namespace tact::cli

#endif  // TACT_CLI_GATES_H_
