#include "summary/shards.h"

#include <tuple>

#include <fmt/format.h>

namespace tact::summary {

bool ShardId::operator<(const ShardId& o) const {
  return std::tie(input, n, k) < std::tie(o.input, o.n, o.k);
}

bool ShardLedger::Add(const std::string& name, const std::vector<ShardId>& shards,
                      std::string* error) {
  // Checked in full before recording any, so a refused summary leaves no trace.
  std::map<std::string, Part> next = inputs_;
  for (const auto& s : shards) {
    if (s.input.empty()) {
      empty_.insert(s);
      continue;
    }
    auto [it, fresh] = next.try_emplace(s.input);
    Part& part = it->second;
    if (fresh) part.n = s.n;
    if (part.n != s.n) {
      // 1/1 (a whole input) overlaps every shard of it; 2/4 and 1/3 overlap too.
      const std::string& other = part.k_from.begin()->second;
      *error = fmt::format(
          "shard {}/{} of input {} overlaps shard(s) of {} cut into {} (the same conversations "
          "would be counted twice)",
          s.k, s.n, s.input, other, part.n);
      return false;
    }
    auto [at, added] = part.k_from.try_emplace(s.k, name);
    if (!added) {
      *error = fmt::format("shard {}/{} of input {} is already merged from {}", s.k, s.n, s.input,
                           at->second);
      return false;
    }
  }
  inputs_ = std::move(next);
  return true;
}

std::vector<ShardId> ShardLedger::Merged() const {
  std::set<ShardId> out = empty_;
  for (const auto& [input, part] : inputs_) {
    if (part.k_from.size() == part.n) {
      out.insert({input, 1, 1});
      continue;
    }
    for (const auto& [k, from] : part.k_from) out.insert({input, k, part.n});
  }
  return {out.begin(), out.end()};
}

}  // namespace tact::summary
