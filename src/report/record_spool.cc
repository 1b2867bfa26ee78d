#include "report/record_spool.h"

#include <unistd.h>

#include <cerrno>
#include <cstdint>

#include "common/temp_file.h"

namespace tact::report {
namespace {

// A record's length before its bytes (host order: the file never leaves the process).
using Length = uint32_t;

}  // namespace

RecordSpool::~RecordSpool() { Close(); }

void RecordSpool::Close() {
  if (file_ != nullptr) fclose(file_);
  file_ = nullptr;
}

void RecordSpool::Fail(const std::string& doing) {
  if (error_.empty()) error_ = TempFileError(doing, what_);
  Close();
}

bool RecordSpool::Open() {
  const int fd = CreateTempFile(what_, &error_);
  if (fd < 0) return false;
  file_ = fdopen(fd, "w+b");
  if (file_ == nullptr) {
    close(fd);
    Fail("open");
    return false;
  }
  // Large enough that writing a row is a memcpy, small against the report's memory.
  setvbuf(file_, nullptr, _IOFBF, 64 << 10);
  return true;
}

void RecordSpool::Append(std::string_view record) {
  if (!error_.empty()) return;
  if (file_ == nullptr && !Open()) return;
  const Length len = static_cast<Length>(record.size());
  if (record.size() > UINT32_MAX) {
    errno = EFBIG;
    Fail("write");
    return;
  }
  if (fwrite(&len, sizeof len, 1, file_) != 1 ||
      (len > 0 && fwrite(record.data(), 1, len, file_) != len)) {
    Fail("write");
    return;
  }
  ++count_;
}

bool RecordSpool::ForEach(const std::function<void(std::string_view)>& each, std::string* error) {
  if (file_ != nullptr && (fflush(file_) != 0 || ferror(file_))) Fail("write");
  if (!error_.empty()) {
    *error = error_;
    return false;
  }
  if (file_ != nullptr && fseek(file_, 0, SEEK_SET) != 0) Fail("read back");
  std::string record;
  for (size_t i = 0; i < count_ && error_.empty(); ++i) {
    Length len = 0;
    if (fread(&len, sizeof len, 1, file_) != 1) {
      if (!ferror(file_)) errno = EIO;  // shorter than written
      Fail("read back");
      break;
    }
    record.resize(len);
    if (len > 0 && fread(record.data(), 1, len, file_) != len) {
      if (!ferror(file_)) errno = EIO;
      Fail("read back");
      break;
    }
    each(record);
  }
  Close();
  count_ = 0;
  if (!error_.empty()) {
    *error = error_;
    return false;
  }
  return true;
}

}  // namespace tact::report
