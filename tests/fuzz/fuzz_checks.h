// The --fail-on gates the fuzz targets that write reports evaluate: one of
// each kind, so every writer's checks section is exercised.
#ifndef TACT_TESTS_FUZZ_FUZZ_CHECKS_H_
#define TACT_TESTS_FUZZ_FUZZ_CHECKS_H_

#include <cstdlib>
#include <string>
#include <vector>

#include "summary/checks.h"

inline std::vector<tact::summary::Check>* NewSampleChecks() {
  auto* checks = new std::vector<tact::summary::Check>();
  for (const char* e : {"violated>0", "missed:empathy>0", "rate:apology<0.8", "score<70",
                        "min_score<50", "metric:first_response_time.p90>60"}) {
    tact::summary::Check c;
    std::string err;
    if (!tact::summary::ParseCheck(e, &c, &err)) abort();
    checks->push_back(c);
  }
  return checks;
}

#endif  // TACT_TESTS_FUZZ_FUZZ_CHECKS_H_
