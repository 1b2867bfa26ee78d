// Numbers as the reports print them: percents, scores, clock times, values
// with their unit, rounding for JSON, and excerpts cut at UTF-8 boundaries.
// Every writer (text, markdown, html, csv, json, junit, sarif, eval) uses
// these instead of its own copy.
//
// Where writers print the same quantity differently (the HTML report names a
// metric's unit, the text and Markdown tables do not; the HTML report's clock
// does not clamp negative times), the variants are explicit options here, so
// each writer's choice shows at its call site and its output stays as it was.
#ifndef TACT_REPORT_FORMAT_H_
#define TACT_REPORT_FORMAT_H_

#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>

namespace tact::report {

// What tables print for "no value": an en dash (U+2013).
inline constexpr std::string_view kDash = "\xE2\x80\x93";

// `rate` (0..1) in percent with `decimals` decimals, rounded half to even as
// printf does: Percent(0.7143, 1) "71.4%", Percent(0.7143, 0) "71%". A
// negative rate (nothing applied) prints as `none`.
std::string Percent(double rate, int decimals, std::string_view none = kDash);

// A summary rate and what it counts, one decimal: "71.4% met"; "n/a" when
// negative (JUnit and SARIF messages).
std::string RateWith(double rate, std::string_view what);

// `v` with `decimals` decimals: Fixed(61.25, 1) "61.2" (printf rounding).
std::string Fixed(double v, int decimals);

// A score out of 100 as a whole number ("62"); `none` when negative (unscored).
std::string WholeScore(double score, std::string_view none = "n/a");

// The time of a turn: "m:ss" under an hour, "h:mm:ss" from an hour on, the
// seconds floored (59.9 -> "0:59", 3600 -> "1:00:00"). Negative times (unknown)
// print as "0:00" (kZero: text, JUnit, SARIF) or as the raw division gives
// them (kAsIs: the HTML report, -65 -> "-1:-5").
enum class NegativeTime { kZero, kAsIs };
std::string ClockTime(double seconds, NegativeTime negative = NegativeTime::kZero);

// A metric value with its unit. Every style prints ratios with two decimals
// ("0.42") and seconds with one and the unit ("3.5 s"); other units differ:
enum class UnitStyle {
  kBare,    // summary tables (text, Markdown): "12"; NaN (no values) "–"
  kNamed,   // HTML summary: "12 words", unnamed for "count" and ""; NaN "–"
  kAlways,  // one conversation's metric (text, HTML): "12 words", "12 " with no unit
};
std::string NumberWithUnit(double v, std::string_view unit, UnitStyle style);

// round(v * scale) / scale, halves away from zero: Rounded(2.5, 1) 3,
// Rounded(0.12345, 1000) 0.123 (binary fractions: 2.345 * 100 rounds to 234).
// Infinite when v * scale overflows (JSON then writes null).
// Inline: the JSON report rounds every number of every conversation.
inline double Rounded(double v, double scale) { return std::round(v * scale) / scale; }
// As Rounded, but `v` itself when the rounded value is not finite: the
// summary JSON keeps 1e308 rather than writing null and reading back 0.
inline double RoundedOrKept(double v, double scale) {
  const double r = Rounded(v, scale);
  return std::isfinite(r) ? r : v;
}

// The bytes [from, to) of a text to show around a match: at most `context`
// bytes on each side of [begin, end), widened to UTF-8 code point boundaries
// so no character is cut. Callers mark the cut ends ("…").
struct Excerpt {
  size_t from = 0, to = 0;
  bool cut_before() const { return from > 0; }
};
// `begin` <= `end` <= text.size() (callers clamp).
Excerpt ExcerptAround(std::string_view text, size_t begin, size_t end, size_t context);

}  // namespace tact::report

#endif  // TACT_REPORT_FORMAT_H_
