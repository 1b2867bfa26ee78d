// ByteWriter and ByteReader: the little binary format of compiled pack images
// (rules/pack_image.h). Numbers are written in the machine's own byte order
// (an image is made by the build for the binary it is linked into); arrays of
// trivially copyable values are aligned to 8 bytes from the start of the
// buffer, so a reader can use them where they lie. The reader checks every
// length against what is left and fails (ok() false) instead of reading past
// the end; once failed, it returns zeros and empty values.
#ifndef TACT_COMMON_BYTES_H_
#define TACT_COMMON_BYTES_H_

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace tact {

class ByteWriter {
 public:
  template <typename T>
  void Pod(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    out_.append(reinterpret_cast<const char*>(&v), sizeof(T));
  }
  void U32(uint32_t v) { Pod(v); }
  void U64(uint64_t v) { Pod(v); }
  void I32(int32_t v) { Pod(v); }
  void F64(double v) { Pod(v); }
  void Bool(bool v) { Pod(static_cast<uint8_t>(v)); }
  void Str(std::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  // A count, padding to 8 bytes, then the values' bytes.
  template <typename T>
  void Array(std::span<const T> a) {
    static_assert(std::is_trivially_copyable_v<T>);
    U64(a.size());
    Align();
    out_.append(reinterpret_cast<const char*>(a.data()), a.size_bytes());
  }
  template <typename T>
  void Array(const std::vector<T>& a) {
    Array(std::span<const T>(a));
  }
  void Align() { out_.append((8 - out_.size() % 8) % 8, '\0'); }
  size_t size() const { return out_.size(); }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

class ByteReader {
 public:
  // Alignment is counted from the start of `data`: a part of an image must
  // start at a multiple of 8 bytes.
  explicit ByteReader(std::string_view data) : data_(data) {}

  bool ok() const { return ok_; }
  size_t pos() const { return pos_; }
  size_t remaining() const { return ok_ ? data_.size() - pos_ : 0; }
  void Fail() { ok_ = false; }

  template <typename T>
  T Pod() {
    static_assert(std::is_trivially_copyable_v<T>);
    T v{};
    if (!Need(sizeof(T))) return v;
    std::memcpy(&v, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return v;
  }
  uint32_t U32() { return Pod<uint32_t>(); }
  uint64_t U64() { return Pod<uint64_t>(); }
  int32_t I32() { return Pod<int32_t>(); }
  double F64() { return Pod<double>(); }
  bool Bool() { return Pod<uint8_t>() != 0; }
  std::string_view StrView() {
    const uint32_t n = U32();
    if (!Need(n)) return {};
    std::string_view s = data_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  std::string Str() { return std::string(StrView()); }
  // A count that must be plausible: each element takes at least `min_bytes`.
  uint32_t Count(size_t min_bytes = 1) {
    const uint32_t n = U32();
    if (ok_ && static_cast<uint64_t>(n) * min_bytes > remaining()) ok_ = false;
    return ok_ ? n : 0;
  }
  // The values of an Array, in place. Empty (and the reader failed) when the
  // bytes are missing or not aligned for T where they lie.
  template <typename T>
  std::span<const T> ArrayView() {
    static_assert(std::is_trivially_copyable_v<T>);
    const uint64_t n = U64();
    Skip((8 - pos_ % 8) % 8);
    if (!ok_ || n > remaining() / sizeof(T)) {
      ok_ = false;
      return {};
    }
    const char* p = data_.data() + pos_;
    if (reinterpret_cast<uintptr_t>(p) % alignof(T) != 0) {
      ok_ = false;
      return {};
    }
    pos_ += n * sizeof(T);
    return {reinterpret_cast<const T*>(p), static_cast<size_t>(n)};
  }
  void Skip(size_t n) {
    if (Need(n)) pos_ += n;
  }

 private:
  bool Need(size_t n) {
    if (ok_ && n <= data_.size() - pos_) return true;
    ok_ = false;
    return false;
  }
  std::string_view data_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace tact

#endif  // TACT_COMMON_BYTES_H_
