// `.tact` project files on the command line: `tact check` takes its defaults
// from the nearest one (flags override them), and `tact config` prints the
// effective configuration of `tact check` and where each value came from.
#ifndef TACT_CLI_CONFIG_COMMAND_H_
#define TACT_CLI_CONFIG_COMMAND_H_

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/project_config.h"

namespace tact::cli {

// Finds and parses the nearest .tact from `dir` upward (none: an empty
// config). Prints located errors to stderr and returns false on one.
bool LoadProjectConfig(const std::string& dir, ProjectConfig* cfg);

// Turns the config into `--key=value` arguments for `check`, placed before
// `args` (the command line after "check"); keys given on the command line are
// left out. Unknown keys and bad flag values print a located error and
// return false.
bool ApplyProjectConfig(const CLI::App& check, const ProjectConfig& cfg,
                        std::vector<std::string>* args);

struct ConfigOptions {
  std::vector<std::string> flags;  // `tact check` flags to show as overrides (the extras)
};
void RegisterConfig(CLI::App* app, ConfigOptions* o);
int RunConfig(const CLI::App& check, const ProjectConfig& cfg, const ConfigOptions& o);

}  // namespace tact::cli

#endif  // TACT_CLI_CONFIG_COMMAND_H_
