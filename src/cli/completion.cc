#include "cli/completion.h"

#include <cctype>

namespace tact::cli {
namespace {

void Walk(const CommandDoc& cmd, std::vector<const CommandDoc*>* out) {
  out->push_back(&cmd);
  for (const auto& sub : cmd.subcommands) Walk(sub, out);
}

}  // namespace

std::vector<const CommandDoc*> AllCommands(const CommandDoc& root) {
  std::vector<const CommandDoc*> out;
  Walk(root, &out);
  return out;
}

bool PlainWord(const std::string& word) {
  if (word.empty()) return false;
  for (char c : word) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '_' && c != '.' && c != ',' &&
        c != '+' && c != '=' && c != '/' && c != '-')
      return false;
  }
  return true;
}

}  // namespace tact::cli
