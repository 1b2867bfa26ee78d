// The aggregate stage: the batch summary every summary format prints and
// every gate measures: per behaviour and metric, per --group-by group, the
// worst conversations; plus the census of the whole input (before --shard
// picks this shard's part) that identifies it for `tact merge`.
#ifndef TACT_RUN_AGGREGATE_H_
#define TACT_RUN_AGGREGATE_H_

#include <map>
#include <string>
#include <vector>

#include "report/writer.h"
#include "run/census.h"
#include "run/redact.h"
#include "run/shard.h"
#include "summary/summary.h"

namespace tact::run {

class AggregateStage {
 public:
  // Group keys (agent names, metadata values) are redacted by `redact`.
  AggregateStage(std::vector<std::string> group_by, size_t worst, const RedactStage& redact);

  // The reading (calling) thread: every conversation, before the shard is picked.
  void Count(const Conversation& c) { census_.Add(c); }
  // In input order.
  void Add(const ConversationResult& r);

  const InputCensus& census() const { return census_; }
  // Conversations per judged language (for -v).
  const std::map<std::string, size_t>& languages() const { return languages_; }
  // The summary, with the run's counts and this shard's identity.
  summary::Summary& Finish(const summary::RunTotals& totals, const Shard& shard);

 private:
  summary::SummaryBuilder builder_;
  InputCensus census_;
  std::map<std::string, size_t> languages_;
};

}  // namespace tact::run

#endif  // TACT_RUN_AGGREGATE_H_
