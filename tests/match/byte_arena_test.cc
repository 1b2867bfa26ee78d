// The classifier's arena: what it stores stays where it was put, aligned, while
// more is added, in blocks rather than one allocation per item.
#include "match/byte_arena.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace tact::match {
namespace {

TEST(ByteArena, ViewsStayValidAsItGrows) {
  ByteArena arena(256);
  std::vector<std::string> words;
  std::vector<std::string_view> views;
  for (int i = 0; i < 1000; ++i) {
    words.push_back("word" + std::to_string(i));
    views.push_back(arena.Copy(words.back()));
  }
  const std::string big(1000, 'x');  // over a quarter block: a block of its own
  std::string_view big_view = arena.Copy(big);
  views.push_back(arena.Copy(std::string_view("after")));
  for (size_t i = 0; i < words.size(); ++i) EXPECT_EQ(views[i], words[i]);
  EXPECT_EQ(big_view, big);
  EXPECT_EQ(views.back(), "after");
  // Far fewer blocks than items: about 8 bytes each in 256-byte blocks, and the big one.
  EXPECT_LT(arena.capacity(), 1000u * 8 * 2 + 2 * 1024);
}

TEST(ByteArena, ItemsAreAligned) {
  ByteArena arena(64);
  for (int i = 0; i < 100; ++i) {
    arena.Copy(std::string_view("abc", static_cast<size_t>(i % 3 + 1)));
    const uint32_t atoms[] = {1, 2, static_cast<uint32_t>(i)};
    std::span<const uint32_t> s = arena.Copy(std::span<const uint32_t>(atoms));
    EXPECT_EQ(reinterpret_cast<uintptr_t>(s.data()) % alignof(uint32_t), 0u);
    EXPECT_EQ(s[2], static_cast<uint32_t>(i));
    void* p = arena.Allocate(8, 8);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % 8, 0u);
  }
}

TEST(ByteArena, EmptyItemsTakeNothingAndClearFreesAll) {
  ByteArena arena;
  EXPECT_TRUE(arena.Copy(std::string_view()).empty());
  EXPECT_EQ(arena.capacity(), 0u);
  arena.Copy(std::string_view("x"));
  EXPECT_GT(arena.capacity(), 0u);
  arena.Clear();
  EXPECT_EQ(arena.capacity(), 0u);
  EXPECT_EQ(arena.Copy(std::string_view("again")), "again");
}

TEST(ByteArena, RewindLetsASubsetSlideDownInPlace) {
  ByteArena arena(256);
  std::vector<std::string> words;
  std::vector<std::string_view> views;
  for (int i = 0; i < 300; ++i) {
    words.push_back(std::string(static_cast<size_t>(i % 13 + 1), static_cast<char>('a' + i % 26)));
    views.push_back(arena.Copy(words.back()));
    if (i == 150) views.push_back(arena.Copy(std::string(500, 'L')));  // a block of its own
  }
  const size_t blocks = arena.capacity() - 500 - 1;
  std::vector<ByteArena::Block> large = arena.Rewind();
  EXPECT_EQ(large.size(), 1u);
  std::vector<std::string> kept;
  std::vector<std::string_view> moved;
  for (size_t i = 0; i < views.size(); i += 3) {  // every third, in order
    kept.emplace_back(views[i]);                  // (what it was, for the check)
    moved.push_back(arena.Copy(views[i]));
  }
  large.clear();
  for (size_t i = 0; i < moved.size(); ++i) EXPECT_EQ(moved[i], kept[i]) << i;
  EXPECT_EQ(arena.capacity(), blocks) << "no new block for the survivors";
}

}  // namespace
}  // namespace tact::match
