#include "match/byte_arena.h"

#include <cstdint>

namespace tact::match {

namespace {

size_t PadFor(const std::byte* p, size_t align) {
  return (align - reinterpret_cast<uintptr_t>(p) % align) % align;
}

}  // namespace

void* ByteArena::Allocate(size_t n, size_t align) {
  if (n + align > block_size_ / 4) {
    // A block of its own, so the current block's free room is not thrown away.
    large_.emplace_back(new std::byte[n + align]);  // uninitialized: pages are touched as used
    large_bytes_ += n + align;
    return large_.back().get() + PadFor(large_.back().get(), align);
  }
  size_t pad = PadFor(next_, align);
  if (next_ == nullptr || pad + n > left_) {
    // The next block: one kept by Rewind(), or a new one.
    if (next_ != nullptr) ++current_;
    if (current_ == blocks_.size()) {
      blocks_.emplace_back(new std::byte[block_size_]);
    }
    next_ = blocks_[current_].get();
    left_ = block_size_;
    pad = PadFor(next_, align);
  }
  std::byte* p = next_ + pad;
  next_ = p + n;
  left_ -= pad + n;
  return p;
}

std::vector<ByteArena::Block> ByteArena::Rewind() {
  current_ = 0;
  next_ = blocks_.empty() ? nullptr : blocks_[0].get();
  left_ = blocks_.empty() ? 0 : block_size_;
  large_bytes_ = 0;
  std::vector<Block> large = std::move(large_);
  large_.clear();
  return large;
}

void ByteArena::Clear() {
  blocks_.clear();
  large_.clear();
  current_ = 0;
  next_ = nullptr;
  left_ = 0;
  large_bytes_ = 0;
}

}  // namespace tact::match
