// A small, stable 64-bit FNV-1a hash for identities that must not change
// between versions or machines: which --shard a conversation belongs to, the
// fingerprint of an input, the content of a summary.
#ifndef TACT_COMMON_HASH_H_
#define TACT_COMMON_HASH_H_

#include <cstdint>
#include <string_view>

namespace tact {

// The seed is the one --shard has always used (not FNV's published offset
// basis): changing it would move conversations to other shards.
inline constexpr uint64_t kFnvSeed = 1469598103934665603ULL;

inline uint64_t Fnv1a(std::string_view s, uint64_t h = kFnvSeed) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace tact

#endif  // TACT_COMMON_HASH_H_
