// longest_monologue: the most agent words in consecutive agent turns with no
// customer turn between.
#include "eval/metrics/metric.h"

namespace tact::eval::metrics {

MetricResult LongestMonologue(const Prep& x, MetricResult m) {
  const Conversation& c = x.c;
  const size_t n = x.n;
  int best = -1, best_begin = 0, best_end = 0;
  for (size_t i = 0; i < n;) {
    if (c.turns[i].role != Role::kAgent) {
      ++i;
      continue;
    }
    size_t j = i;
    int w = 0;
    while (j < n && c.turns[j].role != Role::kCustomer) {
      if (c.turns[j].role == Role::kAgent) w += x.words[j];
      ++j;
    }
    if (w > best) {
      best = w;
      best_begin = static_cast<int>(i);
      best_end = static_cast<int>(j);
    }
    i = j;
  }
  if (best < 0) {
    m = NotApplicable(m, Keyed("no_agent_turns", "no agent turns"));
  } else {
    m.value = best;
    for (int t = best_begin; t < best_end; ++t) {
      if (c.turns[static_cast<size_t>(t)].role == Role::kAgent) m.evidence.push_back(t + 1);
    }
    m.fields = {{"words", static_cast<double>(best)}};
    if (x.timed) {
      const Turn& last = c.turns[static_cast<size_t>(m.evidence.back() - 1)];
      m.fields.emplace_back("seconds",
                            EndOrStart(last) - *c.turns[static_cast<size_t>(best_begin)].start);
    }
  }
  Judge(&m, x);
  return m;
}

}  // namespace tact::eval::metrics
