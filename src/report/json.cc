#include "report/json.h"

#include <unicode/utf8.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace tact::report {

namespace {

// Whether any of the 8 bytes of `w` is not plain printable ASCII: a control
// character, a byte >= 0x80, '"' or '\\' (the word-at-a-time tests of "Bit
// Twiddling Hacks": exact as a yes/no answer).
bool AnyNotPlain(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const uint64_t control = (w - kOnes * 0x20) & ~w & kHigh;
  const uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
  const uint64_t zero = ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash);
  return ((w & kHigh) | control | (zero & kHigh)) != 0;
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  out->reserve(out->size() + s.size() + 2);
  out->push_back('"');
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t len = static_cast<int32_t>(s.size());
  // Bytes from `run` on pass through unchanged (printable ASCII but '"' and
  // '\\', and valid UTF-8 but U+2028/U+2029); they are appended in one go
  // when a character needs escaping, or at the end.
  int32_t run = 0;
  for (int32_t i = 0; i < len;) {
    const uint8_t b = p[i];
    if (b >= 0x20 && b < 0x80 && b != '"' && b != '\\') {
      ++i;
      // Then eight bytes at a time while they are all plain.
      uint64_t w;
      while (i + 8 <= len && (std::memcpy(&w, p + i, 8), !AnyNotPlain(w))) i += 8;
      continue;
    }
    const int32_t start = i;
    UChar32 c = b;
    if (b >= 0x80) {
      U8_NEXT(p, i, len, c);
      if (c >= 0 && c != 0x2028 && c != 0x2029) continue;
    } else {
      ++i;
    }
    out->append(s.data() + run, static_cast<size_t>(start - run));
    run = i;
    if (c < 0) {
      out->append("\\ufffd");
      continue;
    }
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default: {  // the other control characters, U+2028 and U+2029
        char buf[16];
        snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
        out->append(buf);
      }
    }
  }
  out->append(s.data() + run, static_cast<size_t>(len - run));
  out->push_back('"');
}

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_->push_back(',');
    first_.back() = false;
  }
}

JsonWriter& JsonWriter::BeginObject() {
  Separate();
  out_->push_back('{');
  first_.push_back(true);
  return *this;
}
JsonWriter& JsonWriter::EndObject() {
  out_->push_back('}');
  first_.pop_back();
  return *this;
}
JsonWriter& JsonWriter::BeginArray() {
  Separate();
  out_->push_back('[');
  first_.push_back(true);
  return *this;
}
JsonWriter& JsonWriter::EndArray() {
  out_->push_back(']');
  first_.pop_back();
  return *this;
}
JsonWriter& JsonWriter::Key(std::string_view k) {
  Separate();
  AppendJsonString(k, out_);
  out_->push_back(':');
  after_key_ = true;
  return *this;
}
JsonWriter& JsonWriter::String(std::string_view s) {
  Separate();
  AppendJsonString(s, out_);
  return *this;
}
JsonWriter& JsonWriter::Number(double v) {
  Separate();
  if (!std::isfinite(v)) {
    out_->append("null");
    return *this;
  }
  // As printf's "%.0f" for integers and "%.6g" otherwise (std::to_chars
  // promises the same digits, without printf's locale and format parsing).
  char buf[32];
  std::to_chars_result r;
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    if (v == 0 && std::signbit(v)) {
      out_->append("-0");
      return *this;
    }
    r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(v));
  } else {
    r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 6);
  }
  out_->append(buf, r.ptr);
  return *this;
}
JsonWriter& JsonWriter::Int(long long v) {
  Separate();
  out_->append(std::to_string(v));
  return *this;
}
JsonWriter& JsonWriter::Uint(unsigned long long v) {
  Separate();
  out_->append(std::to_string(v));
  return *this;
}
JsonWriter& JsonWriter::Bool(bool b) {
  Separate();
  out_->append(b ? "true" : "false");
  return *this;
}
JsonWriter& JsonWriter::Null() {
  Separate();
  out_->append("null");
  return *this;
}

}  // namespace tact::report
