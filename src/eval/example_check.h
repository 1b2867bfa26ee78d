// Runs the inline examples of a pack's behaviours: the tests rule authors write.
//
// A '+' example must give a surviving (not vetoed) match of its behaviour, and
// when it marks words with [brackets] some match must cover exactly those
// bytes. A '-' example must give none. A behaviour without both kinds of
// example fails too. Each failure says why, with the tokens and stems the
// matcher saw and the veto that cancelled a match, so the author can fix the
// rule at once.
#ifndef TACT_EVAL_EXAMPLE_CHECK_H_
#define TACT_EVAL_EXAMPLE_CHECK_H_

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "eval/turn_matcher.h"
#include "rules/pack.h"

namespace tact::eval {

struct ExampleFailure {
  std::string location;  // "file:line"
  std::string message;   // "example does not match 'empathy'"
  std::string details;   // tokens, stems, vetoes (multi-line, indented)
};

struct ExampleTotals {
  size_t examples = 0;
  size_t failures = 0;
  size_t match_lines = 0;
  // Match lines (behaviour index, match index) that no '+' example fires.
  std::vector<std::pair<uint32_t, uint32_t>> uncovered;
};

// An example with a context (`< TEXT` before it) is matched as a turn that
// answers that text, so {echo} conditions can be tested; without one, they
// never hold.
ExampleTotals CheckExamples(const rules::LanguagePack& pack,
                            const std::function<void(const ExampleFailure&)>& fail);

// "rules/en/empathy.rules#name" for a named match line, else
// "rules/en/empathy.rules:14".
std::string MatchLineName(const rules::Pattern& p);

// "tokens: i|i understand|understand ..." and sentence numbers, for failures
// and for 'tact rules try'.
std::string DescribeTokens(std::string_view text, const TextMatches& m);

// The source text of the pattern with `pattern_id` and its location.
std::string DescribePattern(const rules::LanguagePack& pack, int32_t pattern_id);

}  // namespace tact::eval

#endif  // TACT_EVAL_EXAMPLE_CHECK_H_
