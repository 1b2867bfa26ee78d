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

TEST(InputStream, MissingFile) {
  std::string err;
  EXPECT_EQ(InputStream::Open("/nonexistent/x", &err), nullptr);
  EXPECT_NE(err.find("No such file"), std::string::npos);
}

}  // namespace
}  // namespace tact::input
