// End-to-end tests of `tact eval`: agreement tables, disagreements with
// evidence, label errors, gates and exit codes.
#include <gtest/gtest.h>
#include <sys/wait.h>

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

class EvalCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("tact_eval_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    Write("rules/en/pack.rules", "pack en\n  stopwords the i you to a and is it my\n");
    Write("rules/en/b.rules",
          "behaviour apology\n  kind expected\n  title Apologizes\n  tip Say sorry.\n  match ~sorry\n"
          "  + I'm [sorry]\n  - I'm fine\n"
          "behaviour blame\n  kind avoid\n  title Blames\n  tip Never blame.\n"
          "  match your fault\n  + it's your fault\n  - not a fault\n");
    Write("dev/a/good.txt", "Customer: my order is late\nAgent: I'm so sorry about that\n");
    Write("dev/a/bad.txt", "Customer: my order is late\nAgent: that is your fault\n");
    Write("dev/a/meh.txt", "Customer: my order is late\nAgent: we regret the delay\n");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& rel, const std::string& text) {
    fs::create_directories((dir_ / rel).parent_path());
    std::ofstream(dir_ / rel) << text;
  }
  RunResult Run(const std::string& args) {
    fs::path out = dir_ / "stdout", err = dir_ / "stderr";
    std::string cmd = "cd '" + dir_.string() + "' && '" + TACT_BINARY +
                      "' eval --no-builtin-rules --rules rules --lang en " + args + " >'" +
                      out.string() + "' 2>'" + err.string() + "'";
    int status = std::system(cmd.c_str());
    RunResult r;
    r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream o(out), e(err);
    std::stringstream so, se;
    so << o.rdbuf();
    se << e.rdbuf();
    r.out = so.str();
    r.err = se.str();
    return r;
  }
  fs::path dir_;
};

// gold: good apology met, bad blame violated, meh apology met (tact misses it:
// no rule for "regret") and meh blame clean.
const char* kLabels =
    "{\n"
    "  \"a/good.txt\": {\"apology\": \"met\", \"blame\": \"clean\"},\n"
    "  \"a/bad.txt\": {\"apology\": \"missed\", \"blame\": \"violated\", \"_notes\": \"x\"},\n"
    "  \"a/meh.txt\": {\"apology\": \"met\", \"blame\": \"clean\"}\n"
    "}\n";

TEST_F(EvalCli, TablesAndDisagreementsFromLabelledPaths) {
  Write("dev/labels.json", kLabels);
  RunResult r = Run("--labels dev/labels.json");  // inputs: the paths the keys name
  EXPECT_EQ(r.rc, 0) << r.err;
  // apology: TP 1 (good), FN 1 (meh), TN 1 (bad): precision 1, recall 0.5, F1 0.67
  EXPECT_NE(r.out.find("3 labelled conversation(s), 6 label(s), accuracy 0.83"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(std::string("apology") + std::string(19, ' ') + "3    1    0    1    1   1.00  0.50  0.67  0.40"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("a/meh.txt [en] apology: gold met, tact missed"), std::string::npos);
  EXPECT_NE(r.out.find("no evidence"), std::string::npos);
}

TEST_F(EvalCli, FalsePositiveShowsTheEvidenceAndRule) {
  Write("dev/labels.csv", "id,behaviour,status\ngood,apology,missed\n");
  RunResult r = Run("--labels dev/labels.csv dev/a");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("good [en] apology: gold missed, tact met"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[sorry]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("rules/en/b.rules:5"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2 conversation(s) analyzed without labels"), std::string::npos);
}

TEST_F(EvalCli, GatesExitOneAndNameTheBehaviour) {
  Write("dev/labels.json", kLabels);
  RunResult r = Run("--labels dev/labels.json --min-f1 0.85");
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("gate failed: f1 en/apology = 0.67 < 0.85"), std::string::npos) << r.err;
  EXPECT_EQ(Run("--labels dev/labels.json --min-f1 0.6").rc, 0);
  EXPECT_EQ(Run("--labels dev/labels.json --min-accuracy 0.9").rc, 1);
}

TEST_F(EvalCli, JsonAndMarkdown) {
  Write("dev/labels.json", kLabels);
  RunResult r = Run("--labels dev/labels.json --format json");
  EXPECT_EQ(r.rc, 0);
  EXPECT_NE(r.out.find("\"language\":\"en\",\"conversations\":3,\"labels\":6"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("{\"id\":\"apology\",\"n\":3,\"tp\":1,\"fp\":0,\"fn\":1,\"tn\":1"), std::string::npos);
  r = Run("--labels dev/labels.json --format markdown");
  EXPECT_NE(r.out.find("| `apology` | 3 | 1 | 0 | 1 | 1 | 1.00 | 0.50 | 0.67 |"), std::string::npos) << r.out;
}

TEST_F(EvalCli, BadLabelsStopWithExitTwoAndALocation) {
  Write("dev/labels.json", "{\n \"a/good.txt\": {\"apolgy\": \"met\"}\n}\n");
  RunResult r = Run("--labels dev/labels.json");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("dev/labels.json:2: error: 'a/good.txt': unknown behaviour 'apolgy'"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("did you mean 'apology'"), std::string::npos) << r.err;
  Write("dev/labels.json", "{\n \"a/good.txt\": {\"blame\": \"met\"}\n}\n");
  r = Run("--labels dev/labels.json");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("'blame' is avoid and cannot be 'met'"), std::string::npos) << r.err;
}

TEST_F(EvalCli, UnmatchedLabelsAreReported) {
  Write("dev/labels.csv", "good,apology,met\nghost,apology,met\n");
  RunResult r = Run("--labels dev/labels.csv dev/a");
  EXPECT_EQ(r.rc, 0);
  EXPECT_NE(r.err.find("dev/labels.csv:2: warning: no conversation 'ghost' among the inputs"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("1 labelled conversation(s) not among the inputs: ghost"), std::string::npos);
}

}  // namespace
