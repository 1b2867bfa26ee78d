// End-to-end tests of the tact binary: exit codes, error messages, formats.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {
namespace fs = std::filesystem;

struct RunResult {
  int rc = -1;
  std::string out, err;
};

std::string Slurp(const fs::path& p) {
  std::ifstream f(p);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("tact_cli_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "rules" / "en");
    Write("rules/en/pack.rules", "pack en\n  stopwords the i you to a and is it my\n");
    Write(
        "rules/en/b.rules",
        "behaviour apology\n  kind expected\n  title Apologizes\n  tip Say sorry.\n  match ~sorry\n"
        "  veto not sorry\n  + I'm [sorry]\n  - I'm not sorry\n"
        "behaviour blame\n  kind avoid\n  severity error\n  title Blames\n  tip Never blame.\n"
        "  match your fault\n  + it's your fault\n  - not a fault\n");
    Write("good.txt", "Customer: my order is late\nAgent: I'm so sorry about that\n");
    Write("bad.txt", "Customer: my order is late\nAgent: that is your fault\n");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& rel, const std::string& text) {
    fs::create_directories((dir_ / rel).parent_path());
    std::ofstream(dir_ / rel) << text;
  }
  std::string P(const std::string& rel) const { return (dir_ / rel).string(); }
  RunResult Run(const std::string& args, const std::string& stdin_text = "") {
    fs::path out = dir_ / "stdout", err = dir_ / "stderr", in = dir_ / "stdin";
    std::ofstream(in) << stdin_text;
    std::string cmd = std::string("cd '") + dir_.string() + "' && '" + TACT_BINARY + "' " + args +
                      " <'" + in.string() + "' >'" + out.string() + "' 2>'" + err.string() + "'";
    int status = std::system(cmd.c_str());
    RunResult r;
    r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Slurp(out);
    r.err = Slurp(err);
    return r;
  }
  const std::string kRules = "--no-builtin-rules --rules rules ";
  fs::path dir_;
};

TEST_F(Cli, Version) {
  RunResult r = Run("--version");
  EXPECT_EQ(r.rc, 0);
  EXPECT_NE(r.out.find("0.1.0"), std::string::npos);
}

TEST_F(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(Run("").rc, 2);
  EXPECT_EQ(Run("check").rc, 2);
  EXPECT_EQ(Run("check --format yaml good.txt").rc, 2);
  EXPECT_EQ(Run("frobnicate").rc, 2);
}

TEST_F(Cli, CheckTextReport) {
  RunResult r = Run("check " + kRules + "--color never good.txt");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("✔ apology"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[sorry]"), std::string::npos);
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos);
}

TEST_F(Cli, CheckJsonDocument) {
  RunResult r = Run("check " + kRules + "--format json good.txt bad.txt");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(
      r.out.rfind("{\"tool\":{\"name\":\"tact\",\"version\":\"0.1.0\"},\"conversations\":[", 0),
      0u);
  EXPECT_NE(r.out.find("\"source\":\"good.txt\""), std::string::npos);
  EXPECT_NE(r.out.find("\"id\":\"blame\",\"kind\":\"avoid\",\"status\":\"violated\""),
            std::string::npos);
  EXPECT_NE(r.out.find("\"totals\":{\"inputs\":2,\"read\":2,\"analyzed\":2,\"skipped\":0}"),
            std::string::npos);
}

TEST_F(Cli, CheckJsonLinesOnePerConversation) {
  RunResult r = Run("check " + kRules + "--format jsonl good.txt bad.txt");
  EXPECT_EQ(r.rc, 0);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2);
}

TEST_F(Cli, DirectoriesAreWalkedInOrder) {
  Write("more/sub/c.txt", "Agent: sorry\n");
  RunResult r = Run("check " + kRules + "--format jsonl .");
  EXPECT_EQ(r.rc, 0) << r.err;
  size_t bad = r.out.find("\"source\":\"./bad.txt\""),
         good = r.out.find("\"source\":\"./good.txt\""),
         c = r.out.find("\"source\":\"./more/sub/c.txt\"");
  ASSERT_NE(bad, std::string::npos) << r.out;
  ASSERT_NE(c, std::string::npos);
  EXPECT_LT(bad, good);
  EXPECT_LT(good, c);
}

TEST_F(Cli, StdinWithDash) {
  RunResult r = Run("check " + kRules + "--format jsonl -", "Agent: so sorry\n");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("\"id\":\"stdin\""), std::string::npos);
  EXPECT_NE(r.out.find("\"source\":\"-\""), std::string::npos);
}

