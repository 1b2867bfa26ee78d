// The `tact eval` report: per language a table of n, TP/FP/FN/TN, precision,
// recall, F1 and Cohen's kappa per behaviour, the language's accuracy, the
// same pooled over languages, then every disagreement with tact's evidence.
// Formats: text, json, markdown. Ratios print with two decimals; a ratio of
// 0/0 prints as "-" (null in JSON).
#ifndef TACT_REPORT_EVAL_WRITER_H_
#define TACT_REPORT_EVAL_WRITER_H_

#include <string>
#include <vector>

#include "agreement/agreement.h"

namespace tact::report {

struct EvalReportInfo {
  std::string version;
  int labels_files = 0;
  int unlabelled_conversations = 0;            // analyzed but no labels
  std::vector<std::string> unmatched;          // label keys no input matched
  int skipped = 0;                             // inputs that could not be read
  std::vector<agreement::GateFailure> gates;   // failed gates
  bool show_disagreements = true;
};

std::vector<std::string> EvalFormats();  // text, json, markdown

void WriteEvalReport(const std::string& format, const agreement::Agreement& a,
                     const EvalReportInfo& info, std::string* out);

}  // namespace tact::report

#endif  // TACT_REPORT_EVAL_WRITER_H_
