// libFuzzer target for the timestamp parsers.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "input/timestamp.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view s(reinterpret_cast<const char*>(data), size);
  double v = 0;
  if (tact::input::ParseClock(s, &v) && (!std::isfinite(v) || v < 0)) __builtin_trap();
  if (tact::input::ParseIso8601(s, &v)) (void)tact::input::FormatIso8601(v);
  if (tact::input::ParseTimeString(s, &v) && !std::isfinite(v)) __builtin_trap();
  return 0;
}