TEST_F(Cli, MissingAndUnreadableInputsExitThreeButOthersAreReported) {
  Write("empty.txt", "no speakers here\n");
  RunResult r = Run("check " + kRules + "--format jsonl missing.txt empty.txt good.txt");
  EXPECT_EQ(r.rc, 3);
  EXPECT_NE(r.err.find("missing.txt: error: no such file or directory"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("empty.txt:1: error: no turns found"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 conversation(s) read, 1 analyzed, 2 skipped (errors)"), std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("\"source\":\"good.txt\""), std::string::npos);
}

TEST_F(Cli, FailOnThresholds) {
  RunResult r = Run("check " + kRules + "--fail-on 'violated>0' good.txt");
  EXPECT_EQ(r.rc, 0);
  r = Run("check " + kRules + "--fail-on 'violated>0' good.txt bad.txt");
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("threshold failed: violated>0 (value 1)"), std::string::npos) << r.err;
  r = Run("check " + kRules + "--fail-on 'missed:apology>0' bad.txt");
  EXPECT_EQ(r.rc, 1);
  r = Run("check " + kRules + "--fail-on 'violatd>0' good.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("did you mean 'violated'"), std::string::npos);
}

TEST_F(Cli, UnknownIdsAndLanguages) {
  RunResult r = Run("check " + kRules + "--only apolgy good.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(
      r.err.find("tact: error: unknown behaviour 'apolgy' in --only (did you mean 'apology'?)"),
      std::string::npos);
  r = Run("check " + kRules + "--lang xx good.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("unknown language 'xx' in --lang; rule packs: en, or auto"),
            std::string::npos)
      << r.err;
}

TEST_F(Cli, OnlyAndSkipFilterTheReport) {
  RunResult r = Run("check " + kRules + "--format jsonl --only blame bad.txt");
  EXPECT_EQ(r.out.find("\"apology\""), std::string::npos);
  r = Run("check " + kRules + "--format jsonl --skip blame bad.txt");
  EXPECT_EQ(r.out.find("\"blame\""), std::string::npos);
  EXPECT_NE(r.out.find("\"apology\""), std::string::npos);
}

TEST_F(Cli, MalformedRuleFileExitsTwoWithLocation) {
  Write("rules/en/broken.rules", "behaviour x\n  kind expected\n  match i (really\n");
  RunResult r = Run("check " + kRules + "good.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(
      r.err.find(
          "rules/en/broken.rules:3:18: error: expected ')' to close the group opened at column 11"),
      std::string::npos)
      << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST_F(Cli, MissingRulesDirectory) {
  RunResult r = Run("check --rules nowhere good.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("nowhere: error: rules directory not found"), std::string::npos);
}

TEST_F(Cli, RulesTestReportsFailingExamples) {
  EXPECT_EQ(Run("rules test " + kRules).rc, 0);
  Write("rules/en/c.rules",
        "behaviour thanks\n  kind expected\n  match thank you\n  + thanks a lot\n  - no\n");
  RunResult r = Run("rules test " + kRules);
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.out.find("rules/en/c.rules:4: example does not match 'thanks'\n    tokens: {1} "
                       "thanks~thank a lot"),
            std::string::npos)
      << r.out;
}

TEST_F(Cli, RulesTestRequiresBothKindsOfExample) {
  Write("rules/en/c.rules",
        "behaviour thanks\n  kind expected\n  match thank you\n  + thank you\n");
  RunResult r = Run("rules test " + kRules);
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.out.find("needs examples that must match (+) and that must not (-)"),
            std::string::npos);
}

TEST_F(Cli, RulesListJson) {
  RunResult r = Run("rules list " + kRules + "--format json");
  EXPECT_EQ(r.rc, 0);
  EXPECT_NE(
      r.out.find("{\"language\":\"en\",\"behaviour\":\"apology\",\"kind\":\"expected\",\"rules\":2,"
                 "\"examples_positive\":1,\"examples_negative\":1,\"file\":\"rules/en/b.rules\"}"),
      std::string::npos)
      << r.out;
}

TEST_F(Cli, RulesTryShowsTokensAndVetoes) {
  RunResult r = Run("rules try " + kRules + "--lang en \"I'm not sorry. Sorry!\"");
  EXPECT_EQ(r.rc, 0);
  EXPECT_NE(r.out.find("vetoed apology"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("fires  apology              'Sorry'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("cancelled by veto not sorry"), std::string::npos);
}

TEST_F(Cli, Explain) {
  RunResult r = Run("explain " + kRules + "blame");
  EXPECT_EQ(r.rc, 0);
  EXPECT_NE(r.out.find("blame — Blames (avoid, severity error, speaker agent)"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("match      your fault"), std::string::npos);
  EXPECT_EQ(Run("explain " + kRules + "blam").rc, 2);
}

TEST_F(Cli, BuiltinPacksWorkFromAnyFolder) {
  RunResult r = Run("rules list --format json");
  EXPECT_EQ(r.rc, 0);
  EXPECT_NE(r.out.find("\"language\":\"en\""), std::string::npos);
}

}  // namespace
