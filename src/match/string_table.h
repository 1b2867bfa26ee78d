// StringTable: a read-only map from strings to atom ids in four flat arrays
// (the strings' bytes end to end, where each starts, its id, and an
// open-addressing index), so a pack image holds it as it is used: a table
// loaded in place costs no heap and no start-up work. Lookups take a view (no
// temporary string). Equal maps give equal tables (keys are laid out sorted).
#ifndef TACT_MATCH_STRING_TABLE_H_
#define TACT_MATCH_STRING_TABLE_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tact {
class ByteReader;
class ByteWriter;
}  // namespace tact

namespace tact::match {

class StringTable {
 public:
  StringTable() = default;
  explicit StringTable(const std::unordered_map<std::string, uint32_t>& map);
  StringTable(StringTable&&) noexcept = default;
  StringTable& operator=(StringTable&&) noexcept = default;

  // The id of `key`; false when absent.
  bool Find(std::string_view key, uint32_t* id) const;
  size_t size() const { return ids_.size(); }
  bool empty() const { return ids_.empty(); }
  // The i-th key (in sorted order) and its id.
  std::string_view key(size_t i) const {
    return {bytes_.data() + offsets_[i], offsets_[i + 1] - offsets_[i]};
  }
  uint32_t id(size_t i) const { return ids_[i]; }
  size_t max_key_size() const { return max_key_size_; }

  // As bytes (common/bytes.h) and back; with `borrow`, Load() views the
  // reader's buffer, which must outlive the table. False when the bytes are
  // not a table.
  void Save(ByteWriter* w) const;
  bool Load(ByteReader* r, bool borrow);

 private:
  struct Storage {
    std::vector<char> bytes;
    std::vector<uint32_t> offsets, ids, slots;
  };
  void View();
  bool Valid() const;

  std::span<const char> bytes_;
  std::span<const uint32_t> offsets_;  // size() + 1
  std::span<const uint32_t> ids_;
  std::span<const uint32_t> slots_;  // entry + 1, 0 empty; a power of two
  size_t max_key_size_ = 0;
  std::unique_ptr<Storage> own_;
};

}  // namespace tact::match

#endif  // TACT_MATCH_STRING_TABLE_H_
