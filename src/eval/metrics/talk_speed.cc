// talk_speed (calls): agent words per minute of agent speech.
#include "eval/metrics/metric.h"

namespace tact::eval::metrics {

MetricResult TalkSpeed(const Prep& x, MetricResult m) {
  if (NeedCallTimes(x, &m)) {
    const Conversation& c = x.c;
    double secs = 0, w = 0;
    for (size_t i = 0; i < x.n; ++i) {
      if (c.turns[i].role != Role::kAgent) continue;
      secs += *c.turns[i].end - *c.turns[i].start;
      w += x.words[i];
    }
    if (secs <= 0) {
      m = NotApplicable(m, Keyed("no_timed_speech", "no timed agent speech"));
    } else {
      m.value = w / (secs / 60.0);
      m.fields = {{"words", w}, {"seconds", secs}};
    }
  }
  Judge(&m, x);
  return m;
}

}  // namespace tact::eval::metrics
