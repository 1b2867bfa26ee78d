#include "cli/exit_status.h"

#include <cstdio>

#include <fmt/format.h>

#include "cli/common.h"

namespace tact::cli {

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

}  // namespace tact::cli
