// de_escalation: frustration hits per customer turn, first third of the
// customer's turns vs last third. Met when it falls or gratitude appears at
// the end; missed when it stays, rises or the last customer turn is still
// frustrated; not applicable without any frustration. No threshold.
#include <algorithm>

#include "eval/metrics/metric.h"

namespace tact::eval::metrics {
namespace {

// The status and note once the thirds are counted.
void JudgeThirds(MetricResult* m, bool any, bool frustrated_last, bool grateful_end, double start,
                 double end) {
  if (!any) {
    m->status = Status::kNotApplicable;
    SetNote(m, Keyed("no_frustration", "no customer frustration"));
  } else if (frustrated_last) {
    m->status = Status::kMissed;
    SetNote(m, Keyed("still_frustrated", "the customer is still frustrated in the last turn"));
  } else if ((start > 0 && end < start) || grateful_end) {
    m->status = Status::kMet;
    if (grateful_end && !(start > 0 && end < start))
      SetNote(m, Keyed("grateful_end", "gratitude at the end"));
  } else {
    m->status = Status::kMissed;
    SetNote(m, end > start ? Keyed("frustration_rose", "frustration rose")
                           : Keyed("frustration_stayed", "frustration did not fall"));
  }
}

}  // namespace

MetricResult DeEscalation(const Prep& x, MetricResult m) {
  const rules::LanguagePack& pack = x.pack;
  auto fr = pack.behaviour_index.find("customer_frustration");
  auto gr = pack.behaviour_index.find("customer_gratitude");
  std::vector<size_t> cust;
  for (size_t i = 0; i < x.n; ++i) {
    if (x.c.turns[i].role == Role::kCustomer) cust.push_back(i);
  }
  if (fr == pack.behaviour_index.end()) {
    return NotApplicable(
        m, Keyed("no_frustration_signal", "the pack has no customer_frustration signal"));
  }
  if (cust.empty()) return NotApplicable(m, Keyed("no_customer_turns", "no customer turns"));
  auto hits = [&](size_t t, uint32_t b) {
    int k = 0;
    for (const auto& r : x.turns[t].matches) k += r.behaviour == b && !r.vetoed;
    return k;
  };
  size_t third = (cust.size() + 2) / 3;
  double start = 0, end = 0;
  bool grateful_end = false, any = false;
  for (size_t k = 0; k < cust.size(); ++k) {
    int h = hits(cust[k], fr->second);
    any |= h > 0;
    if (k < third) start += h;
    if (k >= cust.size() - third) {
      end += h;
      if (gr != pack.behaviour_index.end() && hits(cust[k], gr->second) > 0) {
        grateful_end = true;
        m.evidence.push_back(static_cast<int>(cust[k]) + 1);
      }
    }
    if (h > 0 && (k < third || k >= cust.size() - third))
      m.evidence.push_back(static_cast<int>(cust[k]) + 1);
  }
  std::sort(m.evidence.begin(), m.evidence.end());
  m.evidence.erase(std::unique(m.evidence.begin(), m.evidence.end()), m.evidence.end());
  start /= static_cast<double>(third);
  end /= static_cast<double>(third);
  m.value = end - start;
  m.fields = {{"start", start}, {"end", end}};
  JudgeThirds(&m, any, hits(cust.back(), fr->second) > 0, grateful_end, start, end);
  return m;
}

}  // namespace tact::eval::metrics
