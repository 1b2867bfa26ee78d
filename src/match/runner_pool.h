// The lazy DFA's pool of small integers: each DFA state's live NFA states,
// each transition's thread sources and its accepting (pattern, thread) pairs.
//
// Entries are stored 16 bits wide when the program's every value fits (fewer
// than 65535 NFA states and patterns, as in every built-in pack), else 32, so
// the cache holds as many entries in half the memory. Offsets and sizes count
// entries whatever the width; the width is chosen by Reset(), which empties
// the pool.
#ifndef TACT_MATCH_RUNNER_POOL_H_
#define TACT_MATCH_RUNNER_POOL_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace tact::match {

class RunnerPool {
 public:
  // The largest value a narrow pool holds.
  static constexpr uint32_t kNarrowMax = 0xFFFE;

  // Empties the pool; entries up to `max_value` will be stored.
  void Reset(uint32_t max_value) {
    used_ = 0;
    wide_ = max_value > kNarrowMax;
  }
  // Empties the pool, keeping its blocks for reuse.
  void Clear() { used_ = 0; }
  size_t size() const { return wide_ ? used_ / 2 : used_; }
  bool wide() const { return wide_; }

  uint32_t operator[](size_t i) const {
    return wide_ ? uint32_t{Unit(2 * i)} | uint32_t{Unit(2 * i + 1)} << 16 : Unit(i);
  }
  // Appends `v` (each value at most the Reset() bound) and returns its offset.
  uint32_t Append(std::span<const uint32_t> v) {
    const auto at = static_cast<uint32_t>(size());
    const size_t in_block = used_ & (kBlock - 1);
    if (!wide_ && in_block != 0 && in_block + v.size() <= kBlock) {
      // The common case: the whole list fits in the current block.
      uint16_t* out = blocks_[used_ >> kBlockBits].get() + in_block;
      for (size_t k = 0; k < v.size(); ++k) out[k] = static_cast<uint16_t>(v[k]);
      used_ += v.size();
      return at;
    }
    for (uint32_t x : v) {
      Push(static_cast<uint16_t>(x));
      if (wide_) Push(static_cast<uint16_t>(x >> 16));
    }
    return at;
  }
  // Whether the `v.size()` entries at `offset` equal `v`.
  bool Equals(size_t offset, std::span<const uint32_t> v) const {
    if (v.empty()) return true;
    const size_t in_block = offset & (kBlock - 1);
    if (!wide_ && in_block + v.size() <= kBlock) {
      const uint16_t* p = blocks_[offset >> kBlockBits].get() + in_block;
      for (size_t k = 0; k < v.size(); ++k) {
        if (p[k] != v[k]) return false;
      }
      return true;
    }
    for (size_t k = 0; k < v.size(); ++k) {
      if ((*this)[offset + k] != v[k]) return false;
    }
    return true;
  }

 private:
  // Fixed blocks, never moved: growing copies nothing and frees no large
  // buffer (which an allocator may keep), and a flush keeps them for reuse.
  static constexpr size_t kBlockBits = 14;  // 32 KB
  static constexpr size_t kBlock = size_t{1} << kBlockBits;
  uint16_t Unit(size_t u) const { return blocks_[u >> kBlockBits][u & (kBlock - 1)]; }
  void Push(uint16_t x) {
    if ((used_ >> kBlockBits) == blocks_.size())
      blocks_.push_back(std::make_unique_for_overwrite<uint16_t[]>(kBlock));
    blocks_[used_ >> kBlockBits][used_ & (kBlock - 1)] = x;
    ++used_;
  }

  std::vector<std::unique_ptr<uint16_t[]>> blocks_;
  size_t used_ = 0;  // 16-bit units in use
  bool wide_ = false;
};

}  // namespace tact::match

#endif  // TACT_MATCH_RUNNER_POOL_H_
