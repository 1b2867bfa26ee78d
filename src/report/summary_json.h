// The summary as JSON: written by `tact check --summary --format json` and
// read back by `tact merge`. It carries raw counts and histogram buckets
// beside the derived rates and quantiles, so merging is exact.
#ifndef TACT_REPORT_SUMMARY_JSON_H_
#define TACT_REPORT_SUMMARY_JSON_H_

#include <string>
#include <string_view>

#include "report/json.h"
#include "report/summary_names.h"

namespace tact::report {

void WriteSummaryJson(const Summary& s, JsonWriter* w);

// Reads the "summary" member of a document written by `tact check --summary
// --format json` (or `tact merge`). False with *error on anything else.
bool ReadSummaryJson(std::string_view document, Summary* s, std::string* error);

}  // namespace tact::report

#endif  // TACT_REPORT_SUMMARY_JSON_H_
