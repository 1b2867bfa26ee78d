#include "common/pages.h"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace tact {

void ReleaseReadOnlyPages(const void* data, size_t size) {
#if defined(__linux__)
  const long page_size = sysconf(_SC_PAGESIZE);
  if (page_size <= 0 || data == nullptr) return;
  const auto page = static_cast<uintptr_t>(page_size);
  const auto begin = (reinterpret_cast<uintptr_t>(data) + page - 1) & ~(page - 1);
  const auto end = (reinterpret_cast<uintptr_t>(data) + size) & ~(page - 1);
  if (end <= begin) return;
  void* p = reinterpret_cast<void*>(begin);
  // On a private file mapping that was never written, MADV_DONTNEED drops
  // the page table entries only: the bytes come back from the page cache.
  // MADV_RANDOM then stops the kernel mapping 16 neighbouring pages on each
  // fault, which would bring most of the image back.
  madvise(p, end - begin, MADV_DONTNEED);
  madvise(p, end - begin, MADV_RANDOM);
#else
  (void)data;
  (void)size;
#endif
}

}  // namespace tact
