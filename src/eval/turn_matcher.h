// Matches one text (a turn, or a rule example) against a language pack.
//
// The text is tokenized, split into sentences and classified; the pack's single
// program is run once over it (and, when the pack has `match-turn` patterns,
// their program once over the whole text as one span, sentence edges kept as
// virtual tokens so '^' and '$' still match at each); every hit is then
// assigned to its behaviour and vetoes are applied: a 'veto' hit cancels that
// behaviour's matches in the same sentence (any sentence a turn match spans),
// a 'veto-turn' hit cancels them in the whole text. {echo} conditions need the
// conversation and are applied afterwards (eval/echo.h). Cancelled
// matches are kept (flagged) so 'tact rules try' can show why. One TurnMatcher
// per thread and pack.
#ifndef TACT_EVAL_TURN_MATCHER_H_
#define TACT_EVAL_TURN_MATCHER_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "match/classifier.h"
#include "match/runner.h"
#include "rules/pack.h"
#include "text/tokenizer.h"

namespace tact::eval {

struct TokenView {
  uint32_t begin = 0, end = 0;  // bytes into the text
  uint16_t sentence = 0;
  const match::TokenInfo* info = nullptr;
};

struct RuleMatch {
  uint32_t behaviour = 0;  // index into the pack's behaviours
  uint32_t rule = 0;       // index into that behaviour's matches
  uint32_t tok_begin = 0, tok_end = 0;
  uint32_t byte_begin = 0, byte_end = 0;
  uint16_t sentence = 0;      // of the first token
  uint16_t sentence_end = 0;  // of the last token (differs only for `match-turn`)
  bool vetoed = false;
  bool turn_scope = false;    // for veto hits: a 'veto-turn'
  int32_t veto_pattern = -1;  // the pattern id of the veto that cancelled it
  bool no_echo = false;       // cancelled because its {echo} condition failed
};

struct TextMatches {
  std::vector<TokenView> tokens;
  std::vector<RuleMatch> matches;  // in sentence order; at most one per rule and sentence
  std::vector<RuleMatch> vetoes;   // veto hits (rule = index into vetoes / turn_vetoes)
  // The rule pack proved too costly for this text (match::Runner) and
  // matching stopped at this token: later tokens matched nothing. Equal to
  // tokens.size() when the whole text was matched.
  size_t matched_tokens = 0;

  // True when behaviour `b` has a match that was not vetoed.
  bool Has(uint32_t b) const;
  // The first surviving match of behaviour `b`, or null.
  const RuleMatch* First(uint32_t b) const;
};

class TurnMatcher {
 public:
  explicit TurnMatcher(const rules::LanguagePack& pack);
  void Match(std::string_view text, TextMatches* out);
  // Bounds the token cache; call between conversations.
  void Trim() { classifier_.Trim(); }
  const rules::LanguagePack& pack() const { return pack_; }

 private:
  // The steps of Match, in order.
  void Classify(std::string_view text, TextMatches* out);  // tokens and sentences
  void Frame(TextMatches* out);              // the runner's input, sentences framed by '^' and '$'
  void RunPrograms(TextMatches* out);        // the sentence program, then the turn program
  void CollectHits(TextMatches* out) const;  // the runners' hits as matches and vetoes
  static void ApplyVetoes(TextMatches* out);
  void Stopped(size_t at, TextMatches* out) const;

  const rules::LanguagePack& pack_;
  match::Classifier classifier_;
  match::Runner runner_;
  match::Runner turn_runner_;  // for the pack's `match-turn` program
  std::vector<text::RawToken> raw_;
  // The runners' input, by position (a token or a sentence edge): only the
  // first framed_ entries are in use, the vectors only grow.
  std::vector<uint32_t> classes_;
  std::vector<int32_t> real_;  // runner position -> token index, -1 for a sentence edge
  std::vector<uint32_t> sentence_ends_;
  size_t framed_ = 0;
  std::vector<match::Hit> hits_;
};

}  // namespace tact::eval

#endif  // TACT_EVAL_TURN_MATCHER_H_
