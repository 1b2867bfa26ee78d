#include "run/read.h"

#include <cstdio>
#include <filesystem>

namespace tact::run {

ReadStage::ReadStage(const RunConfig& config, RunLog* log) : shard_(config.shard) {
  inputs_ = ExpandInputs(config.operands, [log](const Diagnostic& d) { log->Problem(d); });
  for (const auto& in : inputs_) {
    owned_inputs_ += shard_.Owns(in.path) ? 1 : 0;
    std::error_code ec;
    const uintmax_t size = in.path == "-" ? 0 : std::filesystem::file_size(in.path, ec);
    if (!ec) total_bytes_ += size;
  }
}

void ReadStage::Announce(const RedactStage& redact) const {
  for (const auto& in : inputs_) {
    if (!shard_.Owns(in.path)) continue;
    std::error_code ec;
    const uintmax_t size = in.path == "-" ? 0 : std::filesystem::file_size(in.path, ec);
    const std::string name = redact.Path(in.path);
    if (in.path == "-" || ec)
      fprintf(stderr, "tact: input %s\n", name.c_str());
    else
      fprintf(stderr, "tact: input %s (%ju bytes)\n", name.c_str(), size);
  }
}

bool ReadStage::Keep(const Conversation& c, AggregateStage* aggregate) const {
  aggregate->Count(c);  // every conversation, before the shard is picked
  return shard_.Owns(c.id);
}

}  // namespace tact::run
