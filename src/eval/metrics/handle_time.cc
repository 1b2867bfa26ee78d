// handle_time: from the first turn's start to the latest end (or start).
#include <algorithm>

#include "eval/metrics/metric.h"

namespace tact::eval::metrics {

MetricResult HandleTime(const Prep& x, MetricResult m) {
  if (!x.timed) {
    m = NotApplicable(m, x.time_note);
  } else {
    double end = 0;
    for (const auto& t : x.c.turns) end = std::max(end, EndOrStart(t));
    double start = *x.c.turns.front().start;
    m.value = end - start;
    m.fields = {{"start", start}, {"end", end}};
  }
  Judge(&m, x);
  return m;
}

}  // namespace tact::eval::metrics
