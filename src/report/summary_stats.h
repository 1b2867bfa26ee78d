// Statistics of a batch summary that several reports print: a distribution's
// quantiles, a group's mean score and lowest rates, the good and bad status of
// each kind of behaviour. Computed here once, so the text, Markdown, HTML,
// JUnit and JSON reports cannot disagree on them.
#ifndef TACT_REPORT_SUMMARY_STATS_H_
#define TACT_REPORT_SUMMARY_STATS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "report/summary_names.h"

namespace tact::report {

// What the reports say about a Histogram. With no values, median and p90 are
// NaN and mean, min and max 0.
struct Distribution {
  uint64_t count = 0;
  double mean = 0, median = 0, p90 = 0, min = 0, max = 0;
};
Distribution Describe(const Histogram& h);

// The status that counts for a behaviour of `kind` (met, clean, present) and
// the one against it (missed, violated, absent).
Status GoodStatus(BehaviourKind kind);
Status BadStatus(BehaviourKind kind);

// A group's mean score (score_milli_sum / 1000 / scored); none when nothing
// in it was scored.
std::optional<double> MeanScore(const GroupSummary& g);

// The behaviour kind of `id` in `s`; expected when the summary does not know it.
BehaviourKind KindOf(const Summary& s, const std::string& id);

// The `n` lowest rates of a group's expected and avoid behaviours (signals and
// behaviours that never applied left out), lowest first, ties by id.
std::vector<std::pair<double, std::string>> LowestRates(const Summary& s, const GroupSummary& g,
                                                        size_t n);

// Conversations in a language without a rule pack, all languages together.
uint64_t UnsupportedTotal(const Summary& s);

// The share of conversations with at least one violation; -1 with none.
double ViolatedShare(const Summary& s);

// The expected behaviour missed most often (ties: the lower rate, then the
// first id); null when none was missed.
const std::pair<const std::string, BehaviourSummary>* MostMissed(const Summary& s);

}  // namespace tact::report

#endif  // TACT_REPORT_SUMMARY_STATS_H_
