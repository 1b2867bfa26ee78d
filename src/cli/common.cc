#include "cli/common.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "common/strings.h"
#include "rules/pack.h"

namespace tact::cli {

std::unique_ptr<RuleSet> LoadRules(const RuleOptions& o, bool examples) {
  RuleSetOptions opts;
  opts.examples = examples;
  opts.builtin = !o.no_builtin;
  opts.directories = o.dirs;
  opts.max_patterns = o.max_patterns;
  opts.regex_max_mem = o.regex_max_mem;
  opts.max_gap = o.max_gap;
  Diagnostics diags;
  auto rules = RuleSet::Load(opts, &diags);
  for (const auto& d : diags) fprintf(stderr, "%s\n", d.Format().c_str());
  return rules;
}

const RuleSet* KeepUntilExit(std::unique_ptr<RuleSet> rules) {
  static auto* const kept = new std::vector<std::unique_ptr<RuleSet>>();
  if (!rules) return nullptr;
  kept->push_back(std::move(rules));
  return kept->back().get();
}

bool UseColor(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* term = getenv("TERM");
  if (getenv("NO_COLOR") != nullptr) return false;
  if (term != nullptr && std::string(term) == "dumb") return false;
  return isatty(STDOUT_FILENO) != 0;
}

std::vector<std::string> BehaviourIds(const RuleSet& rules) {
  std::vector<std::string> known;
  for (const auto& [id, kind] : rules.Catalogue()) known.push_back(id);
  return known;
}

bool CheckBehaviourIds(const RuleSet& rules, const std::vector<std::string>& ids,
                       const char* flag) {
  if (ids.empty()) return true;
  const std::vector<std::string> known = BehaviourIds(rules);
  for (const auto& id : ids) {
    if (!std::binary_search(known.begin(), known.end(), id)) {
      PrintError(std::string("unknown behaviour '") + id + "' in " + flag + DidYouMean(id, known));
      return false;
    }
  }
  return true;
}

bool CheckLanguage(const RuleSet& rules, const std::string& lang, bool allow_auto,
                   const char* flag) {
  if (allow_auto && lang == "auto") return true;
  if (rules.has(lang)) return true;
  std::string list;
  for (const auto& l : rules.languages()) list += (list.empty() ? "" : ", ") + l;
  PrintError(std::string("unknown language '") + lang + "' in " + flag + "; rule packs: " + list +
             (allow_auto ? ", or auto" : ""));
  return false;
}

std::vector<std::string> SplitList(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& v : values) {
    for (auto& s : Split(v, ',')) {
      if (!s.empty()) out.push_back(s);
    }
  }
  return out;
}

}  // namespace tact::cli
