// Records written to a temporary file as they come and read back once, in the
// order written: what a report keeps of every conversation (the HTML index's
// rows) without holding it in memory. The file (temp_file.h) is created on
// the first Append(); memory holds only the stdio buffer.
//
// A record is any bytes (stored with its length). The first failure (the file
// cannot be created, the disk is full) is kept: later appends are dropped and
// ForEach() returns false with a message naming the folder and the cause.
// Not thread-safe.
#ifndef TACT_REPORT_RECORD_SPOOL_H_
#define TACT_REPORT_RECORD_SPOOL_H_

#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

namespace tact::report {

class RecordSpool {
 public:
  // `what` names the spool's use in error messages ("the HTML report's index").
  explicit RecordSpool(std::string what) : what_(std::move(what)) {}
  RecordSpool(const RecordSpool&) = delete;
  RecordSpool& operator=(const RecordSpool&) = delete;
  ~RecordSpool();

  void Append(std::string_view record);
  size_t size() const { return count_; }
  // Calls each(record) for every record, in the order appended (the view is
  // valid during the call only), then empties the spool. False with *error,
  // calling `each` for none, when a write failed; false after calling it for
  // some when reading back fails.
  bool ForEach(const std::function<void(std::string_view)>& each, std::string* error);

 private:
  bool Open();
  void Fail(const std::string& doing);
  void Close();

  std::string what_;
  FILE* file_ = nullptr;  // the unlinked temporary file
  size_t count_ = 0;
  std::string error_;  // the first failure
};

}  // namespace tact::report

#endif  // TACT_REPORT_RECORD_SPOOL_H_
