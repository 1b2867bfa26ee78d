// interruptions (calls): agent turns starting more than interruption_min
// seconds before the customer's turn ended.
#include "eval/metrics/metric.h"

namespace tact::eval::metrics {

MetricResult Interruptions(const Prep& x, MetricResult m) {
  double min_overlap = x.profile.Parameter("interruption_min", 0.5);
  if (NeedCallTimes(x, &m)) {
    const Conversation& c = x.c;
    int count = 0;
    double total = 0;
    for (size_t i = 1; i < x.n; ++i) {
      if (c.turns[i].role != Role::kAgent || c.turns[i - 1].role != Role::kCustomer) continue;
      double overlap = *c.turns[i - 1].end - *c.turns[i].start;
      if (overlap > min_overlap) {
        ++count;
        total += overlap;
        m.evidence.push_back(static_cast<int>(i) + 1);
      }
    }
    m.value = count;
    m.fields = {{"count", static_cast<double>(count)}, {"total", total}};
  }
  Judge(&m, x);
  return m;
}

}  // namespace tact::eval::metrics
