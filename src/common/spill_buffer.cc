#include "common/spill_buffer.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <vector>

#include "common/temp_file.h"

namespace tact {

SpillBuffer::~SpillBuffer() {
  if (fd_ >= 0) close(fd_);
}

void SpillBuffer::Append(std::string_view text) {
  memory_.append(text);
  if (memory_.size() > budget_ && !unavailable_ && !Spill()) unavailable_ = true;
}

bool SpillBuffer::Spill() {
  // Unnamed, so nothing is left behind even after a crash; the cause of a
  // failure does not matter here (the text stays in memory).
  std::string error;
  if (fd_ < 0 && (fd_ = CreateTempFile("text set aside", &error)) < 0) return false;
  // Unbuffered writes at the known offset: a short or failed write leaves
  // the first spilled_ bytes intact, and memory_ keeps the rest.
  const int fd = fd_;
  size_t done = 0;
  while (done < memory_.size()) {
    ssize_t n = pwrite(fd, memory_.data() + done, memory_.size() - done,
                       static_cast<off_t>(spilled_ + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  spilled_ += done;
  memory_.clear();
  return true;
}

bool SpillBuffer::Drain(const std::function<void(std::string_view)>& sink, size_t piece) {
  bool ok = true;
  if (spilled_ > 0) {
    std::vector<char> chunk(std::max<size_t>(piece, 1));
    const int fd = fd_;
    for (size_t at = 0; at < spilled_;) {
      ssize_t n =
          pread(fd, chunk.data(), std::min(chunk.size(), spilled_ - at), static_cast<off_t>(at));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        if (n == 0) errno = EIO;  // shorter than what was written
        ok = false;
        break;
      }
      sink(std::string_view(chunk.data(), static_cast<size_t>(n)));
      at += static_cast<size_t>(n);
    }
    // The next section is written from offset 0 again; truncating only gives
    // the disk back (a failure there changes nothing).
    if (ftruncate(fd, 0) != 0) errno = 0;
  }
  if (ok && !memory_.empty()) sink(memory_);
  spilled_ = 0;
  memory_.clear();
  return ok;
}

}  // namespace tact
