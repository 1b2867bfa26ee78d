// JSON and JSON Lines reports (docs/output.md is the schema).
#ifndef TACT_REPORT_JSON_WRITER_H_
#define TACT_REPORT_JSON_WRITER_H_

#include "report/json.h"
#include "report/writer.h"

namespace tact::report {

// Writes one conversation object.
void WriteConversationJson(const ConversationResult& r, JsonWriter* w);

// The "totals" and "checks" members of a run (the JSON report's top level,
// the SARIF run's properties).
void WriteTotalsJson(const RunTotals& totals, JsonWriter* w);
void WriteChecksJson(const std::vector<CheckOutcome>& checks, JsonWriter* w);

class JsonReportWriter : public Writer {
 public:
  JsonReportWriter(const WriterOptions& o, bool lines) : options_(o), lines_(lines) {}
  void Begin(std::string* out) override;
  void Conversation(const ConversationResult& r, std::string* out) override;
  bool Render(const ConversationResult& r, std::string* text) const override;
  void Conversation(const ConversationResult& r, const std::string& rendered,
                    std::string* out) override;
  void End(const RunTotals& totals, const std::vector<CheckOutcome>& checks, const Summary* summary,
           std::string* out) override;

 private:
  WriterOptions options_;
  bool lines_;
  bool first_ = true;
};

}  // namespace tact::report

#endif  // TACT_REPORT_JSON_WRITER_H_
