// `tact explain ID`: what a behaviour means, its tip, and its rules per language.
#ifndef TACT_CLI_EXPLAIN_COMMAND_H_
#define TACT_CLI_EXPLAIN_COMMAND_H_

#include <string>

#include "cli/common.h"

namespace CLI {
class App;
}

namespace tact::cli {

struct ExplainOptions {
  RuleOptions rules;
  std::string id;
  std::string lang;  // "" = all
};

void RegisterExplain(CLI::App* app, ExplainOptions* o);
int RunExplain(const ExplainOptions& o);

}  // namespace tact::cli

#endif  // TACT_CLI_EXPLAIN_COMMAND_H_
