#include "report/json.h"

#include <unicode/utf8.h>

#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace tact::report {

namespace {

// What the escaper does with a byte: copy it (printable ASCII but '"' and
// '\\'), escape it, or check the UTF-8 sequence it leads (the lead byte's
// class says how long; kBad is a continuation byte or one that never leads).
enum ByteClass : uint8_t { kPlain = 0, kEscape, kLead2, kLead3, kLead4, kBad };

constexpr std::array<uint8_t, 256> MakeByteClasses() {
  std::array<uint8_t, 256> t{};
  for (int b = 0; b < 256; ++b) {
    if (b < 0x20 || b == '"' || b == '\\')
      t[b] = kEscape;
    else if (b < 0x80)
      t[b] = kPlain;
    else if (b >= 0xC2 && b <= 0xDF)
      t[b] = kLead2;
    else if (b >= 0xE0 && b <= 0xEF)
      t[b] = kLead3;
    else if (b >= 0xF0 && b <= 0xF4)
      t[b] = kLead4;
    else
      t[b] = kBad;
  }
  return t;
}
constexpr std::array<uint8_t, 256> kByteClass = MakeByteClasses();

// Bit k set: p[k] (k < 16) is not kPlain. With SSE2 (every x86-64) a few
// instructions for the 16 bytes; elsewhere byte by byte.
unsigned NotPlain16(const uint8_t* p) {
#if defined(__SSE2__)
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // Signed: bytes >= 0x80 are negative, so one compare finds them and the controls.
  const __m128i low = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
  const __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
  const __m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
  return static_cast<unsigned>(
      _mm_movemask_epi8(_mm_or_si128(low, _mm_or_si128(quote, backslash))));
#else
  unsigned m = 0;
  for (unsigned k = 0; k < 16; ++k) m |= static_cast<unsigned>(kByteClass[p[k]] != kPlain) << k;
  return m;
#endif
}

// The first position from `i` on whose byte is not kPlain, or `n`: sixteen
// bytes at a time (a report is mostly plain text), the last ones as the final
// sixteen of the text. Shorter texts byte by byte.
size_t SkipPlain(const uint8_t* p, size_t i, size_t n) {
  if (n < 16) {
    while (i < n && kByteClass[p[i]] == kPlain) ++i;
    return i;
  }
  for (; i + 16 <= n; i += 16) {
    if (const unsigned m = NotPlain16(p + i)) return i + static_cast<size_t>(std::countr_zero(m));
  }
  if (i >= n) return n;
  const unsigned m = NotPlain16(p + n - 16) >> (i - (n - 16));
  return m != 0 ? i + static_cast<size_t>(std::countr_zero(m)) : n;
}

bool IsTrail(uint8_t b) { return (b & 0xC0) == 0x80; }

// The length of the well-formed UTF-8 sequence at p (Unicode's table 3-7:
// no overlong forms, surrogates or code points past U+10FFFF) that is copied
// as it is, `left` bytes available; 0 for one the slow path must look at: an
// ill-formed one, or U+2028/U+2029 (E2 80 A8/A9), which JavaScript takes for
// line breaks.
size_t CopiedSequence(const uint8_t* p, size_t left, uint8_t cls) {
  switch (cls) {
    case kLead2:
      return left >= 2 && IsTrail(p[1]) ? 2 : 0;
    case kLead3: {
      if (left < 3 || !IsTrail(p[2])) return 0;
      const uint8_t lo = p[0] == 0xE0 ? 0xA0 : 0x80, hi = p[0] == 0xED ? 0x9F : 0xBF;
      if (p[1] < lo || p[1] > hi) return 0;
      return p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9) ? 0 : 3;
    }
    case kLead4: {
      if (left < 4 || !IsTrail(p[2]) || !IsTrail(p[3])) return 0;
      const uint8_t lo = p[0] == 0xF0 ? 0x90 : 0x80, hi = p[0] == 0xF4 ? 0x8F : 0xBF;
      return p[1] >= lo && p[1] <= hi ? 4 : 0;
    }
    default:
      return 0;
  }
}

