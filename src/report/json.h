// A minimal streaming JSON writer: correct escaping (UTF-8 passed through,
// control characters and invalid bytes escaped), no pretty printing, keys in
// the order written, so output is deterministic.
#ifndef TACT_REPORT_JSON_H_
#define TACT_REPORT_JSON_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace tact::report {

// A key written as a string literal (w.Key("turn")): checked and quoted when
// the program is compiled, so writing it is one append; a literal that would
// need escaping, or is over 60 bytes, does not compile. Keys known only at
// run time (ids) take the escaping path.
class JsonKey {
 public:
  template <size_t N>
  consteval JsonKey(const char (&k)[N]) : size_(N + 3) {  // NOLINT: implicit from a literal
    static_assert(N <= kMax + 1, "a literal key of at most 60 bytes");
    text_[0] = ',';
    text_[1] = '"';
    for (size_t i = 0; i + 1 < N; ++i) {
      const char c = k[i];
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') throw "a literal key needs no escaping";
      text_[i + 2] = c;
    }
    text_[N + 1] = '"';
    text_[N + 2] = ':';
  }
  // ,"key": — the comma, when one is due, then the rest.
  std::string_view with_comma() const { return {text_, size_}; }
  std::string_view without_comma() const { return {text_ + 1, size_ - 1}; }
  // All of the key's storage (kStorage bytes, readable past the key's end),
  // so a short key is copied in a fixed number of bytes.
  static constexpr size_t kStorage = 64;
  const char* storage() const { return text_; }
  size_t size_with_comma() const { return size_; }

 private:
  static constexpr size_t kMax = kStorage - 4;
  char text_[kStorage] = {};
  size_t size_;
};

// Writes to *out. Small pieces (keys, numbers, names, brackets, commas) are
// gathered in the writer and appended to *out a few hundred bytes at a time:
// *out holds everything written once a value at the top level is complete
// (and when the writer is destroyed), not in the middle of one.
class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}
  ~JsonWriter() { Flush(); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(const JsonKey& k) {
    // The usual case, a short key after another member: its comma and quoted
    // bytes gathered as a fixed 32 bytes (of which the key's are kept).
    static_assert(JsonKey::kStorage >= 32);
    if (!after_key_ && state_ == kRest && k.size_with_comma() <= 32 && pending_ + 32 <= kBuffer) {
      std::memcpy(buf_ + pending_, k.storage(), 32);
      pending_ += k.size_with_comma();
      after_key_ = true;
      return *this;
    }
    return KeyElse(k);
  }
  // Any other key (not an array, so a literal takes the overload above).
  template <class S>
  requires(!std::is_array_v<std::remove_cvref_t<S>>) JsonWriter& Key(const S& k) {
    return KeyString(std::string_view(k));
  }
  JsonWriter& String(std::string_view s);
  // As String(s) for a name that needs no escaping (printable ASCII without
  // '"' or '\\', at most 62 bytes: the result model's enum names, "met",
  // "agent"): quoted and appended in one go, not scanned.
  JsonWriter& Name(std::string_view s);
  // Where a value lies in the output: bytes [begin, end), quotes included.
  struct Span {
    size_t begin = 0, end = 0;
  };
  // As String(s), and says where it went.
  JsonWriter& String(std::string_view s, Span* where);
  // The value written at `where` (in this writer's output) once more: a text
  // that repeats is escaped once.
  JsonWriter& Again(Span where);
  JsonWriter& Number(double v);  // integers print without a fraction; NaN/inf as null
  JsonWriter& Int(long long v);
  JsonWriter& Uint(unsigned long long v);  // counts: all of uint64, never negative
  JsonWriter& Bool(bool b);
  JsonWriter& Null();
  JsonWriter& OptNumber(const std::optional<double>& v) { return v ? Number(*v) : Null(); }

 private:
  // Where the next value goes: at the top level (no comma ever), first in
  // its container, or after another (a comma first).
  enum State : uint8_t { kTop, kFirst, kRest };
  JsonWriter& KeyString(std::string_view k);
  JsonWriter& KeyElse(const JsonKey& k);
  void Separate() {
    if (after_key_) {
      after_key_ = false;
    } else if (state_ == kRest) {
      Put(',');
    } else if (state_ == kFirst) {
      state_ = kRest;
    }
  }
  void Open(char bracket);
  void Close(char bracket);
  // Room for `n` (at most kBuffer) more gathered bytes: where they go.
  char* Room(size_t n) {
    if (pending_ + n > kBuffer) Flush();
    return buf_ + pending_;
  }
  void Put(char c) { *Room(1) = c, ++pending_; }
  void Put(std::string_view s);
  // The gathered bytes to *out; after a value at the top level (Done()) and
  // before anything is appended to *out directly.
  void Flush();
  void Done() {
    if (outer_.empty()) Flush();
  }
  static constexpr size_t kBuffer = 512;
  std::string* out_;
  size_t pending_ = 0;
  char buf_[kBuffer];
  State state_ = kTop;
  std::vector<State> outer_;  // the states of the enclosing containers
  bool after_key_ = false;
};

// Appends `s` as a quoted JSON string.
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace tact::report

#endif  // TACT_REPORT_JSON_H_
