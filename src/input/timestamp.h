// Timestamp parsing shared by the readers. All functions are pure and accept
// only what they document; anything else returns false.
#ifndef TACT_INPUT_TIMESTAMP_H_
#define TACT_INPUT_TIMESTAMP_H_

#include <string>
#include <string_view>

namespace tact::input {

// "hh:mm:ss", "h:mm:ss", "mm:ss", each optionally with ".fff" or ",fff"
// fractions (SRT uses a comma). Minutes and seconds must be < 60.
bool ParseClock(std::string_view s, double* seconds);

// ISO 8601 date-times as exported by ticket systems: "2024-08-27T08:36:02Z",
// "2024-08-27 08:36:02.250", "2024-08-27T08:36:02+02:00", "...-0500", or a
// bare date. No zone means UTC. Sets epoch seconds.
bool ParseIso8601(std::string_view s, double* epoch);

// "2024-08-27T08:36:02.000Z" (UTC, milliseconds).
std::string FormatIso8601(double epoch);

// Any time a field may hold: a number of seconds (epoch seconds, or epoch
// milliseconds when above 1e11), a clock ("01:02:03"), or ISO 8601.
bool ParseTimeString(std::string_view s, double* seconds);

}  // namespace tact::input

#endif  // TACT_INPUT_TIMESTAMP_H_
