#include "text/utf8.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace tact::text {

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len;) {
    // Every turn is checked when read: ASCII eight bytes at a time, and the
    // two-byte letters of Cyrillic, Greek and Latin accents without ICU.
    if (i + 8 <= len) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    if (p[i] >= 0xC2 && p[i] <= 0xDF && i + 1 < len && (p[i + 1] & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) return false;
  }
  return true;
}

bool RepairUtf8(std::string* s) {
  if (IsValidUtf8(*s)) return false;
  std::string out;
  out.reserve(s->size() + 8);
  const auto* p = reinterpret_cast<const uint8_t*>(s->data());
  int32_t len = static_cast<int32_t>(s->size());
  for (int32_t i = 0; i < len;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0)
      out += "\xEF\xBF\xBD";
    else
      out.append(s->data() + start, static_cast<size_t>(i - start));
  }
  *s = std::move(out);
  return true;
}

size_t Utf8Boundary(std::string_view s, size_t i, Toward direction) {
  while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) {
    i = direction == Toward::kEnd ? i + 1 : i - 1;
  }
  return std::min(i, s.size());
}

}  // namespace tact::text
