// The lazy DFA's transition table: (DFA state, token class) -> the transition
// built for that pair.
//
// Matching costs one lookup here per token, and the lookups land anywhere in
// the table, so its size decides how often a token waits for memory. A slot
// is 8 bytes, the packed 32-bit key beside the next state and an accepts flag
// (all a token needs to go on), and the table is kept at most 3/4 full; the
// transition's number, needed only to record the path, sits in a parallel
// array that is read off the critical path. Keys that do not pack into 32
// bits (a state >= 2^20 - 1 or a class >= 2^12, which real packs do not reach
// between cache flushes) live in a fallback hash map, so every key works.
//
// In front of the table sits a small direct-mapped cache of recently found
// packed pairs (16 bytes each: key, next state and accepts flag, transition,
// so one line holds all a token needs, 64 KB in all): a text's tokens
// repeat a few thousand hot (state, class) pairs, which the cache keeps in
// L1/L2 where the large table would take a memory access per token. A pair
// found in the table or inserted replaces whatever shared its cache slot;
// the cache only ever holds pairs that are in the table, so it changes no
// answer. Not thread-safe.
#ifndef TACT_MATCH_TRANSITION_INDEX_H_
#define TACT_MATCH_TRANSITION_INDEX_H_

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "match/program.h"

namespace tact::match {

class TransitionIndex {
 public:
  struct Entry {
    uint32_t next = 0;        // the DFA state after the token
    uint32_t transition = 0;  // the transition's number (for the path)
    bool accepts = false;     // some pattern accepts on this transition
  };

  TransitionIndex() { Clear(); }

  // Forgets every entry and shrinks back to the initial size.
  void Clear();

  // Sets *e and returns true when (state, cls) was inserted before.
  bool Find(uint32_t state, uint32_t cls, Entry* e) {
    if (Packs(state, cls, 0)) {
      const uint32_t key = Key(state, cls);
      Front& f = front_[FrontSlot(key)];
      if (f.key == key) {
        Unpack(f.value, f.transition, e);
        return true;
      }
      for (uint64_t i = Program::Mix(key) & mask_;; i = (i + 1) & mask_) {
        const uint64_t s = slots_[i];
        if (s == 0) break;
        if (static_cast<uint32_t>(s >> 32) == key) {
          f = {key, static_cast<uint32_t>(s), transition_[i]};
          Unpack(f.value, f.transition, e);
          return true;
        }
      }
    }
    // Also a packed key whose next state did not pack.
    return FindLarge(state, cls, e);
  }

  // Adds (state, cls) -> e; the pair must not be present yet.
  void Insert(uint32_t state, uint32_t cls, const Entry& e);

  size_t size() const { return used_ + large_.size(); }
  // Slots allocated, for the runner's memory budget (12 bytes each).
  size_t slot_count() const { return slots_.size(); }

 private:
  static constexpr uint32_t kAcceptsBit = 0x80000000u;
  static constexpr uint32_t kClassBits = 12;
  static constexpr uint32_t kMaxPackedState = (1u << (32 - kClassBits)) - 1;

  // Whether the key packs into 32 bits and the next state into 31.
  static bool Packs(uint32_t state, uint32_t cls, uint32_t next) {
    return state < kMaxPackedState && cls < (1u << kClassBits) && next < kAcceptsBit;
  }
  // Never 0 (0 marks an empty slot): the state is below its maximum.
  static uint32_t Key(uint32_t state, uint32_t cls) { return ((state << kClassBits) | cls) + 1; }
  // The front cache's slot of a packed key (Fibonacci hashing).
  static size_t FrontSlot(uint32_t key) { return (key * 0x9E3779B1u) >> (32 - kFrontBits); }
  static void Unpack(uint32_t value, uint32_t transition, Entry* e) {
    e->next = value & ~kAcceptsBit;
    e->accepts = (value & kAcceptsBit) != 0;
    e->transition = transition;
  }
  bool FindLarge(uint32_t state, uint32_t cls, Entry* e) const;
  void Grow();

  static constexpr uint32_t kFrontBits = 12;  // 4096 entries
  struct Front {
    uint32_t key = 0;    // as in slots_; 0 = empty
    uint32_t value = 0;  // next | kAcceptsBit
    uint32_t transition = 0;
    uint32_t unused = 0;  // pads an entry to 16 bytes: never across two cache lines
  };

  std::vector<uint64_t> slots_;       // key << 32 | next | kAcceptsBit; 0 = empty
  std::vector<uint32_t> transition_;  // by slot
  uint64_t mask_ = 0;
  size_t used_ = 0;
  std::unordered_map<uint64_t, Entry> large_;  // keys that do not pack
  std::vector<Front> front_;                   // 1 << kFrontBits entries
};

}  // namespace tact::match

#endif  // TACT_MATCH_TRANSITION_INDEX_H_
