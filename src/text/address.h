// Recognizes written addresses in text, for the tokenizer: URLs and e-mail
// addresses, each to become one token.
//
// A URL starts with "http://", "https://" or "www." and a letter or digit, and
// runs to the next space, '<' or '"'; sentence punctuation, quotes and closing
// brackets at its end are not part of it ("see www.x.io." -> "www.x.io"),
// except a ')' that closes a '(' of the URL ("wiki/Foo_(bar)"). An e-mail
// address is an ASCII local part, '@' and a domain whose last label is letters
// ("ana.lund+tact@mail.example.se"). Both look only at bytes from `i` on; the
// caller checks that `i` starts a token.
#ifndef TACT_TEXT_ADDRESS_H_
#define TACT_TEXT_ADDRESS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace tact::text {

bool IsAsciiAlnumByte(uint8_t c);
// A byte an e-mail address's local part may hold (ASCII letters, digits, ._%+-).
bool IsEmailLocalByte(uint8_t c);

// The byte length of the URL starting at `i`, or 0.
size_t UrlLength(std::string_view text, size_t i);

// The byte length of the e-mail address starting at `i`, or 0. Sets
// *local_end to the end of the would-be local part: when no address starts at
// `i`, none starts before *local_end either, so a caller scanning left to right
// need not look again before it (which keeps tokenizing linear).
size_t EmailLength(std::string_view text, size_t i, size_t* local_end);

}  // namespace tact::text

#endif  // TACT_TEXT_ADDRESS_H_
