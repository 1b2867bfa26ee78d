#include "summary/shards.h"

#include <gtest/gtest.h>

namespace tact::summary {
namespace {

TEST(ShardLedger, CompleteSetsBecomeTheWholeInput) {
  ShardLedger l;
  std::string err;
  EXPECT_TRUE(l.Add("s1.json", {{"aa", 1, 3}}, &err)) << err;
  EXPECT_TRUE(l.Add("s3.json", {{"aa", 3, 3}}, &err)) << err;
  EXPECT_EQ(l.Merged(), (std::vector<ShardId>{{"aa", 1, 3}, {"aa", 3, 3}}));
  EXPECT_TRUE(l.Add("s2.json", {{"aa", 2, 3}}, &err)) << err;
  EXPECT_EQ(l.Merged(), (std::vector<ShardId>{{"aa", 1, 1}}));  // what one run writes
  // Another input beside it is fine.
  EXPECT_TRUE(l.Add("b.json", {{"bb", 1, 1}}, &err)) << err;
  EXPECT_EQ(l.Merged(), (std::vector<ShardId>{{"aa", 1, 1}, {"bb", 1, 1}}));
}

TEST(ShardLedger, TheSameShardTwiceIsRefused) {
  ShardLedger l;
  std::string err;
  ASSERT_TRUE(l.Add("part2.json", {{"aa", 2, 4}}, &err));
  EXPECT_FALSE(l.Add("rerun2.json", {{"aa", 2, 4}}, &err));
  EXPECT_EQ(err, "shard 2/4 of input aa is already merged from part2.json");
}

TEST(ShardLedger, ShardsCutTwoWaysOverlap) {
  ShardLedger l;
  std::string err;
  ASSERT_TRUE(l.Add("q.json", {{"aa", 2, 4}}, &err));
  EXPECT_FALSE(l.Add("t.json", {{"aa", 1, 3}}, &err));
  EXPECT_EQ(err,
            "shard 1/3 of input aa overlaps shard(s) of q.json cut into 4 (the same "
            "conversations would be counted twice)");
  // A whole input overlaps any of its shards.
  EXPECT_FALSE(l.Add("all.json", {{"aa", 1, 1}}, &err));
}

TEST(ShardLedger, ARefusedSummaryLeavesNoTrace) {
  ShardLedger l;
  std::string err;
  ASSERT_TRUE(l.Add("m.json", {{"aa", 1, 2}}, &err));
  // A merged summary holding a new shard of bb and a duplicate of aa.
  EXPECT_FALSE(l.Add("x.json", {{"bb", 1, 2}, {"aa", 1, 2}}, &err));
  EXPECT_TRUE(l.Add("y.json", {{"bb", 1, 2}}, &err)) << err;
}

TEST(ShardLedger, EmptyInputsNeverClash) {
  ShardLedger l;
  std::string err;
  EXPECT_TRUE(l.Add("monday.json", {{"", 1, 1}}, &err));
  EXPECT_TRUE(l.Add("tuesday.json", {{"", 1, 1}}, &err));
  EXPECT_EQ(l.Merged(), (std::vector<ShardId>{{"", 1, 1}}));
}

}  // namespace
}  // namespace tact::summary
