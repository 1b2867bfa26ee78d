#include "common/pages.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

namespace tact {
namespace {

// Read-only data of this test binary, page-aligned and large enough to span
// several pages: file-backed like the pack image.
alignas(4096) const unsigned char kData[16 * 4096] = {1, 2, 3, 4};

// The resident kilobytes of the mapping that holds `p`, from /proc/self/smaps.
long ResidentKb(const void* p) {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  const auto a = reinterpret_cast<uintptr_t>(p);
  bool in = false;
  while (std::getline(smaps, line)) {
    uintptr_t lo = 0, hi = 0;
    char dash = 0;
    std::istringstream head(line);
    if (head >> std::hex >> lo >> dash >> hi && dash == '-') {
      in = lo <= a && a < hi;
      continue;
    }
    if (in && line.rfind("Rss:", 0) == 0) return std::stol(line.substr(4));
  }
  return -1;
}

TEST(ReleaseReadOnlyPages, TheBytesStayAndTheirPagesLeaveTheResidentSet) {
  unsigned sum = 0;
  for (unsigned char c : kData) sum += c;  // every page read: resident
  EXPECT_EQ(sum, 10u);
  const long before = ResidentKb(kData);
  ReleaseReadOnlyPages(kData, sizeof kData);
  const long after = ResidentKb(kData);
#if defined(__linux__)
  ASSERT_GT(before, 0);
  EXPECT_LE(after, before - 48) << "16 pages read, then released";
#endif
  EXPECT_EQ(kData[0], 1);  // read back from the file
  EXPECT_EQ(kData[3], 4);
  EXPECT_EQ(kData[sizeof kData - 1], 0);
}

TEST(ReleaseReadOnlyPages, PartialPagesAndEmptyRangesAreLeftAlone) {
  ReleaseReadOnlyPages(nullptr, 0);
  ReleaseReadOnlyPages(kData + 1, 100);  // no whole page inside
  EXPECT_EQ(kData[1], 2);
}

}  // namespace
}  // namespace tact
