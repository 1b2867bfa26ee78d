#include "report/format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "report/summary_stats.h"
#include "text/utf8.h"

namespace tact::report {
namespace {

TEST(Format, Percent) {
  EXPECT_EQ(Percent(0.7143, 1), "71.4%");
  EXPECT_EQ(Percent(0.7143, 0), "71%");
  EXPECT_EQ(Percent(0, 1), "0.0%");
  EXPECT_EQ(Percent(1, 1), "100.0%");
  EXPECT_EQ(Percent(1, 0), "100%");
  // Exact halves round to even, as printf's %.0f does.
  EXPECT_EQ(Percent(0.125, 0), "12%");
  EXPECT_EQ(Percent(0.375, 0), "38%");
  EXPECT_EQ(Percent(0.99996, 1), "100.0%");
  // Nothing applied.
  EXPECT_EQ(Percent(-1, 1), "–");
  EXPECT_EQ(Percent(-1, 0, "n/a"), "n/a");
}

TEST(Format, RateWith) {
  EXPECT_EQ(RateWith(5.0 / 7.0, "met"), "71.4% met");
  EXPECT_EQ(RateWith(0, "clean"), "0.0% clean");
  EXPECT_EQ(RateWith(-1, "met"), "n/a");
}

TEST(Format, FixedAndWholeScore) {
  EXPECT_EQ(Fixed(61.25, 1), "61.2");  // 61.25 is exact: half to even
  EXPECT_EQ(Fixed(61.26, 1), "61.3");
  EXPECT_EQ(Fixed(0.125, 2), "0.12");
  EXPECT_EQ(WholeScore(61.5), "62");
  EXPECT_EQ(WholeScore(62.5), "62");
  EXPECT_EQ(WholeScore(99.6), "100");
  EXPECT_EQ(WholeScore(0), "0");
  EXPECT_EQ(WholeScore(-1), "n/a");
  EXPECT_EQ(WholeScore(-1, "–"), "–");
}

TEST(Format, ClockTime) {
  EXPECT_EQ(ClockTime(0), "0:00");
  EXPECT_EQ(ClockTime(59.9), "0:59");  // floored, never rounded up
  EXPECT_EQ(ClockTime(65), "1:05");
  EXPECT_EQ(ClockTime(3599.99), "59:59");
  EXPECT_EQ(ClockTime(3600), "1:00:00");
  EXPECT_EQ(ClockTime(3725.5), "1:02:05");
  EXPECT_EQ(ClockTime(36000 + 59 * 60 + 7), "10:59:07");
  EXPECT_EQ(ClockTime(100 * 3600), "100:00:00");
  // Unknown (negative) times.
  EXPECT_EQ(ClockTime(-5), "0:00");
  EXPECT_EQ(ClockTime(-65, NegativeTime::kAsIs), "-1:-5");
  EXPECT_EQ(ClockTime(65, NegativeTime::kAsIs), "1:05");
}

TEST(Format, NumberWithUnit) {
  for (UnitStyle style : {UnitStyle::kBare, UnitStyle::kNamed, UnitStyle::kAlways}) {
    EXPECT_EQ(NumberWithUnit(0.4251, "ratio", style), "0.43");
    EXPECT_EQ(NumberWithUnit(3.46, "s", style), "3.5 s");
    EXPECT_EQ(NumberWithUnit(3661, "s", style), "3661.0 s");
  }
  EXPECT_EQ(NumberWithUnit(12.4, "words", UnitStyle::kBare), "12");
  EXPECT_EQ(NumberWithUnit(12.4, "words", UnitStyle::kNamed), "12 words");
  EXPECT_EQ(NumberWithUnit(12.4, "words", UnitStyle::kAlways), "12 words");
  EXPECT_EQ(NumberWithUnit(12.5, "count", UnitStyle::kNamed), "12");
  EXPECT_EQ(NumberWithUnit(12, "", UnitStyle::kNamed), "12");
  EXPECT_EQ(NumberWithUnit(12, "count", UnitStyle::kAlways), "12 count");
  EXPECT_EQ(NumberWithUnit(12, "", UnitStyle::kAlways), "12 ");
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(NumberWithUnit(nan, "s", UnitStyle::kBare), "–");
  EXPECT_EQ(NumberWithUnit(nan, "words", UnitStyle::kNamed), "–");
}

TEST(Format, Rounded) {
  EXPECT_EQ(Rounded(2.5, 1), 3);
  EXPECT_EQ(Rounded(-2.5, 1), -3);  // halves away from zero
  EXPECT_DOUBLE_EQ(Rounded(0.12345, 1000), 0.123);
  EXPECT_DOUBLE_EQ(Rounded(61.25, 10), 61.3);
  EXPECT_TRUE(std::isinf(Rounded(1e308, 1000)));
  EXPECT_EQ(RoundedOrKept(1e308, 1000), 1e308);
  EXPECT_DOUBLE_EQ(RoundedOrKept(0.12345, 1000), 0.123);
}

TEST(Format, Utf8Boundary) {
  const std::string s =
      "a\xE2\x82\xAC"
      "b";  // a € b: the euro sign is bytes 1..3
  EXPECT_EQ(text::Utf8Boundary(s, 0, text::Toward::kStart), 0u);
  EXPECT_EQ(text::Utf8Boundary(s, 1, text::Toward::kEnd), 1u);
  EXPECT_EQ(text::Utf8Boundary(s, 2, text::Toward::kStart), 1u);
  EXPECT_EQ(text::Utf8Boundary(s, 3, text::Toward::kStart), 1u);
  EXPECT_EQ(text::Utf8Boundary(s, 2, text::Toward::kEnd), 4u);
  EXPECT_EQ(text::Utf8Boundary(s, 3, text::Toward::kEnd), 4u);
  EXPECT_EQ(text::Utf8Boundary(s, 5, text::Toward::kEnd), 5u);
  EXPECT_EQ(text::Utf8Boundary(s, 99, text::Toward::kEnd), 5u);
  // A continuation byte at the very end: forward stops at the end.
  EXPECT_EQ(text::Utf8Boundary("a\xE2\x82", 2, text::Toward::kEnd), 3u);
}

TEST(Format, ExcerptCutsNoCharacter) {
  // "aé" "MATCH" "éb": é is two bytes; the match is bytes [3, 8).
  const std::string t =
      "a\xC3\xA9MATCH\xC3\xA9"
      "b";
  ASSERT_EQ(t.size(), 11u);
  // One byte of context would cut each é in half: the excerpt widens.
  Excerpt e = ExcerptAround(t, 3, 8, 1);
  EXPECT_EQ(e.from, 1u);
  EXPECT_EQ(e.to, 10u);
  EXPECT_TRUE(e.cut_before());
  EXPECT_EQ(t.substr(e.from, e.to - e.from), "\xC3\xA9MATCH\xC3\xA9");
  e = ExcerptAround(t, 3, 8, 0);
  EXPECT_EQ(e.from, 3u);
  EXPECT_EQ(e.to, 8u);
  e = ExcerptAround(t, 3, 8, 3);  // reaches both ends
  EXPECT_EQ(e.from, 0u);
  EXPECT_FALSE(e.cut_before());
  EXPECT_EQ(e.to, t.size());
}

TEST(SummaryStats, DescribeAndGroups) {
  Histogram h;
  EXPECT_TRUE(std::isnan(Describe(h).median));
  for (double v : {10.0, 20.0, 30.0, 40.0, 100.0}) h.Add(v);
  Distribution d = Describe(h);
  EXPECT_EQ(d.count, 5u);
  EXPECT_DOUBLE_EQ(d.mean, 40);
  EXPECT_EQ(d.min, 10);
  EXPECT_EQ(d.max, 100);
  EXPECT_NEAR(d.median, 30, 0.3);  // exact to the 1% bucket
  EXPECT_EQ(d.p90, 100);

  GroupSummary g;
  EXPECT_FALSE(MeanScore(g).has_value());
  g.scored = 3;
  g.score_milli_sum = 185500;
  EXPECT_NEAR(*MeanScore(g), 61.8333, 1e-4);

  Summary s;
  s.behaviours["a"].kind = BehaviourKind::kExpected;
  s.behaviours["b"].kind = BehaviourKind::kAvoid;
  s.behaviours["c"].kind = BehaviourKind::kSignal;
  s.behaviours["d"].kind = BehaviourKind::kExpected;
  g.behaviours["a"].met = 1;
  g.behaviours["a"].missed = 1;  // 50%
  g.behaviours["b"].clean = 1;
  g.behaviours["b"].violated = 3;  // 25%
  g.behaviours["c"].absent = 5;    // a signal: never a "lowest rate"
  g.behaviours["d"].not_applicable = 2;
  auto low = LowestRates(s, g, 3);
  ASSERT_EQ(low.size(), 2u);
  EXPECT_EQ(low[0].second, "b");
  EXPECT_EQ(low[1].second, "a");
  EXPECT_EQ(LowestRates(s, g, 1).size(), 1u);
  EXPECT_EQ(BadStatus(BehaviourKind::kAvoid), Status::kViolated);
  EXPECT_EQ(GoodStatus(BehaviourKind::kSignal), Status::kPresent);
  EXPECT_EQ(ViolatedShare(s), -1);
  s.conversations = 8;
  s.violated_conversations = 2;
  EXPECT_EQ(ViolatedShare(s), 0.25);
}

}  // namespace
}  // namespace tact::report
