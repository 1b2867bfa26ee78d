#include "report/summary_stats.h"

#include <algorithm>

namespace tact::report {

Distribution Describe(const Histogram& h) {
  Distribution d;
  d.count = h.count();
  d.mean = h.mean();
  d.median = h.Quantile(0.5);
  d.p90 = h.Quantile(0.9);
  d.min = h.min();
  d.max = h.max();
  return d;
}

Status GoodStatus(BehaviourKind kind) {
  switch (kind) {
    case BehaviourKind::kExpected:
      return Status::kMet;
    case BehaviourKind::kAvoid:
      return Status::kClean;
    case BehaviourKind::kSignal:
      break;
  }
  return Status::kPresent;
}

Status BadStatus(BehaviourKind kind) {
  switch (kind) {
    case BehaviourKind::kExpected:
      return Status::kMissed;
    case BehaviourKind::kAvoid:
      return Status::kViolated;
    case BehaviourKind::kSignal:
      break;
  }
  return Status::kAbsent;
}

std::optional<double> MeanScore(const GroupSummary& g) {
  if (g.scored == 0) return std::nullopt;
  return static_cast<double>(g.score_milli_sum) / 1000.0 / static_cast<double>(g.scored);
}

BehaviourKind KindOf(const Summary& s, const std::string& id) {
  auto it = s.behaviours.find(id);
  return it == s.behaviours.end() ? BehaviourKind::kExpected : it->second.kind;
}

std::vector<std::pair<double, std::string>> LowestRates(const Summary& s, const GroupSummary& g,
                                                        size_t n) {
  std::vector<std::pair<double, std::string>> rates;
  for (const auto& [id, c] : g.behaviours) {
    auto it = s.behaviours.find(id);
    if (it == s.behaviours.end() || it->second.kind == BehaviourKind::kSignal) continue;
    double r = c.Rate(it->second.kind);
    if (r >= 0) rates.emplace_back(r, id);
  }
  std::sort(rates.begin(), rates.end());
  if (rates.size() > n) rates.resize(n);
  return rates;
}

uint64_t UnsupportedTotal(const Summary& s) {
  uint64_t total = 0;
  for (const auto& [lang, n] : s.unsupported_languages) total += n;
  return total;
}

double ViolatedShare(const Summary& s) {
  if (s.conversations == 0) return -1;
  return static_cast<double>(s.violated_conversations) / static_cast<double>(s.conversations);
}

const std::pair<const std::string, BehaviourSummary>* MostMissed(const Summary& s) {
  const std::pair<const std::string, BehaviourSummary>* most = nullptr;
  for (const auto& entry : s.behaviours) {
    const BehaviourSummary& b = entry.second;
    if (b.kind != BehaviourKind::kExpected || b.counts.missed == 0) continue;
    if (most == nullptr || b.counts.missed > most->second.counts.missed ||
        (b.counts.missed == most->second.counts.missed &&
         b.counts.Rate(b.kind) < most->second.counts.Rate(most->second.kind))) {
      most = &entry;
    }
  }
  return most;
}

}  // namespace tact::report
