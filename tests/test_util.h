// Helpers for tests: compile a pack from rule text held in the test, or
// load the built-in packs.
#ifndef TACT_TESTS_TEST_UTIL_H_
#define TACT_TESTS_TEST_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include "rules/pack.h"
#include "rules/parser.h"
#include "tact/rule_set.h"

namespace tact::testing {

// Compiles `files` (name, text) as the pack `code`; on failure returns null
// and the diagnostics in *diags.
inline std::unique_ptr<rules::LanguagePack> CompileText(
    const std::string& code, const std::vector<std::pair<std::string, std::string>>& files,
    Diagnostics* diags, rules::CompileLimits limits = {}) {
  std::vector<rules::RuleFile> parsed;
  for (const auto& [name, text] : files) {
    rules::RuleFile f;
    if (!rules::ParseRuleFile(name, text, &f, diags)) return nullptr;
    parsed.push_back(std::move(f));
  }
  return rules::CompilePack(code, "test", std::move(parsed), limits, diags);
}

inline std::unique_ptr<rules::LanguagePack> CompileOne(const std::string& code,
                                                       const std::string& text,
                                                       Diagnostics* diags) {
  return CompileText(code, {{"t.rules", text}}, diags);
}

// The built-in packs without their examples, loaded once per test binary
// and kept to its end.
inline const RuleSet& BuiltinRules() {
  static const RuleSet* rules = [] {
    RuleSetOptions o;
    o.examples = false;
    Diagnostics diags;
    return RuleSet::Load(o, &diags).release();
  }();
  return *rules;
}

}  // namespace tact::testing

#endif  // TACT_TESTS_TEST_UTIL_H_
