// Texts set aside in a temporary file (temp_file.h) and read back by handle:
// the HTML report's rendered sections of its worst conversations, a bounded
// set in which a worse conversation replaces the least bad. Memory holds a
// few numbers per kept text. Dropped texts leave a hole until holes outweigh
// the kept bytes (and 1 MB): the file is then compacted in place, so it stays
// within about twice what is kept, whatever the order of the input.
//
// The first failure (the file cannot be created, the disk is full) is kept:
// later Put()s store nothing and Read() returns false with a message naming
// the folder and the cause. Not thread-safe.
#ifndef TACT_REPORT_TEXT_STORE_H_
#define TACT_REPORT_TEXT_STORE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tact::report {

class TextStore {
 public:
  // `what` names the store's use in error messages.
  explicit TextStore(std::string what) : what_(std::move(what)) {}
  TextStore(const TextStore&) = delete;
  TextStore& operator=(const TextStore&) = delete;
  ~TextStore();

  // Stores `text`; its handle (handles of dropped texts are reused).
  size_t Put(std::string_view text);
  void Drop(size_t handle);
  // Appends the text of `handle` to *out; false with *error on a failure.
  bool Read(size_t handle, std::string* out, std::string* error);
  // Bytes in the file (kept texts and holes).
  uint64_t file_bytes() const { return end_; }

  static constexpr uint64_t kMinHoles = 1 << 20;

 private:
  struct Slot {
    uint64_t offset = 0, size = 0;
    bool live = false;
  };
  bool Open();
  void Fail(const std::string& doing);
  void Compact();

  std::string what_;
  int fd_ = -1;
  std::vector<Slot> slots_;   // by handle
  std::vector<size_t> free_;  // handles of dropped texts
  uint64_t end_ = 0, live_bytes_ = 0;
  std::string error_;  // the first failure
};

}  // namespace tact::report

#endif  // TACT_REPORT_TEXT_STORE_H_
