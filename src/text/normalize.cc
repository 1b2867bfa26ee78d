#include "text/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

namespace tact::text {
namespace {

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

// Maps typographic apostrophes and quotes to ASCII; other code points unchanged.
UChar32 UnifyQuote(UChar32 c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x02BC:
    case 0x2032:
    case 0xFF07:
    case 0x0060:
    case 0x00B4:
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2033:
    case 0xFF02:
      return '"';
    default:
      return c;
  }
}

void AppendUtf8(UChar32 c, std::string* out) {
  char buf[4];
  int32_t n = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, err);
  if (!err) out->append(buf, static_cast<size_t>(n));
}

}  // namespace

void NormalizeAppend(std::string_view in, std::string* out) {
  if (IsAscii(in)) {
    for (char c : in) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c == '`') c = '\'';
      out->push_back(c);
    }
    return;
  }
  // Pass 1: unify quotes (invalid bytes become U+FFFD).
  std::string unified;
  unified.reserve(in.size());
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  int32_t len = static_cast<int32_t>(in.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) c = 0xFFFD;
    AppendUtf8(UnifyQuote(c), &unified);
  }
  // Pass 2: NFKC + case folding.
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  std::string folded;
  if (U_SUCCESS(status)) {
    icu::StringByteSink<std::string> sink(&folded, static_cast<int32_t>(unified.size()));
    nfkc_cf->normalizeUTF8(0, unified, sink, nullptr, status);
  }
  if (U_FAILURE(status)) folded = unified;
  // Pass 3: ё -> е (U+0451 -> U+0435; folding already lowered Ё).
  const auto* f = reinterpret_cast<const uint8_t*>(folded.data());
  int32_t flen = static_cast<int32_t>(folded.size());
  for (int32_t i = 0; i < flen;) {
    UChar32 c;
    U8_NEXT(f, i, flen, c);
    if (c < 0) c = 0xFFFD;
    if (c == 0x0451) c = 0x0435;
    AppendUtf8(c, out);
  }
}

}  // namespace tact::text
