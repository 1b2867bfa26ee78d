// The run's problems on stderr: each on one line as it is met
// ("file:line: error: …", redacted like the report), warnings hidden by
// --quiet. An error skips an input or a conversation: it is counted, and the
// first thousand are kept for the report; under --strict it stops the run.
// With --shard, a problem belongs to the shard that owns its location.
#ifndef TACT_RUN_LOG_H_
#define TACT_RUN_LOG_H_

#include <atomic>
#include <mutex>

#include "report/writer.h"
#include "run/redact.h"
#include "run/shard.h"
#include "tact/diagnostic.h"
#include "tact/result.h"

namespace tact::run {

class RunLog {
 public:
  // `stop` is set by an error under --strict; all must outlive the log.
  RunLog(const Shard& shard, const RedactStage& redact, bool quiet, bool strict,
         std::atomic<bool>* stop)
      : shard_(shard), redact_(redact), quiet_(quiet), strict_(strict), stop_(stop) {}

  // Thread-safe (the reading thread and the in-order stage).
  void Problem(const Diagnostic& d);
  // Warns that a conversation reads as another language than it was judged in.
  void OtherLanguage(const ConversationResult& r);
  // An error that concerns the whole run (no conversation at all): counted
  // unless an error was already counted for it.
  void RunError(const std::string& message);

  // skipped and errors; the caller fills in the other counts.
  summary::RunTotals& totals() { return totals_; }

 private:
  void Print(const Diagnostic& d);

  const Shard& shard_;
  const RedactStage& redact_;
  bool quiet_, strict_;
  std::atomic<bool>* stop_;
  std::mutex mu_;
  summary::RunTotals totals_;
};

}  // namespace tact::run

#endif  // TACT_RUN_LOG_H_
