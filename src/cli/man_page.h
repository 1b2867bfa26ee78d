// The man pages: tact(1) and tact-COMMAND(1) for each command (a command's
// subcommands are sections of its page), written in roff from the same
// definitions `tact help` prints. `tact help --man DIR` writes them; the build
// installs them, so a page always matches the binary beside it.
#ifndef TACT_CLI_MAN_PAGE_H_
#define TACT_CLI_MAN_PAGE_H_

#include <string>
#include <string_view>
#include <vector>

#include "cli/command_doc.h"

namespace tact::cli {

struct ManPage {
  std::string file;  // "tact.1", "tact-check.1"
  std::string text;  // roff (man macros), ASCII only
};

// One page for `root` (tact) and one per command under it.
std::vector<ManPage> ManPages(const CommandDoc& root, const Vocabulary& vocabulary,
                              const std::string& version);

// `text` as one roff text line: backslashes, hyphens and quotes escaped, a
// leading '.' defused, newlines as spaces and non-ASCII as \[uXXXX].
std::string RoffText(std::string_view text);

}  // namespace tact::cli

#endif  // TACT_CLI_MAN_PAGE_H_
