#include "input/timestamp.h"

#include <cstdint>
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

}  // namespace tact::input
