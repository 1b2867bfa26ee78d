#include "report/text_store.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "common/temp_file.h"

namespace tact::report {
namespace {

// pwrite/pread the whole of [data, data + size) at `offset`, through short counts.
bool WriteAt(int fd, const char* data, uint64_t size, uint64_t offset) {
  while (size > 0) {
    const ssize_t n = pwrite(fd, data, size, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n, size -= static_cast<uint64_t>(n), offset += static_cast<uint64_t>(n);
  }
  return true;
}

bool ReadAt(int fd, char* data, uint64_t size, uint64_t offset) {
  while (size > 0) {
    const ssize_t n = pread(fd, data, size, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n == 0) errno = EIO;  // shorter than written
    if (n <= 0) return false;
    data += n, size -= static_cast<uint64_t>(n), offset += static_cast<uint64_t>(n);
  }
  return true;
}

}  // namespace

TextStore::~TextStore() {
  if (fd_ >= 0) close(fd_);
}

void TextStore::Fail(const std::string& doing) {
  if (error_.empty()) error_ = TempFileError(doing, what_);
}

bool TextStore::Open() {
  fd_ = CreateTempFile(what_, &error_);
  return fd_ >= 0;
}

size_t TextStore::Put(std::string_view text) {
  size_t handle = slots_.size();
  if (!free_.empty()) {
    handle = free_.back();
    free_.pop_back();
  } else {
    slots_.emplace_back();
  }
  Slot& s = slots_[handle];
  s = {end_, text.size(), true};
  live_bytes_ += text.size();
  end_ += text.size();
  if (!error_.empty() || (fd_ < 0 && !Open())) return handle;
  if (!WriteAt(fd_, text.data(), text.size(), s.offset)) Fail("write");
  return handle;
}

void TextStore::Drop(size_t handle) {
  Slot& s = slots_[handle];
  if (!s.live) return;
  s.live = false;
  live_bytes_ -= s.size;
  free_.push_back(handle);
  const uint64_t holes = end_ - live_bytes_;
  if (holes > live_bytes_ && holes > kMinHoles) Compact();
}

// Moves the kept texts down over the holes, in file order (a text never
// moves up, so one read ahead of its write is enough), and cuts the file.
void TextStore::Compact() {
  if (!error_.empty()) return;
  std::vector<size_t> order;
  for (size_t h = 0; h < slots_.size(); ++h)
    if (slots_[h].live) order.push_back(h);
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return slots_[a].offset < slots_[b].offset; });
  std::string text;
  uint64_t at = 0;
  for (size_t h : order) {
    Slot& s = slots_[h];
    if (s.offset != at) {
      text.resize(s.size);
      if (!ReadAt(fd_, text.data(), s.size, s.offset)) return Fail("read back");
      if (!WriteAt(fd_, text.data(), s.size, at)) return Fail("write");
      s.offset = at;
    }
    at += s.size;
  }
  end_ = at;
  if (ftruncate(fd_, static_cast<off_t>(end_)) != 0) Fail("shorten");
}

bool TextStore::Read(size_t handle, std::string* out, std::string* error) {
  const Slot& s = slots_[handle];
  if (error_.empty()) {
    const size_t from = out->size();
    out->resize(from + s.size);
    if (!ReadAt(fd_, out->data() + from, s.size, s.offset)) {
      out->resize(from);
      Fail("read back");
    }
  }
  if (error_.empty()) return true;
  *error = error_;
  return false;
}

}  // namespace tact::report
