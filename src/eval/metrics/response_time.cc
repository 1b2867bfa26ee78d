// response_time: each agent reply, from the first customer turn it answers;
// the value is the median, the evidence the replies over the threshold (or
// the slowest without one).
#include <algorithm>

#include "eval/metrics/metric.h"

namespace tact::eval::metrics {

MetricResult ResponseTime(const Prep& x, MetricResult m) {
  if (NeedResponseTimes(x, &m)) {
    const Conversation& c = x.c;
    std::vector<double> values;
    int pending = -1;
    for (size_t i = 0; i < x.n; ++i) {
      if (c.turns[i].role == Role::kCustomer && pending < 0) pending = static_cast<int>(i);
      if (c.turns[i].role == Role::kAgent && pending >= 0) {
        double v =
            std::max(0.0, *c.turns[i].start - EndOrStart(c.turns[static_cast<size_t>(pending)]));
        values.push_back(v);
        m.per_turn.emplace_back(static_cast<int>(i) + 1, v);
        pending = -1;
      }
    }
    if (values.empty()) {
      m = NotApplicable(m, Keyed("no_reply", "no agent reply to a customer turn"));
    } else {
      m.value = Median(values);
      double worst = *std::max_element(values.begin(), values.end());
      m.fields = {
          {"median", *m.value}, {"max", worst}, {"count", static_cast<double>(values.size())}};
      for (const auto& [turn, v] : m.per_turn) {
        if (m.threshold ? v > *m.threshold : v == worst) m.evidence.push_back(turn);
      }
    }
  }
  Judge(&m, x);
  return m;
}

}  // namespace tact::eval::metrics
