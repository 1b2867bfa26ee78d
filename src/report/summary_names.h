// The summary's types (src/summary, below the writers) under the short names
// the writers use.
#ifndef TACT_REPORT_SUMMARY_NAMES_H_
#define TACT_REPORT_SUMMARY_NAMES_H_

#include "summary/checks.h"
#include "summary/shards.h"
#include "summary/summary.h"

namespace tact::report {

using summary::BehaviourSummary;
using summary::CheckOutcome;
using summary::GroupKey;
using summary::GroupSummary;
using summary::Histogram;
using summary::MetricSummary;
using summary::ParsePeriodDimension;
using summary::RunTotals;
using summary::ShardId;
using summary::StatusCounts;
using summary::Summary;
using summary::SummaryBuilder;
using summary::WorstEntry;

}  // namespace tact::report

#endif  // TACT_REPORT_SUMMARY_NAMES_H_
