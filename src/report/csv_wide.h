// The wide CSV layout (--csv-layout wide): one row per conversation — id,
// source, date, agent, channel, language, score, then a column per behaviour
// (its status) and per metric (its value) — or, for a summary, one row per
// group with each behaviour's rate. Opens as a pivot-ready sheet; the long
// layout (csv_writer.h) keeps the evidence.
#ifndef TACT_REPORT_CSV_WIDE_H_
#define TACT_REPORT_CSV_WIDE_H_

#include <string>

#include "report/writer.h"

namespace tact::report {

// The header: the fixed columns, then options.behaviour_columns and
// options.metric_columns by id.
void WideConversationHeader(const WriterOptions& options, std::string* out);

// One conversation: a behaviour it does not report and a metric without a
// value are empty cells; the date is YYYY-MM-DD (common/dates.h), empty when
// the conversation has none.
void WideConversationRow(const ConversationResult& r, const WriterOptions& options,
                         std::string* out);

// The summary: `dimension, group, conversations, scored, mean_score`, then
// each behaviour's rate (met, clean or present share; empty where it never
// applied) with the number of conversations it applied in, `ID` and `ID_n`;
// the overall row first (all, all), then each --group-by dimension's groups.
void WideSummary(const Summary& s, std::string* out);

}  // namespace tact::report

#endif  // TACT_REPORT_CSV_WIDE_H_
