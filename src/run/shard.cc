#include "run/shard.h"

#include <string_view>

#include "common/hash.h"

namespace tact::run {
namespace {

bool Number(std::string_view s, uint64_t* out) {
  if (s.empty() || s.size() > 9) return false;
  *out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    *out = *out * 10 + static_cast<uint64_t>(c - '0');
  }
  return true;
}

}  // namespace

bool Shard::Parse(const std::string& spec, Shard* out) {
  const size_t slash = spec.find('/');
  if (slash == std::string::npos) return false;
  const std::string_view v(spec);
  Shard s;
  if (!Number(v.substr(0, slash), &s.k) || !Number(v.substr(slash + 1), &s.n)) return false;
  if (s.n < 1 || s.k < 1 || s.k > s.n) return false;
  *out = s;
  return true;
}

bool Shard::Owns(const std::string& key) const { return n == 1 || Fnv1a(key) % n == k - 1; }

}  // namespace tact::run
