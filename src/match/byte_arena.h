// ByteArena: append-only storage in large blocks, for many small items that
// are dropped together (the classifier's cached tokens). What is stored never
// moves until Clear(), so views into it stay valid while more is appended (a
// growing vector would move them), and an item costs its bytes, not a heap
// allocation: memory is taken a block (`block_size`, or one large item) at a
// time. Only trivially copyable, trivially destructible items belong here:
// Clear() frees the blocks without running destructors. Not thread-safe.
#ifndef TACT_MATCH_BYTE_ARENA_H_
#define TACT_MATCH_BYTE_ARENA_H_

#include <cstddef>
#include <cstring>
#include <memory>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

namespace tact::match {

class ByteArena {
 public:
  explicit ByteArena(size_t block_size = size_t{16} << 10) : block_size_(block_size) {}
  ByteArena(ByteArena&&) noexcept = default;
  ByteArena& operator=(ByteArena&&) noexcept = default;

  // Uninitialized room for `n` bytes aligned to `align` (a power of two).
  void* Allocate(size_t n, size_t align);

  std::string_view Copy(std::string_view s) {
    if (s.empty()) return {};
    void* p = Allocate(s.size(), 1);
    std::memcpy(p, s.data(), s.size());
    return {static_cast<const char*>(p), s.size()};
  }

  template <typename T>
  std::span<const T> Copy(std::span<const T> items) {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);
    if (items.empty()) return {};
    void* p = Allocate(items.size_bytes(), alignof(T));
    std::memcpy(p, items.data(), items.size_bytes());
    return {static_cast<const T*>(p), items.size()};
  }

  // Frees every block: all views into the arena become dangling.
  void Clear();
  // The bytes taken from the heap, for tests and statistics.
  size_t capacity() const { return capacity_; }

 private:
  size_t block_size_;
  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::byte* next_ = nullptr;
  size_t left_ = 0;  // bytes free after next_ in the current block
  size_t capacity_ = 0;
};

}  // namespace tact::match

#endif  // TACT_MATCH_BYTE_ARENA_H_
