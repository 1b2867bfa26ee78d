// --shard K/N: which conversations (and which problems) belong to this run
// when N machines share one input. A conversation belongs to shard
// 1 + (FNV-1a of its id) mod N, so every shard sees the same split whatever
// the order of the inputs; a problem belongs to the shard of its location.
#ifndef TACT_RUN_SHARD_H_
#define TACT_RUN_SHARD_H_

#include <cstdint>
#include <string>

namespace tact::run {

struct Shard {
  uint64_t k = 1, n = 1;  // this run is shard k of n (1-based); 1/1 is everything

  // Exactly digits '/' digits with 1 <= K <= N: "1/2/3", "-1/2", " 1/2" and
  // "1/2x" are refused (false, *out unchanged).
  static bool Parse(const std::string& spec, Shard* out);
  bool Owns(const std::string& key) const;
};

}  // namespace tact::run

#endif  // TACT_RUN_SHARD_H_
