// ShortKey: equal keys exactly for equal strings, whatever the length.
#include "match/short_key.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace tact::match {
namespace {

std::tuple<uint64_t, uint64_t, uint32_t> Tie(const ShortKey& k) { return {k.a, k.b, k.size}; }

// Every string over a three-letter alphabet up to 9 bytes, and random ones
// of 10-16 bytes over two letters: distinct strings, distinct keys.
TEST(ShortKey, DistinctStringsHaveDistinctKeys) {
  std::vector<std::string> all{""};
  for (size_t begin = 0, n = 1; n <= 9; ++n) {
    const size_t end = all.size();
    for (size_t i = begin; i < end; ++i) {
      for (char c : {'a', 'b', '\0'}) all.push_back(all[i] + c);
    }
    begin = end;
  }
  std::mt19937 rng(3);
  std::set<std::string> strings(all.begin(), all.end());
  for (int i = 0; i < 20000; ++i) {
    std::string s(10 + rng() % 7, 'x');
    for (char& c : s) c = rng() % 2 ? 'x' : 'y';
    strings.insert(s);
  }
  std::set<std::tuple<uint64_t, uint64_t, uint32_t>> keys;
  for (const auto& s : strings) keys.insert(Tie(ShortKey::Of(s)));
  EXPECT_EQ(keys.size(), strings.size());
}

TEST(ShortKey, EqualStringsHaveEqualKeysAndHashes) {
  const std::string a = "xx-sorry-xx", b = "sorry";
  const ShortKey ka = ShortKey::Of(std::string_view(a).substr(3, 5)), kb = ShortKey::Of(b);
  EXPECT_TRUE(ka == kb);
  EXPECT_EQ(ka.Hash(), kb.Hash());
  EXPECT_FALSE(ShortKey::Of("sorry") == ShortKey::Of("sorrY"));
  EXPECT_FALSE(ShortKey::Of("ab") == ShortKey::Of("aab"));
}

}  // namespace
}  // namespace tact::match
