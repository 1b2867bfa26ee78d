// Report writers: one per output format, each in its own file.
//
// The check command calls Begin() once, Conversation() for each result in
// input order (not at all with --summary), and End() with the run's totals,
// threshold checks and, with --summary, `tact merge` or a format whose
// needs_summary is set, the batch summary.
//
// The formats are a table (WriterTable(), writer.cc): a new format is its
// writer's file plus one row there.
// Writers append to a string that the caller flushes, so streaming formats
// (jsonl, text) can be written as conversations finish.
#ifndef TACT_REPORT_WRITER_H_
#define TACT_REPORT_WRITER_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/summary_names.h"
#include "tact/diagnostic.h"
#include "tact/result.h"

namespace tact::report {

struct WriterOptions {
  bool color = false;
  bool show_all_evidence = false;  // text: every evidence turn, not the first
  bool summary = false;            // --summary: End() gets the summary, no conversations
  std::string version;
  // CSV: --csv-layout wide, one row per conversation (or group) instead of
  // one per behaviour; its columns are these behaviour ids (a status each)
  // and metric ids (a value each), in this order.
  bool csv_wide = false;
  std::vector<std::string> behaviour_columns;
  std::vector<std::string> metric_columns;
};

class Writer {
 public:
  virtual ~Writer() = default;
  virtual void Begin(std::string* out) = 0;
  virtual void Conversation(const ConversationResult& r, std::string* out) = 0;
  // Writers whose text for a conversation does not depend on the ones before
  // it can format it on any thread: Render() (const, thread-safe) returns true
  // after appending that text to `*text`, and Conversation(r, text, out) then
  // does what Conversation(r, out) would, using it. Others return false and
  // are called through Conversation(r, out) only.
  virtual bool Render(const ConversationResult& r, std::string* text) const {
    (void)r;
    (void)text;
    return false;
  }
  virtual void Conversation(const ConversationResult& r, const std::string& rendered,
                            std::string* out) {
    (void)rendered;
    Conversation(r, out);
  }
  virtual void End(const RunTotals& totals, const std::vector<CheckOutcome>& checks,
                   const Summary* summary, std::string* out) = 0;
  // End() for a writer that can fail to complete its report (the HTML
  // report's index waits in a temporary file that may not be readable):
  // false with *error, and the caller drops the report. A writer whose end
  // is large hands it over piece by piece through FlushOut(). The default is
  // End() above.
  virtual bool End(const RunTotals& totals, const std::vector<CheckOutcome>& checks,
                   const Summary* summary, std::string* out, std::string* error) {
    (void)error;
    End(totals, checks, summary, out);
    return true;
  }

  // Set by the caller that flushes `out`: called with `out`, it writes and
  // empties it. A writer that copies a long part back into `out` (JUnit's
  // test cases, kept in a spill file; the HTML report's index and sections)
  // hands it over piece by piece through it, so memory holds a piece and not
  // the part. Unset, `out` just grows.
  void SetFlush(std::function<void(std::string* out)> flush) { flush_ = std::move(flush); }

 protected:
  void FlushOut(std::string* out) const {
    if (flush_) flush_(out);
  }

 private:
  std::function<void(std::string* out)> flush_;
};

// A report format and what a caller needs to know about it.
struct WriterFormat {
  const char* name;         // --format NAME
  const char* description;  // one line, for documentation
  std::unique_ptr<Writer> (*make)(const WriterOptions& options);
  bool color = false;          // colours its output on a terminal (the text report)
  bool needs_summary = false;  // End() needs the batch summary even without --summary
                               // (the HTML report's charts): pass it always
  bool alias = false;          // another name of the row before ("md"): accepted, not listed
};

// Every format, in the order help texts list them.
const std::vector<WriterFormat>& WriterTable();

// The row of `name` (an alias included); null for an unknown name.
const WriterFormat* FindWriterFormat(std::string_view name);

// The writer for `format`; null for an unknown name.
std::unique_ptr<Writer> MakeWriter(const std::string& format, const WriterOptions& options);

// The listed names: "text", "json", "jsonl", "csv", "markdown", "junit", "sarif", "html".
std::vector<std::string> WriterFormats();

}  // namespace tact::report

#endif  // TACT_REPORT_WRITER_H_