// Appends the escape of code point `c` (< 0: an ill-formed sequence).
void AppendEscape(UChar32 c, std::string* out) {
  switch (c) {
    case '"':
      out->append("\\\"");
      return;
    case '\\':
      out->append("\\\\");
      return;
    case '\n':
      out->append("\\n");
      return;
    case '\r':
      out->append("\\r");
      return;
    case '\t':
      out->append("\\t");
      return;
    case '\b':
      out->append("\\b");
      return;
    case '\f':
      out->append("\\f");
      return;
    default:
      break;
  }
  if (c < 0) {
    out->append("\\ufffd");
    return;
  }
  // The other control characters, U+2028 and U+2029: \u and four lowercase hex digits.
  constexpr char kHex[] = "0123456789abcdef";
  const char buf[6] = {
      '\\', 'u', kHex[(c >> 12) & 0xF], kHex[(c >> 8) & 0xF], kHex[(c >> 4) & 0xF], kHex[c & 0xF]};
  out->append(buf, sizeof buf);
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  out->reserve(out->size() + s.size() + 2);
  out->push_back('"');
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  // Bytes from `run` on pass through unchanged; they are appended in one go
  // when a character needs escaping, or at the end.
  size_t run = 0;
  for (size_t i = 0;;) {
    i = SkipPlain(p, i, n);
    if (i >= n) break;
    const uint8_t cls = kByteClass[p[i]];
    if (const size_t len = CopiedSequence(p + i, n - i, cls)) {
      i += len;
      // A word in Cyrillic or Greek: two-byte letters one after another.
      while (i + 1 < n && kByteClass[p[i]] == kLead2 && IsTrail(p[i + 1])) i += 2;
      continue;
    }
    const size_t start = i;
    UChar32 c = p[i];
    if (cls == kEscape) {
      ++i;
    } else {  // as ICU reads it: how many bytes an ill-formed sequence takes is its rule
      int32_t at = static_cast<int32_t>(i);
      U8_NEXT(p, at, static_cast<int32_t>(n), c);
      i = static_cast<size_t>(at);
    }
    out->append(s.data() + run, start - run);
    run = i;
    AppendEscape(c, out);
  }
  out->append(s.data() + run, n - run);
  out->push_back('"');
}

namespace {

// The digits of `v` as printf's "%.6g" writes them, when `v` is the double
// nearest a decimal with at most three places below 1000 in magnitude (what
// Rounded(x, 1000) and Rounded(x, 10) give, and nearly every number of a
// report): 6 significant digits then hold the decimal exactly, so it is
// written from integers, trailing zeros dropped. nullptr for any other value
// (std::to_chars writes it; it costs hundreds of instructions a number).
char* ShortDecimal(double v, char* buf) {
  if (!(std::fabs(v) < 1000)) return nullptr;
  const double scaled = v * 1000;
  const long long m = std::llround(scaled);
  if (static_cast<double>(m) / 1000 != v || m == 0) return nullptr;
  char* p = buf;
  if (m < 0) *p++ = '-';
  const unsigned long long a = static_cast<unsigned long long>(m < 0 ? -m : m);
  p = std::to_chars(p, buf + 24, a / 1000).ptr;
  unsigned frac = static_cast<unsigned>(a % 1000);
  if (frac == 0) return nullptr;  // an integer: the caller's other path
  *p++ = '.';
  for (int digits = 0; frac != 0 && digits < 3; ++digits) {
    *p++ = static_cast<char>('0' + frac / 100);
    frac = frac % 100 * 10;
  }
  return p;
}

}  // namespace

void JsonWriter::Put(std::string_view s) {
  if (s.size() > kBuffer) {
    Flush();
    out_->append(s);
    return;
  }
  std::memcpy(Room(s.size()), s.data(), s.size());
  pending_ += s.size();
}

// The longest string String() may gather without escaping it.
constexpr size_t kShortString = 64;

void JsonWriter::Flush() {
  out_->append(buf_, pending_);
  pending_ = 0;
}

void JsonWriter::Open(char bracket) {
  Separate();
  Put(bracket);
  outer_.push_back(state_);
  state_ = kFirst;
}

