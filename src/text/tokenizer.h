// Splits UTF-8 text into word, number, punctuation, symbol and address tokens.
//
// Every token keeps its byte span [begin, end) in the original text, so
// evidence can be highlighted exactly. Words keep inner hyphens ("e-mail",
// "что-то"); a clitic after an apostrophe is its own token ("I'll" -> I 'll),
// and negation splits as in the Penn Treebank ("isn't" -> is n't); numbers keep inner . , : ("3.5",
// "10:30"), and so do ranges ("3-5", "3–5", "10:00–12:00") and ordinals
// ("8:e", "28th"); a run of one repeated punctuation character is one token
// ("!!!", "..."), and so is a run mixing '?' and '!' ("?!", "!?!"). URLs
// ("https://…", "www.…", without trailing sentence punctuation), e-mail
// addresses, @handles and #hashtags are one token each, of their own kind.
// Invalid UTF-8 bytes become one-byte symbol tokens; nothing is dropped
// except whitespace. Sentence boundaries are assigned afterwards by
// AssignSentences(), which needs each word's normalized form.
#ifndef TACT_TEXT_TOKENIZER_H_
#define TACT_TEXT_TOKENIZER_H_

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace tact::text {

// kUrl, kEmail, kHandle and kHashtag are written addresses: "https://x.io/a",
// "www.x.io", "ana@x.io", "@name", "#tag".
enum class TokenKind : uint8_t { kWord, kNumber, kPunct, kSymbol, kUrl, kEmail, kHandle, kHashtag };

struct RawToken {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kSymbol;
  bool newline_before = false;  // a line break separates it from the previous token
  uint16_t sentence = 0;        // set by AssignSentences
};

// Appends the tokens of `text` to `*out` (which is cleared first).
void Tokenize(std::string_view text, std::vector<RawToken>* out);

// Numbers the sentences of a tokenized text, starting at 0. A sentence ends
// after '.', '!', '?', '…' (or runs of them) and at line breaks. A mark glued
// to a following letter or digit ("example.com", "a?b=1") does not end one,
// nor does a '.' after a single letter or after a word for which
// `is_abbreviation(index of that word)` returns true, nor an ordinal dot: a '.'
// right after a number of one or two digits when a lowercase word follows on
// the same line ("2. mai", "den 20. mars").
void AssignSentences(std::string_view text, std::vector<RawToken>* tokens,
                     const std::function<bool(size_t)>& is_abbreviation);

}  // namespace tact::text

#endif  // TACT_TEXT_TOKENIZER_H_
