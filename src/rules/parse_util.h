// Small parsing helpers shared by the rule file, pattern and scorecard
// parsers (internal to src/rules and src/score).
#ifndef TACT_RULES_PARSE_UTIL_H_
#define TACT_RULES_PARSE_UTIL_H_

#include <charconv>
#include <string_view>

#include "common/strings.h"

namespace tact::rules {

// The largest number a rule file takes (gap sizes, turn counts, ...).
inline constexpr int kMaxNumber = 1000;

// Lowercase letters, digits and '_', starting with a letter.
inline bool IsIdentifier(std::string_view s) {
  if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

// Two or three lowercase letters.
inline bool IsLanguageCode(std::string_view s) {
  if (s.size() < 2 || s.size() > 3) return false;
  for (char c : s) {
    if (!(c >= 'a' && c <= 'z')) return false;
  }
  return true;
}

// The whole of `s` as an integer from 0 to kMaxNumber.
inline bool ParseInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && *out >= 0 && *out <= kMaxNumber;
}

// Removes a trailing " # comment" from a directive line, and trims it.
inline std::string_view StripComment(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) return Trim(s.substr(0, i));
  }
  return Trim(s);
}

}  // namespace tact::rules

#endif  // TACT_RULES_PARSE_UTIL_H_
