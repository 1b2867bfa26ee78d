#include "report/format.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "text/utf8.h"

namespace tact::report {

std::string Percent(double rate, int decimals, std::string_view none) {
  if (rate < 0) return std::string(none);
  return fmt::format("{:.{}f}%", rate * 100, decimals);
}

std::string RateWith(double rate, std::string_view what) {
  if (rate < 0) return "n/a";
  return fmt::format("{:.1f}% {}", rate * 100, what);
}

std::string Fixed(double v, int decimals) { return fmt::format("{:.{}f}", v, decimals); }

std::string WholeScore(double score, std::string_view none) {
  return score < 0 ? std::string(none) : fmt::format("{:.0f}", score);
}

std::string ClockTime(double seconds, NegativeTime negative) {
  if (negative == NegativeTime::kZero) seconds = std::max(0.0, seconds);
  const long s = static_cast<long>(std::floor(seconds));
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

std::string NumberWithUnit(double v, std::string_view unit, UnitStyle style) {
  if (style != UnitStyle::kAlways && std::isnan(v)) return std::string(kDash);
  if (unit == "ratio") return fmt::format("{:.2f}", v);
  if (unit == "s") return fmt::format("{:.1f} s", v);
  const bool named = style == UnitStyle::kAlways ||
                     (style == UnitStyle::kNamed && !unit.empty() && unit != "count");
  if (named) return fmt::format("{:.0f} {}", v, unit);
  return fmt::format("{:.0f}", v);
}

Excerpt ExcerptAround(std::string_view text, size_t begin, size_t end, size_t context) {
  Excerpt e;
  e.from = begin > context ? text::Utf8Boundary(text, begin - context, text::Toward::kStart) : 0;
  e.to = end + context < text.size() ? text::Utf8Boundary(text, end + context, text::Toward::kEnd)
                                     : text.size();
  return e;
}

}  // namespace tact::report
