// What every metric function shares (internal to src/eval): the
// conversation prepared once per call of ComputeMetrics (timings, word
// counts), the note and judging helpers, and one declaration per metric.
// A metric is a file in this folder plus a row of the table in metrics.cc.
#ifndef TACT_EVAL_METRICS_METRIC_H_
#define TACT_EVAL_METRICS_METRIC_H_

#include <string>
#include <utility>
#include <vector>

#include "eval/metric_profile.h"
#include "eval/turn_matcher.h"
#include "rules/pack.h"
#include "tact/conversation.h"
#include "tact/result.h"

namespace tact::eval::metrics {

// A note in English and as a message (key "note_" + name, see MetricResult).
struct Note {
  std::string text, key;
  std::vector<std::pair<std::string, std::string>> args;
};

Note Keyed(const char* name, std::string text,
           std::vector<std::pair<std::string, std::string>> args = {});
void SetNote(MetricResult* m, Note note);

// The conversation as every metric sees it, prepared once.
struct Prep {
  const Conversation& c;
  const std::vector<TextMatches>& turns;  // turns[i]: the matches of c.turns[i]
  const rules::LanguagePack& pack;
  const MetricProfile& profile;
  size_t n = 0;            // c.turns.size()
  bool call = false;       // the channel is a call
  bool timed = false;      // every turn has a start, in order
  bool has_ends = false;   // every turn also has an end
  Note time_note;          // why timed is false
  std::vector<int> words;  // per turn: words, numbers and addresses
};

// Fills timings and word counts; problems with the timestamps are appended
// to *warnings.
void Prepare(Prep* x, std::vector<std::string>* warnings);

// Sets the status of a kMax metric from its value and threshold.
void Judge(MetricResult* m, const Prep& x);
MetricResult NotApplicable(MetricResult m, Note note);

// Response times need timestamps, and on calls end times. Otherwise makes
// *m not applicable and returns false.
bool NeedResponseTimes(const Prep& x, MetricResult* m);
// The call-only metrics need a call with start and end times. Otherwise
// makes *m not applicable and returns false.
bool NeedCallTimes(const Prep& x, MetricResult* m);

// The time a turn ends, or starts when its end is unknown (chats).
inline double EndOrStart(const Turn& t) { return t.end ? *t.end : *t.start; }
double Median(std::vector<double> v);

// One function per metric: `m` comes with its id, unit, direction and (for
// kMax metrics) the profile's threshold; each returns it computed and judged.
MetricResult FirstResponseTime(const Prep& x, MetricResult m);
MetricResult ResponseTime(const Prep& x, MetricResult m);
MetricResult HandleTime(const Prep& x, MetricResult m);
MetricResult TalkRatio(const Prep& x, MetricResult m);
MetricResult Interruptions(const Prep& x, MetricResult m);
MetricResult NonTalkTime(const Prep& x, MetricResult m);
MetricResult TalkSpeed(const Prep& x, MetricResult m);
MetricResult LongestMonologue(const Prep& x, MetricResult m);
MetricResult DeEscalation(const Prep& x, MetricResult m);

}  // namespace tact::eval::metrics

#endif  // TACT_EVAL_METRICS_METRIC_H_
