// Letter-suffix regexes, tested without RE2.
//
// Packs use token regexes such as /\pL{3,}(rá|rán)/ ("a word of at least three
// letters and then one of these endings": a tense, a verb class). RE2 compiles
// each \pL into a program of about 1,200 instructions, so a pack of such
// regexes cost more to compile than a one-chat run spends matching. A regex of
// exactly the shape \pL{N,}E, \pL+E, with E one ending or (E1|E2|...) of
// letters only, fully matches a token exactly when every code point of the
// token is a letter (Unicode category L), it ends with one of the endings and
// at least N code points (1 for +) come before that ending. ParseLetterSuffix
// recognizes the shape; anything else stays a RE2 regex.
#ifndef TACT_MATCH_LETTER_SUFFIX_H_
#define TACT_MATCH_LETTER_SUFFIX_H_

#include <string>
#include <string_view>
#include <vector>

namespace tact::match {

struct LetterSuffix {
  int min_letters = 1;               // code points before the ending
  std::vector<std::string> endings;  // non-empty, letters only
  std::vector<int> ending_letters;   // code points of each ending
};

// True, filling *out, when `re` has the shape above.
bool ParseLetterSuffix(std::string_view re, LetterSuffix* out);

// Whether `token` (valid UTF-8) fully matches the regex `s` was parsed from.
bool MatchesLetterSuffix(const LetterSuffix& s, std::string_view token);

}  // namespace tact::match

#endif  // TACT_MATCH_LETTER_SUFFIX_H_
