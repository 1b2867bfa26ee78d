// `tact merge SUMMARY.json...`: combines partial summaries (from
// `tact check --summary --format json`, e.g. one per --shard) into exactly
// the summary one run over all inputs gives, and renders it in any format.
#ifndef TACT_CLI_MERGE_COMMAND_H_
#define TACT_CLI_MERGE_COMMAND_H_

#include <string>
#include <vector>

#include "cli/check_command.h"

namespace CLI {
class App;
}

namespace tact::cli {

struct MergeOptions {
  std::vector<std::string> inputs;
  ReportOptions report;
};

void RegisterMerge(CLI::App* app, MergeOptions* o);
int RunMerge(const MergeOptions& o);

}  // namespace tact::cli

#endif  // TACT_CLI_MERGE_COMMAND_H_
