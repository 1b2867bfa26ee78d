// Helpers shared by the writers: where a finding is (file,
// line) and how its evidence reads on one line.
#ifndef TACT_REPORT_REPORT_UTIL_H_
#define TACT_REPORT_REPORT_UTIL_H_

#include <functional>
#include <string>
#include <string_view>

#include "report/summary_names.h"
#include "tact/result.h"

namespace tact::report {

// A missed expected behaviour or a violated avoid behaviour (signals never are).
bool IsFinding(const BehaviourResult& b);

// `source` without a trailing ":<line>" (multi-conversation files), and that line (0 if none).
std::string_view SourcePath(std::string_view source);
int SourceLine(std::string_view source);

// The source line of 1-based `turn` (r.turn_lines); 0 when unknown.
int TurnLine(const ConversationResult& r, int turn);

// The first line of the conversation in its source: r.line,
// else the ":<line>" of the source; 0 when unknown.
int ConversationLine(const ConversationResult& r);

// The line a finding points at: its first evidence turn, else its first
// unanswered trigger episode, else the conversation's first line; 0 when unknown.
int FindingLine(const ConversationResult& r, const BehaviourResult& b);

// `s` on one line with no control character: line breaks, tabs, ESC and the
// C1 controls become spaces, so input text cannot move a terminal's cursor or
// recolour it. For every field of a human report that comes from the input.
std::string Printable(std::string_view s);

// The evidence on one line: "…up to 60 bytes [the match] up to 60 bytes…",
// in double quotes, control characters as spaces. `mark`, when given, shows
// the match instead of the brackets (the text report's colour).
std::string QuoteEvidence(const Evidence& e,
                          const std::function<std::string(const std::string&)>& mark = {});

// "turn 4 (1:05) Agent: "…"" — the turn, its time when known, the speaker and the quote.
std::string DescribeEvidence(const Evidence& e);

// A note as a person reads it: its words in the report's language
// (`explain`), else the English note.
const std::string& NoteOf(const BehaviourResult& b);
const std::string& NoteOf(const MetricResult& m);

// A metric's name in the report's language, else its id.
const std::string& NameOf(const MetricResult& m);

// An id of `r` as a person reads it: the behaviour's or metric's title in the
// report's language, else the id. For ScoreBreakdown::Explain; valid
// while `r` is.
std::function<std::string(const std::string&)> TitleOf(const ConversationResult& r);

// `s` in a Markdown table cell: "|" escaped, line feeds (and carriage returns
// unless kKeep: the eval report's choice) as spaces, so the table holds.
enum class CarriageReturn { kSpace, kKeep };
std::string MarkdownCell(std::string_view s, CarriageReturn cr = CarriageReturn::kSpace);

// One conversation's metric value as the text and HTML reports show it:
// "0.42", "3.5 s", "12 words", de-escalation as "0.80 → 0.20"; "n/a" without a value.
std::string MetricValue(const MetricResult& m);

// The facts of a conversation after its name: "language en (detected, 0.93;
// customer es) · chat · 12 turns · agent Anna". `escape` is applied to the
// fields that come from the input (the HTML report's HtmlEscape), none by default.
std::string ConversationFacts(const ConversationResult& r,
                              const std::function<std::string(std::string_view)>& escape = {});

// The turns of the evidence not quoted, from index `shown` on: "+2 more:
// turns 4, 5" ("turn" for one).
std::string MoreTurns(const std::vector<Evidence>& evidence, size_t shown);

// A behaviour of the summary in a sentence: "missed in 3 of 5
// conversation(s) (40.0% met)", with ", severity error" inside the
// parentheses for an avoid behaviour (JUnit and SARIF).
std::string CountsSentence(const BehaviourSummary& b);

// One of the worst conversations on a line: "a.txt (id c7): score 40, turn
// 3: "quote"", or "… (the note)" without evidence (JUnit and SARIF).
std::string DescribeWorst(const WorstEntry& w);

}  // namespace tact::report

#endif  // TACT_REPORT_REPORT_UTIL_H_
