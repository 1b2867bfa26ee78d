// Resident memory of read-only data that is read once in full and then only
// here and there: the pack image linked into the binary is validated (every
// byte read) when a pack loads, after which matching reads a few of its pages.
#ifndef TACT_COMMON_PAGES_H_
#define TACT_COMMON_PAGES_H_

#include <cstddef>

namespace tact {

// Tells the kernel that the whole pages inside [data, data + size), which
// must be read-only and backed by a file (the binary's own data), will be
// read at random from now on: they leave the resident set, and a later read
// maps back its own page instead of the pages around it. The bytes stay as
// they are. Does nothing where the system has no such advice.
void ReleaseReadOnlyPages(const void* data, size_t size);

}  // namespace tact

#endif  // TACT_COMMON_PAGES_H_
