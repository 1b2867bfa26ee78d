// Shell completion scripts for bash, zsh and fish, written from the same
// command definitions `tact help` prints: the commands, each command's options,
// the values an option takes (--format's formats, --lang's packs, behaviour
// ids) and files where a command or option takes them. `tact help
// --completion SHELL` prints one; the build installs all three.
#ifndef TACT_CLI_COMPLETION_H_
#define TACT_CLI_COMPLETION_H_

#include <string>
#include <vector>

#include "cli/command_doc.h"

namespace tact::cli {

std::string BashCompletion(const CommandDoc& root, const Vocabulary& vocabulary);
std::string ZshCompletion(const CommandDoc& root, const Vocabulary& vocabulary);
std::string FishCompletion(const CommandDoc& root, const Vocabulary& vocabulary);

// The shells above, by the name `--completion` takes.
inline const std::vector<std::string>& CompletionShells() {
  static const std::vector<std::string> kShells = {"bash", "zsh", "fish"};
  return kShells;
}

// Every command under `root`, depth first, `root` included: what each script
// walks.
std::vector<const CommandDoc*> AllCommands(const CommandDoc& root);

// A word a completion list can hold as it is in every shell (letters, digits
// and _ . , + = / -); the scripts leave other words out rather than quote them
// three ways.
bool PlainWord(const std::string& word);

}  // namespace tact::cli

#endif  // TACT_CLI_COMPLETION_H_
