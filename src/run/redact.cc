#include "run/redact.h"

namespace tact::run {

void RedactStage::Result(ConversationResult* r) const {
  if (!redactor_) return;
  if (summary_only_)
    redactor_->RedactForSummary(r);
  else
    redactor_->RedactResult(r);
}

void RedactStage::Problem(Diagnostic* d) const {
  if (redactor_) redactor_->RedactDiagnostic(d);
}

std::string RedactStage::Key(const std::string& group_key) const {
  return redactor_ ? redactor_->Redact(group_key) : group_key;
}

std::string RedactStage::Path(const std::string& path) const {
  return redactor_ ? redactor_->RedactPath(path) : path;
}

}  // namespace tact::run