void JsonWriter::Close(char bracket) {
  Put(bracket);
  state_ = outer_.back();
  outer_.pop_back();
  Done();
}

JsonWriter& JsonWriter::BeginObject() {
  Open('{');
  return *this;
}
JsonWriter& JsonWriter::EndObject() {
  Close('}');
  return *this;
}
JsonWriter& JsonWriter::BeginArray() {
  Open('[');
  return *this;
}
JsonWriter& JsonWriter::EndArray() {
  Close(']');
  return *this;
}
JsonWriter& JsonWriter::KeyElse(const JsonKey& k) {
  std::string_view text = k.with_comma();
  if (after_key_ || state_ != kRest) {
    Separate();
    text = k.without_comma();
  }
  after_key_ = true;
  Put(text);
  return *this;
}

JsonWriter& JsonWriter::KeyString(std::string_view k) {
  Separate();
  Flush();
  AppendJsonString(k, out_);
  Put(':');
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view s) {
  Separate();
  // Most strings of a report are short and plain ASCII: gathered as they are.
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  if (s.size() <= kShortString && SkipPlain(p, 0, s.size()) == s.size()) {
    char* to = Room(s.size() + 2);
    to[0] = '"';
    std::memcpy(to + 1, s.data(), s.size());
    to[s.size() + 1] = '"';
    pending_ += s.size() + 2;
    Done();
    return *this;
  }
  Flush();
  AppendJsonString(s, out_);
  Done();
  return *this;
}
JsonWriter& JsonWriter::Name(std::string_view s) {
  if (s.size() > 62) return String(s);
  Separate();
  char* p = Room(s.size() + 2);
  p[0] = '"';
  std::memcpy(p + 1, s.data(), s.size());
  p[s.size() + 1] = '"';
  pending_ += s.size() + 2;
  Done();
  return *this;
}
JsonWriter& JsonWriter::String(std::string_view s, Span* where) {
  Separate();
  Flush();
  where->begin = out_->size();
  AppendJsonString(s, out_);
  where->end = out_->size();
  Done();
  return *this;
}
JsonWriter& JsonWriter::Again(Span where) {
  Separate();
  Flush();
  // Appending part of the string to itself is safe (a reallocation copies
  // the old bytes before freeing them).
  out_->append(*out_, where.begin, where.end - where.begin);
  return *this;
}
JsonWriter& JsonWriter::Number(double v) {
  Separate();
  if (!std::isfinite(v)) {
    Put("null");
  } else if (v == std::floor(v) && std::fabs(v) < 1e15) {
    // As printf's "%.0f" for integers and "%.6g" otherwise (std::to_chars
    // promises the same digits, without printf's locale and format parsing).
    if (v == 0 && std::signbit(v)) {
      Put("-0");
    } else {
      char* p = Room(32);
      pending_ += static_cast<size_t>(std::to_chars(p, p + 32, static_cast<long long>(v)).ptr - p);
    }
  } else {
    char* p = Room(32);
    char* end = ShortDecimal(v, p);
    if (end == nullptr) end = std::to_chars(p, p + 32, v, std::chars_format::general, 6).ptr;
    pending_ += static_cast<size_t>(end - p);
  }
  Done();
  return *this;
}
JsonWriter& JsonWriter::Int(long long v) {
  Separate();
  char* p = Room(24);
  pending_ += static_cast<size_t>(std::to_chars(p, p + 24, v).ptr - p);
  Done();
  return *this;
}
JsonWriter& JsonWriter::Uint(unsigned long long v) {
  Separate();
  char* p = Room(24);
  pending_ += static_cast<size_t>(std::to_chars(p, p + 24, v).ptr - p);
  Done();
  return *this;
}
JsonWriter& JsonWriter::Bool(bool b) {
  Separate();
  Put(b ? std::string_view("true") : std::string_view("false"));
  Done();
  return *this;
}
JsonWriter& JsonWriter::Null() {
  Separate();
  Put("null");
  Done();
  return *this;
}

}  // namespace tact::report
