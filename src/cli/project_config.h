// The project file `.tact`: defaults for `tact check`'s options, looked up
// from the current folder upward (like .editorconfig), so a team keeps its
// rule folders, scorecard, gates, agent names, language and redaction
// patterns beside its data. Plain text, one setting per line:
//
//   # QA defaults for the support team
//   rules     = qa-rules            # a path: relative to the .tact folder
//   scorecard = team.scorecard
//   fail-on   = rate:empathy<0.8    # repeat a key for a repeatable option
//   agent     = Dana
//   lang      = en
//   all-evidence = true             # a flag: true or false
//
// Keys are the long option names of `tact check`. A flag on the command line
// overrides the file's value for that option (all its values, for a
// repeatable one); `--no-config` ignores the file.
#ifndef TACT_CLI_PROJECT_CONFIG_H_
#define TACT_CLI_PROJECT_CONFIG_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tact/diagnostic.h"

namespace tact::cli {

struct ConfigEntry {
  std::string key;
  std::string value;
  int line = 0;
};

struct ProjectConfig {
  std::string path;  // the .tact file; empty when none was found
  std::vector<ConfigEntry> entries;
};

// The nearest `.tact` in `start` or a folder above it, if any.
std::optional<std::string> FindProjectConfig(const std::string& start);

// Parses the file's text. Errors ("file:line:col: error: ...") go to *diags;
// returns false when there is one.
bool ParseProjectConfig(const std::string& path, std::string_view text, ProjectConfig* out,
                        Diagnostics* diags);

// Keys whose values are paths, resolved against the .tact file's folder.
bool IsPathKey(std::string_view key);

}  // namespace tact::cli

#endif  // TACT_CLI_PROJECT_CONFIG_H_
