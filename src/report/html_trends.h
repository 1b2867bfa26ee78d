// Trends of the HTML report: for dated conversations (common/dates.h), per
// day, week or month, the median score, each expected and avoid behaviour's
// rate and each metric's median, as small inline-SVG line charts. Every point
// links to the index filtered to its behaviour's misses and violations in that
// period ("#filter?behaviour=empathy&status=bad&from=…&to=…", html_report.js),
// and its tooltip gives the counts behind it.
//
// Memory grows with the number of days and metrics, never with the number of
// conversations: per day, status counts and log-bucketed histograms that are
// merged into weeks or months at the end. Not thread-safe.
#ifndef TACT_REPORT_HTML_TRENDS_H_
#define TACT_REPORT_HTML_TRENDS_H_

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/dates.h"
#include "report/summary_names.h"

namespace tact::report {

class TrendBuilder {
 public:
  // Folds in a conversation; one without a date (or in an unsupported
  // language) is left out.
  void Add(const ConversationResult& r);
  bool empty() const { return days_.empty(); }
  // The period charts use: `forced` when given (--group-by period:X), else by
  // the span of the dates: days up to 45 days, weeks up to 40 weeks, else months.
  Period Choose(std::optional<Period> forced) const;
  // The Trends section; nothing when no conversation was dated.
  // `metric_titles`: a metric's name by id.
  void Write(std::optional<Period> forced, const std::map<std::string, std::string>& metric_titles,
             std::string* out) const;

 private:
  struct Stats {
    uint64_t conversations = 0;
    std::map<std::string, StatusCounts> behaviours;
    Histogram score;
    std::map<std::string, Histogram> metrics;
    void Merge(const Stats& o);
  };
  struct BehaviourInfo {
    BehaviourKind kind = BehaviourKind::kExpected;
    std::string title;
  };
  using Ranges = std::vector<std::pair<int, int>>;  // each period's first and last day
  void WriteBehaviourCharts(const std::map<int, Stats>& periods,
                            const std::vector<std::string>& keys, const Ranges& ranges,
                            std::string* out) const;

  std::map<int, Stats> days_;
  std::map<std::string, BehaviourInfo> behaviours_;
  std::map<std::string, std::string> units_;  // metric id -> unit
};

}  // namespace tact::report

#endif  // TACT_REPORT_HTML_TRENDS_H_
