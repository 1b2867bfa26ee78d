// Small string helpers shared by parsers and the CLI.
#ifndef TACT_COMMON_STRINGS_H_
#define TACT_COMMON_STRINGS_H_

#include <string>
#include <string_view>
#include <vector>

namespace tact {

std::string_view Trim(std::string_view s);
std::vector<std::string_view> SplitWhitespace(std::string_view s);
std::vector<std::string> Split(std::string_view s, char sep);
bool StartsWith(std::string_view s, std::string_view prefix);

// Levenshtein distance (bytes).
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word` when it is close enough to be a plausible
// typo, else "".
std::string Suggest(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or "".
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

// Number of user-perceived characters (code points, minus combining marks) in
// UTF-8, for column counting and table alignment.
int DisplayWidth(std::string_view utf8);

}  // namespace tact

#endif  // TACT_COMMON_STRINGS_H_
