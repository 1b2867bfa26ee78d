// `tact rules list|test|try`: tools for rule authors.
#ifndef TACT_CLI_RULES_COMMAND_H_
#define TACT_CLI_RULES_COMMAND_H_

#include <string>
#include <vector>

#include "cli/common.h"

namespace CLI {
class App;
}

namespace tact::cli {

struct RulesOptions {
  RuleOptions rules;
  std::string lang;  // "" = all
  std::string format = "text";
  std::string text;  // for try
  bool verbose = false;
  bool coverage = false;
  std::string context;  // rules try: the other speaker's previous turn
};

void RegisterRules(CLI::App* app, RulesOptions* o, CLI::App** list, CLI::App** test,
                   CLI::App** try_cmd);
int RunRulesList(const RulesOptions& o);
int RunRulesTest(const RulesOptions& o);
int RunRulesTry(const RulesOptions& o);

}  // namespace tact::cli

#endif  // TACT_CLI_RULES_COMMAND_H_
