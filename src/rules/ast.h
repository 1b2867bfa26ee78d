// The parsed form of rule files, before compilation. See docs/rules.md for the
// language these structures come from.
#ifndef TACT_RULES_AST_H_
#define TACT_RULES_AST_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tact/result.h"
#include "text/pii_cue.h"

namespace tact::rules {

struct Location {
  std::string file;
  int line = 0;
  int column = 0;
  bool operator==(const Location&) const = default;
};

// One element of a token pattern.
struct PatternNode {
  enum class Type {
    kSeq,
    kAlt,
    kOpt,
    kGap,
    kLiteral,
    kStem,
    kPrefix,
    kLexicon,
    kClass,
    kRegex,
    kAnchor,
    kNot
  };
  Type type = Type::kSeq;
  std::string text;  // literal (raw), stem word, prefix, lexicon name, class name, regex, "^"/"$"
  int number = 0;    // gap size or class parameter
  int column = 0;    // 1-based column in the source line
  std::vector<PatternNode> children;
  bool operator==(const PatternNode&) const = default;
};

struct Pattern {
  PatternNode root;
  std::string source;  // the pattern as written (without its name and condition)
  Location loc;
  std::string name;         // `match NAME: ...`; "" when unnamed
  bool turn_scope = false;  // `match-turn`: may run across the sentences of a turn
  bool empty = false;       // no pattern, only a condition (`match {echo 4}`)
  // `{echo N P%}`: the matched sentence (or turn) must reuse at least
  // echo_min content words or numbers of the other speaker's previous turn(s),
  // and at least echo_share percent of its own content words must be such.
  int echo_min = 0;
  int echo_share = 0;
  bool has_echo() const { return echo_min > 0 || echo_share > 0; }
  bool operator==(const Pattern&) const = default;
};

using Kind = tact::BehaviourKind;
enum class SpeakerScope { kAgent, kCustomer, kAny };
using Level = tact::Level;
enum class Otherwise { kMissed, kNotApplicable };

struct Example {
  bool positive = true;
  std::string text;     // with the [ ] marks removed
  int mark_begin = -1;  // byte span of the marked words in `text`, -1 if unmarked
  int mark_end = -1;
  Location loc;
  std::string context;  // the other speaker's previous turn (`< TEXT`), "" if none
  bool operator==(const Example&) const = default;
};

struct BehaviourDecl {
  std::string id;
  Location loc;
  std::optional<Kind> kind;
  SpeakerScope speaker = SpeakerScope::kAgent;
  bool speaker_set = false;
  std::map<std::string, std::string> titles;  // "" = the pack's language, else a language code
  std::map<std::string, std::string> tips;
  std::string description;
  Level level = Level::kWarning;
  bool level_set = false;
  double weight = 1.0;
  enum class Position { kAny, kFirst, kLast } position = Position::kAny;
  int position_n = 0;
  // Timed calls: only turns in the first / last N seconds count (replaces
  // `position` there; chats and untimed transcripts use `position`).
  enum class TimeWindow { kNone, kFirst, kLast } time_window = TimeWindow::kNone;
  double time_seconds = 0;
  std::string trigger;  // a signal id
  int trigger_window = 0;
  Location trigger_loc;
  Otherwise otherwise = Otherwise::kMissed;
  bool otherwise_set = false;
  // When an expected behaviour applies at all (else: not_applicable, with the
  // reason): one of `applies_if` signals present, none of `applies_unless`,
  // at least `min_turns` turns of its speaker, one of `channels`.
  std::vector<std::string> applies_if, applies_unless;
  Location applies_loc;
  int min_turns = 0;
  std::vector<Channel> channels;
  // `first-use`: a match counts only where the conversation first uses its
  // words; a later turn repeating them (once explained, or after the other
  // speaker used them) does not count again.
  bool first_use = false;
  std::vector<Pattern> matches;
  std::vector<Pattern> vetoes;       // same sentence
  std::vector<Pattern> turn_vetoes;  // same turn
  std::vector<Example> examples;
  // Every member compared: the pack image test relies on it to notice a
  // member the image does not carry.
  bool operator==(const BehaviourDecl&) const = default;
};

struct LexiconDecl {
  std::string name;
  Location loc;
  std::vector<Pattern> items;  // one per alternative
  bool operator==(const LexiconDecl&) const = default;
};

// `pii-cue KIND[+whole][+adjacent] WORD…`: one cue word (text/pii_cue.h).
using PiiCueKind = text::PiiCueKind;
using PiiCueDecl = text::PiiCue;

// The words a pack gives the readers and the redactor (docs/rules.md, "Words
// for reading and redacting"): role words of speaker labels, the openings an
// agent greets or offers help with, and the redactor's cue words.
struct PackVocabulary {
  std::vector<std::string> agent_words;     // `agent-words`: "Agent", "Kundtjänst"
  std::vector<std::string> customer_words;  // `customer-words`: "Customer", "Клиент"
  // `agent-phrases`: "customer service"; compiled, a label's words joined by one space.
  std::vector<std::string> agent_phrases;
  std::vector<std::string> help_openings;  // `help-openings`: "how can i help"
  std::vector<PiiCueDecl> pii_cues;        // `pii-cue`
  bool operator==(const PackVocabulary&) const = default;
};

struct PackDecl {
  std::string code;
  Location loc;
  std::string name;
  std::string stemmer;
  std::vector<std::string> abbreviations;
  std::vector<std::string> stopwords;  // language detection profile, most frequent first
  std::string alphabet;                // letters the language writes words with
  std::vector<std::string> acronyms;   // capitalized words that are not shouting
  // `message KEY TEXT`: the words of the coaching text in this language
  // ("unanswered" -> "{trigger} in turn {turn} got no answer ..."), in order.
  std::vector<std::pair<std::string, std::string>> messages;
  PackVocabulary vocabulary;
};

struct Include {
  std::string path;  // as written, relative to the including file
  Location loc;
};

struct RuleFile {
  std::string path;
  std::vector<Include> includes;
  std::vector<BehaviourDecl> behaviours;
  std::vector<LexiconDecl> lexicons;
  std::vector<PackDecl> packs;
};

}  // namespace tact::rules

#endif  // TACT_RULES_AST_H_
