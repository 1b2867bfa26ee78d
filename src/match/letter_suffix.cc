#include "match/letter_suffix.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace tact::match {
namespace {

// Calls f(code point) for each code point of `s`; false when `s` is not
// valid UTF-8 or f returns false.
template <typename F>
bool EachCodePoint(std::string_view s, F&& f) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || !f(c)) return false;
  }
  return true;
}

bool IsLetter(UChar32 c) { return (U_GET_GC_MASK(c) & U_GC_L_MASK) != 0; }

bool AllLetters(std::string_view s) { return EachCodePoint(s, IsLetter); }

}  // namespace

bool ParseLetterSuffix(std::string_view re, LetterSuffix* out) {
  LetterSuffix s;
  if (re.starts_with("\\pL")) {
    re.remove_prefix(3);
  } else if (re.starts_with("\\p{L}")) {
    re.remove_prefix(5);
  } else {
    return false;
  }
  if (re.starts_with("+")) {
    re.remove_prefix(1);
  } else if (re.starts_with("{")) {
    size_t i = 1;
    int n = 0;
    while (i < re.size() && re[i] >= '0' && re[i] <= '9' && n < 1000) n = n * 10 + (re[i++] - '0');
    if (i == 1 || i + 1 >= re.size() || re[i] != ',' || re[i + 1] != '}') return false;
    s.min_letters = n;
    re.remove_prefix(i + 2);
  } else {
    return false;
  }
  // Alternatives only inside the parentheses: \pL+ab|c is (\pL+ab)|c.
  if (re.starts_with("(") && re.ends_with(")")) {
    re = re.substr(1, re.size() - 2);
  } else if (re.find('|') != std::string_view::npos) {
    return false;
  }
  while (true) {
    const size_t bar = re.find('|');
    const std::string_view ending = re.substr(0, bar);
    if (ending.empty() || !AllLetters(ending)) return false;
    s.endings.emplace_back(ending);
    int letters = 0;
    EachCodePoint(ending, [&](UChar32) { return ++letters, true; });
    s.ending_letters.push_back(letters);
    if (bar == std::string_view::npos) break;
    re.remove_prefix(bar + 1);
  }
  *out = std::move(s);
  return true;
}

bool MatchesLetterSuffix(const LetterSuffix& s, std::string_view token) {
  int letters = 0;
  if (!EachCodePoint(token, [&](UChar32 c) { return ++letters, IsLetter(c); })) return false;
  for (size_t i = 0; i < s.endings.size(); ++i) {
    if (token.ends_with(s.endings[i]) && letters - s.ending_letters[i] >= s.min_letters)
      return true;
  }
  return false;
}

}  // namespace tact::match
