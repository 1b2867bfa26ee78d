// The {echo} condition of match lines: restating the other speaker's words.
//
// A content term is the Snowball stem of a word of at least three letters
// that is not one of the pack's stopwords, or a number as written ("49.90",
// "3"); the classifier computes it once per distinct token. A match with `{echo N P%}` survives
// only when its sentence (every sentence it spans; the whole turn for `match-turn`) holds at least
// N distinct content terms of the context, and at least P% of its own distinct content terms are
// such. The context of a turn is the other speaker's turns since this speaker's previous turn, or
// else the other speaker's last turn before it. A match line with a condition and no pattern is
// judged on every sentence and matches the whole sentence when the condition holds.
#ifndef TACT_EVAL_ECHO_H_
#define TACT_EVAL_ECHO_H_

#include <cstdint>
#include <string>
#include <vector>

#include "eval/turn_matcher.h"
#include "rules/pack.h"
#include "tact/conversation.h"

namespace tact::eval {

// A set of content terms (match::TokenInfo::echo_term hashes): one vector,
// sorted when first looked up (a context has tens of terms, and a node per
// term in a hash set cost an allocation each).
class EchoTerms {
 public:
  void insert(uint64_t term) {
    terms_.push_back(term);
    sorted_ = false;
  }
  // 1 when `term` is in the set, else 0.
  size_t count(uint64_t term) const;
  bool empty() const { return terms_.empty(); }

 private:
  mutable std::vector<uint64_t> terms_;
  mutable bool sorted_ = true;
};

// Adds the content terms of a matched text to *terms.
void AddEchoTerms(const rules::LanguagePack& pack, const TextMatches& text, EchoTerms* terms);

// Applies the pack's conditions to one text's matches, given its context.
void ApplyEcho(const rules::LanguagePack& pack, const EchoTerms& context, TextMatches* text);

// Whether `text` has a match with a condition (or the pack a condition with
// no pattern), so that its context is needed.
bool NeedsEcho(const rules::LanguagePack& pack, const TextMatches& text);

// The content terms of turn i's context (turns[j] for j < i must be matched).
EchoTerms EchoContext(const Conversation& c, const std::vector<TextMatches>& turns, size_t i);

// Applies them to every turn of a conversation (`turns[i]` are the matches of
// c.turns[i]). Does nothing when the pack has no conditions.
void ApplyEchoConditions(const rules::LanguagePack& pack, const Conversation& c,
                         std::vector<TextMatches>* turns);

}  // namespace tact::eval

#endif  // TACT_EVAL_ECHO_H_
