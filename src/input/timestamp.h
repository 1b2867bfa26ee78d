// Timestamp parsing shared by the readers. All functions are pure and accept
// only what they document; anything else returns false.
#ifndef TACT_INPUT_TIMESTAMP_H_
#define TACT_INPUT_TIMESTAMP_H_

#include <string_view>

namespace tact::input {

// "hh:mm:ss", "h:mm:ss", "mm:ss", each optionally with ".fff" or ",fff"
// fractions (SRT uses a comma). Minutes and seconds must be < 60.
bool ParseClock(std::string_view s, double* seconds);

}  // namespace tact::input

#endif  // TACT_INPUT_TIMESTAMP_H_
