#include "match/string_table.h"

#include <algorithm>

#include "common/bytes.h"
#include "common/hash.h"

namespace tact::match {

StringTable::StringTable(const std::unordered_map<std::string, uint32_t>& map) {
  std::vector<std::pair<std::string_view, uint32_t>> sorted(map.begin(), map.end());
  std::sort(sorted.begin(), sorted.end());
  own_ = std::make_unique<Storage>();
  Storage& o = *own_;
  o.offsets.push_back(0);
  for (const auto& [k, id] : sorted) {
    o.bytes.insert(o.bytes.end(), k.begin(), k.end());
    o.offsets.push_back(static_cast<uint32_t>(o.bytes.size()));
    o.ids.push_back(id);
    max_key_size_ = std::max(max_key_size_, k.size());
  }
  size_t cap = 8;
  while (cap < sorted.size() * 2) cap <<= 1;
  o.slots.assign(cap, 0);
  for (uint32_t i = 0; i < sorted.size(); ++i) {
    size_t s = Fnv1a(sorted[i].first) & (cap - 1);
    while (o.slots[s] != 0) s = (s + 1) & (cap - 1);
    o.slots[s] = i + 1;
  }
  View();
}

void StringTable::View() {
  bytes_ = own_->bytes;
  offsets_ = own_->offsets;
  ids_ = own_->ids;
  slots_ = own_->slots;
}

bool StringTable::Find(std::string_view k, uint32_t* id) const {
  if (ids_.empty() || k.size() > max_key_size_) return false;
  const size_t mask = slots_.size() - 1;
  for (size_t s = Fnv1a(k) & mask;; s = (s + 1) & mask) {
    const uint32_t e = slots_[s];
    if (e == 0) return false;
    if (key(e - 1) == k) {
      *id = ids_[e - 1];
      return true;
    }
  }
}

void StringTable::Save(ByteWriter* w) const {
  w->U64(max_key_size_);
  w->Array(bytes_);
  w->Array(offsets_);
  w->Array(ids_);
  w->Array(slots_);
}

bool StringTable::Load(ByteReader* r, bool borrow) {
  max_key_size_ = r->U64();
  bytes_ = r->ArrayView<char>();
  offsets_ = r->ArrayView<uint32_t>();
  ids_ = r->ArrayView<uint32_t>();
  slots_ = r->ArrayView<uint32_t>();
  own_.reset();
  if (!r->ok() || !Valid()) {
    *this = StringTable();
    return false;
  }
  if (!borrow) {
    own_ = std::make_unique<Storage>();
    own_->bytes.assign(bytes_.begin(), bytes_.end());
    own_->offsets.assign(offsets_.begin(), offsets_.end());
    own_->ids.assign(ids_.begin(), ids_.end());
    own_->slots.assign(slots_.begin(), slots_.end());
    View();
  }
  return true;
}

bool StringTable::Valid() const {
  if (ids_.empty()) return true;  // an empty table is never probed
  if (offsets_.size() != ids_.size() + 1 || offsets_[0] != 0 || offsets_.back() != bytes_.size())
    return false;
  for (size_t i = 0; i < ids_.size(); ++i) {
    if (offsets_[i] > offsets_[i + 1] || offsets_[i + 1] - offsets_[i] > max_key_size_)
      return false;
  }
  // A power of two with at least one empty slot, so a probe always ends.
  if (slots_.empty() || (slots_.size() & (slots_.size() - 1)) != 0 || slots_.size() <= ids_.size())
    return false;
  for (uint32_t e : slots_) {
    if (e > ids_.size()) return false;
  }
  return true;
}

}  // namespace tact::match
