#include "cli/gates.h"

#include <algorithm>

#include "cli/common.h"

namespace tact::cli {

bool ParseGates(const std::vector<std::string>& expressions, std::vector<eval::Check>* out) {
  for (const auto& expr : expressions) {
    eval::Check c;
    std::string err;
    if (!eval::ParseCheck(expr, &c, &err)) {
      PrintError("--fail-on: " + err);
      return false;
    }
    out->push_back(c);
  }
  return true;
}

bool CheckGateNames(const std::vector<eval::Check>& gates,
                    const std::vector<std::string>& behaviours,
                    const std::vector<std::string>& metrics) {
  for (const auto& g : gates) {
    std::string err;
    if (!eval::CheckNamesKnown(g, behaviours, metrics, &err)) {
      PrintError("--fail-on '" + g.expression + "': " + err);
      return false;
    }
  }
  return true;
}

bool CheckGatesReported(const std::vector<eval::Check>& gates, const std::vector<std::string>& only,
                        const std::vector<std::string>& skip) {
  auto has = [](const std::vector<std::string>& v, const std::string& id) {
    return std::find(v.begin(), v.end(), id) != v.end();
  };
  for (const auto& g : gates) {
    if (g.what == eval::Check::What::kMetric || g.behaviour.empty()) continue;
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

}  // namespace tact::cli
