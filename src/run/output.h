// Where a report goes: stdout, or a file written atomically (a temporary file
// beside it, renamed over it only when the report is complete), so readers of
// FILE see either the previous file or a complete new one. The report is
// written as it is produced (memory stays flat however long the run); a run
// interrupted by SIGINT or SIGTERM removes its temporary file. Writing over
// one of the inputs is refused.
#ifndef TACT_RUN_OUTPUT_H_
#define TACT_RUN_OUTPUT_H_

#include <cstdio>
#include <string>
#include <vector>

namespace tact::run {

class Output {
 public:
  // `path` "" or "-" is stdout. With `hold`, a report to stdout is kept in an
  // unnamed temporary file and copied out only by Commit() (--strict: nothing
  // is printed unless the run is clean). Returns false with *error set when
  // the file cannot be created or is one of `inputs`.
  bool Open(const std::string& path, const std::vector<std::string>& inputs, bool hold,
            std::string* error);
  void Write(const std::string& data);
  // True when what is written shows at once (stdout without `hold`).
  bool Live() const { return file_ == nullptr; }
  // Completes the report: fsync + rename for a file, the held copy to stdout
  // for stdout. False with *error on failure.
  bool Commit(std::string* error);
  // Drops an unfinished report (the previous FILE stays).
  void Abort();
  ~Output();

 private:
  // Marks the output failed, keeping errno for the message.
  void Failed();
  std::string path_, temp_;
  FILE* file_ = nullptr;  // the temporary file (named, or unnamed for held stdout)
  bool failed_ = false;
  int failed_errno_ = 0;  // errno of the first failure
};

}  // namespace tact::run

#endif  // TACT_RUN_OUTPUT_H_
