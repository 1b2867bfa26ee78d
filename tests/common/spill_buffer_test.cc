#include "common/spill_buffer.h"

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace tact {
namespace {

// Everything Drain hands over, and the size of its largest piece.
struct Drained {
  std::string text;
  size_t largest = 0;
  bool ok = false;
};

Drained DrainAll(SpillBuffer* b, size_t piece) {
  Drained d;
  d.ok = b->Drain(
      [&](std::string_view p) {
        d.text.append(p);
        d.largest = std::max(d.largest, p.size());
      },
      piece);
  return d;
}

std::string Numbers(int from, int to) {
  std::string s;
  for (int i = from; i < to; ++i) s += std::to_string(i) + ",";
  return s;
}

TEST(SpillBuffer, UnderTheBudgetNothingMovesToTheFile) {
  SpillBuffer b(1000);
  b.Append("abc");
  b.Append("def");
  EXPECT_EQ(b.size(), 6u);
  EXPECT_EQ(b.spilled(), 0u);
  Drained d = DrainAll(&b, 4);
  EXPECT_TRUE(d.ok);
  EXPECT_EQ(d.text, "abcdef");
  EXPECT_TRUE(b.empty());
}

// Past the budget the text goes to the file, and comes back in order, in
// pieces no bigger than asked, followed by what is still in memory.
TEST(SpillBuffer, PastTheBudgetTheTextMovesToTheFileAndComesBackInOrder) {
  SpillBuffer b(16);
  std::string all;
  for (int i = 0; i < 500; ++i) {
    std::string part = Numbers(i * 7, i * 7 + 7);
    b.Append(part);
    all += part;
  }
  EXPECT_EQ(b.size(), all.size());
  EXPECT_GT(b.spilled(), all.size() - 40);  // at most the budget and one part stay in memory
  Drained d = DrainAll(&b, 100);
  EXPECT_TRUE(d.ok);
  EXPECT_EQ(d.text, all);
  EXPECT_LE(d.largest, 100u);
  EXPECT_EQ(b.size(), 0u);
  EXPECT_EQ(b.spilled(), 0u);
}

// After a Drain the buffer starts over: a shorter second section does not
// bring back the end of the first from the file.
TEST(SpillBuffer, ReusedAfterDrainWithoutTheEarlierText) {
  SpillBuffer b(0);
  b.Append(std::string(5000, 'a'));
  EXPECT_EQ(DrainAll(&b, 1024).text, std::string(5000, 'a'));
  b.Append("short");
  b.Append(" second");
  EXPECT_EQ(b.spilled(), 12u);
  Drained d = DrainAll(&b, 1024);
  EXPECT_TRUE(d.ok);
  EXPECT_EQ(d.text, "short second");
  EXPECT_EQ(DrainAll(&b, 1024).text, "");  // empty: nothing handed over
}

TEST(SpillBuffer, BinaryBytesSurvive) {
  SpillBuffer b(3);
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
  b.Append(bytes);
  b.Append(std::string("\0\0", 2));
  EXPECT_EQ(DrainAll(&b, 7).text, bytes + std::string("\0\0", 2));
}

// No file can be opened (here: no file descriptor left): the text stays in
// memory and comes back whole.
TEST(SpillBuffer, WithoutATemporaryFileTheTextStaysInMemory) {
  rlimit saved{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &saved), 0);
  rlimit none = saved;
  none.rlim_cur = 0;
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &none), 0);
  SpillBuffer b(8);
  const std::string all = Numbers(0, 300);
  b.Append(all.substr(0, 100));
  b.Append(all.substr(100));
  const size_t spilled = b.spilled();
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &saved), 0);
  EXPECT_EQ(spilled, 0u);
  Drained d = DrainAll(&b, 16);
  EXPECT_TRUE(d.ok);
  EXPECT_EQ(d.text, all);
}

// The file goes where TMPDIR says (tmpfile() ignored it): a folder that does
// not exist leaves the text in memory.
TEST(SpillBuffer, TheFileGoesToTmpdir) {
  const char* old = std::getenv("TMPDIR");
  const std::string saved = old != nullptr ? old : "";
  setenv("TMPDIR", "/nonexistent-tact-spill-dir", 1);
  SpillBuffer b(8);
  b.Append(Numbers(0, 50));
  const size_t spilled = b.spilled();
  if (old != nullptr)
    setenv("TMPDIR", saved.c_str(), 1);
  else
    unsetenv("TMPDIR");
  EXPECT_EQ(spilled, 0u);
  SpillBuffer there(8);
  there.Append(Numbers(0, 50));
  EXPECT_GT(there.spilled(), 0u);
  EXPECT_EQ(DrainAll(&b, 16).text, Numbers(0, 50));
}

}  // namespace
}  // namespace tact
