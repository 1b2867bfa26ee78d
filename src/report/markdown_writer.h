// Markdown reports for a wiki page or a merge-request comment: the batch
// summary as tables (behaviour rates, metrics, per-group lowest rates, worst
// conversations) and, unless --summary, a short list of each conversation's
// missed and violated behaviours: the first kMaxListed of them, so that a
// report of a million conversations stays a page and memory stays flat.
#ifndef TACT_REPORT_MARKDOWN_WRITER_H_
#define TACT_REPORT_MARKDOWN_WRITER_H_

#include <memory>

#include "report/writer.h"

namespace tact::report {

class MarkdownReportWriter : public Writer {
 public:
  static constexpr size_t kMaxListed = 1000;
  explicit MarkdownReportWriter(const WriterOptions& o) : options_(o), builder_() {}
  void Begin(std::string* out) override;
  void Conversation(const ConversationResult& r, std::string* out) override;
  void End(const RunTotals& totals, const std::vector<CheckOutcome>& checks, const Summary* summary,
           std::string* out) override;

 private:
  WriterOptions options_;
  SummaryBuilder builder_;
  std::string details_;
  size_t listed_ = 0;  // conversations given
};

}  // namespace tact::report

#endif  // TACT_REPORT_MARKDOWN_WRITER_H_
