// An anonymous temporary file for what a report sets aside on disk rather
// than in memory: created in $TMPDIR (else /tmp) and unlinked at once, so it
// is gone when closed, however the process ends.
#ifndef TACT_COMMON_TEMP_FILE_H_
#define TACT_COMMON_TEMP_FILE_H_

#include <string>

namespace tact {

// The folder temporary files go to: $TMPDIR, else /tmp.
std::string TempFolder();

// A descriptor open for reading and writing, or -1 with *error naming the
// folder, `what` the file is for and the cause.
int CreateTempFile(const std::string& what, std::string* error);

// The message for a failed `doing` ("write", "read back") on the temporary
// file for `what`, from errno.
std::string TempFileError(const std::string& doing, const std::string& what);

}  // namespace tact

#endif  // TACT_COMMON_TEMP_FILE_H_
