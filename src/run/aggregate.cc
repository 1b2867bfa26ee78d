#include "run/aggregate.h"

#include <utility>

namespace tact::run {

AggregateStage::AggregateStage(std::vector<std::string> group_by, size_t worst,
                               const RedactStage& redact)
    : builder_(std::move(group_by), worst) {
  if (redact.on())
    builder_.SetKeyFilter([&redact](const std::string& key) { return redact.Key(key); });
}

void AggregateStage::Add(const ConversationResult& r) {
  ++languages_[r.language];
  builder_.Add(r);
}

summary::Summary& AggregateStage::Finish(const summary::RunTotals& totals, const Shard& shard) {
  summary::Summary& s = builder_.summary();
  s.shards = {{census_.Fingerprint(), shard.k, shard.n}};
  s.inputs = totals.inputs;
  s.read = totals.read;
  s.analyzed = totals.analyzed;
  s.skipped = totals.skipped;
  return s;
}

}  // namespace tact::run
