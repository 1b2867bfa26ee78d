// UTF-8 validation and repair.
#ifndef TACT_TEXT_UTF8_H_
#define TACT_TEXT_UTF8_H_

#include <string>
#include <string_view>

namespace tact::text {

bool IsValidUtf8(std::string_view s);

// Replaces each invalid sequence with U+FFFD. Returns true if anything changed.
bool RepairUtf8(std::string* s);

}  // namespace tact::text

#endif  // TACT_TEXT_UTF8_H_
