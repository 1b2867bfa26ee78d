// What the command line says about itself: the short help of a bare `tact`,
// `tact help [COMMAND]`, `--version`, and parse errors in tact's one form
// (`tact: error: … (did you mean '…'?) (hint: …)`).
#ifndef TACT_CLI_USAGE_H_
#define TACT_CLI_USAGE_H_

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace tact::cli {

// A few lines with the commands and an example each, for `tact` alone.
std::string ShortHelp();

// `tact --version`: the version, the git commit it was built from, the ICU
// version and the built-in packs with their languages.
std::string VersionText();

// Handles what must be answered before parsing: no arguments (short help,
// exit 2), `help [COMMAND]`, `help --man DIR` (the man pages), `help
// --completion SHELL` (a completion script) and an unknown command. Returns -1 when parsing should
// go on, else the exit code (the answer is printed).
int PreParse(const CLI::App& app, const std::vector<std::string>& args);

// Prints a CLI11 parse error of `args` as tact prints errors, with a
// did-you-mean for an unknown option, and returns the exit code (0 for
// --help and --version, which CLI11 reports as errors).
int ParseFailure(CLI::App& app, const CLI::ParseError& e, const std::vector<std::string>& args);

}  // namespace tact::cli

#endif  // TACT_CLI_USAGE_H_
