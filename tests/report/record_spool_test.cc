#include "report/record_spool.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace tact::report {
namespace {

// Sets TMPDIR for one test and puts the previous value back.
class TmpdirScope {
 public:
  explicit TmpdirScope(const char* dir) {
    if (const char* old = std::getenv("TMPDIR")) old_ = old, had_ = true;
    setenv("TMPDIR", dir, 1);
  }
  ~TmpdirScope() {
    if (had_)
      setenv("TMPDIR", old_.c_str(), 1);
    else
      unsetenv("TMPDIR");
  }

 private:
  std::string old_;
  bool had_ = false;
};

// Far more bytes than the file's buffer, records of every shape: empty, with
// newlines and NULs, long ones.
TEST(RecordSpool, GivesBackEveryRecordInOrder) {
  RecordSpool spool("a test");
  std::vector<std::string> written;
  for (size_t i = 0; i < 20000; ++i) {
    std::string r = std::to_string(i);
    if (i % 7 == 0) r.clear();
    if (i % 11 == 0) r += std::string("a\nb\0c", 5);
    if (i % 997 == 0) r += std::string(100000 + i, 'x');
    written.push_back(r);
    spool.Append(r);
  }
  EXPECT_EQ(spool.size(), written.size());
  std::vector<std::string> read;
  std::string error;
  ASSERT_TRUE(spool.ForEach([&](std::string_view r) { read.emplace_back(r); }, &error)) << error;
  EXPECT_EQ(read, written);
  EXPECT_EQ(spool.size(), 0u);  // read once
}

TEST(RecordSpool, EmptyCreatesNoFileAndCallsNothing) {
  TmpdirScope tmp("/nonexistent-tact-dir");  // would fail if a file were created
  RecordSpool spool("a test");
  std::string error;
  size_t calls = 0;
  EXPECT_TRUE(spool.ForEach([&](std::string_view) { ++calls; }, &error)) << error;
  EXPECT_EQ(calls, 0u);
}

TEST(RecordSpool, AFolderItCannotWriteToIsAClearError) {
  TmpdirScope tmp("/nonexistent-tact-dir");
  RecordSpool spool("the test's rows");
  spool.Append("a");
  spool.Append("b");
  std::string error;
  size_t calls = 0;
  EXPECT_FALSE(spool.ForEach([&](std::string_view) { ++calls; }, &error));
  EXPECT_EQ(calls, 0u);
  EXPECT_NE(error.find("cannot create a temporary file in '/nonexistent-tact-dir' for the test's "
                       "rows: No such file or directory"),
            std::string::npos)
      << error;
  EXPECT_NE(error.find("TMPDIR"), std::string::npos) << error;
}

}  // namespace
}  // namespace tact::report
