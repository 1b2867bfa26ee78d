// The batch summary: per behaviour, metric and group, over any number of
// conversations, in bounded memory.
//
// Add() folds one conversation in; memory grows only with the number of
// behaviours, metrics and groups (agents, languages, channels, metadata
// values) and the bounded worst-N lists, never with the number of
// conversations. Metric distributions are log-bucketed histograms (1% wide),
// so quantiles are exact to the bucket and two summaries merge into exactly
// the summary one run over both inputs gives (Merge(); `tact merge`).
#ifndef TACT_SUMMARY_SUMMARY_H_
#define TACT_SUMMARY_SUMMARY_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/dates.h"
#include "summary/layouts.h"
#include "summary/shards.h"
#include "tact/diagnostic.h"
#include "tact/result.h"

namespace tact::summary {

struct RunTotals {
  size_t inputs = 0;
  size_t read = 0;      // conversations read
  size_t analyzed = 0;  // conversations analyzed
  size_t skipped = 0;   // conversations or inputs skipped because of errors
  // The errors behind `skipped`, in the order they were met, at most
  // kMaxRecordedErrors of them (none from `tact merge`, which only has counts).
  std::vector<Diagnostic> errors;
  static constexpr size_t kMaxRecordedErrors = 1000;
};

struct StatusCounts {
  uint64_t met = 0, missed = 0, not_applicable = 0, clean = 0, violated = 0, present = 0,
           absent = 0;
  void Add(Status s, uint64_t n = 1);
  // Adds `o`; false (and unchanged counts undefined) when a count overflows.
  [[nodiscard]] bool Merge(const StatusCounts& o);
  uint64_t Get(Status s) const;
  // met/(met+missed) for expected, clean/(clean+violated) for avoid,
  // present/(present+absent) for signals; -1 when nothing applied.
  double Rate(BehaviourKind kind) const;
  uint64_t Applicable(BehaviourKind kind) const;
};

// Log-bucketed distribution of non-negative and negative values.
class Histogram {
 public:
  void Add(double v);
  // Adds `o`; false when a count or the sum overflows.
  [[nodiscard]] bool Merge(const Histogram& o);
  uint64_t count() const { return count_; }
  double min() const { return min_; }
  double max() const { return max_; }
  // The sum in thousandths, an integer so that merged sums equal one run's.
  int64_t sum_milli() const { return sum_milli_; }
  double mean() const {
    return count_ ? static_cast<double>(sum_milli_) / 1000.0 / static_cast<double>(count_) : 0;
  }
  // The value at quantile q (0..1): the middle of the bucket holding it
  // (exact for the minimum and maximum).
  double Quantile(double q) const;
  const std::map<int32_t, uint64_t>& buckets() const {
    Fold();
    return buckets_;
  }
  // The value a bucket stands for: the middle of its range (0 for bucket 0).
  static double Representative(int32_t b);
  // For reading a summary back (merge).
  void Restore(uint64_t count, int64_t sum_milli, double min, double max,
               std::map<int32_t, uint64_t> buckets);

 private:
  static int32_t Bucket(double v);
  // Folds window_ into buckets_ (const: reading a histogram folds it, so a
  // histogram must not be read from two threads while it has new counts).
  void Fold() const;
  uint64_t count_ = 0;
  int64_t sum_milli_ = 0;
  double min_ = 0, max_ = 0;
  mutable std::map<int32_t, uint64_t> buckets_;
  // Add() counts into a dense window of kWindow buckets centred on the first
  // one it saw (a factor of 1.01^2048 either side: any real spread of one
  // metric) instead of a map node per value; buckets outside it, and every
  // count once read, are in buckets_.
  static constexpr int32_t kWindow = 4096;
  mutable std::vector<uint64_t> window_;
  int32_t window_lo_ = 0;
  mutable bool window_dirty_ = false;
};

struct WorstEntry {
  double score = -1;  // -1: no score
  std::string id;
  std::string source;
  Status status = Status::kMissed;
  int turn = 0;                               // first evidence turn, 0 when none
  std::string quote;                          // the matched words, or the note for a miss
  bool operator<(const WorstEntry& o) const;  // worst first: lowest score, then id, then source
};

struct BehaviourSummary {
  BehaviourKind kind = BehaviourKind::kExpected;
  std::string title;
  Level level = Level::kWarning;
  StatusCounts counts;
  std::vector<WorstEntry> worst;  // at most worst_n, sorted
};

struct MetricSummary {
  std::string unit;
  Histogram values;
  StatusCounts counts;  // met / missed / not_applicable
};

struct GroupSummary {
  uint64_t conversations = 0;
  uint64_t scored = 0;
  int64_t score_milli_sum = 0;  // integer, so merges are exact
  std::map<std::string, StatusCounts> behaviours;
};

struct Summary {
  uint64_t inputs = 0, read = 0, analyzed = 0, skipped = 0;
  uint64_t conversations = 0;
  uint64_t violated_conversations = 0;  // with at least one avoid behaviour violated
  // Conversations in a language without a rule pack, by detected language
  // ("ja", "und"): counted here and in their groups, never in the behaviours.
  std::map<std::string, uint64_t> unsupported_languages;
  Histogram scores;
  std::map<std::string, BehaviourSummary> behaviours;
  std::map<std::string, MetricSummary> metrics;
  // dimension ("agent", "language", "channel", "metadata.queue", "period:week")
  // -> group -> stats
  std::map<std::string, std::map<std::string, GroupSummary>> groups;
  size_t worst_n = 5;
  std::vector<std::string> group_by;  // the dimensions
  // Which shards of which inputs this summary covers (report/shards.h); set
  // by tact check and tact merge, empty in summaries of older versions.
  std::vector<ShardId> shards;
};

class SummaryBuilder {
 public:
  explicit SummaryBuilder(std::vector<std::string> group_by = {"agent", "language", "channel"},
                          size_t worst_n = 5);
  void Add(const ConversationResult& r);
  // Applied to every metadata value before it becomes a group key
  // (--group-by metadata.X): the check command's PII redaction.
  void SetKeyFilter(std::function<std::string(const std::string&)> filter) {
    key_filter_ = std::move(filter);
  }
  // Folds another summary in (same group_by and worst_n); false with *error otherwise.
  bool Merge(const Summary& other, std::string* error);
  // Its counts and fields may be changed, but no entry of its maps erased.
  Summary& summary() { return s_; }
  const Summary& summary() const { return s_; }

 private:
  std::string Key(const ConversationResult& r, const std::string& dimension) const;
  void AddBehaviour(const ConversationResult& r, const BehaviourResult& b, BehaviourSummary* bs);

  Summary s_;
  // Where each result's behaviours and metrics are counted (summary/layouts.h):
  // it keeps pointers into s_'s maps, whose entries are therefore never erased.
  Layouts layouts_;
  std::function<std::string(const std::string&)> key_filter_;
};

// Whether `dimension` is "period:day", "period:week" or "period:month", and which.
bool ParsePeriodDimension(std::string_view dimension, Period* period);

// The value of a group-by dimension for a conversation: the agent ("(none)"
// when unknown), language, channel, metadata value, or the period of the
// conversation's date (common/dates.h: "2024-08-27", "2024-W35", "2024-08";
// "(none)" when undated).
std::string GroupKey(const ConversationResult& r, const std::string& dimension);

}  // namespace tact::summary

#endif  // TACT_SUMMARY_SUMMARY_H_
