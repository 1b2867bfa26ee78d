// Calendar dates of conversations, for trends and `--group-by period:…`.
//
// A conversation's date is the calendar date written at the start of one of
// its metadata values (YYYY-MM-DD…, as in ISO 8601), under the first key of a
// fixed list that it carries: started_at (the readers set it from absolute
// turn times, in UTC), then date, created_at, timestamp, datetime,
// start_time, sent_at. The date is taken as written: no time zone is applied.
// Days are counted from 1970-01-01 (day 0) in the proleptic Gregorian
// calendar; weeks are ISO 8601 weeks (Monday to Sunday, week 1 holds the
// year's first Thursday). Pure functions, thread-safe.
#ifndef TACT_COMMON_DATES_H_
#define TACT_COMMON_DATES_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tact {

enum class Period { kDay, kWeek, kMonth };

// "day", "week", "month" -> the period; false for anything else.
bool ParsePeriod(std::string_view name, Period* out);
std::string_view PeriodName(Period p);

// The day of "YYYY-MM-DD" at the start of `s` (anything may follow); none
// when `s` does not start with a valid date.
std::optional<int> ParseDay(std::string_view s);

// The conversation's date from its metadata (see above); none when undated.
std::optional<int> MetadataDay(const std::vector<std::pair<std::string, std::string>>& metadata);

// "2024-08-27".
std::string DayText(int day);

// The period holding `day`, as a key that sorts in time order: "2024-08-27",
// "2024-W35" (ISO week and week-year), "2024-08".
std::string PeriodKey(int day, Period p);

// The first and last day of the period holding `day`.
std::pair<int, int> PeriodRange(int day, Period p);

}  // namespace tact

#endif  // TACT_COMMON_DATES_H_
