// ByteArena: append-only storage in large blocks, for many small items that
// are dropped together (the classifier's cached tokens). What is stored never
// moves until Rewind() or Clear(), so views into it stay valid while more is
// appended (a growing vector would move them), and an item costs its bytes,
// not a heap allocation: memory is taken a block (`block_size`) at a time,
// and an item over a quarter block gets a block of its own. Only trivially
// copyable, trivially destructible items belong here: the blocks are freed
// without running destructors. Not thread-safe.
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
  using Block = std::unique_ptr<std::byte[]>;

  explicit ByteArena(size_t block_size = size_t{16} << 10) : block_size_(block_size) {}
  ByteArena(ByteArena&&) noexcept = default;
  ByteArena& operator=(ByteArena&&) noexcept = default;

  // Uninitialized room for `n` bytes aligned to `align` (a power of two).
  void* Allocate(size_t n, size_t align);

  // Copies (memmove: the source may be earlier items of this arena, see Rewind).
  std::string_view Copy(std::string_view s) {
    if (s.empty()) return {};
    void* p = Allocate(s.size(), 1);
    std::memmove(p, s.data(), s.size());
    return {static_cast<const char*>(p), s.size()};
  }

  template <typename T>
  std::span<const T> Copy(std::span<const T> items) {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);
    if (items.empty()) return {};
    void* p = Allocate(items.size_bytes(), alignof(T));
    std::memmove(p, items.data(), items.size_bytes());
    return {static_cast<const T*>(p), items.size()};
  }

  // Starts allocating again from the first block, keeping the blocks, so a
  // caller can compact in place: when it copies a subset of the items in the
  // order they were allocated, with the same sizes and alignments, each copy
  // lands no later than its original, so no item is overwritten before it
  // is copied. The items with blocks of their own are not reused: they are
  // returned, to be freed once they have been copied.
  std::vector<Block> Rewind();
  // Frees every block: all views into the arena become dangling.
  void Clear();
  // The bytes taken from the heap, for tests and statistics.
  size_t capacity() const { return blocks_.size() * block_size_ + large_bytes_; }

 private:
  size_t block_size_;
  std::vector<Block> blocks_;  // all block_size_ bytes, used in order
  std::vector<Block> large_;   // one item each
  size_t current_ = 0;         // the block next_ points into
  std::byte* next_ = nullptr;
  size_t left_ = 0;  // bytes free after next_ in the current block
  size_t large_bytes_ = 0;
};

}  // namespace tact::match

#endif  // TACT_MATCH_BYTE_ARENA_H_
