// The SARIF 2.1.0 report (docs/output.md), for code-scanning views.
//
// One run whose results are the missed and violated behaviours, each pointing
// at its conversation's file and line; tool.driver.rules describes every
// expected and avoid behaviour seen. Results are written as conversations
// finish, so `results` comes before `tool` in the run object and memory holds
// only the rules. With --summary (and `tact merge`) there is one result per
// behaviour that any conversation missed or violated, with the counts and the
// worst conversations as locations.
#ifndef TACT_REPORT_SARIF_WRITER_H_
#define TACT_REPORT_SARIF_WRITER_H_

#include <map>
#include <string_view>

#include "report/json.h"
#include "report/writer.h"

namespace tact::report {

// `path` as a SARIF artifact URI: a relative reference with everything but
// unreserved characters and "/" percent-encoded, or a file:// URI for an
// absolute path.
std::string ArtifactUri(std::string_view path);

class SarifReportWriter : public Writer {
 public:
  explicit SarifReportWriter(const WriterOptions& o) : options_(o) {}
  void Begin(std::string* out) override;
  void Conversation(const ConversationResult& r, std::string* out) override;
  void End(const RunTotals& totals, const std::vector<CheckOutcome>& checks, const Summary* summary,
           std::string* out) override;

  struct Rule {
    BehaviourKind kind = BehaviourKind::kExpected;
    Level level = Level::kWarning;
    std::string title;  // English
    std::string tip;    // English, "" when unknown
  };

 private:
  void Note(const std::string& id, const Rule& rule);
  // End(), in the order the run object has them.
  void WriteSummaryResults(const Summary& summary, std::string* out);
  void WriteTool(JsonWriter* w) const;
  void WriteNotifications(const RunTotals& totals, const std::vector<CheckOutcome>& checks,
                          JsonWriter* w) const;

  WriterOptions options_;
  bool first_result_ = true;
  std::map<std::string, Rule> rules_;
  // Conversations not judged for their language: a notification each (the
  // first kMaxUnsupportedNotes), counts by language in the run's properties.
  static constexpr size_t kMaxUnsupportedNotes = 100;
  std::vector<std::string> unsupported_notes_;
  std::map<std::string, uint64_t> unsupported_;
};

}  // namespace tact::report

#endif  // TACT_REPORT_SARIF_WRITER_H_
