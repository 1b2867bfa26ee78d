#include "run/render.h"

namespace tact::run {

bool RenderStage::Open(const RunConfig& config, std::string* error) {
  summary_only_ = config.writer.summary;
  format_ = report::FindWriterFormat(config.format);
  writer_ = format_->make(config.writer);
  writer_->SetFlush([this](std::string* out) {
    out_.Write(*out);
    out->clear();
  });
  // --strict holds even stdout's copy back until the run is known to be clean.
  if (!out_.Open(config.output, config.operands, config.strict, error)) return false;
  writer_->Begin(&buf_);
  Flush();
  return true;
}

void RenderStage::Flush() {
  out_.Write(buf_);
  buf_.clear();
}

void RenderStage::Render(const ConversationResult& r, std::string* rendered) const {
  // Formatting is most of the report's cost: done in parallel when the writer allows it.
  if (!summary_only_) writer_->Render(r, rendered);
}

void RenderStage::Emit(const ConversationResult& r, const std::string& rendered) {
  if (summary_only_) return;
  // (An empty text, from a writer that does not render or a CSV result
  // without rows, is the same as formatting here.)
  if (!rendered.empty())
    writer_->Conversation(r, rendered, &buf_);
  else
    writer_->Conversation(r, &buf_);
  Flush();
}

bool RenderStage::Finish(const summary::RunTotals& totals,
                         const std::vector<summary::CheckOutcome>& gates,
                         const summary::Summary* summary, std::string* error) {
  if (!writer_->End(totals, gates, NeedsSummary() ? summary : nullptr, &buf_, error)) {
    buf_.clear();
    out_.Abort();  // an incomplete report must not replace FILE
    return false;
  }
  Flush();
  return out_.Commit(error);
}

void RenderStage::Interrupt(const summary::RunTotals& totals) {
  if (out_.Live()) {
    std::string error;  // what there is is shown anyway
    writer_->End(totals, {}, nullptr, &buf_, &error);
    Flush();
  }
  out_.Abort();
}

}  // namespace tact::run
