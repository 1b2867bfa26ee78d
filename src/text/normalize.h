// Token normalization: the form rule patterns and text are compared in.
//
// Normalize() applies, in order: typographic apostrophes and quotes unified to
// ASCII ' and ", Unicode NFKC with case folding (ICU's NFKC_Casefold), and the
// Russian ё/Ё folded to е. ASCII input takes a fast path that never enters ICU.
// The result is a new string; offsets into the original are kept by the
// tokenizer, never by this function. Thread-safe.
#ifndef TACT_TEXT_NORMALIZE_H_
#define TACT_TEXT_NORMALIZE_H_

#include <string>
#include <string_view>

namespace tact::text {

// Appends the normalized form of `in` to `*out`.
void NormalizeAppend(std::string_view in, std::string* out);

inline std::string Normalize(std::string_view in) {
  std::string out;
  NormalizeAppend(in, &out);
  return out;
}

}  // namespace tact::text

#endif  // TACT_TEXT_NORMALIZE_H_
