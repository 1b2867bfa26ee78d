#include "summary/layouts.h"

#include "summary/summary.h"

namespace tact::summary {

Layout::Layout(const ConversationResult& r, Summary* s) {
  behaviour_ids_.reserve(r.behaviours.size());
  behaviours_.reserve(r.behaviours.size());
  for (const auto& b : r.behaviours) {
    behaviour_ids_.push_back(b.id);
    behaviours_.push_back(&s->behaviours[b.id]);
  }
  metric_ids_.reserve(r.metrics.size());
  metrics_.reserve(r.metrics.size());
  for (const auto& m : r.metrics) {
    metric_ids_.push_back(m.id);
    metrics_.push_back(&s->metrics[m.id]);
  }
}

bool Layout::Fits(const ConversationResult& r) const {
  if (r.behaviours.size() != behaviour_ids_.size() || r.metrics.size() != metric_ids_.size())
    return false;
  for (size_t i = 0; i < behaviour_ids_.size(); ++i)
    if (r.behaviours[i].id != behaviour_ids_[i]) return false;
  for (size_t i = 0; i < metric_ids_.size(); ++i)
    if (r.metrics[i].id != metric_ids_[i]) return false;
  return true;
}

const std::vector<StatusCounts*>& Layout::GroupCounts(GroupSummary* g) {
  std::vector<StatusCounts*>& counts = groups_[g];
  if (counts.empty() && !behaviour_ids_.empty()) {
    counts.reserve(behaviour_ids_.size());
    for (const auto& id : behaviour_ids_) counts.push_back(&g->behaviours[id]);
  }
  return counts;
}

Layout& Layouts::For(const ConversationResult& r, Summary* s) {
  if (last_ < all_.size() && all_[last_]->Fits(r)) return *all_[last_];
  for (size_t i = 0; i < all_.size(); ++i) {
    if (all_[i]->Fits(r)) {
      last_ = i;
      return *all_[i];
    }
  }
  if (all_.size() >= kMax) all_.erase(all_.begin());
  all_.push_back(std::make_unique<Layout>(r, s));
  last_ = all_.size() - 1;
  return *all_.back();
}

}  // namespace tact::summary
