#include "run/census.h"

#include <fmt/format.h>

#include "common/hash.h"
#include "common/print.h"
#include "common/strings.h"

namespace tact::run {
namespace {

// Spreads the bits of a hash so that sums of many do not cancel in patterns.
uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

}  // namespace

void InputCensus::Add(const Conversation& c) {
  ++conversations_;
  size_t text_bytes = 0;
  for (const auto& t : c.turns) text_bytes += t.text.size();
  // Cheap to compute (no pass over the text) yet different for different
  // conversations that share an id, such as two transcripts read from stdin.
  uint64_t h = Fnv1a(c.id);
  h = Fnv1a(fmt::format("|{}|{}", c.turns.size(), text_bytes), h);
  hash_sum_ += Mix(h);
  for (const auto& [key, value] : c.metadata) keys_.insert(key);
}

std::string InputCensus::Fingerprint() const {
  if (conversations_ == 0) return "";
  return fmt::format("{:016x}", Mix(hash_sum_ ^ Mix(conversations_)));
}

bool CheckGroupKeys(const std::vector<std::string>& group_by, const InputCensus& census) {
  if (census.conversations() == 0) return true;
  const std::string prefix = "metadata.";
  const std::vector<std::string> keys(census.metadata_keys().begin(), census.metadata_keys().end());
  bool ok = true;
  for (const auto& g : group_by) {
    if (!StartsWith(g, prefix)) continue;
    const std::string key = g.substr(prefix.size());
    if (census.metadata_keys().count(key) > 0) continue;
    std::string list;
    for (const auto& k : keys) list += (list.empty() ? "" : ", ") + k;
    PrintError(fmt::format(
        "--group-by {}: no conversation in the input has the metadata key '{}'{}; {}", g, key,
        DidYouMean(key, keys),
        keys.empty() ? std::string("the input has no metadata") : "keys in the input: " + list));
    ok = false;
  }
  return ok;
}

}  // namespace tact::run
