#include "match/transition_index.h"

namespace tact::match {

namespace {
constexpr size_t kInitialSlots = 1024;
}  // namespace

void TransitionIndex::Clear() {
  slots_.assign(kInitialSlots, 0);
  transition_.assign(kInitialSlots, 0);
  mask_ = kInitialSlots - 1;
  used_ = 0;
  large_.clear();
  front_.assign(size_t{1} << kFrontBits, Front{});
}

bool TransitionIndex::FindLarge(uint32_t state, uint32_t cls, Entry* e) const {
  if (large_.empty()) return false;
  auto it = large_.find((static_cast<uint64_t>(state) << 32) | cls);
  if (it == large_.end()) return false;
  *e = it->second;
  return true;
}

void TransitionIndex::Grow() {
  std::vector<uint64_t> old_slots(slots_.size() * 2, 0);
  std::vector<uint32_t> old_transition(transition_.size() * 2, 0);
  old_slots.swap(slots_);
  old_transition.swap(transition_);
  mask_ = slots_.size() - 1;
  for (size_t k = 0; k < old_slots.size(); ++k) {
    if (old_slots[k] == 0) continue;
    uint64_t i = Program::Mix(old_slots[k] >> 32) & mask_;
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = old_slots[k];
    transition_[i] = old_transition[k];
  }
}

void TransitionIndex::Insert(uint32_t state, uint32_t cls, const Entry& e) {
  if (!Packs(state, cls, e.next)) {
    large_.emplace((static_cast<uint64_t>(state) << 32) | cls, e);
    return;
  }
  if ((used_ + 1) * 4 > slots_.size() * 3) Grow();  // keep the load at most 3/4
  const uint32_t key = Key(state, cls);
  uint64_t i = Program::Mix(key) & mask_;
  while (slots_[i] != 0) i = (i + 1) & mask_;
  slots_[i] = (static_cast<uint64_t>(key) << 32) | e.next | (e.accepts ? kAcceptsBit : 0);
  transition_[i] = e.transition;
  front_[FrontSlot(key)] = {key, static_cast<uint32_t>(slots_[i]), e.transition};
  ++used_;
}

}  // namespace tact::match
