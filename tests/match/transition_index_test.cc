// The DFA transition table against a std::unordered_map reference: packed and
// unpacked keys, growth, and Clear().
#include "match/transition_index.h"

#include <gtest/gtest.h>

#include <random>
#include <unordered_map>

namespace tact::match {
namespace {

uint64_t Pair(uint32_t state, uint32_t cls) { return (static_cast<uint64_t>(state) << 32) | cls; }

TEST(TransitionIndex, FindsWhatWasInsertedAndNothingElse) {
  TransitionIndex index;
  std::unordered_map<uint64_t, TransitionIndex::Entry> ref;
  std::mt19937 rng(11);
  // Mostly small keys (the packed table), some past the packed bounds: a
  // class >= 2^12, a state >= 2^20 - 1, a next state >= 2^31.
  for (uint32_t n = 0; n < 20000; ++n) {
    uint32_t state = rng() % 3000, cls = rng() % 200, next = n;
    switch (rng() % 16) {
      case 0:
        cls = 4096 + rng() % 100000;
        break;
      case 1:
        state = (1u << 20) - 1 + rng() % 1000;
        break;
      case 2:
        next = 0x80000000u + n;
        break;
      default:
        break;
    }
    if (ref.count(Pair(state, cls))) continue;
    const TransitionIndex::Entry e{next, n * 3, rng() % 2 == 0};
    index.Insert(state, cls, e);
    ref.emplace(Pair(state, cls), e);
  }
  EXPECT_EQ(index.size(), ref.size());
  EXPECT_GT(index.slot_count(), 1024u);  // it grew
  EXPECT_LE(index.size() * 4, index.slot_count() * 3 + ref.size() * 4);
  for (const auto& [key, want] : ref) {
    TransitionIndex::Entry got;
    ASSERT_TRUE(index.Find(static_cast<uint32_t>(key >> 32), static_cast<uint32_t>(key), &got))
        << (key >> 32) << " " << static_cast<uint32_t>(key);
    EXPECT_EQ(got.next, want.next);
    EXPECT_EQ(got.transition, want.transition);
    EXPECT_EQ(got.accepts, want.accepts);
  }
  // Pairs never inserted are not found.
  for (uint32_t k = 0; k < 20000; ++k) {
    const uint32_t state = rng() % 4000, cls = rng() % 300;
    TransitionIndex::Entry got;
    EXPECT_EQ(index.Find(state, cls, &got), ref.count(Pair(state, cls)) > 0);
  }
}

TEST(TransitionIndex, ClearForgetsEverything) {
  TransitionIndex index;
  for (uint32_t s = 0; s < 5000; ++s) index.Insert(s, 7, {s + 1, s, false});
  index.Insert(5, 1u << 20, {1, 2, true});  // a class past the packed bound
  index.Clear();
  EXPECT_EQ(index.size(), 0u);
  EXPECT_EQ(index.slot_count(), 1024u);
  TransitionIndex::Entry got;
  EXPECT_FALSE(index.Find(3, 7, &got));
  EXPECT_FALSE(index.Find(5, 1u << 20, &got));
  index.Insert(3, 7, {9, 4, true});
  ASSERT_TRUE(index.Find(3, 7, &got));
  EXPECT_EQ(got.next, 9u);
  EXPECT_EQ(got.transition, 4u);
  EXPECT_TRUE(got.accepts);
}

// The front cache holds 4096 pairs: with many more pairs, each found in
// turn, entries keep evicting each other, and every answer must still be the
// table's. A Clear() must drop the cached pairs too: after it, the same pairs
// inserted with other values give the new values.
TEST(TransitionIndex, FrontCacheAgreesWithTheTableAfterEvictionsAndClear) {
  TransitionIndex index;
  std::mt19937 rng(5);
  auto value = [](uint32_t s, uint32_t c, uint32_t round) {
    return TransitionIndex::Entry{s * 7 + c + round, s * 131 + c + round, (s + c + round) % 3 == 0};
  };
  for (uint32_t round = 0; round < 2; ++round) {
    for (uint32_t s = 0; s < 400; ++s) {
      for (uint32_t c = 0; c < 30; ++c) index.Insert(s, c, value(s, c, round));
    }
    for (uint32_t k = 0; k < 60000; ++k) {
      // Hot pairs (a few states) mixed with cold ones, as a text does.
      const uint32_t s = k % 3 == 0 ? rng() % 400 : rng() % 4, c = rng() % 30;
      TransitionIndex::Entry got;
      ASSERT_TRUE(index.Find(s, c, &got));
      const TransitionIndex::Entry want = value(s, c, round);
      ASSERT_EQ(got.next, want.next) << s << " " << c << " round " << round;
      ASSERT_EQ(got.transition, want.transition);
      ASSERT_EQ(got.accepts, want.accepts);
      EXPECT_FALSE(index.Find(s, 30 + c, &got));  // never inserted, cached or not
    }
    index.Clear();
    TransitionIndex::Entry got;
    EXPECT_FALSE(index.Find(1, 1, &got));
  }
}

}  // namespace
}  // namespace tact::match
