// A byte source for readers: a file or stdin, read in fixed-size chunks so
// line-oriented formats (JSONL, CSV) stream in constant memory.
//
// NextLine() returns one line without its '\n' (and '\r'); a line longer than
// the limit is skipped without being buffered and reported as kTooLong with
// its length, so a 50 MB line costs no memory. ReadAll() loads a whole input
// for document formats, failing beyond a size limit. Not thread-safe.
#ifndef TACT_INPUT_STREAM_H_
#define TACT_INPUT_STREAM_H_

#include <cstddef>
#include <memory>
#include <string>

namespace tact::input {

class InputStream {
 public:
  // "-" is stdin. Returns null with *error set when the file cannot be opened.
  static std::unique_ptr<InputStream> Open(const std::string& path, std::string* error);
  // Reads from a string (tests, sniffed stdin).
  static std::unique_ptr<InputStream> FromString(std::string data);
  ~InputStream();

  enum class Status { kOk, kTooLong, kEof, kError };
  Status NextLine(std::string* line, size_t max_line, size_t* skipped_bytes = nullptr);
  // Appends everything left to *out. kTooLong when more than max_bytes (a
  // regular file's size is known without reading it). *out keeps spare
  // capacity for a JSON parser's padding.
  Status ReadAll(std::string* out, size_t max_bytes);
  // Looks at the first bytes without consuming them.
  std::string Peek(size_t n);
  // Consumes a UTF-8 byte order mark at the current position; true if there was one.
  bool SkipBom();

  int line() const { return line_; }  // number of the line last returned (1-based)
  const std::string& error() const { return error_; }
  size_t bytes_read() const { return consumed_; }

 private:
  InputStream() = default;
  bool Fill();  // reads more into the buffer; false at EOF or error
  int fd_ = -1;
  bool owns_fd_ = false;
  bool eof_ = false;
  std::string buf_;
  size_t pos_ = 0;
  int line_ = 0;
  size_t consumed_ = 0;
  std::string error_;
};

}  // namespace tact::input

#endif  // TACT_INPUT_STREAM_H_
