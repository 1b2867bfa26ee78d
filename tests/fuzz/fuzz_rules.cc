// libFuzzer target for the rule-file parser and the pack compiler: any bytes
// as a rule file must compile or give located errors. When the pack compiles,
// its inline examples are matched, which exercises the program builder and
// the runner on fuzzer-made patterns.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "eval/example_check.h"
#include "rules/pack.h"
#include "rules/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  tact::Diagnostics diags;
  tact::rules::RuleFile file;
  if (!tact::rules::ParseRuleFile("fuzz.rules", text, &file, &diags)) {
    for (const auto& d : diags) (void)d.Format();
    return 0;
  }
  std::vector<tact::rules::RuleFile> files;
  files.push_back(std::move(file));
  tact::rules::CompileLimits limits;
  limits.max_patterns = 2000;
  limits.regex_max_mem = 1 << 16;
  auto pack = tact::rules::CompilePack("en", "fuzz", std::move(files), limits, &diags);
  if (pack && pack->nodes.size() < 500) {
    tact::eval::CheckExamples(*pack, [](const tact::eval::ExampleFailure&) {});
  }
  return 0;
}
