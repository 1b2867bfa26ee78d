// non_talk_time (calls): silences between turns over silence_min seconds;
// holds are those over hold_max, and one hold misses the metric.
#include <algorithm>

#include "eval/metrics/metric.h"

namespace tact::eval::metrics {

MetricResult NonTalkTime(const Prep& x, MetricResult m) {
  double silence_min = x.profile.Parameter("silence_min", 10),
         hold_max = x.profile.Parameter("hold_max", 120);
  int holds = 0;
  if (NeedCallTimes(x, &m)) {
    const Conversation& c = x.c;
    int count = 0;
    double total = 0, longest = 0, spoken_until = *c.turns[0].end;
    for (size_t i = 1; i < x.n; ++i) {
      double gap = *c.turns[i].start - spoken_until;
      if (gap > silence_min) {
        ++count;
        total += gap;
        longest = std::max(longest, gap);
        if (gap > hold_max) {
          ++holds;
          m.evidence.push_back(static_cast<int>(i) + 1);
        }
      }
      spoken_until = std::max(spoken_until, *c.turns[i].end);
    }
    m.value = count;
    m.fields = {{"count", static_cast<double>(count)},
                {"total", total},
                {"longest", longest},
                {"holds", static_cast<double>(holds)}};
  }
  Judge(&m, x);
  if (holds > 0 && m.status == Status::kMet) {
    m.status = Status::kMissed;
    const std::string count = std::to_string(holds);
    const std::string seconds = std::to_string(static_cast<int>(hold_max));
    SetNote(&m, Keyed("holds", count + " hold(s) over " + seconds + " s",
                      {{"n", count}, {"seconds", seconds}}));
  }
  return m;
}

}  // namespace tact::eval::metrics
