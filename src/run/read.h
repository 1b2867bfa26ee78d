// The read stage, before any conversation is read: the operands become the
// list of inputs (folders walked, sorted; run/inputs.h), problems with them go
// to the log, and the inputs this shard owns are counted and (with -v) named.
// The conversations themselves are read by the analyze stage's reading thread
// (run/analyze.h), which asks Keep() about each one.
#ifndef TACT_RUN_READ_H_
#define TACT_RUN_READ_H_

#include <cstdint>
#include <vector>

#include "run/aggregate.h"
#include "run/config.h"
#include "run/inputs.h"
#include "run/log.h"

namespace tact::run {

class ReadStage {
 public:
  ReadStage(const RunConfig& config, RunLog* log);

  const std::vector<Input>& inputs() const { return inputs_; }
  size_t owned_inputs() const { return owned_inputs_; }
  uint64_t total_bytes() const { return total_bytes_; }  // of the files, for the ETA
  // -v: "tact: input PATH (N bytes)" for each input of this shard.
  void Announce(const RedactStage& redact) const;
  // The reading (calling) thread: counts every conversation into the census, then
  // keeps those of this shard.
  bool Keep(const Conversation& c, AggregateStage* aggregate) const;

 private:
  const Shard& shard_;
  std::vector<Input> inputs_;
  size_t owned_inputs_ = 0;
  uint64_t total_bytes_ = 0;
};

}  // namespace tact::run

#endif  // TACT_RUN_READ_H_
