// ScoreBreakdown (include/tact/result.h): how a score came about, in words.
// Here, with the result model, so the writers that print it need no scoring code.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "tact/result.h"

namespace tact {

std::string ScoreBreakdown::Explain(
    double score, const std::function<std::string(const std::string&)>& name) const {
  auto shown = [&](const std::string& id) { return name ? name(id) : id; };
  if (!scored) return "not scored: nothing applied";
  std::string s = fmt::format("{:.0f} = ", score);
  if (failed()) {
    s += "failed: ";
    for (size_t i = 0; i < critical.size(); ++i) s += (i ? ", " : "") + shown(critical[i]);
    s += critical.size() == 1 ? " is critical" : " are critical";
    return s;
  }
  if (applicable > 0) {
    s += fmt::format("{} of {} applicable behaviours met", met, applicable);
    if (std::fabs(met_weight - met) > 1e-9 || std::fabs(applicable_weight - applicable) > 1e-9)
      s += fmt::format(" (weighted {:.0f})", base);
  } else {
    s += "no expected behaviour applied (100)";
  }
  for (const auto& [id, points] : penalties) s += fmt::format(" - {} {:g}", shown(id), points);
  return s;
}

}  // namespace tact
