// The JUnit XML report (docs/output.md), for CI test-report views.
//
// Each conversation is a test case that fails once per missed or violated
// behaviour (signals never fail); the test cases of one input file form a
// <testsuite>, written as soon as the next file starts; a file of more than
// kMaxCasesPerSuite conversations continues in further suites of the same
// name, so memory holds at most that many test cases however big the input. Input errors become
// <error> test cases and
// --fail-on checks test cases of their own suites at the end. With --summary
// (and `tact merge`) each behaviour is a test case that fails when any
// conversation missed or violated it. The output validates against the
// Jenkins/Surefire junit-10.xsd.
#ifndef TACT_REPORT_JUNIT_WRITER_H_
#define TACT_REPORT_JUNIT_WRITER_H_

#include <string_view>

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
  explicit JunitReportWriter(const WriterOptions& o) : options_(o) {}
  void Begin(std::string* out) override;
  void Conversation(const ConversationResult& r, std::string* out) override;
  void End(const RunTotals& totals, const std::vector<CheckOutcome>& checks, const Summary* summary,
           std::string* out) override;

 private:
  // Writes the test suite being collected, if any.
  void FlushSuite(std::string* out);

  [[maybe_unused]] WriterOptions options_;
  bool suite_open_ = false;
  std::string suite_file_;   // the input file (source without ":line")
  std::string suite_cases_;  // its test cases, already written
  size_t suite_tests_ = 0, suite_failures_ = 0, suite_skipped_ = 0;
};

}  // namespace tact::report

#endif  // TACT_REPORT_JUNIT_WRITER_H_
