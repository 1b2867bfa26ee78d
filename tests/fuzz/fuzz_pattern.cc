// libFuzzer target for the pattern compiler and matcher: the first line is a
// pattern, the rest a text to match it against.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "eval/turn_matcher.h"
#include "rules/pack.h"
#include "rules/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  size_t nl = input.find('\n');
  std::string pattern = input.substr(0, nl);
  std::string text = nl == std::string::npos ? "" : input.substr(nl + 1);
  if (pattern.find('\r') != std::string::npos) return 0;
  std::string rules =
      "lexicon l\n  alpha ~beta gam* (de ta)\nbehaviour b\n  kind expected\n  match " + pattern +
      "\n";
  tact::Diagnostics diags;
  tact::rules::RuleFile file;
  if (!tact::rules::ParseRuleFile("fuzz.rules", rules, &file, &diags)) return 0;
  std::vector<tact::rules::RuleFile> files;
  files.push_back(std::move(file));
  tact::rules::CompileLimits limits;
  limits.regex_max_mem = 1 << 16;
  auto pack = tact::rules::CompilePack("en", "fuzz", std::move(files), limits, &diags);
  if (!pack) return 0;
  tact::eval::TurnMatcher matcher(*pack);
  tact::eval::TextMatches m;
  matcher.Match(text, &m);
  for (const auto& r : m.matches) {
    if (r.byte_begin > r.byte_end || r.byte_end > text.size()) __builtin_trap();
  }
  return 0;
}
