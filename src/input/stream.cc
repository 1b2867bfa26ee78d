#include "input/stream.h"

#include "common/interrupt.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace tact::input {
namespace {
constexpr size_t kChunk = 1 << 16;
// Spare bytes after a ReadAll() document: simdjson parses in place when the
// string has this much capacity past its end (SIMDJSON_PADDING).
constexpr size_t kReadAllPadding = 64;
}  // namespace

std::unique_ptr<InputStream> InputStream::Open(const std::string& path, std::string* error) {
  std::unique_ptr<InputStream> s(new InputStream());
  if (path == "-") {
    s->fd_ = STDIN_FILENO;
    return s;
  }
  s->fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (s->fd_ < 0) {
    *error = std::string("cannot open: ") + std::strerror(errno);
    return nullptr;
  }
  s->owns_fd_ = true;
  return s;
}

std::unique_ptr<InputStream> InputStream::FromString(std::string data) {
  std::unique_ptr<InputStream> s(new InputStream());
  s->buf_ = std::move(data);
  s->eof_ = true;
  return s;
}

InputStream::~InputStream() {
  if (owns_fd_) ::close(fd_);
}

bool InputStream::Fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  size_t old = buf_.size();
  buf_.resize(old + kChunk);
  ssize_t n;
  do {
    n = ::read(fd_, buf_.data() + old, kChunk);
  } while (n < 0 && errno == EINTR && !Interrupted());
  if (Interrupted()) n = 0;  // stop reading: the run is being interrupted
  if (n <= 0) {
    buf_.resize(old);
    eof_ = true;
    if (n < 0) error_ = std::string("read error: ") + std::strerror(errno);
    return false;
  }
  buf_.resize(old + static_cast<size_t>(n));
  return true;
}

InputStream::Status InputStream::NextLine(std::string* line, size_t max_line,
                                          size_t* skipped_bytes) {
  line->clear();
  size_t scanned = pos_;
  while (true) {
    size_t nl = buf_.find('\n', scanned);
    if (nl != std::string::npos) {
      size_t len = nl - pos_;
      ++line_;
      if (len > max_line) {
        if (skipped_bytes) *skipped_bytes = len;
        consumed_ += len + 1;
        pos_ = nl + 1;
        return Status::kTooLong;
      }
      line->assign(buf_, pos_, len);
      consumed_ += len + 1;
      pos_ = nl + 1;
      if (!line->empty() && line->back() == '\r') line->pop_back();
      return Status::kOk;
    }
    // No newline yet. A line already over the limit is skipped chunk by chunk.
    if (buf_.size() - pos_ > max_line) {
      size_t skipped = 0;
      while (true) {
        size_t nl2 = buf_.find('\n', pos_);
        if (nl2 != std::string::npos) {
          skipped += nl2 - pos_;
          consumed_ += nl2 - pos_ + 1;
          pos_ = nl2 + 1;
          break;
        }
        skipped += buf_.size() - pos_;
        consumed_ += buf_.size() - pos_;
        pos_ = buf_.size();
        if (!Fill()) break;
      }
      ++line_;
      if (skipped_bytes) *skipped_bytes = skipped;
      return error_.empty() ? Status::kTooLong : Status::kError;
    }
    // Fill() moves the unread bytes to the front: keep the scan position relative.
    const size_t scanned_rel = buf_.size() - pos_;
    const bool more = Fill();
    scanned = pos_ + scanned_rel;
    if (!more && Interrupted()) return Status::kEof;  // drop the half-read line
    if (!more) {
      if (!error_.empty()) return Status::kError;
      if (pos_ >= buf_.size()) return Status::kEof;
      ++line_;  // last line without '\n'
      line->assign(buf_, pos_, std::string::npos);
      consumed_ += buf_.size() - pos_;
      pos_ = buf_.size();
      if (!line->empty() && line->back() == '\r') line->pop_back();
      return Status::kOk;
    }
  }
}

InputStream::Status InputStream::ReadAll(std::string* out, size_t max_bytes) {
  // One copy of the document in memory, read straight into *out, with room
  // for a JSON parser's padding (no second copy) and a capacity that never
  // grows past the limit (a device such as /dev/zero stops at the limit, not
  // at twice it).
  const size_t base = out->size();
  size_t left = buf_.size() - pos_;
  size_t expect = left;
  struct stat st;
  if (!eof_ && fd_ >= 0 && fstat(fd_, &st) == 0 && S_ISREG(st.st_mode)) {
    const off_t at = lseek(fd_, 0, SEEK_CUR);
    if (at >= 0 && st.st_size >= at) expect += static_cast<size_t>(st.st_size - at);
    if (expect > max_bytes) return Status::kTooLong;  // known without reading it
  }
  if (left > max_bytes) return Status::kTooLong;
  out->reserve(base + std::min(expect, max_bytes) + kChunk + kReadAllPadding);
  out->append(buf_, pos_, std::string::npos);
  consumed_ += left;
  buf_.clear();
  pos_ = 0;
  while (!eof_) {
    const size_t size = out->size();
    if (out->capacity() - size < kChunk + kReadAllPadding) {
      // Doubling, except that a doubling that would pass half the limit goes
      // to the limit itself: std::string rounds any smaller growth up to
      // twice the capacity, which past the limit costs twice its memory.
      const size_t limit = base + max_bytes + kChunk + kReadAllPadding;
      size_t cap = std::max(out->capacity() * 2, size + kChunk + kReadAllPadding);
      if (cap > limit / 2) cap = limit;
      if (cap <= out->capacity()) return Status::kTooLong;
      out->reserve(cap);
    }
    out->resize(size + kChunk);
    ssize_t n;
    do {
      n = ::read(fd_, out->data() + size, kChunk);
    } while (n < 0 && errno == EINTR && !Interrupted());
    if (Interrupted()) n = 0;
    if (n <= 0) {
      out->resize(size);
      eof_ = true;
      if (n < 0) error_ = std::string("read error: ") + std::strerror(errno);
      break;
    }
    out->resize(size + static_cast<size_t>(n));
    consumed_ += static_cast<size_t>(n);
    if (out->size() - base > max_bytes) return Status::kTooLong;
  }
  if (!error_.empty()) return Status::kError;
  return Status::kOk;
}

bool InputStream::SkipBom() {
  if (Peek(3) != "\xEF\xBB\xBF") return false;
  pos_ += 3;
  consumed_ += 3;
  return true;
}

std::string InputStream::Peek(size_t n) {
  while (buf_.size() - pos_ < n && Fill()) {
  }
  return buf_.substr(pos_, n);
}

}  // namespace tact::input
