#include "common/temp_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace tact {

std::string TempFolder() {
  const char* dir = std::getenv("TMPDIR");
  return dir != nullptr && *dir != '\0' ? dir : "/tmp";
}

std::string TempFileError(const std::string& doing, const std::string& what) {
  return "cannot " + doing + " a temporary file in '" + TempFolder() + "' for " + what + ": " +
         std::strerror(errno) + " (set TMPDIR to a folder with room)";
}

int CreateTempFile(const std::string& what, std::string* error) {
  std::string path = TempFolder() + "/tact-spool-XXXXXX";
  const int fd = mkstemp(path.data());
  if (fd < 0) {
    *error = TempFileError("create", what);
    return -1;
  }
  unlink(path.c_str());  // anonymous from now on
  return fd;
}

}  // namespace tact
