// The redact stage: personal data (e-mails, phone and card numbers, IBANs,
// --redact-pattern) out of everything a run prints: the results before they
// are rendered, the problems before they reach stderr, and the group keys and
// file names of the summary. A --summary run redacts only what a summary
// prints. Off with --no-redact.
#ifndef TACT_RUN_REDACT_H_
#define TACT_RUN_REDACT_H_

#include <string>

#include "report/redact.h"
#include "tact/diagnostic.h"
#include "tact/result.h"

namespace tact::run {

class RedactStage {
 public:
  // `redactor` null: nothing is redacted. It must outlive the stage.
  RedactStage(const report::Redactor* redactor, bool summary_only)
      : redactor_(redactor), summary_only_(summary_only) {}

  bool on() const { return redactor_ != nullptr; }
  // Thread-safe (the analyze stage's threads call it).
  void Result(ConversationResult* r) const;
  void Problem(Diagnostic* d) const;
  std::string Key(const std::string& group_key) const;
  std::string Path(const std::string& path) const;

 private:
  const report::Redactor* redactor_;
  bool summary_only_;
};

}  // namespace tact::run

#endif  // TACT_RUN_REDACT_H_
