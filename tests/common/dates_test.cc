#include "common/dates.h"

#include <gtest/gtest.h>

namespace tact {
namespace {

TEST(Dates, ParsesTheDateAtTheStartOfAValue) {
  EXPECT_EQ(ParseDay("1970-01-01"), 0);
  EXPECT_EQ(ParseDay("1970-01-02T00:00:00Z"), 1);
  EXPECT_EQ(ParseDay("2024-08-27 08:36:02.250"), 19962);
  EXPECT_EQ(ParseDay("2024-02-29"), 19782);
  EXPECT_FALSE(ParseDay("2023-02-29"));
  EXPECT_FALSE(ParseDay("2024-13-01"));
  EXPECT_FALSE(ParseDay("2024-08-270"));
  EXPECT_FALSE(ParseDay("27/08/2024"));
  EXPECT_FALSE(ParseDay("2024-8-27"));
  EXPECT_FALSE(ParseDay(""));
}

TEST(Dates, DayTextRoundTrips) {
  for (int day : {-1000, 0, 19782, 19962, 20000, 40000}) {
    EXPECT_EQ(ParseDay(DayText(day)), day) << DayText(day);
  }
  EXPECT_EQ(DayText(19962), "2024-08-27");
}

TEST(Dates, IsoWeeksBelongToTheYearOfTheirThursday) {
  const auto week = [](const char* date) { return PeriodKey(*ParseDay(date), Period::kWeek); };
  EXPECT_EQ(week("2024-11-25"), "2024-W48");  // a Monday
  EXPECT_EQ(week("2024-12-01"), "2024-W48");  // its Sunday
  EXPECT_EQ(week("2024-12-02"), "2024-W49");
  EXPECT_EQ(week("2024-12-30"), "2025-W01");  // Monday of the week of 2 January 2025
  EXPECT_EQ(week("2021-01-03"), "2020-W53");  // 2020 had 53 weeks
  EXPECT_EQ(week("2026-01-01"), "2026-W01");
}

TEST(Dates, PeriodKeysAndRanges) {
  const int day = *ParseDay("2024-11-27");  // a Wednesday
  EXPECT_EQ(PeriodKey(day, Period::kDay), "2024-11-27");
  EXPECT_EQ(PeriodKey(day, Period::kMonth), "2024-11");
  auto [from, to] = PeriodRange(day, Period::kWeek);
  EXPECT_EQ(DayText(from), "2024-11-25");
  EXPECT_EQ(DayText(to), "2024-12-01");
  std::tie(from, to) = PeriodRange(day, Period::kMonth);
  EXPECT_EQ(DayText(from), "2024-11-01");
  EXPECT_EQ(DayText(to), "2024-11-30");
  std::tie(from, to) = PeriodRange(*ParseDay("2024-12-09"), Period::kMonth);
  EXPECT_EQ(DayText(to), "2024-12-31");
}

TEST(Dates, TheConversationsDateComesFromTheFirstDateKeyItCarries) {
  EXPECT_EQ(MetadataDay({{"queue", "2024-01-01"}}), std::nullopt);  // not a date key
  EXPECT_EQ(MetadataDay({{"date", "2024-01-02"}, {"started_at", "2024-01-03T23:59:00.000Z"}}),
            ParseDay("2024-01-03"));
  EXPECT_EQ(MetadataDay({{"started_at", "soon"}, {"created_at", "2024-01-04"}}),
            ParseDay("2024-01-04"));
  EXPECT_EQ(MetadataDay({}), std::nullopt);
}

TEST(Dates, PeriodNames) {
  Period p;
  ASSERT_TRUE(ParsePeriod("week", &p));
  EXPECT_EQ(p, Period::kWeek);
  EXPECT_EQ(PeriodName(Period::kMonth), "month");
  EXPECT_FALSE(ParsePeriod("year", &p));
}

}  // namespace
}  // namespace tact
