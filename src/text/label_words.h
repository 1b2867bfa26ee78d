// The words of a speaker label, as role words are compared with them.
//
// "Customer (John)" -> customer, john: word tokens, normalized
// (text/normalize.h); the words of an address count too:
// "support@acme.com" -> support, acme, com; "@AcmeSupport" -> acmesupport.
// Other tokens (punctuation, numbers, symbols) are dropped.
#ifndef TACT_TEXT_LABEL_WORDS_H_
#define TACT_TEXT_LABEL_WORDS_H_

#include <string>
#include <string_view>
#include <vector>

namespace tact::text {

std::vector<std::string> LabelWords(std::string_view label);

}  // namespace tact::text

#endif  // TACT_TEXT_LABEL_WORDS_H_
