// Parser for tact rule files (docs/rules.md is the reference).
//
// ParseRuleFile() reads one file's text into a RuleFile. It reports every
// problem it finds as a Diagnostic "file:line:col: error: ..." naming what was
// expected, keeps going to find more (up to a limit), and returns false if any
// error was reported. It checks syntax only; names that cross files (lexicons,
// trigger signals) are resolved when a pack is compiled.
#ifndef TACT_RULES_PARSER_H_
#define TACT_RULES_PARSER_H_

#include <string>
#include <string_view>

#include "rules/ast.h"
#include "tact/diagnostic.h"

namespace tact::rules {

bool ParseRuleFile(const std::string& path, std::string_view content, RuleFile* out,
                   Diagnostics* diags);

// Parses one pattern. `loc` is where `text` starts (its column is the column of
// text[0]); errors are reported relative to it. With `lexicon_items` the top
// level is a space-separated list of alternatives instead of a sequence.
bool ParsePattern(std::string_view text, const Location& loc, std::string_view source_line,
                  PatternNode* out, Diagnostics* diags, bool lexicon_items = false);

}  // namespace tact::rules

#endif  // TACT_RULES_PARSER_H_
