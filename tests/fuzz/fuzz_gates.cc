// libFuzzer target for the expressions of the command line that gate and
// tune a run: each input line is tried as a --fail-on expression (parsed,
// its behaviour or metric checked against the built-in packs' ids, then
// evaluated on a summary of two analyzed conversations) and as a --threshold
// value (over the built-in profile); the whole input is also read as a
// --profile file. Any bytes must give a check or an error message, never a
// crash, and an evaluated check never leaves its value undefined unless n/a.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "eval/metric_profile.h"
#include "input/reader.h"
#include "run/vocabulary.h"
#include "summary/checks.h"
#include "summary/summary.h"
#include "tact/analyzer.h"
#include "tact/rule_set.h"

namespace {

std::vector<std::string>* behaviours = nullptr;
tact::summary::Summary* summary = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  tact::Diagnostics diags;
  auto rules = tact::RuleSet::Load({}, &diags);
  if (!rules) abort();
  behaviours = new std::vector<std::string>();
  for (const auto& [id, kind] : rules->Catalogue()) behaviours->push_back(id);
  tact::AnalyzeOptions ao;
  ao.language = "en";
  tact::Analyzer analyzer(*rules, ao);
  auto* builder = new tact::summary::SummaryBuilder();
  tact::input::ReadOptions ro;
  ro.roles.vocabulary = tact::run::CollectVocabulary(*rules).roles;
  tact::input::ReadContext ctx{"fuzz.txt", ro,
                               [&](tact::Conversation&& c) { builder->Add(analyzer.Analyze(c)); },
                               [](const tact::Diagnostic& d) {
                                 if (d.severity == tact::Severity::kError) abort();
                               }};
  tact::input::ReadTextContent(
      "[00:00:00] Customer: My order arrived broken and nobody answers!!\n"
      "[00:02:10] Agent: I'm so sorry to hear that, I understand how frustrating this is.\n"
      "[00:02:40] Agent: Could you tell me what happened when you opened it?\n"
      "[00:03:30] Customer: The screen is cracked.\n"
      "[00:04:00] Agent: Thanks. I will send a replacement today; is there anything else?\n",
      ctx);
  tact::input::ReadTextContent("Customer: hello?\nAgent: That's not our fault. READ THE FAQ.\n",
                               ctx);
  summary = &builder->summary();
  if (summary->conversations != 2) abort();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<tact::summary::Check> checks;
  std::vector<std::string> lines;
  tact::eval::MetricProfile profile = tact::eval::BuiltinMetricProfile();
  size_t pos = 0;
  while (pos <= input.size() && lines.size() < 64) {
    size_t nl = input.find('\n', pos);
    if (nl == std::string::npos) nl = input.size();
    lines.push_back(input.substr(pos, nl - pos));
    pos = nl + 1;
  }
  for (const auto& line : lines) {
    tact::summary::Check c;
    std::string err;
    if (tact::summary::ParseCheck(line, &c, &err)) {
      if (c.op != ">" && c.op != ">=" && c.op != "<" && c.op != "<=" && c.op != "==" &&
          c.op != "!=")
        __builtin_trap();
      if (tact::summary::CheckNamesKnown(c, *behaviours, tact::eval::MetricProfile::Metrics(),
                                         &err))
        checks.push_back(c);
      else if (err.empty())
        __builtin_trap();
    } else if (err.empty()) {
      __builtin_trap();
    }
    err.clear();
    if (!profile.Override(line, &err) && err.empty()) __builtin_trap();
  }
  for (const auto& m : tact::eval::MetricProfile::Metrics()) {
    for (auto ch : {tact::Channel::kChat, tact::Channel::kCall, tact::Channel::kEmail}) {
      auto t = profile.Threshold(m, ch);
      if (t && !(std::isfinite(*t) && *t >= 0)) __builtin_trap();
    }
  }
  const auto outcomes = tact::summary::EvaluateChecks(checks, *summary, tact::Level::kWarning);
  if (outcomes.size() != checks.size()) __builtin_trap();
  for (const auto& o : outcomes) {
    if (o.failed && !o.na.empty()) __builtin_trap();
  }
  tact::eval::MetricProfile file = tact::eval::BuiltinMetricProfile();
  tact::Diagnostics diags;
  if (!file.Parse("fuzz.conf", input, &diags) && diags.empty()) __builtin_trap();
  for (const auto& d : diags) (void)d.Format();
  tact::AnalyzeOptions ao;
  ao.thresholds = lines;
  diags.clear();
  (void)tact::ValidateMetricOptions(ao, &diags);
  return 0;
}
