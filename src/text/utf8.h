// UTF-8 validation and repair.
#ifndef TACT_TEXT_UTF8_H_
#define TACT_TEXT_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace tact::text {

bool IsValidUtf8(std::string_view s);

// Replaces each invalid sequence with U+FFFD. Returns true if anything changed.
bool RepairUtf8(std::string* s);

// Byte offset `i` of `s` moved to a UTF-8 code point boundary, so that
// s.substr(0, i) cuts no character: back over continuation bytes (kStart) or
// on over them (kEnd). 0 and s.size() are boundaries; the result is at most
// s.size(). Counts bytes only: it does not validate `s`.
enum class Toward { kStart, kEnd };
size_t Utf8Boundary(std::string_view s, size_t i, Toward direction);

}  // namespace tact::text

#endif  // TACT_TEXT_UTF8_H_
