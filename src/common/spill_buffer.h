// Text gathered now to be written later, such as a report section whose
// header needs counts known only at its end. It stays in memory up to a
// budget; past it, it moves to an unnamed temporary file (temp_file.h: in
// $TMPDIR, else /tmp), so memory stays flat however big the section grows. Should the file not be
// available (no temporary folder, a full disk), the text stays in memory instead: what is appended
// is never lost.
#ifndef TACT_COMMON_SPILL_BUFFER_H_
#define TACT_COMMON_SPILL_BUFFER_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace tact {

class SpillBuffer {
 public:
  static constexpr size_t kDefaultBudget = 256 * 1024;
  // `budget`: the bytes kept in memory before they move to the file (0 moves
  // every Append).
  explicit SpillBuffer(size_t budget = kDefaultBudget) : budget_(budget) {}
  ~SpillBuffer();
  SpillBuffer(const SpillBuffer&) = delete;
  SpillBuffer& operator=(const SpillBuffer&) = delete;

  void Append(std::string_view text);
  // The bytes appended since the last Drain.
  size_t size() const { return spilled_ + memory_.size(); }
  bool empty() const { return size() == 0; }
  // Hands everything appended, in order, to `sink` in pieces of at most
  // `piece` bytes (the text kept in memory as one last piece), then empties
  // the buffer for reuse. False with errno set when the file could not be
  // read back; the buffer is emptied all the same.
  bool Drain(const std::function<void(std::string_view)>& sink, size_t piece = 64 * 1024);
  // Bytes that went to the file since the last Drain (for tests).
  size_t spilled() const { return spilled_; }

 private:
  // Moves memory_ to the file; false (memory_ kept) when that is not possible.
  bool Spill();

  size_t budget_;
  std::string memory_;  // what comes after the first spilled_ bytes of the file
  int fd_ = -1;         // the temporary file, once created
  size_t spilled_ = 0;
  bool unavailable_ = false;  // the file could not be created or written: memory only
};

}  // namespace tact

#endif  // TACT_COMMON_SPILL_BUFFER_H_
