// first_response_time: from the customer's first turn to the agent's first
// reply after it.
#include <algorithm>

#include "eval/metrics/metric.h"

namespace tact::eval::metrics {

MetricResult FirstResponseTime(const Prep& x, MetricResult m) {
  const Conversation& c = x.c;
  const size_t n = x.n;
  size_t fc = n, fa = n;
  for (size_t i = 0; i < n && fc == n; ++i) {
    if (c.turns[i].role == Role::kCustomer) fc = i;
  }
  for (size_t i = fc; fc < n && i < n && fa == n; ++i) {
    if (c.turns[i].role == Role::kAgent) fa = i;
  }
  if (!NeedResponseTimes(x, &m)) {
    // not applicable: the note says why
  } else if (fc == n) {
    m = NotApplicable(m, Keyed("no_customer_turn", "no customer turn"));
  } else if (fa == n) {
    m = NotApplicable(m, Keyed("no_first_reply", "no agent reply after the customer's first turn"));
  } else {
    m.value = std::max(0.0, *c.turns[fa].start - EndOrStart(c.turns[fc]));
    m.evidence = {static_cast<int>(fc) + 1, static_cast<int>(fa) + 1};
  }
  Judge(&m, x);
  return m;
}

}  // namespace tact::eval::metrics
