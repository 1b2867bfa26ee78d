// Helpers shared by the writers: where a finding is (file,
// line) and how its evidence reads on one line.
#ifndef TACT_REPORT_REPORT_UTIL_H_
#define TACT_REPORT_REPORT_UTIL_H_

#include <functional>
#include <string>
#include <string_view>

#include "tact/result.h"

namespace tact::report {

// A missed expected behaviour or a violated avoid behaviour (signals never are).
bool IsFinding(const BehaviourResult& b);

// `source` without a trailing ":<line>" (multi-conversation files), and that line (0 if none).
std::string_view SourcePath(std::string_view source);
int SourceLine(std::string_view source);

// The source line of 1-based `turn`, from the conversation the result was
// made from while it is alive (r.conversation); 0 when unknown.
int TurnLine(const ConversationResult& r, int turn);

// The first line of the conversation in its source: r.conversation's line,
// else the ":<line>" of the source; 0 when unknown.
int ConversationLine(const ConversationResult& r);

// The line a finding points at: its first evidence turn, else its first
// unanswered trigger episode, else the conversation's first line; 0 when unknown.
int FindingLine(const ConversationResult& r, const BehaviourResult& b);

// `s` on one line with no control character: line breaks, tabs, ESC and the
// C1 controls become spaces, so input text cannot move a terminal's cursor or
// recolour it. For every field of a human report that comes from the input.
std::string Printable(std::string_view s);

// "m:ss" or "h:mm:ss".
std::string ClockTime(double seconds);

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

// "71.4% met" for a summary rate (-1: "n/a").
std::string FormatRate(double rate, std::string_view what);

}  // namespace tact::report

#endif  // TACT_REPORT_REPORT_UTIL_H_
