// `tact check [FILE|DIR|-]...`: analyze conversations and report.
#ifndef TACT_CLI_CHECK_COMMAND_H_
#define TACT_CLI_CHECK_COMMAND_H_

#include <string>
#include <vector>

#include "cli/common.h"
#include "input/reader.h"
#include "run/config.h"

namespace CLI {
class App;
}

namespace tact::cli {

struct CheckOptions {
  std::vector<std::string> inputs;
  std::string format = "text";
  std::string color = "auto";
  std::vector<std::string> only, skip;
  std::string lang = "auto";
  std::string fallback_lang;  // "" = report unsure languages as unsupported
  bool fallback_given = false;
  double min_confidence = 0.5;
  std::string tips_lang;
  RuleOptions rules;
  std::vector<std::string> agent_names, customer_names;
  std::string input_format;
  std::vector<std::string> csv_columns;
  bool csv_unsorted = false;
  std::string channel;
  bool strict = false;
  bool allow_empty = false;  // no conversation at all is not an input error
  int jobs = 0;              // 0 = hardware threads
  std::vector<std::string> fail_on;
  std::vector<std::string> profiles;
  std::string scorecard;
  std::vector<std::string> thresholds;
  double interruption_min = -1;
  bool all_evidence = false;
  std::string csv_layout = "long";
  // Batch and CI use.
  bool summary = false;
  std::vector<std::string> group_by;  // default agent, language, channel
  size_t worst = 5;
  std::string shard;  // "K/N"
  std::string min_level = "info";
  std::string output;  // "" = stdout
  std::string progress = "auto";
  bool quiet = false;    // -q: only the report and errors on stderr
  bool verbose = false;  // -v: inputs, languages and timings on stderr
  bool no_redact = false;
  input::Limits limits;
  std::vector<std::string> redact_patterns;
};

// Report and check settings shared by `check` and `merge`.
struct ReportOptions {
  std::string format = "text";
  std::string color = "auto";
  std::vector<std::string> fail_on;
  std::string min_level = "info";
  std::string output;
};

void RegisterCheck(CLI::App* app, CheckOptions* o);
// The flags as one run configuration, checked against the loaded rules;
// prints what is wrong and returns false (a usage error).
bool BuildRunConfig(const CheckOptions& o, run::RunConfig* config);
int RunCheck(const CheckOptions& o);

}  // namespace tact::cli

#endif  // TACT_CLI_CHECK_COMMAND_H_
