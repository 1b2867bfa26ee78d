#include "report/text_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>

namespace tact::report {
namespace {

std::string Text(size_t i) { return std::string(1000 + i % 5000, static_cast<char>('a' + i % 26)); }

// Kept texts read back whole while others come and go; the holes they leave
// are compacted away, so the file stays within about twice what is kept even
// when every text is replaced (input sorted best to worst).
TEST(TextStore, KeepsWhatIsKeptAndReclaimsWhatIsDropped) {
  TextStore store("a test");
  std::map<size_t, size_t> kept;  // handle -> i
  uint64_t most = 0;
  for (size_t i = 0; i < 20000; ++i) {
    if (kept.size() == 50) {  // drop the oldest
      auto oldest = std::min_element(kept.begin(), kept.end(), [](const auto& a, const auto& b) {
        return a.second < b.second;
      });
      store.Drop(oldest->first);
      kept.erase(oldest);
    }
    kept[store.Put(Text(i))] = i;
    most = std::max(most, store.file_bytes());
  }
  EXPECT_LE(most, 2 * 50 * 6000 + TextStore::kMinHoles + 6000);
  EXPECT_EQ(kept.size(), 50u);
  for (const auto& [handle, i] : kept) {
    std::string out = "x", error;
    ASSERT_TRUE(store.Read(handle, &out, &error)) << error;
    EXPECT_EQ(out, "x" + Text(i)) << i;
  }
}

TEST(TextStore, AFolderItCannotWriteToIsAClearError) {
  const char* old = std::getenv("TMPDIR");
  const std::string saved = old ? old : "";
  setenv("TMPDIR", "/nonexistent-tact-dir", 1);
  TextStore store("the test's sections");
  const size_t h = store.Put("section");
  std::string out, error;
  EXPECT_FALSE(store.Read(h, &out, &error));
  if (old)
    setenv("TMPDIR", saved.c_str(), 1);
  else
    unsetenv("TMPDIR");
  EXPECT_EQ(out, "");
  EXPECT_NE(error.find("cannot create a temporary file in '/nonexistent-tact-dir' for the test's "
                       "sections"),
            std::string::npos)
      << error;
}

}  // namespace
}  // namespace tact::report
