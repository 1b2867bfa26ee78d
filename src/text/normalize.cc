#include "text/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

namespace tact::text {
namespace {

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

// Non-ASCII text: quotes unified (invalid bytes become U+FFFD), then Unicode
// NFKC with case folding, then ё folded to е; appended to *out.
void NormalizeOther(std::string_view in, std::string* out) {
  // Pass 1: unify quotes, written in place (a byte becomes at most the three
  // of U+FFFD).
  std::string unified(in.size() * 3, '\0');
  auto* u = reinterpret_cast<uint8_t*>(unified.data());
  int32_t n = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const int32_t len = static_cast<int32_t>(in.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) c = 0xFFFD;
    U8_APPEND_UNSAFE(u, n, UnifyQuote(c));
  }
  unified.resize(static_cast<size_t>(n));
  // Pass 2: NFKC + case folding, appended to *out.
  const size_t old = out->size();
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_SUCCESS(status)) {
    icu::StringByteSink<std::string> sink(out, static_cast<int32_t>(unified.size()));
    nfkc_cf->normalizeUTF8(0, unified, sink, nullptr, status);
  }
  if (U_FAILURE(status)) {
    out->resize(old);
    out->append(unified);
  }
  // Pass 3: ё -> е (U+0451 -> U+0435, D1 91 -> D0 B5; folding already
  // lowered Ё). The text is well-formed UTF-8, so D1 91 is always ё.
  char* f = out->data();
  for (size_t i = old; i + 1 < out->size(); ++i) {
    if (f[i] == '\xD1' && f[i + 1] == '\x91') {
      f[i] = '\xD0';
      f[i + 1] = '\xB5';
    }
  }
}

}  // namespace

void NormalizeAppend(std::string_view in, std::string* out) {
  // ASCII: lowercased, '`' as '\'', written in place; any other byte and the
  // whole text takes the Unicode path (NFKC joins an ASCII letter to a mark).
  const size_t old = out->size();
  out->resize(old + in.size());
  char* o = out->data() + old;
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      out->resize(old);
      NormalizeOther(in, out);
      return;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '`') c = '\'';
    o[i] = c;
  }
}

}  // namespace tact::text
