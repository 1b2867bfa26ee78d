// CSV reports (RFC 4180, opens in a spreadsheet): one row per conversation and
// behaviour; with --summary (or `tact merge`), one row per group and
// behaviour, the overall rows under dimension "all". The wide layout
// (WriterOptions::csv_wide, report/csv_wide.h) has one row per conversation
// or group instead.
#ifndef TACT_REPORT_CSV_WRITER_H_
#define TACT_REPORT_CSV_WRITER_H_

#include "report/writer.h"

namespace tact::report {

// Appends `field` quoted when it holds a comma, quote, or line break, with a
// leading apostrophe when a spreadsheet would read it as a formula ("=…",
// "+…", "-…" that is not a number, "@…", a leading tab or carriage return).
void AppendCsvField(std::string_view field, std::string* out);

// Appends the fields as one record, ended by CRLF.
void AppendCsvRow(const std::vector<std::string>& fields, std::string* out);

class CsvReportWriter : public Writer {
 public:
  explicit CsvReportWriter(const WriterOptions& o) : options_(o) {}
  void Begin(std::string* out) override;
  void Conversation(const ConversationResult& r, std::string* out) override;
  bool Render(const ConversationResult& r, std::string* text) const override;
  void Conversation(const ConversationResult& r, const std::string& rendered,
                    std::string* out) override;
  void End(const RunTotals& totals, const std::vector<CheckOutcome>& checks, const Summary* summary,
           std::string* out) override;

 private:
  WriterOptions options_;
};

}  // namespace tact::report

#endif  // TACT_REPORT_CSV_WRITER_H_
