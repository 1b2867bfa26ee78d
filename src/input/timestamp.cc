#include "input/timestamp.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace tact::input {

bool ParseClock(std::string_view s, double* seconds) {
  if (s.empty() || s.size() > 32) return false;
  std::vector<int64_t> parts;
  size_t i = 0;
  while (true) {
    size_t b = i;
    int64_t v = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      v = v * 10 + (s[i] - '0');
      if (v > 100000000) return false;
      ++i;
    }
    if (i == b || i - b > 9) return false;
    parts.push_back(v);
    if (i < s.size() && s[i] == ':') {
      ++i;
      continue;
    }
    break;
  }
  if (parts.size() < 2 || parts.size() > 3) return false;
  double frac = 0;
  if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
    ++i;
    size_t b = i;
    double scale = 0.1;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      frac += (s[i] - '0') * scale;
      scale /= 10;
      ++i;
    }
    if (i == b) return false;
  }
  if (i != s.size()) return false;
  // Minutes and seconds below 60; the leading field may be anything (e.g. 75:10 for mm:ss is
  // rejected).
  for (size_t k = 1; k < parts.size(); ++k) {
    if (parts[k] >= 60) return false;
  }
  if (parts.size() == 2 && parts[0] >= 60 * 24) return false;
  double v = 0;
  for (int64_t p : parts) v = v * 60 + static_cast<double>(p);
  *seconds = v + frac;
  return true;
}

namespace {

// Days since 1970-01-01 of a civil date (proleptic Gregorian).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool Digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

bool ParseIso8601(std::string_view s, double* epoch) {
  int y, mo, d;
  if (!Digits(s, 0, 4, &y) || s.size() < 10 || s[4] != '-' || !Digits(s, 5, 2, &mo) ||
      s[7] != '-' || !Digits(s, 8, 2, &d)) {
    return false;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return false;
  double secs = 0;
  size_t i = 10;
  if (i < s.size() && (s[i] == 'T' || s[i] == 't' || s[i] == ' ')) {
    int h, mi, se = 0;
    if (!Digits(s, i + 1, 2, &h) || i + 3 >= s.size() || s[i + 3] != ':' ||
        !Digits(s, i + 4, 2, &mi))
      return false;
    i += 6;
    if (i < s.size() && s[i] == ':') {
      if (!Digits(s, i + 1, 2, &se)) return false;
      i += 3;
    }
    if (h > 23 || mi > 59 || se > 60) return false;
    secs = h * 3600 + mi * 60 + se;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
      ++i;
      double scale = 0.1;
      size_t b = i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        secs += (s[i] - '0') * scale;
        scale /= 10;
        ++i;
      }
      if (i == b) return false;
    }
    if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
      ++i;
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      int sign = s[i] == '+' ? 1 : -1, oh, om = 0;
      if (!Digits(s, i + 1, 2, &oh)) return false;
      i += 3;
      if (i < s.size() && s[i] == ':') ++i;
      if (i < s.size()) {
        if (!Digits(s, i, 2, &om)) return false;
        i += 2;
      }
      if (oh > 14 || om > 59) return false;
      secs -= sign * (oh * 3600 + om * 60);
    }
  }
  if (i != s.size()) return false;
  *epoch =
      static_cast<double>(DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d))) *
          86400.0 +
      secs;
  return true;
}

std::string FormatIso8601(double epoch) {
  int64_t ms = static_cast<int64_t>(std::llround(epoch * 1000));
  int64_t days = ms >= 0 ? ms / 86400000 : (ms - 86399999) / 86400000;
  int64_t rem = ms - days * 86400000;
  // Civil from days (inverse of DaysFromCivil).
  int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  char buf[96];
  snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ",
           static_cast<long long>(y), m, d, static_cast<long long>(rem / 3600000),
           static_cast<long long>(rem / 60000 % 60), static_cast<long long>(rem / 1000 % 60),
           static_cast<long long>(rem % 1000));
  return buf;
}

bool ParseTimeString(std::string_view s, double* seconds) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty()) return false;
  double v;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec == std::errc() && r.ptr == s.data() + s.size()) {
    if (!std::isfinite(v) || v < 0) return false;
    *seconds = v > 1e11 ? v / 1000.0 : v;
    return true;
  }
  if (ParseClock(s, seconds)) return true;
  return ParseIso8601(s, seconds);
}

}  // namespace tact::input
