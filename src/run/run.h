// A check run, as named stages; each stage's header says its contract.
//
//   read       run/read.h       operands -> inputs (folders walked), this shard's part
//   analyze    run/analyze.h    inputs -> conversations -> results: one reader thread,
//                               analysis on --jobs threads, results in input order
//   redact     run/redact.h     personal data out of results, problems and group keys
//   render     run/render.h     results -> the report, streamed to stdout or -o FILE
//   aggregate  run/aggregate.h  results -> the batch summary and the input's census
//   gate       run/gate.h       summary -> --fail-on outcomes -> the exit code
//
// Problems go to stderr as they are met (run/log.h); SIGINT/SIGTERM stop the
// run cleanly (run/progress.h). The report is byte-identical for any --jobs.
#ifndef TACT_RUN_RUN_H_
#define TACT_RUN_RUN_H_

#include "run/config.h"

namespace tact::run {

// Runs the stages over config.operands and returns the exit code
// (run/gate.h: 0 ok, 1 gate failed, 2 usage, 3 input errors, 130 interrupted).
int Run(const RunConfig& config);

}  // namespace tact::run

#endif  // TACT_RUN_RUN_H_
