// What a command takes, read from its CLI11 definition: the one description
// that `tact help`, the man pages and the shell completions all come from, so
// none of them can name an option the command does not have or miss one.
#ifndef TACT_CLI_COMMAND_DOC_H_
#define TACT_CLI_COMMAND_DOC_H_

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace tact::cli {

// An option or a positional argument.
struct ArgDoc {
  std::vector<std::string> names;    // "-f", "--format"; a positional: its name ("inputs")
  std::string type;                  // what the help prints: TEXT, INT, FILE, DIR, PATH, LANG, …;
                                     // empty for a flag
  std::vector<std::string> choices;  // the only values accepted (CLI11::IsMember), else empty
  std::string default_value;         // as the help shows it after '=', or empty
  std::string description;
  bool required = false;
  bool repeatable = false;
  bool positional = false;
};

// A command (or `rules` subcommand), or tact itself at the root.
struct CommandDoc {
  std::vector<std::string> path;  // {} for tact, {"rules", "try"} for `tact rules try`
  std::string description;
  std::vector<ArgDoc> positionals;
  std::vector<ArgDoc> options;        // in the help's order, -h,--help first
  std::vector<std::string> notes;     // the help's footer paragraphs before the examples
  std::vector<std::string> examples;  // the command lines under "Example(s):"
  std::vector<CommandDoc> subcommands;

  // "tact", "tact rules try".
  std::string Name() const;
};

// The values the built-in packs give types: LANG is a pack code, BEHAVIOUR a
// behaviour id of any pack.
struct Vocabulary {
  std::vector<std::string> languages;
  std::vector<std::string> behaviours;
};

// Reads `app` and its subcommands, in the order the help lists them.
CommandDoc DescribeCommand(const CLI::App& app);

// The values to offer for `arg`: its choices; for LANG the pack codes (and the
// default, e.g. auto, when it is not one); for BEHAVIOUR the behaviour ids.
// Empty for anything else (free text, numbers, files).
std::vector<std::string> ValuesOf(const ArgDoc& arg, const Vocabulary& vocabulary);

// True when the value of `arg` names files (PATH, FILE) or a folder (DIR).
bool TakesFile(const ArgDoc& arg);
bool TakesDirectory(const ArgDoc& arg);

// The first sentence-part of a description (up to "; " or " ("), for the
// one-line descriptions completions show.
std::string ShortDescription(const std::string& description);

}  // namespace tact::cli

#endif  // TACT_CLI_COMMAND_DOC_H_
