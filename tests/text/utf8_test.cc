// IsValidUtf8's fast paths (ASCII words, two-byte letters) against ICU's
// reading of every byte, and RepairUtf8 on what they let through.
#include "text/utf8.h"

#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <random>
#include <string>

namespace tact::text {
namespace {

bool ReferenceValid(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) return false;
  }
  return true;
}

TEST(Utf8, EveryShortSequenceAtEveryOffsetAsIcuReadsIt) {
  // Each one- and two-byte sequence, and every third byte after a lead,
  // behind 0..9 ASCII bytes (so the eight-byte step lands everywhere) and
  // followed by ASCII or not.
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; b += (a >= 0xC0 ? 1 : 17)) {
      for (size_t pad = 0; pad < 10; ++pad) {
        for (const char* tail : {"", "abcdefghij", "\xD0\xB4"}) {
          std::string s(pad, 'x');
          s += static_cast<char>(a);
          s += static_cast<char>(b);
          s += tail;
          ASSERT_EQ(IsValidUtf8(s), ReferenceValid(s)) << a << " " << b << " " << pad;
        }
      }
    }
  }
}

TEST(Utf8, RandomTextsAsIcuReadsThem) {
  std::mt19937 rng(5);
  const std::string pieces[] = {"a",
                                "hello wo",
                                "\xD0\xBF\xD1\x80",
                                "\xC3\xA9",
                                "\xE2\x82\xAC",
                                "\xF0\x9F\x98\x80",
                                "\x80",
                                "\xC0\xAF",
                                "\xED\xA0\x80",
                                "\xF4\x90\x80\x80",
                                "\xD0",
                                "\xE2\x82"};
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    const int parts = static_cast<int>(rng() % 12);
    for (int k = 0; k < parts; ++k) s += pieces[rng() % std::size(pieces)];
    ASSERT_EQ(IsValidUtf8(s), ReferenceValid(s)) << s;
    std::string repaired = s;
    EXPECT_EQ(RepairUtf8(&repaired), !ReferenceValid(s));
    EXPECT_TRUE(ReferenceValid(repaired));
  }
}

TEST(Utf8, LongValidTextsInEveryScript) {
  std::string s;
  for (int i = 0; i < 50; ++i) s += "Hola, ¿qué tal? Привет! Ærlig talt. 你好 😀 ";
  EXPECT_TRUE(IsValidUtf8(s));
  s[s.size() / 2] = '\xFF';
  EXPECT_FALSE(IsValidUtf8(s));
}

}  // namespace
}  // namespace tact::text
