// talk_ratio: the agent's share of the speech, in seconds in calls with start
// and end times, else in words.
#include "eval/metrics/metric.h"

namespace tact::eval::metrics {

MetricResult TalkRatio(const Prep& x, MetricResult m) {
  const Conversation& c = x.c;
  double agent = 0, customer = 0;
  bool by_time = x.call && x.has_ends;
  for (size_t i = 0; i < x.n; ++i) {
    double v = by_time ? *c.turns[i].end - *c.turns[i].start : x.words[i];
    if (c.turns[i].role == Role::kAgent)
      agent += v;
    else if (c.turns[i].role == Role::kCustomer)
      customer += v;
  }
  if (agent + customer <= 0) {
    m = NotApplicable(m, Keyed("no_speech", "no agent or customer speech"));
  } else {
    m.value = agent / (agent + customer);
    m.fields = {{by_time ? "agent_seconds" : "agent_words", agent},
                {by_time ? "customer_seconds" : "customer_words", customer}};
  }
  Judge(&m, x);
  return m;
}

}  // namespace tact::eval::metrics
