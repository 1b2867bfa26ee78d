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
#include <span>
#include <vector>

namespace tact::match {

class RunnerPool {
 public:
  // The largest value a narrow pool holds.
  static constexpr uint32_t kNarrowMax = 0xFFFE;

  // Empties the pool; entries up to `max_value` will be stored.
  void Reset(uint32_t max_value) {
    data_.clear();
    wide_ = max_value > kNarrowMax;
  }
  void Clear() { data_.clear(); }
  size_t size() const { return wide_ ? data_.size() / 2 : data_.size(); }
  bool wide() const { return wide_; }

  uint32_t operator[](size_t i) const {
    return wide_ ? uint32_t{data_[2 * i]} | uint32_t{data_[2 * i + 1]} << 16 : data_[i];
  }
  // Appends `v` (each value at most the Reset() bound) and returns its offset.
  uint32_t Append(std::span<const uint32_t> v) {
    const auto at = static_cast<uint32_t>(size());
    if (wide_) {
      for (uint32_t x : v) {
        data_.push_back(static_cast<uint16_t>(x));
        data_.push_back(static_cast<uint16_t>(x >> 16));
      }
    } else {
      const size_t n = data_.size();
      data_.resize(n + v.size());
      for (size_t k = 0; k < v.size(); ++k) data_[n + k] = static_cast<uint16_t>(v[k]);
    }
    return at;
  }
  // Whether the `v.size()` entries at `offset` equal `v`.
  bool Equals(size_t offset, std::span<const uint32_t> v) const {
    for (size_t k = 0; k < v.size(); ++k) {
      if ((*this)[offset + k] != v[k]) return false;
    }
    return true;
  }

 private:
  std::vector<uint16_t> data_;
  bool wide_ = false;
};

}  // namespace tact::match

#endif  // TACT_MATCH_RUNNER_POOL_H_
