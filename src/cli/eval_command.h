// `tact eval --labels LABELS [FILE|DIR]...`: how far tact agrees with human
// labels, per behaviour and language, with every disagreement and its
// evidence. Without inputs, the labelled conversations are read from the
// paths their keys name, relative to the labels file. See docs/eval.md.
#ifndef TACT_CLI_EVAL_COMMAND_H_
#define TACT_CLI_EVAL_COMMAND_H_

#include <optional>
#include <string>
#include <vector>

#include "cli/common.h"

namespace CLI {
class App;
}

namespace tact::cli {

struct EvalOptions {
  std::vector<std::string> inputs;
  std::vector<std::string> labels;
  std::string format = "text";
  std::string lang = "auto";
  RuleOptions rules;
  std::vector<std::string> agent_names, customer_names;
  std::string channel;
  int jobs = 0;
  std::optional<double> min_f1, min_accuracy, min_kappa;
  bool no_disagreements = false;
  bool no_redact = false;
  std::string output;
};

void RegisterEval(CLI::App* app, EvalOptions* o);
int RunEval(const EvalOptions& o);

}  // namespace tact::cli

#endif  // TACT_CLI_EVAL_COMMAND_H_
