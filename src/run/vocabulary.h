// The words of the language packs that reading and redaction use: role words
// and help openings for the readers (input::RoleVocabulary), cue words for
// the redactor (report::PiiCues).
//
// Each pack declares its own in its pack.rules (`agent-words`,
// `customer-words`, `agent-phrases`, `help-openings`, `pii-cue`;
// docs/rules.md), so a new language is only its folder. A run uses the union
// of the packs it loaded and of the built-in packs: a user pack, or
// --no-builtin-rules, adds words and never takes the built-in ones away (a
// user's pack.rules without these lines reads and redacts as before).
#ifndef TACT_RUN_VOCABULARY_H_
#define TACT_RUN_VOCABULARY_H_

#include "input/roles.h"
#include "report/pii_cues.h"
#include "tact/rule_set.h"

namespace tact::run {

struct Vocabulary {
  input::RoleVocabulary roles;
  report::PiiCues pii;
};

// The vocabulary of every pack of `rules` and of the built-in packs. Reads
// only the packs' settings (RuleSet::settings), never their matchers.
Vocabulary CollectVocabulary(const RuleSet& rules);

// The vocabulary of the built-in packs alone, loaded once (thread-safe): for
// tests, benchmarks and fuzzers that read or redact without a rule set.
const Vocabulary& BuiltinVocabulary();

}  // namespace tact::run

#endif  // TACT_RUN_VOCABULARY_H_
