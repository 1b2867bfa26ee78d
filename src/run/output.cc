#include "run/output.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "run/inputs.h"

namespace tact::run {
namespace fs = std::filesystem;

namespace {

// The temporary file being written, removed at exit if the run does not
// complete it (an interrupted run, a second signal that ends the process).
char g_temp_path[4096];

void RemoveTemp() {
  if (g_temp_path[0] != '\0') unlink(g_temp_path);
}

[[maybe_unused]] const int kRegistered = std::atexit(RemoveTemp);

}  // namespace

bool Output::Open(const std::string& path, const std::vector<std::string>& inputs, bool hold,
                  std::string* error) {
  if (path.empty() || path == "-") {
    if (!hold) return true;
    file_ = tmpfile();  // unnamed: nothing to remove, even after a crash
    if (file_ == nullptr) {
      *error =
          std::string("cannot create a temporary file for the report: ") + std::strerror(errno);
      return false;
    }
    return true;
  }
  std::error_code ec;
  // The rename at the end would fail after the whole run: say so now.
  if (fs::is_directory(path, ec)) {
    *error = "'" + path + "' is a folder; name the report file (e.g. " +
             (fs::path(path) / "report.json").string() + ")";
    return false;
  }
  for (const auto& in : inputs) {
    if (in == "-") continue;
    if (fs::exists(path, ec) && fs::equivalent(path, in, ec)) {
      *error = "refusing to write the report over the input '" + in + "'";
      return false;
    }
    // A folder is walked for transcripts: a report with a transcript's
    // extension inside it would overwrite one, or be read as one.
    if (fs::is_directory(in, ec) && IsTranscript(path)) {
      fs::path dir = fs::weakly_canonical(in, ec);
      fs::path out = fs::weakly_canonical(fs::absolute(path, ec), ec).parent_path();
      auto [d, o] = std::mismatch(dir.begin(), dir.end(), out.begin(), out.end());
      if (!ec && d == dir.end()) {
        *error = "refusing to write the report into the input folder '" + in +
                 "', where it would overwrite or be read as a transcript (write it elsewhere, or "
                 "with another extension)";
        return false;
      }
    }
  }
  path_ = path;
  temp_ = path + ".tact-tmp." + std::to_string(getpid());
  file_ = fopen(temp_.c_str(), "wb");
  if (file_ == nullptr) {
    *error = "cannot create '" + temp_ + "': " + std::strerror(errno);
    return false;
  }
  if (temp_.size() < sizeof g_temp_path) std::memcpy(g_temp_path, temp_.c_str(), temp_.size() + 1);
  return true;
}

void Output::Write(const std::string& data) {
  if (data.empty()) return;
  FILE* f = file_ ? file_ : stdout;
  if (fwrite(data.data(), 1, data.size(), f) != data.size() || (!file_ && fflush(stdout) != 0))
    Failed();
}

void Output::Failed() {
  // errno is per thread and Write() runs on any of the run's threads: the
  // reason is kept now, for Commit() on the main thread.
  if (!failed_) failed_errno_ = errno != 0 ? errno : EIO;
  failed_ = true;
}

bool Output::Commit(std::string* error) {
  if (file_ && path_.empty()) {
    // Held stdout: copy the report out in pieces.
    bool ok = !failed_ && fflush(file_) == 0 && fseek(file_, 0, SEEK_SET) == 0;
    char chunk[1 << 16];
    size_t n;
    while (ok && (n = fread(chunk, 1, sizeof chunk, file_)) > 0)
      ok = fwrite(chunk, 1, n, stdout) == n;
    ok = ok && !ferror(file_);
    fclose(file_);
    file_ = nullptr;
    if (!ok) Failed();
  }
  if (!file_) {
    // Standard output: a full disk, /dev/full or a closed pipe (with SIGPIPE
    // ignored) must not end in exit 0.
    if (!failed_ && (fflush(stdout) != 0 || ferror(stdout))) Failed();
    if (failed_) {
      *error = std::string("cannot write the report to standard output: ") +
               std::strerror(failed_errno_);
      return false;
    }
    return true;
  }
  bool ok = !failed_ && fflush(file_) == 0 && fsync(fileno(file_)) == 0;
  ok = fclose(file_) == 0 && ok;
  file_ = nullptr;
  if (ok && rename(temp_.c_str(), path_.c_str()) != 0) ok = false;
  if (!ok) {
    *error = "cannot write '" + path_ + "': " + std::strerror(errno);
    unlink(temp_.c_str());
  }
  g_temp_path[0] = '\0';
  return ok;
}

void Output::Abort() {
  if (!file_) return;
  fclose(file_);
  file_ = nullptr;
  if (temp_.empty()) return;  // held stdout: an unnamed file
  unlink(temp_.c_str());
  g_temp_path[0] = '\0';
}

Output::~Output() { Abort(); }

}  // namespace tact::run
