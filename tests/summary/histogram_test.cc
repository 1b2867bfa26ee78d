#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>

#include "summary/summary.h"

namespace tact::summary {
namespace {

// Counts per bucket as Add() must record them, found through a one-value
// histogram (the only bucket it has).
int32_t BucketOf(double v) {
  Histogram one;
  one.Add(v);
  return one.buckets().begin()->first;
}

// Values far apart (outside Add's dense window of the first value's
// neighbourhood), negative, zero and repeated land in the same buckets as
// one by one, whenever the histogram is read.
TEST(Histogram, CountsEveryBucketWhereverTheValuesFall) {
  const double values[] = {12.5, 12.5, 0,     1e-4, 3e9,  -7,   12.6, 1e200,
                           60,   0.75, -1e12, 45.1, 12.5, 1e-9, 5e6,  3600};
  Histogram h;
  std::map<int32_t, uint64_t> want;
  for (double v : values) {
    h.Add(v);
    ++want[BucketOf(v)];
    if (v == 60) {
      EXPECT_EQ(h.buckets(), want);  // read in between
    }
  }
  EXPECT_EQ(h.buckets(), want);
  EXPECT_EQ(h.count(), std::size(values));
  EXPECT_EQ(h.min(), -1e12);
  EXPECT_EQ(h.max(), 1e200);
  EXPECT_EQ(h.Quantile(0.5), Histogram::Representative(BucketOf(12.6)));
}

// A value past what the sum of thousandths holds pins the sum at its limit
// (it overflowed a signed integer before), and the next values do not wrap it.
TEST(Histogram, TheSumSaturatesInsteadOfOverflowing) {
  Histogram h;
  h.Add(1.5);
  EXPECT_EQ(h.sum_milli(), 1500);
  h.Add(1e200);
  EXPECT_EQ(h.sum_milli(), std::numeric_limits<int64_t>::max());
  h.Add(9e15);  // 9e18 thousandths more: still the limit
  EXPECT_EQ(h.sum_milli(), std::numeric_limits<int64_t>::max());
  Histogram low;
  low.Add(-1e200);
  low.Add(-9e15);
  EXPECT_EQ(low.sum_milli(), std::numeric_limits<int64_t>::min());
  EXPECT_EQ(low.count(), 2u);
}

TEST(Histogram, MergeAndRestoreSeeAddedCounts) {
  Histogram a, b;
  for (int i = 1; i <= 50; ++i) a.Add(i);
  for (int i = 26; i <= 100; ++i) b.Add(i * 1.5);
  Histogram all;
  for (int i = 1; i <= 50; ++i) all.Add(i);
  for (int i = 26; i <= 100; ++i) all.Add(i * 1.5);
  ASSERT_TRUE(a.Merge(b));  // neither read before
  EXPECT_EQ(a.buckets(), all.buckets());
  EXPECT_EQ(a.count(), all.count());
  EXPECT_EQ(a.Quantile(0.9), all.Quantile(0.9));
  Histogram r;
  r.Add(5);
  r.Restore(a.count(), a.sum_milli(), a.min(), a.max(), a.buckets());
  EXPECT_EQ(r.buckets(), all.buckets());  // the earlier Add is gone
  r.Add(5);
  all.Add(5);
  EXPECT_EQ(r.buckets(), all.buckets());
}

}  // namespace
}  // namespace tact::summary
