// The rule files compiled into the binary (generated from rules/ at build time).
#ifndef TACT_RULES_BUILTIN_H_
#define TACT_RULES_BUILTIN_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace tact::rules {

struct EmbeddedFile {
  const char* path;  // "rules/en/empathy.rules"
  const char* data;
  size_t size;
};

const std::vector<EmbeddedFile>& BuiltinRuleFiles();

// The built-in files whose path ends with `suffix` ("thresholds.conf"), in
// BuiltinRuleFiles() order.
inline std::vector<const EmbeddedFile*> BuiltinFilesEndingWith(std::string_view suffix) {
  std::vector<const EmbeddedFile*> out;
  for (const auto& f : BuiltinRuleFiles()) {
    std::string_view path(f.path);
    if (path.size() >= suffix.size() && path.substr(path.size() - suffix.size()) == suffix)
      out.push_back(&f);
  }
  return out;
}

}  // namespace tact::rules

#endif  // TACT_RULES_BUILTIN_H_
