// What the whole input holds, counted on the reading thread before --shard
// picks a shard's conversations, so every shard of a run sees the same census:
// how many conversations there are (an empty input is an error), which
// metadata keys they carry (--group-by metadata.KEY must name one), and a
// fingerprint of them that identifies the input in a summary (tact merge).
#ifndef TACT_RUN_CENSUS_H_
#define TACT_RUN_CENSUS_H_

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "tact/conversation.h"

namespace tact::run {

class InputCensus {
 public:
  // Not thread-safe: called from the one reading thread.
  void Add(const Conversation& c);

  uint64_t conversations() const { return conversations_; }
  const std::set<std::string>& metadata_keys() const { return keys_; }

  // 16 hex digits, the same for the same conversations in any order (shards
  // on other machines may be given the inputs in another order): a sum of
  // per-conversation hashes of id, turn count and text size, with the count.
  // "" for an input without conversations.
  std::string Fingerprint() const;

 private:
  uint64_t conversations_ = 0;
  uint64_t hash_sum_ = 0;
  std::set<std::string> keys_;
};

// The --group-by dimensions "metadata.KEY" whose KEY no conversation carried;
// prints "tact: error: --group-by metadata.KEY: ..." for each (with the keys
// the input has and a did-you-mean) and returns false when there was one.
// An input without conversations says nothing about keys: true.
bool CheckGroupKeys(const std::vector<std::string>& group_by, const InputCensus& census);

}  // namespace tact::run

#endif  // TACT_RUN_CENSUS_H_
