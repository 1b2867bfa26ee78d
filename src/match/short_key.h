// A string of at most 16 bytes as two 64-bit words and its length, read
// without a byte loop: for 8-16 bytes the first and the last eight (which
// overlap when shorter than 16), for 4-7 the first and last four, for 1-3
// the first, middle and last byte. Together with the length the words
// determine every byte, so two strings are equal exactly when their keys
// are. The classifier's front cache (match/classifier.h) compares keys
// instead of bytes behind pointers.
#ifndef TACT_MATCH_SHORT_KEY_H_
#define TACT_MATCH_SHORT_KEY_H_

#include <cstdint>
#include <cstring>
#include <string_view>

namespace tact::match {

struct ShortKey {
  static constexpr size_t kMaxSize = 16;
  uint64_t a = 0, b = 0;
  uint32_t size = 0;

  // `s` must be at most kMaxSize bytes.
  static ShortKey Of(std::string_view s) {
    ShortKey k;
    k.size = static_cast<uint32_t>(s.size());
    const char* p = s.data();
    const size_t n = s.size();
    if (n >= 8) {
      std::memcpy(&k.a, p, 8);
      std::memcpy(&k.b, p + n - 8, 8);
    } else if (n >= 4) {
      uint32_t x, y;
      std::memcpy(&x, p, 4);
      std::memcpy(&y, p + n - 4, 4);
      k.a = x;
      k.b = y;
    } else if (n > 0) {
      k.a = static_cast<uint8_t>(p[0]) | uint64_t{static_cast<uint8_t>(p[n / 2])} << 8 |
            uint64_t{static_cast<uint8_t>(p[n - 1])} << 16;
    }
    return k;
  }
  bool operator==(const ShortKey& o) const { return a == o.a && b == o.b && size == o.size; }
  // Well mixed in its high bits.
  uint64_t Hash() const {
    uint64_t h = (a * 0x9E3779B97F4A7C15ULL) ^ (b * 0xC2B2AE3D27D4EB4FULL) ^ size;
    h ^= h >> 29;
    return h * 0xBF58476D1CE4E5B9ULL;
  }
};

}  // namespace tact::match

#endif  // TACT_MATCH_SHORT_KEY_H_
