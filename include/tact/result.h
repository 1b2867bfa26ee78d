// What the analyzer says about one conversation: a status per behaviour with
// its evidence, the customer signals, the metrics and a score. Report writers
// only read these values.
#ifndef TACT_RESULT_H_
#define TACT_RESULT_H_

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tact/conversation.h"

namespace tact {

enum class BehaviourKind { kExpected, kAvoid, kSignal };
enum class Status { kMet, kMissed, kNotApplicable, kClean, kViolated, kPresent, kAbsent };
enum class Level { kError, kWarning, kInfo };

std::string_view KindName(BehaviourKind k);  // "expected", "avoid", "signal"
std::string_view StatusName(Status s);       // "met", "missed", "not_applicable", ...
std::string_view LevelName(Level l);         // "error", "warning", "info"

// One turn that shows a behaviour.
struct Evidence {
  int turn = 0;  // 1-based over all turns of the conversation
  Role role = Role::kOther;
  std::string speaker;
  std::optional<double> time;  // the turn's start, seconds
  std::string text;            // the whole turn text
  size_t span_begin = 0;       // the matched bytes in `text`
  size_t span_end = 0;
  std::string rule;  // "rules/en/empathy.rules:14"
};

// A trigger occurrence (e.g. customer frustration) and whether the agent
// answered it within the window.
struct TriggerEpisode {
  int turn = 0;
  bool answered = false;
  int answer_turn = 0;  // 0 when unanswered
};

struct BehaviourResult {
  std::string id;
  BehaviourKind kind = BehaviourKind::kExpected;
  Status status = Status::kNotApplicable;
  std::string title;     // in the conversation's language (or --tips-lang)
  std::string title_en;  // English, for reports across languages
  std::string tip;       // in the conversation's language (or --tips-lang)
  std::string tip_en;    // English
  Level level = Level::kWarning;
  double weight = 1;
  std::string trigger;     // the signal id when the behaviour has one
  int trigger_window = 0;  // the speaker's turns the trigger must be answered in
  std::vector<TriggerEpisode> episodes;
  std::vector<Evidence> evidence;  // every matching turn in scope
  std::string note;                // why, in a few words ("no agent turns", ...)
  // `note` as data, for reports to say it in the conversation's language: a
  // message key ("na_only_with") and its values ({"signals", "open_issue"});
  // empty when the note has no message.
  std::string note_key;
  std::vector<std::pair<std::string, std::string>> note_args;
  // For a missed or violated behaviour: what happened, in words for the agent
  // in the report's language ("Customer frustration in turn 4 got no answer in
  // your next 2 turns"); for one that does not apply, why ("applies only
  // with: Something left open"); empty otherwise.
  std::string explain;
};

// One of the few things a report puts first for the agent: the items that
// cost the score most (a critical violation first), with where they happened.
struct FocusItem {
  std::string id;
  std::string title;    // in the report's language
  std::string explain;  // as BehaviourResult::explain
  double points = 0;    // score points it cost
  bool critical = false;
  std::string cost;                  // in words: "fails the conversation", "-17 points"
  std::optional<Evidence> evidence;  // the turn to look at, when there is one
};

struct MetricResult {
  std::string id;
  std::optional<double> value;  // null when not applicable
  std::string unit;             // "s", "ratio", "count", "wpm", "words"
  std::optional<double> threshold;
  // kMax: met when the value is at most the threshold (every thresholded
  // metric); kNone: judged otherwise (de_escalation).
  enum class Direction { kMax, kNone } direction = Direction::kNone;
  Status status = Status::kNotApplicable;              // kMet, kMissed or kNotApplicable
  std::vector<int> evidence;                           // turns
  std::vector<std::pair<std::string, double>> fields;  // median, max, count, ...
  std::vector<std::pair<int, double>> per_turn;        // (turn, value), e.g. each response time
  std::string note;                                    // English, e.g. "needs timestamps"
  std::string note_key;  // as BehaviourResult::note_key ("note_needs_timestamps")
  std::vector<std::pair<std::string, std::string>> note_args;
  // In the report's language (pack messages "metric_ID" and note_key): the
  // metric's name ("First response time") and its note; "" without messages.
  std::string title;
  std::string explain;
};

// How a score was made (see docs/scorecards.md): the weighted share of the
// applicable expected behaviours met, minus the points of each violation; a
// critical violation fails the conversation (score 0).
struct ScoreBreakdown {
  std::string scorecard;        // its name ("default")
  int met = 0, applicable = 0;  // scored expected behaviours and metrics
  double met_weight = 0, applicable_weight = 0;
  double base = 100;                                      // 100 * met_weight / applicable_weight
  std::vector<std::pair<std::string, double>> penalties;  // violated id, points off
  std::vector<std::string> critical;                      // violated critical ids
  // Scored expected ids (and metrics) not met, with the points each cost
  // (100 * its weight / applicable_weight), heaviest first.
  std::vector<std::pair<std::string, double>> missed;
  bool scored = false;  // false: nothing applied (no agent turns, unsupported)
  // The title of every behaviour named above (id, title), kept for reports
  // that hide some with --only/--skip.
  std::vector<std::pair<std::string, std::string>> titles;
  bool failed() const { return !critical.empty(); }
  // "62 = 5 of 8 applicable behaviours met (weighted 72) - shouting 10", or
  // "0 = failed: blame is critical". `name` turns an id into what a person
  // reads (a title); ids are printed when it is empty.
  std::string Explain(double score,
                      const std::function<std::string(const std::string&)>& name = {}) const;
};

struct ConversationResult {
  std::string id;
  std::string source;
  std::string input_format;
  // The pack the behaviours were judged with; for an unsupported language
  // (language_method "unsupported") the detected language instead: a script's
  // code (ja, zh, ko, ar, th, he, el, hi), the input's own code, or "und".
  std::string language;
  double language_confidence = 0;
  // "explicit", "option", "detected", "fallback" or "unsupported" (then no
  // behaviour is judged: all are not_applicable, no metrics, score n/a).
  std::string language_method;
  // Set when the customer wrote in another pack's language than the agent:
  // the customer's turns were matched with that pack ("es"), the agent's and
  // the behaviours' with `language`.
  std::string customer_language;
  // With --lang: the language the conversation clearly reads as when that is
  // another one (a pack's or a script's code, e.g. "es" under --lang en), and
  // the detection's confidence; "" when it reads as the forced language or
  // detection is unsure. The behaviours are still judged with `language`.
  std::string detected_language;
  double detected_confidence = 0;
  Channel channel = Channel::kChat;
  std::string agent;
  std::vector<SpeakerInfo> speakers;
  int turn_count = 0;
  double score = 0;  // 0..100; -1 when nothing was scored
  ScoreBreakdown score_breakdown;
  std::vector<FocusItem> focus;             // at most three, most costly first
  std::string focus_heading;                // "Focus on", in the report's language
  std::vector<BehaviourResult> behaviours;  // in pack order: expected, avoid, signals
  std::vector<MetricResult> metrics;
  std::vector<std::string> warnings;
  // What reports need of the input, copied so a result stands alone: the
  // conversation's line in its input file and each turn's (0 when unknown),
  // its metadata (for --group-by metadata.KEY) and how many turns the agent had.
  int line = 0;
  std::vector<int> turn_lines;
  std::vector<std::pair<std::string, std::string>> metadata;
  int agent_turns = 0;

  bool unsupported_language() const { return language_method == "unsupported"; }
};

}  // namespace tact

#endif  // TACT_RESULT_H_
