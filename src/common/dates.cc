#include "common/dates.h"

#include <fmt/format.h>

namespace tact {
namespace {

// Days from 1970-01-01 of a civil date, and back (H. Hinnant's algorithms).
int DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  int y, m, d;
};

Civil CivilFromDays(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp + (mp < 10 ? 3 : -9);
  return {yoe + era * 400 + (m <= 2), m, d};
}

// Monday = 0 … Sunday = 6 (day 0, 1970-01-01, was a Thursday).
int Weekday(int day) { return ((day + 3) % 7 + 7) % 7; }

bool Digits(std::string_view s, size_t from, size_t n, int* out) {
  int v = 0;
  for (size_t i = from; i < from + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

struct PeriodNameRow {
  const char* name;
  Period period;
};
constexpr PeriodNameRow kPeriods[] = {
    {"day", Period::kDay}, {"week", Period::kWeek}, {"month", Period::kMonth}};

// The metadata keys a date is read from, in order of preference.
constexpr const char* kDateKeys[] = {"started_at", "date",       "created_at", "timestamp",
                                     "datetime",   "start_time", "sent_at"};

}  // namespace

bool ParsePeriod(std::string_view name, Period* out) {
  for (const auto& row : kPeriods) {
    if (name == row.name) {
      *out = row.period;
      return true;
    }
  }
  return false;
}

std::string_view PeriodName(Period p) {
  for (const auto& row : kPeriods) {
    if (row.period == p) return row.name;
  }
  return "day";
}

std::optional<int> ParseDay(std::string_view s) {
  int y = 0, m = 0, d = 0;
  if (s.size() < 10 || s[4] != '-' || s[7] != '-' || !Digits(s, 0, 4, &y) || !Digits(s, 5, 2, &m) ||
      !Digits(s, 8, 2, &d))
    return std::nullopt;
  if (s.size() > 10 && s[10] >= '0' && s[10] <= '9') return std::nullopt;  // "2024-08-270"
  static constexpr int kMonthDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kMonthDays[m - 1]) return std::nullopt;
  const int day = DaysFromCivil(y, m, d);
  if (CivilFromDays(day).d != d) return std::nullopt;  // 29 February of a common year
  return day;
}

std::optional<int> MetadataDay(const std::vector<std::pair<std::string, std::string>>& metadata) {
  for (const char* key : kDateKeys) {
    for (const auto& [k, v] : metadata) {
      if (k == key) {
        if (auto day = ParseDay(v)) return day;
      }
    }
  }
  return std::nullopt;
}

std::string DayText(int day) {
  const Civil c = CivilFromDays(day);
  return fmt::format("{:04}-{:02}-{:02}", c.y, c.m, c.d);
}

std::pair<int, int> PeriodRange(int day, Period p) {
  switch (p) {
    case Period::kDay:
      return {day, day};
    case Period::kWeek: {
      const int monday = day - Weekday(day);
      return {monday, monday + 6};
    }
    case Period::kMonth:
      break;
  }
  const Civil c = CivilFromDays(day);
  const int first = DaysFromCivil(c.y, c.m, 1);
  const int next = c.m == 12 ? DaysFromCivil(c.y + 1, 1, 1) : DaysFromCivil(c.y, c.m + 1, 1);
  return {first, next - 1};
}

std::string PeriodKey(int day, Period p) {
  switch (p) {
    case Period::kDay:
      return DayText(day);
    case Period::kWeek: {
      // The ISO week-year is the year of the week's Thursday.
      const int thursday = day - Weekday(day) + 3;
      const int year = CivilFromDays(thursday).y;
      const int week = (thursday - DaysFromCivil(year, 1, 1)) / 7 + 1;
      return fmt::format("{:04}-W{:02}", year, week);
    }
    case Period::kMonth:
      break;
  }
  const Civil c = CivilFromDays(day);
  return fmt::format("{:04}-{:02}", c.y, c.m);
}

}  // namespace tact
