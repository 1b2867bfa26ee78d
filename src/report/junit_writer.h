// The JUnit XML report (docs/output.md), for CI test-report views.
//
// Each conversation is a test case that fails once per missed or violated
// behaviour (signals never fail); the test cases of one input file form a
// <testsuite>, written as soon as the next file starts; a file of more than
// kMaxCasesPerSuite conversations continues in further suites of the same
// name. A suite's header counts its test cases, so they are gathered until it
// ends: in memory up to a budget, past it in a temporary file (a SpillBuffer),
// so memory stays flat however long the test cases are. Input errors become
// <error> test cases and --fail-on checks test cases of their own suites at
// the end. With --summary (and `tact merge`) each behaviour is a test case
// that fails when any conversation missed or violated it. The output
// validates against the Jenkins/Surefire junit-10.xsd.
#ifndef TACT_REPORT_JUNIT_WRITER_H_
#define TACT_REPORT_JUNIT_WRITER_H_

#include <string_view>

#include "common/spill_buffer.h"
#include "report/writer.h"

namespace tact::report {

// Appends `s` escaped for XML 1.0 character data, or for a double-quoted
// attribute value when `attribute` (then tabs and newlines become character
// references, so they survive attribute normalization). Characters XML 1.0
// cannot hold (control characters other than tab, newline and carriage
// return, U+FFFE, U+FFFF) and invalid UTF-8 bytes become U+FFFD.
void AppendXmlEscaped(std::string_view s, bool attribute, std::string* out);

class JunitReportWriter : public Writer {
 public:
  static constexpr size_t kMaxCasesPerSuite = 1000;
  // `spill_budget`: the bytes of a suite's test cases kept in memory before
  // they move to the temporary file.
  explicit JunitReportWriter(const WriterOptions& o,
                             size_t spill_budget = SpillBuffer::kDefaultBudget)
      : options_(o), suite_cases_(spill_budget) {}
  void Begin(std::string* out) override;
  void Conversation(const ConversationResult& r, std::string* out) override;
  void End(const RunTotals& totals, const std::vector<CheckOutcome>& checks, const Summary* summary,
           std::string* out) override;

 private:
  // Writes the test suite being collected, if any. Throws std::system_error
  // when its spilled test cases cannot be read back.
  void FlushSuite(std::string* out);

  [[maybe_unused]] WriterOptions options_;
  bool suite_open_ = false;
  std::string suite_file_;   // the input file (source without ":line")
  SpillBuffer suite_cases_;  // its test cases, already written
  std::string case_;         // the test case being written
  size_t suite_tests_ = 0, suite_failures_ = 0, suite_skipped_ = 0;
};

}  // namespace tact::report

#endif  // TACT_REPORT_JUNIT_WRITER_H_
