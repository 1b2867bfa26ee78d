#include "score/score.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace tact::score {

namespace {

// *out, perhaps another conversation's breakdown, back to its defaults; its
// lists keep their memory.
void Restart(ScoreBreakdown* out) {
  out->met = out->applicable = 0;
  out->met_weight = out->applicable_weight = 0;
  out->base = 100;
  out->penalties.clear();
  out->critical.clear();
  out->missed.clear();
  out->scored = false;
  out->titles.clear();
}

}  // namespace

double ComputeScore(const Scorecard& card, Channel channel,
                    const std::vector<BehaviourResult>& behaviours,
                    const std::vector<MetricResult>& metrics, ScoreBreakdown* out) {
  Restart(out);
  out->scorecard = card.name;
  bool any_applied = false;
  // (The ids live in `behaviours` and `metrics`.)
  std::vector<std::pair<double, const std::string*>> missed;
  auto count = [&](const std::string& id, double weight, Status st) {
    if (st != Status::kMet && st != Status::kMissed) return;
    any_applied = true;
    ++out->applicable;
    out->applicable_weight += weight;
    if (st == Status::kMet) {
      ++out->met;
      out->met_weight += weight;
    } else {
      missed.emplace_back(weight, &id);
    }
  };
  // The item that scores `id`: listed for this channel by name, else the
  // wildcard of its type ("expect *", "avoid *", "metric *").
  auto item_for = [&](const std::string& id, ScorecardItem::Type type) -> const ScorecardItem* {
    const ScorecardItem* wildcard = nullptr;
    for (const auto& item : card.items) {
      if (item.type != type || !item.AppliesTo(channel)) continue;
      if (item.id == id) return &item;
      if (item.id == "*" && wildcard == nullptr) wildcard = &item;
    }
    // Listed by name for other channels only: not scored on this one.
    for (const auto& item : card.items)
      if (item.type == type && item.id == id) return nullptr;
    return wildcard;
  };
  for (const auto& b : behaviours) {
    if (b.kind == BehaviourKind::kExpected) {
      if (const ScorecardItem* item = item_for(b.id, ScorecardItem::Type::kExpect))
        count(b.id, item->weight.value_or(b.weight), b.status);
    } else if (b.kind == BehaviourKind::kAvoid) {
      const ScorecardItem* item = item_for(b.id, ScorecardItem::Type::kAvoid);
      if (item == nullptr || (b.status != Status::kViolated && b.status != Status::kClean))
        continue;
      any_applied = true;
      if (b.status != Status::kViolated) continue;
      if (item->critical) out->critical.push_back(b.id);
      double points = item->penalty.value_or(card.penalties.at(b.level));
      if (points > 0) out->penalties.emplace_back(b.id, points);
    }
  }
  for (const auto& m : metrics) {
    if (const ScorecardItem* item = item_for(m.id, ScorecardItem::Type::kMetric))
      count(m.id, item->weight.value_or(1), m.status);
  }
  std::stable_sort(missed.begin(), missed.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  out->scored = any_applied;
  if (!any_applied) return -1;
  out->base = out->applicable_weight > 0 ? 100.0 * out->met_weight / out->applicable_weight : 100.0;
  for (auto& [w, id] : missed)
    out->missed.emplace_back(*id,
                             out->applicable_weight > 0 ? 100.0 * w / out->applicable_weight : 0);
  // The titles of the behaviours the breakdown names (they may be hidden later).
  auto keep_title = [&](const std::string& id) {
    for (const auto& b : behaviours)
      if (b.id == id && !b.title.empty()) out->titles.emplace_back(b.id, b.title);
  };
  for (const auto& [id, points] : out->missed) keep_title(id);
  for (const auto& [id, points] : out->penalties) keep_title(id);
  for (const auto& id : out->critical) keep_title(id);
  if (out->failed()) return 0;
  double score = out->base;
  for (const auto& [id, points] : out->penalties) score -= points;
  return std::clamp(score, 0.0, 100.0);
}

}  // namespace tact::score
