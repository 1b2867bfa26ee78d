// Helpers shared by the subcommands: exit codes, loading rules, colour.
#ifndef TACT_CLI_COMMON_H_
#define TACT_CLI_COMMON_H_

#include <memory>
#include <string>
#include <vector>

#include "common/print.h"
#include "run/gate.h"
#include "tact/rule_set.h"

namespace tact::cli {

// Exit codes: run/gate.h.
using run::kExitInput;
using run::kExitInterrupted;
using run::kExitOk;
using run::kExitThreshold;
using run::kExitUsage;

struct RuleOptions {
  std::vector<std::string> dirs;
  bool no_builtin = false;
  size_t max_patterns = 200000;     // per language
  int64_t regex_max_mem = 1 << 20;  // bytes per token regex
  int max_gap = 20;
};

// Loads the rule set or prints every diagnostic to stderr and returns null.
std::unique_ptr<RuleSet> LoadRules(const RuleOptions& o, bool examples = true);
// Keeps `rules` until the process exits, never freeing them: a command that
// ends the process gains nothing from freeing every compiled pack piece by
// piece (5% of a one-chat check). They stay reachable through a static, so
// leak checkers do not report them. Returns the rules (null stays null).
const RuleSet* KeepUntilExit(std::unique_ptr<RuleSet> rules);

// Resolves --color auto|always|never for stdout.
bool UseColor(const std::string& mode);

// The behaviour ids of every loaded pack (all languages), sorted.
std::vector<std::string> BehaviourIds(const RuleSet& rules);

// Checks behaviour ids against every loaded pack; prints an error with a
// suggestion and returns false for an unknown one.
bool CheckBehaviourIds(const RuleSet& rules, const std::vector<std::string>& ids, const char* flag);

// Checks a language option: "auto" (when allowed) or a loaded pack.
bool CheckLanguage(const RuleSet& rules, const std::string& lang, bool allow_auto,
                   const char* flag);

// Splits comma-separated values of repeated options.
std::vector<std::string> SplitList(const std::vector<std::string>& values);

}  // namespace tact::cli

#endif  // TACT_CLI_COMMON_H_
