#include "cli/project_config.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace tact::cli {
namespace {

namespace fs = std::filesystem;

TEST(ProjectConfig, KeyValueLinesCommentsAndQuotes) {
  ProjectConfig c;
  Diagnostics d;
  ASSERT_TRUE(ParseProjectConfig(".tact",
                                 "# defaults\n"
                                 "rules = qa   # our rules\n"
                                 "\n"
                                 "  --fail-on=rate:empathy<0.8\n"
                                 "redact-pattern = \"EMP-[0-9]+#x\"\n"
                                 "agent = Dana\n"
                                 "agent = Lee\n",
                                 &c, &d));
  ASSERT_EQ(c.entries.size(), 5u);
  EXPECT_EQ(c.entries[0].key, "rules");
  EXPECT_EQ(c.entries[0].value, "qa");
  EXPECT_EQ(c.entries[0].line, 2);
  EXPECT_EQ(c.entries[1].key, "fail-on");  // "--" before a key is allowed
  EXPECT_EQ(c.entries[1].value, "rate:empathy<0.8");
  EXPECT_EQ(c.entries[2].value, "EMP-[0-9]+#x");  // '#' inside a word is not a comment
  EXPECT_EQ(c.entries[4].value, "Lee");
  EXPECT_EQ(c.entries[4].line, 7);
}

TEST(ProjectConfig, ErrorsAreLocated) {
  ProjectConfig c;
  Diagnostics d;
  EXPECT_FALSE(ParseProjectConfig("/p/.tact", "lang = en\n  rules qa\nlang =\n", &c, &d));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].Format().substr(0, d[0].Format().find('\n')),
            "/p/.tact:2:3: error: expected 'key = value'");
  EXPECT_EQ(d[1].Format().substr(0, d[1].Format().find('\n')),
            "/p/.tact:3:7: error: expected a value after 'lang ='");
}

TEST(ProjectConfig, FoundFromTheFolderUpward) {
  fs::path root = fs::temp_directory_path() / ("tact-config-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "a" / "b");
  EXPECT_FALSE(FindProjectConfig((root / "a" / "b").string()).has_value() &&
               FindProjectConfig((root / "a" / "b").string())->rfind(root.string(), 0) == 0);
  std::ofstream(root / ".tact") << "lang = en\n";
  EXPECT_EQ(FindProjectConfig((root / "a" / "b").string()), (root / ".tact").string());
  std::ofstream(root / "a" / ".tact") << "lang = es\n";
  EXPECT_EQ(FindProjectConfig((root / "a" / "b").string()), (root / "a" / ".tact").string());
  fs::create_directories(root / "c" / ".tact");  // a folder named .tact is not a project file
  EXPECT_EQ(FindProjectConfig((root / "c").string()), (root / ".tact").string());
  fs::remove_all(root);
  EXPECT_TRUE(IsPathKey("rules"));
  EXPECT_FALSE(IsPathKey("lang"));
}

}  // namespace
}  // namespace tact::cli
