#include "input/timestamp.h"

#include <gtest/gtest.h>

namespace tact::input {
namespace {

TEST(Timestamp, Clock) {
  double s;
  ASSERT_TRUE(ParseClock("01:02:03", &s));
  EXPECT_DOUBLE_EQ(s, 3723);
  ASSERT_TRUE(ParseClock("2:03", &s));
  EXPECT_DOUBLE_EQ(s, 123);
  ASSERT_TRUE(ParseClock("00:00:01.250", &s));
  EXPECT_DOUBLE_EQ(s, 1.25);
  ASSERT_TRUE(ParseClock("00:00:01,5", &s));
  EXPECT_DOUBLE_EQ(s, 1.5);
}

TEST(Timestamp, RejectsMalformed) {
  double s;
  for (const char* bad :
       {"", "12", "1:60", "1:2:3:4", "aa:bb", "01:02:", "1:02.", "01:02x", "99999999999:00"}) {
    EXPECT_FALSE(ParseClock(bad, &s)) << bad;
  }
}

}  // namespace
}  // namespace tact::input
