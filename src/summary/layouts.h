// Where in a Summary the counts of one result's behaviours and metrics go,
// found once per list of ids rather than per conversation.
//
// Every result judged with the same pack (and --only/--skip) lists the same
// behaviours and metrics in the same order. A Layout remembers, for one such
// list, the BehaviourSummary, MetricSummary and (per group) StatusCounts of
// each position, so SummaryBuilder::Add indexes by position instead of
// looking each id up in the summary's maps. The pointers stay valid because
// a summary's map entries are never erased.
#ifndef TACT_SUMMARY_LAYOUTS_H_
#define TACT_SUMMARY_LAYOUTS_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "tact/result.h"

namespace tact::summary {

struct Summary;
struct BehaviourSummary;
struct MetricSummary;
struct GroupSummary;
struct StatusCounts;

class Layout {
 public:
  Layout(const ConversationResult& r, Summary* s);
  // Whether `r` lists exactly this layout's behaviour and metric ids.
  bool Fits(const ConversationResult& r) const;
  // By position in the result's behaviours / metrics.
  const std::vector<BehaviourSummary*>& behaviours() const { return behaviours_; }
  const std::vector<MetricSummary*>& metrics() const { return metrics_; }
  // Group `g`'s counts of each behaviour, by position (made on first use).
  const std::vector<StatusCounts*>& GroupCounts(GroupSummary* g);

 private:
  std::vector<std::string> behaviour_ids_, metric_ids_;
  std::vector<BehaviourSummary*> behaviours_;
  std::vector<MetricSummary*> metrics_;
  std::unordered_map<const GroupSummary*, std::vector<StatusCounts*>> groups_;
};

class Layouts {
 public:
  // The layout `r` fits in `s`, made on first sight of its list of ids. At
  // most kMax are kept (a run has one per pack it judges with); past that,
  // the oldest is dropped.
  Layout& For(const ConversationResult& r, Summary* s);
  size_t size() const { return all_.size(); }
  static constexpr size_t kMax = 16;

 private:
  std::vector<std::unique_ptr<Layout>> all_;
  size_t last_ = 0;
};

}  // namespace tact::summary

#endif  // TACT_SUMMARY_LAYOUTS_H_
