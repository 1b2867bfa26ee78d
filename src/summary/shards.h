// Which part of which input a summary covers, so `tact merge` can refuse to
// count a shard twice: the same file given twice, a shard re-run and given
// beside its first run, or shards of one input cut two ways (2/4 and 1/3
// overlap). A summary from `tact check --summary` covers shard K/N of an input
// identified by a fingerprint of all its conversations (every shard of a run
// sees the same input, so they agree on it); a merged summary covers the union
// of its parts, where a complete set 1/N..N/N is written as 1/1, exactly what
// one run over the input writes.
#ifndef TACT_SUMMARY_SHARDS_H_
#define TACT_SUMMARY_SHARDS_H_

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace tact::summary {

struct ShardId {
  std::string input;  // fingerprint of the whole input; "" = an empty input
  uint64_t k = 1, n = 1;
  bool operator<(const ShardId& o) const;
  bool operator==(const ShardId& o) const { return input == o.input && k == o.k && n == o.n; }
};

class ShardLedger {
 public:
  // Records the shards of the summary `name`. False, with *error naming the
  // summary that already holds it, when one of them was already recorded or
  // overlaps one that was. Empty inputs count nothing and never clash.
  bool Add(const std::string& name, const std::vector<ShardId>& shards, std::string* error);
  // Everything recorded, sorted, each complete set of shards as 1/1.
  std::vector<ShardId> Merged() const;

 private:
  struct Part {
    uint64_t n = 1;
    std::map<uint64_t, std::string> k_from;  // shard -> the summary it came from
  };
  std::map<std::string, Part> inputs_;
  std::set<ShardId> empty_;
};

}  // namespace tact::summary

#endif  // TACT_SUMMARY_SHARDS_H_
