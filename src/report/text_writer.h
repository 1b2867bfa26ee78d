// The human-readable report: per conversation a table of behaviours with a
// mark (✔ met/clean, ✘ missed, ⚠ violated, – not applicable), the evidence
// quote with the match highlighted (ANSI colour on a terminal, [brackets]
// otherwise), a coaching tip under each missed or violated behaviour, the
// customer signals, and the score.
#ifndef TACT_REPORT_TEXT_WRITER_H_
#define TACT_REPORT_TEXT_WRITER_H_

#include <map>
#include <string>

#include "report/writer.h"

namespace tact::report {

class TextReportWriter : public Writer {
 public:
  explicit TextReportWriter(const WriterOptions& o) : options_(o) {}
  void Begin(std::string* out) override;
  void Conversation(const ConversationResult& r, std::string* out) override;
  void End(const RunTotals& totals, const std::vector<CheckOutcome>& checks, const Summary* summary,
           std::string* out) override;

 private:
  std::string Paint(std::string_view s, const char* code) const;
  std::string Quote(const Evidence& e) const;
  std::string Mark(Status s) const;
  std::string EvidenceLine(const Evidence& e) const;
  // One conversation, top to bottom.
  void WriteHeader(const ConversationResult& r, std::string* out) const;
  void WriteFocus(const ConversationResult& r, std::string* out) const;
  void WriteBehaviours(const ConversationResult& r, std::string* out) const;
  void WriteBehaviour(const BehaviourResult& b, int width, std::string* out) const;
  void WriteMetrics(const ConversationResult& r, std::string* out) const;
  // The batch summary, top to bottom.
  void WriteSummary(const Summary& s, std::string* out) const;
  void WriteSummaryHeadline(const Summary& s, std::string* out) const;
  void WriteBehaviourTable(const Summary& s, int width, std::string* out) const;
  void WriteMetricTable(const Summary& s, int width, std::string* out) const;
  void WriteGroupTable(const Summary& s, const std::string& dim,
                       const std::map<std::string, GroupSummary>& groups, std::string* out) const;
  void WriteWorst(const Summary& s, std::string* out) const;
  WriterOptions options_;
  size_t count_ = 0;
};

}  // namespace tact::report

#endif  // TACT_REPORT_TEXT_WRITER_H_
