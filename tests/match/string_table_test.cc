#include "match/string_table.h"

#include <gtest/gtest.h>

#include <cstring>

#include "common/bytes.h"

namespace tact::match {
namespace {

TEST(StringTable, FindsEveryKeyAndNothingElse) {
  std::unordered_map<std::string, uint32_t> m;
  for (uint32_t i = 0; i < 5000; ++i) m["w" + std::to_string(i * 7)] = i + 3;
  m["извините"] = 9001;
  m[""] = 9002;
  const StringTable t(m);
  EXPECT_EQ(t.size(), m.size());
  for (const auto& [k, v] : m) {
    uint32_t id = 0;
    ASSERT_TRUE(t.Find(k, &id)) << k;
    EXPECT_EQ(id, v);
  }
  uint32_t id = 0;
  EXPECT_FALSE(t.Find("w1", &id));
  EXPECT_FALSE(t.Find("извини", &id));
  EXPECT_FALSE(t.Find("a key longer than any key in the table", &id));
  EXPECT_FALSE(StringTable().Find("", &id));
  EXPECT_FALSE(StringTable(std::unordered_map<std::string, uint32_t>()).Find("x", &id));
  for (size_t i = 1; i < t.size(); ++i) EXPECT_LT(t.key(i - 1), t.key(i));  // sorted
}

TEST(StringTable, SavedAndLoadedInPlaceOrCopied) {
  const StringTable t({{"sorry", 4}, {"thanks", 5}, {"takk", 6}});
  ByteWriter w;
  t.Save(&w);
  for (bool borrow : {true, false}) {
    ByteReader r(w.bytes());
    StringTable u;
    ASSERT_TRUE(u.Load(&r, borrow));
    uint32_t id = 0;
    ASSERT_TRUE(u.Find("takk", &id));
    EXPECT_EQ(id, 6u);
    const bool in_place = u.key(0).data() >= w.bytes().data() &&
                          u.key(0).data() < w.bytes().data() + w.bytes().size();
    EXPECT_EQ(in_place, borrow);
    ByteWriter again;
    u.Save(&again);
    EXPECT_EQ(again.bytes(), w.bytes());
  }
}

TEST(StringTable, DamagedBytesAreRefused) {
  const StringTable t({{"sorry", 4}, {"thanks", 5}});
  ByteWriter w;
  t.Save(&w);
  // Cut short anywhere.
  for (size_t cut = 0; cut < w.size(); ++cut) {
    ByteReader r(std::string_view(w.bytes()).substr(0, cut));
    StringTable u;
    EXPECT_FALSE(u.Load(&r, false)) << cut;
  }
  // max_key_size below a key's length: the offsets are refused.
  std::string bad = w.bytes();
  const uint64_t one = 1;
  memcpy(bad.data(), &one, sizeof one);
  ByteReader r(bad);
  StringTable u;
  EXPECT_FALSE(u.Load(&r, false));
}

}  // namespace
}  // namespace tact::match
