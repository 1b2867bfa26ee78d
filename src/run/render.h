// The render stage: results become the report in the --format chosen,
// written as it is produced, to stdout or atomically to -o FILE
// (run/output.h). A conversation's part is formatted on the analyze stage's
// threads where the writer allows it, and appended in input order; --summary
// prints only the end. An interrupted run closes what stdout already shows
// (a JSON document stays valid) and leaves a previous FILE as it was.
#ifndef TACT_RUN_RENDER_H_
#define TACT_RUN_RENDER_H_

#include <memory>
#include <string>
#include <vector>

#include "report/writer.h"
#include "run/config.h"
#include "run/output.h"

namespace tact::run {

class RenderStage {
 public:
  // Opens the output and writes the report's beginning; false with *error
  // (a usage error) when FILE cannot be created or is one of the inputs.
  bool Open(const RunConfig& config, std::string* error);
  // Whether End() needs the summary (--summary, or the HTML report's charts).
  bool NeedsSummary() const { return summary_only_ || format_->needs_summary; }
  // Any thread: a conversation's part of the report into *rendered, or
  // nothing (the writer formats it in Emit, or --summary prints none).
  void Render(const ConversationResult& r, std::string* rendered) const;
  // In input order.
  void Emit(const ConversationResult& r, const std::string& rendered);
  // Ends the report and puts it in place; false with *error when it could not be written.
  bool Finish(const summary::RunTotals& totals, const std::vector<summary::CheckOutcome>& gates,
              const summary::Summary* summary, std::string* error);
  // Interrupted: a live stdout report gets its end, a FILE is dropped.
  void Interrupt(const summary::RunTotals& totals);
  // Nothing more is written (--strict after an input error).
  void Abort() { out_.Abort(); }

 private:
  void Flush();

  const report::WriterFormat* format_ = nullptr;  // its row in the writer table
  std::unique_ptr<report::Writer> writer_;
  bool summary_only_ = false;
  Output out_;
  std::string buf_;
};

}  // namespace tact::run

#endif  // TACT_RUN_RENDER_H_
