#include "match/byte_arena.h"

#include <cstdint>

namespace tact::match {

void* ByteArena::Allocate(size_t n, size_t align) {
  size_t pad = (align - reinterpret_cast<uintptr_t>(next_) % align) % align;
  if (next_ == nullptr || pad + n > left_) {
    // A new block; an item larger than a quarter block gets one of its own,
    // so the current block's free room is not thrown away for it.
    const bool own = n + align > block_size_ / 4;
    const size_t size = own ? n + align : block_size_;
    blocks_.emplace_back(new std::byte[size]);  // uninitialized: pages are touched as used
    capacity_ += size;
    std::byte* start = blocks_.back().get();
    pad = (align - reinterpret_cast<uintptr_t>(start) % align) % align;
    if (own) return start + pad;
    next_ = start;
    left_ = size;
  }
  std::byte* p = next_ + pad;
  next_ = p + n;
  left_ -= pad + n;
  return p;
}

void ByteArena::Clear() {
  blocks_.clear();
  next_ = nullptr;
  left_ = 0;
  capacity_ = 0;
}

}  // namespace tact::match
