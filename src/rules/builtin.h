// The rule files compiled into the binary (generated from rules/ at build time).
#ifndef TACT_RULES_BUILTIN_H_
#define TACT_RULES_BUILTIN_H_

#include <cstddef>
#include <vector>

namespace tact::rules {

struct EmbeddedFile {
  const char* path;  // "rules/en/empathy.rules"
  const char* data;
  size_t size;
};

const std::vector<EmbeddedFile>& BuiltinRuleFiles();

}  // namespace tact::rules

#endif  // TACT_RULES_BUILTIN_H_
