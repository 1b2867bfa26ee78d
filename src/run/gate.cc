#include "run/gate.h"

#include <algorithm>

#include <cstdio>

#include <fmt/format.h>

#include "common/print.h"

namespace tact::run {

bool ParseGates(const std::vector<std::string>& expressions, std::vector<summary::Check>* out) {
  for (const auto& expr : expressions) {
    summary::Check c;
    std::string err;
    if (!summary::ParseCheck(expr, &c, &err)) {
      PrintError("--fail-on: " + err);
      return false;
    }
    out->push_back(c);
  }
  return true;
}

bool CheckGateNames(const std::vector<summary::Check>& gates,
                    const std::vector<std::string>& behaviours,
                    const std::vector<std::string>& metrics) {
  for (const auto& g : gates) {
    std::string err;
    if (!summary::CheckNamesKnown(g, behaviours, metrics, &err)) {
      PrintError("--fail-on '" + g.expression + "': " + err);
      return false;
    }
  }
  return true;
}

bool CheckGatesReported(const std::vector<summary::Check>& gates,
                        const std::vector<std::string>& only,
                        const std::vector<std::string>& skip) {
  auto has = [](const std::vector<std::string>& v, const std::string& id) {
    return std::find(v.begin(), v.end(), id) != v.end();
  };
  for (const auto& g : gates) {
    if (g.what == summary::Check::What::kMetric || g.behaviour.empty()) continue;
    const char* flag = !only.empty() && !has(only, g.behaviour) ? "--only"
                       : has(skip, g.behaviour)                 ? "--skip"
                                                                : nullptr;
    if (flag == nullptr) continue;
    PrintError("--fail-on '" + g.expression + "': behaviour '" + g.behaviour +
               "' is left out of the report by " + flag + ", so this gate could never be measured");
    return false;
  }
  return true;
}

std::vector<summary::CheckOutcome> EvaluateGates(const std::vector<summary::Check>& gates,
                                                 const summary::Summary& summary, Level min_level) {
  return summary::EvaluateChecks(gates, summary, min_level);
}

int FinishRun(const RunVerdict& v) {
  size_t failed = 0;
  for (const auto& g : v.gates) {
    if (!g.na.empty()) {
      fmt::print(stderr, "tact: threshold n/a: {} ({})\n", g.expression, g.na);
    } else if (g.failed) {
      fmt::print(stderr, "tact: threshold failed: {} (value {:g})\n", g.expression, g.value);
      ++failed;
    }
  }
  const int code = v.usage_error    ? kExitUsage
                   : v.input_errors ? kExitInput
                   : failed > 0     ? kExitThreshold
                                    : kExitOk;
  if (failed > 0 && code != kExitThreshold) {
    fmt::print(stderr, "tact: exit {} for the {}; {} --fail-on gate(s) failed too (above)\n", code,
               code == kExitUsage ? "usage error" : "input errors", failed);
  }
  return code;
}

}  // namespace tact::run
