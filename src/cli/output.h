// Where a report goes: stdout, or a file written atomically (a temporary file
// beside it, renamed over it only when the report is complete), so readers of
// FILE see either the previous file or a complete new one. A run interrupted
// by SIGINT or SIGTERM removes its temporary file. Writing over one of the
// inputs is refused.
#ifndef TACT_CLI_OUTPUT_H_
#define TACT_CLI_OUTPUT_H_

#include <cstdio>
#include <string>
#include <vector>

namespace tact::cli {

class Output {
 public:
  // `path` "" or "-" is stdout. Returns false with *error set when the file
  // cannot be created or is one of `inputs`.
  bool Open(const std::string& path, const std::vector<std::string>& inputs, std::string* error);
  void Write(const std::string& data);
  // Completes the file (fsync + rename). False with *error on failure.
  bool Commit(std::string* error);
  // Drops an unfinished file.
  void Abort();
  ~Output();

 private:
  std::string path_, temp_;
  FILE* file_ = nullptr;
  bool failed_ = false;
};

}  // namespace tact::cli

#endif  // TACT_CLI_OUTPUT_H_
