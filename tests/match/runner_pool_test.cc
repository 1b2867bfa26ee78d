#include "match/runner_pool.h"

#include <gtest/gtest.h>

#include <vector>

namespace tact::match {
namespace {

TEST(RunnerPool, NarrowHoldsValuesUpToTheBoundInSixteenBits) {
  RunnerPool pool;
  pool.Reset(RunnerPool::kNarrowMax);
  EXPECT_FALSE(pool.wide());
  const std::vector<uint32_t> a = {0, 1, RunnerPool::kNarrowMax}, b = {7, 8};
  EXPECT_EQ(pool.Append(a), 0u);
  EXPECT_EQ(pool.Append(b), 3u);
  ASSERT_EQ(pool.size(), 5u);
  EXPECT_EQ(pool[2], RunnerPool::kNarrowMax);
  EXPECT_EQ(pool[4], 8u);
  EXPECT_TRUE(pool.Equals(0, a));
  EXPECT_TRUE(pool.Equals(3, b));
  EXPECT_FALSE(pool.Equals(1, b));
}

TEST(RunnerPool, WideKeepsValuesPastSixteenBits) {
  RunnerPool pool;
  pool.Reset(RunnerPool::kNarrowMax + 1);
  EXPECT_TRUE(pool.wide());
  const std::vector<uint32_t> a = {70000, 0xFFFF, 0x12345678, 3};
  EXPECT_EQ(pool.Append(a), 0u);
  EXPECT_EQ(pool.Append(a), 4u);
  ASSERT_EQ(pool.size(), 8u);
  for (size_t k = 0; k < a.size(); ++k) EXPECT_EQ(pool[4 + k], a[k]) << k;
  EXPECT_TRUE(pool.Equals(4, a));
  const std::vector<uint32_t> low = {70000 & 0xFFFF};
  EXPECT_FALSE(pool.Equals(0, low));  // the high half counts
}

TEST(RunnerPool, ListsAcrossBlockBoundariesReadBackWhole) {
  for (uint32_t max : {RunnerPool::kNarrowMax, RunnerPool::kNarrowMax + 1}) {
    RunnerPool pool;
    pool.Reset(max);
    std::vector<std::vector<uint32_t>> lists;
    std::vector<uint32_t> at;
    for (uint32_t i = 0; i < 3000; ++i) {  // ~45 000 entries: several 16 K-unit blocks
      std::vector<uint32_t> v(1 + i % 29);
      for (size_t k = 0; k < v.size(); ++k) v[k] = (i * 31 + static_cast<uint32_t>(k)) % (max + 1);
      at.push_back(pool.Append(v));
      lists.push_back(std::move(v));
    }
    for (size_t i = 0; i < lists.size(); ++i) {
      ASSERT_TRUE(pool.Equals(at[i], lists[i])) << i;
      for (size_t k = 0; k < lists[i].size(); ++k) ASSERT_EQ(pool[at[i] + k], lists[i][k]);
      std::vector<uint32_t> other = lists[i];
      other.back() ^= 1;
      EXPECT_FALSE(pool.Equals(at[i], other)) << i;
    }
    EXPECT_TRUE(pool.Equals(pool.size(), {}));
  }
}

TEST(RunnerPool, ResetEmptiesAndChangesWidth) {
  RunnerPool pool;
  pool.Reset(1u << 20);
  pool.Append(std::vector<uint32_t>{1u << 20});
  pool.Reset(10);
  EXPECT_EQ(pool.size(), 0u);
  EXPECT_FALSE(pool.wide());
  pool.Append(std::vector<uint32_t>{10, 9});
  pool.Clear();
  EXPECT_EQ(pool.size(), 0u);
  EXPECT_FALSE(pool.wide());
}

}  // namespace
}  // namespace tact::match
