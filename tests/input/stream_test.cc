#include "input/stream.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace tact::input {
namespace {

std::string TempFile(const std::string& content) {
  char name[] = "/tmp/tact_stream_XXXXXX";
  int fd = mkstemp(name);
  EXPECT_GE(fd, 0);
  EXPECT_EQ(write(fd, content.data(), content.size()), static_cast<ssize_t>(content.size()));
  close(fd);
  return name;
}

TEST(InputStream, LinesAcrossChunkBoundaries) {
  // Lines of many lengths so that newlines fall on and around every 64 KiB boundary.
  std::string content;
  std::vector<std::string> lines;
  for (int i = 0; content.size() < (1u << 20); ++i) {
    std::string l(static_cast<size_t>((i * 7919) % 3000), static_cast<char>('a' + i % 26));
    l += std::to_string(i);
    lines.push_back(l);
    content += l + (i % 5 == 0 ? "\r\n" : "\n");
  }
  std::string path = TempFile(content);
  std::string err;
  auto in = InputStream::Open(path, &err);
  ASSERT_NE(in, nullptr) << err;
  std::string line;
  for (size_t i = 0; i < lines.size(); ++i) {
    ASSERT_EQ(in->NextLine(&line, 1 << 20), InputStream::Status::kOk) << i;
    ASSERT_EQ(line, lines[i]) << "line " << i + 1;
    EXPECT_EQ(in->line(), static_cast<int>(i) + 1);
  }
  EXPECT_EQ(in->NextLine(&line, 1 << 20), InputStream::Status::kEof);
  std::remove(path.c_str());
}

TEST(InputStream, OverlongLineIsSkippedWithoutBuffering) {
  std::string big(200000, 'x');
  std::string path = TempFile("first\n" + big + "\nlast");
  std::string err;
  auto in = InputStream::Open(path, &err);
  std::string line;
  size_t skipped = 0;
  EXPECT_EQ(in->NextLine(&line, 1000, &skipped), InputStream::Status::kOk);
  EXPECT_EQ(line, "first");
  EXPECT_EQ(in->NextLine(&line, 1000, &skipped), InputStream::Status::kTooLong);
  EXPECT_EQ(skipped, big.size());
  EXPECT_EQ(in->line(), 2);
  EXPECT_EQ(in->NextLine(&line, 1000, &skipped), InputStream::Status::kOk);
  EXPECT_EQ(line, "last");  // no final newline
  EXPECT_EQ(in->line(), 3);
  EXPECT_EQ(in->NextLine(&line, 1000), InputStream::Status::kEof);
  std::remove(path.c_str());
}

TEST(InputStream, ReadAllLimit) {
  auto in = InputStream::FromString(std::string(5000, 'y'));
  std::string out;
  EXPECT_EQ(in->ReadAll(&out, 100), InputStream::Status::kTooLong);
  auto ok = InputStream::FromString("abc");
  EXPECT_EQ(ok->ReadAll(&out, 100), InputStream::Status::kOk);
  EXPECT_EQ(out, "abc");
}

// A regular file over the limit is refused from its size, before reading
// it; a file within it is read whole, with room for a JSON parser's padding
// (so the parser needs no second copy).
TEST(InputStream, ReadAllKnowsAFilesSizeAndPads) {
  const std::string path = TempFile(std::string(300000, 'z'));
  std::string err, out;
  auto big = InputStream::Open(path, &err);
  ASSERT_NE(big, nullptr) << err;
  EXPECT_EQ(big->ReadAll(&out, 100000), InputStream::Status::kTooLong);
  EXPECT_EQ(big->bytes_read(), 0u);
  EXPECT_TRUE(out.empty());
  auto ok = InputStream::Open(path, &err);
  ASSERT_EQ(ok->ReadAll(&out, 300000), InputStream::Status::kOk);
  EXPECT_EQ(out.size(), 300000u);
  EXPECT_GE(out.capacity() - out.size(), 64u);
  EXPECT_LT(out.capacity(), 300000u + (1u << 17) + 64);  // one reservation, not doubled
  std::remove(path.c_str());
}

// A device without a size (/dev/zero) stops at the limit with a capacity
// near it, not at twice it.
TEST(InputStream, ReadAllFromAnEndlessDeviceStopsAtTheLimit) {
  std::string err, out;
  auto zero = InputStream::Open("/dev/zero", &err);
  if (zero == nullptr) GTEST_SKIP() << err;
  EXPECT_EQ(zero->ReadAll(&out, 3000000), InputStream::Status::kTooLong);
  EXPECT_LE(out.capacity(), 3000000u + (1u << 16) + 64);
}

TEST(InputStream, MissingFile) {
  std::string err;
  EXPECT_EQ(InputStream::Open("/nonexistent/x", &err), nullptr);
  EXPECT_NE(err.find("No such file"), std::string::npos);
}

}  // namespace
}  // namespace tact::input
