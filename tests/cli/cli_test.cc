// End-to-end tests of the tact binary: exit codes, error messages, formats.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

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
  // People read titles, not ids.
  EXPECT_NE(r.out.find("✔ Apologizes"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("apology"), std::string::npos) << r.out;
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

// A walk says what it leaves out (each counted as skipped), and a file given
// twice is read once.
TEST_F(Cli, FolderWalksSkipNothingSilently) {
  Write("w/a.txt", "Agent: sorry\n");
  fs::create_symlink(dir_ / "w/missing.txt", dir_ / "w/dangling.txt");
  ASSERT_EQ(mkfifo((dir_ / "w/pipe.txt").c_str(), 0600), 0);
  RunResult r = Run("check " + kRules + "--format jsonl w");
  EXPECT_EQ(r.rc, 3) << r.err;  // conversations were skipped
  EXPECT_NE(r.err.find("w/dangling.txt: error: dangling symbolic link; skipped"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("w/pipe.txt: error: not a regular file"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 skipped"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out;
  fs::remove(dir_ / "w/dangling.txt");
  fs::remove(dir_ / "w/pipe.txt");
  // The same file by name and through its folder: one conversation, a warning.
  r = Run("check " + kRules + "--format jsonl w w/a.txt w/./a.txt");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out;
  EXPECT_NE(r.err.find("w/a.txt: warning: the same file as 'w/a.txt'; read once"),
            std::string::npos)
      << r.err;
}

// -o naming a folder fails before the run, not at the rename after it.
TEST_F(Cli, OutputToAFolderFailsAtOnce) {
  fs::create_directories(dir_ / "out");
  RunResult r = Run("check " + kRules + "-o out good.txt");
  EXPECT_EQ(r.rc, 2) << r.err;
  EXPECT_NE(r.err.find("'out' is a folder; name the report file"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_empty(dir_ / "out"));
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

// A .tact in the folder (or above) gives `tact check` its defaults; flags win.
TEST_F(Cli, ProjectFileDefaultsAndOverrides) {
  Write(".tact", "# team defaults\nformat = jsonl\nonly = blame\nfail-on = violated:blame>0\n");
  fs::create_directories(dir_ / "sub");
  RunResult r = Run("check " + kRules + "bad.txt");
  EXPECT_EQ(r.rc, 1) << r.err;  // the file's gate failed
  EXPECT_EQ(r.out.rfind("{\"id\":", 0), 0u) << r.out;
  EXPECT_EQ(r.out.find("\"apology\",\"kind\""), std::string::npos);
  r = Run("check " + kRules + "--format text --fail-on 'violated:blame>5' bad.txt");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(r.out.rfind("bad.txt\n", 0), 0u) << r.out;
  r = Run("check " + kRules + "--no-config bad.txt");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("Apologizes"), std::string::npos);
  r = Run("config --lang en");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("# project file: " + P(".tact")), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("format = jsonl    # .tact:2\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("lang = en    # command line\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("color = auto    # default\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("agent = (none)    # default\n"), std::string::npos) << r.out;
  Write(".tact", "formt = json\n");
  r = Run("check " + kRules + "bad.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find(P(".tact") + ":1: error: unknown option 'formt' for 'tact check' (did you "
                                    "mean 'format'?)"),
            std::string::npos)
      << r.err;
}

TEST_F(Cli, OnlyAndSkipFilterTheReport) {
  // The behaviours shown change; the score and its breakdown (which may name
  // a hidden behaviour) do not.
  auto shown = [](const std::string& out) { return out.substr(out.find("\"behaviours\":")); };
  RunResult r = Run("check " + kRules + "--format jsonl --only blame bad.txt");
  EXPECT_EQ(shown(r.out).find("\"apology\""), std::string::npos);
  const std::string only_breakdown = r.out.substr(0, r.out.find("\"behaviours\":"));
  r = Run("check " + kRules + "--format jsonl --skip blame bad.txt");
  EXPECT_EQ(shown(r.out).find("\"blame\""), std::string::npos);
  EXPECT_NE(shown(r.out).find("\"apology\""), std::string::npos);
  EXPECT_EQ(r.out.substr(0, r.out.find("\"behaviours\":")), only_breakdown);
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

// A pack's pii-cue line: malformed, an error with its place (exit 2); well
// formed, the number after its word is redacted.
TEST_F(Cli, APacksPiiCueLines) {
  Write("rules/en/pack.rules", "pack en\n  stopwords the i you to a\n  pii-cue phon rufnummer\n");
  RunResult r = Run("check " + kRules + "good.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("rules/en/pack.rules:3:11: error: expected 'id', 'phone', 'weak', 'card', "
                       "'money' or 'money-after' after 'pii-cue', got 'phon'"),
            std::string::npos)
      << r.err;

  Write("cue.txt", "Customer: my order is late\nAgent: so sorry, Rufnummer 12345678 hilft\n");
  Write("rules/en/pack.rules", "pack en\n  stopwords the i you to a\n");
  r = Run("check " + kRules + "--lang en --format jsonl cue.txt");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("Rufnummer 12345678 hilft"), std::string::npos) << r.out;
  Write("rules/en/pack.rules", "pack en\n  stopwords the i you to a\n  pii-cue phone rufnummer\n");
  r = Run("check " + kRules + "--lang en --format jsonl cue.txt");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("Rufnummer [PHONE] hilft"), std::string::npos) << r.out;
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

namespace {

TEST_F(Cli, BadInputsAreLocatedCountedAndTheRunGoesOn) {
  Write("bad.jsonl",
        "{\"id\":\"ok1\",\"turns\":[{\"speaker\":\"agent\",\"text\":\"sorry\"}]}\n"
        "{\"id\":\"broken\",\"turns\":[\n"
        "{\"id\":\"ok2\",\"turns\":[{\"speaker\":\"agent\",\"text\":\"sorry\"}]}\n"
        "{\"id\":\"nul\",\"turns\":[{\"speaker\":\"agent\",\"text\":\"a\\u0000b\"}]}\n");
  Write("bad.csv",
        "id,speaker,text,timestamp\n1,agent,hi,2024-01-01T00:00:00Z\n1,agent,too,many,fields\n"
        "2,agent,hi,yesterday\n3,agent,fine,2024-01-01T00:00:05Z\n");
  Write("bad.vtt", "WEBVTT\n\nAgent: no timing here\n");
  Write("empty.json", "");
  RunResult r =
      Run("check " + kRules + "--format jsonl bad.jsonl bad.csv bad.vtt empty.json good.txt");
  EXPECT_EQ(r.rc, 3);
  EXPECT_NE(r.err.find("bad.jsonl:2: error: invalid JSON"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad.jsonl:4: error: NUL byte in conversation 'nul'"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("bad.csv:3: error: conversation '1': row has 5 fields, the header has 4"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("bad.csv:4: error: conversation '2': cannot parse timestamp 'yesterday'"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("bad.vtt:3: error: cue without timing"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("empty.json:1: error: empty input: no conversations"), std::string::npos)
      << r.err;
  // ok1, ok2, csv 3 and good.txt survive.
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 4);
  EXPECT_NE(r.err.find("4 conversation(s) read, 4 analyzed, 6 skipped (errors)"), std::string::npos)
      << r.err;
}

TEST_F(Cli, InvalidUtf8IsReplacedAndWarnedNotFatal) {
  Write("latin1.txt", "Agent: I\xE2\x80\x99m sorry, caf\xE9 closed\n");
  RunResult r = Run("check " + kRules + "--format jsonl latin1.txt");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(
      r.err.find(
          "latin1.txt:1: warning: invalid UTF-8 in conversation 'latin1' replaced with U+FFFD"),
      std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("caf\xEF\xBF\xBD closed"), std::string::npos);
}

TEST_F(Cli, HugeSingleLineIsAnErrorWithoutUsingItsMemory) {
  {
    std::ofstream f(dir_ / "huge.jsonl");
    f << "{\"id\":\"big\",\"turns\":[{\"speaker\":\"agent\",\"text\":\"";
    std::string chunk(1 << 20, 'x');
    for (int i = 0; i < 50; ++i) f << chunk;
    f << "\"}]}\n{\"id\":\"small\",\"turns\":[{\"speaker\":\"agent\",\"text\":\"sorry\"}]}\n";
  }
  RunResult r = Run("check " + kRules + "--format jsonl huge.jsonl");
  EXPECT_EQ(r.rc, 3);
  EXPECT_NE(r.err.find("huge.jsonl:1: error: line of 52428852 bytes is over the limit of 8388608 "
                       "bytes; skipped"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("\"id\":\"small\""), std::string::npos);
}

TEST_F(Cli, StrictStopsBeforeAnyOutput) {
  Write("bad.jsonl", "{oops\n");
  RunResult r = Run("check " + kRules + "--strict --format json good.txt bad.jsonl");
  EXPECT_EQ(r.rc, 3);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("stopped by --strict"), std::string::npos);
  r = Run("check " + kRules + "--strict --format json good.txt");
  EXPECT_EQ(r.rc, 0);
  EXPECT_NE(r.out.find("\"conversations\""), std::string::npos);
}

TEST_F(Cli, InputFormatOverrideAndStdinSniffing) {
  Write("chat.log", "{\"id\":\"x\",\"turns\":[{\"speaker\":\"agent\",\"text\":\"sorry\"}]}\n");
  RunResult r = Run("check " + kRules + "--format jsonl --input-format jsonl chat.log");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("\"input_format\":\"jsonl\""), std::string::npos);
  const std::string line =
      "{\"id\":\"s\",\"turns\":[{\"speaker\":\"agent\",\"text\":\"sorry\"}]}\n";
  r = Run("check " + kRules + "--format jsonl -", line);  // one object: read as a JSON document
  EXPECT_NE(r.out.find("\"input_format\":\"json\""), std::string::npos) << r.err;
  r = Run("check " + kRules + "--format jsonl -", line + line);  // several: JSON Lines
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2) << r.err;
  EXPECT_NE(r.out.find("\"input_format\":\"jsonl\""), std::string::npos) << r.err;
  EXPECT_EQ(Run("check " + kRules + "--input-format yaml good.txt").rc, 2);
}

TEST_F(Cli, ThresholdOptions) {
  Write("timed.txt",
        "# channel: chat\n[00:00] Customer: hi\n[02:00] Agent: so sorry for the wait\n");
  RunResult r = Run("check " + kRules + "--format jsonl timed.txt");
  EXPECT_NE(r.out.find("\"first_response_time\":{\"value\":120,\"unit\":\"s\",\"threshold\":60,"
                       "\"status\":\"missed\""),
            std::string::npos)
      << r.out;
  r = Run("check " + kRules + "--format jsonl --threshold first_response_time.chat=200 timed.txt");
  EXPECT_NE(r.out.find("\"threshold\":200,\"status\":\"met\""), std::string::npos) << r.out;
  Write("p.conf", "first_response_time = 30\nbogus = 1\n");
  r = Run("check " + kRules + "--profile p.conf timed.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("p.conf:2:1: error: unknown metric 'bogus'"), std::string::npos) << r.err;
  EXPECT_EQ(Run("check " + kRules + "--threshold nope=1 timed.txt").rc, 2);
}

}  // namespace

namespace {

TEST_F(Cli, SummaryReportAndMetricChecks) {
  RunResult r = Run("check " + kRules + "--summary --color never good.txt bad.txt");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("Summary: 2 conversation(s)"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("✔ apology"), std::string::npos);  // no per-conversation blocks
  r = Run("check " + kRules + "--summary --format json good.txt bad.txt");
  EXPECT_NE(r.out.find("\"summary\":{\"conversations\":2,"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\"conversations\":["), std::string::npos);
  r = Run("check " + kRules + "--fail-on 'metric:longest_monologue.max>4' good.txt bad.txt");
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("threshold failed: metric:longest_monologue.max>4 (value 6)"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(Run("check " + kRules + "--fail-on 'metric:longest_monologue>4' good.txt").rc, 2);
}

TEST_F(Cli, MinLevelDecidesWhichViolationsFail) {
  Write(
      "rules/en/c.rules",
      "behaviour jargon\n  kind avoid\n  severity warning\n  match dns\n  + flush dns\n  - fine\n");
  Write("dns.txt", "Agent: flush the dns\n");
  EXPECT_EQ(Run("check " + kRules + "--fail-on 'violated>0' dns.txt").rc, 1);
  EXPECT_EQ(Run("check " + kRules + "--min-level error --fail-on 'violated>0' dns.txt").rc, 0);
  EXPECT_EQ(Run("check " + kRules + "--min-level error --fail-on 'violated:jargon>0' dns.txt").rc,
            1);
}

TEST_F(Cli, ShardsMergeIntoTheSingleRun) {
  RunResult full = Run("check " + kRules + "--summary --format json good.txt bad.txt");
  std::string parts;
  for (int k = 1; k <= 3; ++k) {
    RunResult part = Run("check " + kRules + "--summary --format json --shard " +
                         std::to_string(k) + "/3 good.txt bad.txt");
    Write("s" + std::to_string(k) + ".json", part.out);
    parts += " s" + std::to_string(k) + ".json";
  }
  RunResult merged = Run("merge --format json" + parts);
  EXPECT_EQ(merged.rc, 0) << merged.err;
  EXPECT_EQ(merged.out, full.out);
  EXPECT_EQ(Run("check " + kRules + "--shard 4/3 good.txt").rc, 2);
  for (const char* bad : {"1/2/3", "-1/2", "1/2x", "0/2", "1/", "/2", "1/0", "99999999999/1"})
    EXPECT_EQ(Run("check " + kRules + "--shard " + bad + " good.txt").rc, 2) << bad;
  Write("notasummary.json", "{\"tool\":{}}");
  RunResult bad = Run("merge notasummary.json");
  EXPECT_EQ(bad.rc, 3);
  EXPECT_NE(bad.err.find("notasummary.json: error: no \"summary\" object"), std::string::npos)
      << bad.err;
}

TEST_F(Cli, OutputIsAtomicAndNeverAnInput) {
  RunResult r = Run("check " + kRules + "--format json -o report.json good.txt");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  std::string report = Slurp(dir_ / "report.json");
  EXPECT_NE(report.find("\"conversations\""), std::string::npos);
  for (const auto& e : fs::directory_iterator(dir_)) {
    EXPECT_EQ(e.path().filename().string().find(".tact-tmp."), std::string::npos) << e.path();
  }
  r = Run("check " + kRules + "-o good.txt good.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("refusing to write the report over the input 'good.txt'"), std::string::npos)
      << r.err;
  EXPECT_NE(Slurp(dir_ / "good.txt").find("Customer:"), std::string::npos);  // untouched
  // A walked folder: a transcript there is an input too, and a new one would be read as one.
  Write("d/a.txt", "Customer: my order is late\nAgent: sorry\n");
  r = Run("check " + kRules + "d -o d/a.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("refusing to write the report into the input folder 'd'"), std::string::npos)
      << r.err;
  EXPECT_EQ(Slurp(dir_ / "d" / "a.txt"), "Customer: my order is late\nAgent: sorry\n");
  r = Run("check " + kRules + "d -o d/sub/new.json --format json");
  EXPECT_EQ(r.rc, 2) << r.err;
  r = Run("check " + kRules + "d -o d/report.html --format html");  // not a transcript: fine
  EXPECT_EQ(r.rc, 0) << r.err;
}

// The HTML report sets its index and sections aside in $TMPDIR: a folder it
// cannot write to fails the run, naming it, and -o FILE is left as it was.
TEST_F(Cli, HtmlTemporaryFileThatCannotBeWrittenIsAnError) {
  Write("report.html", "previous");
  const char* old = std::getenv("TMPDIR");
  const std::string saved = old ? old : "";
  setenv("TMPDIR", "/nonexistent-tact-dir", 1);
  RunResult r = Run("check " + kRules + "--format html -o report.html good.txt bad.txt");
  if (old)
    setenv("TMPDIR", saved.c_str(), 1);
  else
    unsetenv("TMPDIR");
  EXPECT_EQ(r.rc, 3);
  EXPECT_NE(r.err.find("tact: error: cannot create a temporary file in '/nonexistent-tact-dir' "
                       "for the HTML report's"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(Slurp(dir_ / "report.html"), "previous");
  for (const auto& e : fs::directory_iterator(dir_)) {
    EXPECT_EQ(e.path().filename().string().find(".tact-tmp."), std::string::npos) << e.path();
  }
  r = Run("check " + kRules + "--format html -o report.html good.txt bad.txt");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(Slurp(dir_ / "report.html").find("id=\"conv-data\""), std::string::npos);
}

// A report that cannot be written is an error, not exit 0.
TEST_F(Cli, FailedWriteToStdoutIsAnError) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  fs::path err = dir_ / "full.err";
  std::string cmd = std::string("cd '") + dir_.string() + "' && '" + TACT_BINARY + "' check " +
                    kRules + "good.txt >/dev/full 2>'" + err.string() + "'";
  int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 3);
  EXPECT_NE(Slurp(err).find("tact: error: cannot write the report to standard output: No space "
                            "left on device"),
            std::string::npos)
      << Slurp(err);
}

}  // namespace

namespace {

TEST_F(Cli, PiiIsRedactedByDefaultWithValidSpans) {
  Write("pii.txt",
        "Customer: my order is late, mail me at ana@example.com or call +34 612 34 56 78\n"
        "Agent: I'm so sorry, Ana. I'll write to ana@example.com today.\n");
  RunResult r = Run("check " + kRules + "--format jsonl pii.txt");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(r.out.find("ana@example.com"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("612 34"), std::string::npos);
  EXPECT_NE(r.out.find("\"text\":\"I'm so sorry, Ana. I'll write to [EMAIL] "
                       "today.\",\"span\":[7,12],\"match\":\"sorry\""),
            std::string::npos)
      << r.out;
  r = Run("check " + kRules + "--format jsonl --no-redact pii.txt");
  EXPECT_NE(r.out.find("ana@example.com"), std::string::npos);
  r = Run("check " + kRules + "--format jsonl --redact-pattern 'NAME=Ana' pii.txt");
  EXPECT_NE(r.out.find("I'm so sorry, [NAME]. I'll write to [EMAIL] today."), std::string::npos)
      << r.out;
  EXPECT_EQ(Run("check " + kRules + "--redact-pattern 'bad' pii.txt").rc, 2);
}

}  // namespace

namespace {

TEST_F(Cli, InterruptedRunsLeaveCompleteOutput) {
  {
    std::ofstream f(dir_ / "big.jsonl");
    for (int i = 0; i < 60000; ++i) {
      f << "{\"id\":\"c" << i
        << "\",\"turns\":[{\"speaker\":\"customer\",\"text\":\"my order is late\"},"
        << "{\"speaker\":\"agent\",\"text\":\"I'm so sorry, let me check\"}]}\n";
    }
  }
  // Interrupt a run writing to a file once it is under way: the previous file
  // stays and no temporary is left.
  const std::string tact = std::string("'") + TACT_BINARY + "' check " + kRules + "-j2 ";
  Write("report2.json", "PREVIOUS");
  std::string cmd = "cd '" + dir_.string() + "' && (" + tact +
                    "--format json -o report2.json big.jsonl 2>/dev/null & pid=$!; "
                    "for i in $(seq 200); do ls report2.json.tact-tmp.* >/dev/null 2>&1 && break; "
                    "sleep 0.02; done; "
                    "kill -TERM $pid; wait $pid; echo $? > rc)";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_EQ(Slurp(dir_ / "report2.json"), "PREVIOUS");
  for (const auto& e : fs::directory_iterator(dir_)) {
    EXPECT_EQ(e.path().filename().string().find(".tact-tmp."), std::string::npos) << e.path();
  }
  std::string rc = Slurp(dir_ / "rc");
  // Killed as soon as its temporary file appeared: 60 000 conversations take
  // far longer than that, so the run was interrupted and says so.
  EXPECT_EQ(rc, "130\n");
  // Interrupt a JSON Lines stream once lines are flowing: every line written is complete.
  cmd =
      "cd '" + dir_.string() + "' && (" + tact +
      "--format jsonl big.jsonl > stream.jsonl 2>/dev/null & pid=$!; "
      "for i in $(seq 500); do [ \"$(wc -l < stream.jsonl)\" -ge 20 ] && break; sleep 0.02; done; "
      "kill -INT $pid; wait $pid; true)";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::string stream = Slurp(dir_ / "stream.jsonl");
  ASSERT_FALSE(stream.empty());
  EXPECT_EQ(stream.back(), '\n');
  size_t lines = 0, start = 0;
  for (size_t nl = stream.find('\n'); nl != std::string::npos; nl = stream.find('\n', start)) {
    std::string line = stream.substr(start, nl - start);
    EXPECT_EQ(line.front(), '{');
    EXPECT_EQ(line.back(), '}');
    ++lines;
    start = nl + 1;
  }
  EXPECT_GT(lines, 0u);
  EXPECT_LT(lines, 60000u);  // it really was interrupted
}

}  // namespace

namespace {

TEST_F(Cli, RepeatedOptionsAccumulate) {
  RunResult r = Run("check " + kRules +
                    "--fail-on 'violated>0' --fail-on 'missed:apology>0' good.txt bad.txt");
  EXPECT_EQ(r.rc, 1) << r.err;
  EXPECT_NE(r.err.find("threshold failed: violated>0"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("threshold failed: missed:apology>0"), std::string::npos) << r.err;
  r = Run("check " + kRules + "--format jsonl --only apology --only blame good.txt");
  EXPECT_NE(r.out.find("\"blame\""), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\"apology\""), std::string::npos);
}

TEST_F(Cli, EveryLimitIsAnErrorNotUnboundedWork) {
  Write("long.txt", "Customer: " + std::string(300, 'x') + "\nAgent: sorry\n");
  RunResult r = Run("check " + kRules + "--max-turn-bytes 100 long.txt");
  EXPECT_EQ(r.rc, 3);
  EXPECT_NE(
      r.err.find(
          "long.txt:1: error: a turn of 300 bytes in conversation 'long' is over the limit of 100"),
      std::string::npos)
      << r.err;
  r = Run("check " + kRules + "--max-turns 1 good.txt");
  EXPECT_EQ(r.rc, 3);
  EXPECT_NE(r.err.find("has 2 turns, over the limit of 1"), std::string::npos) << r.err;
  Write("l.jsonl", "{\"id\":\"a\",\"turns\":[{\"speaker\":\"agent\",\"text\":\"" +
                       std::string(200, 'y') + "\"}]}\n");
  r = Run("check " + kRules + "--max-line-bytes 100 l.jsonl");
  EXPECT_EQ(r.rc, 3);
  EXPECT_NE(
      r.err.find("l.jsonl:1: error: line of 250 bytes is over the limit of 100 bytes; skipped"),
      std::string::npos)
      << r.err;
  r = Run("check " + kRules + "--max-document-bytes 20 good.txt");
  EXPECT_EQ(r.rc, 3);
  EXPECT_NE(r.err.find("good.txt: error: input is larger than the limit of 20 bytes"),
            std::string::npos)
      << r.err;
  r = Run("check " + kRules + "--max-patterns 2 good.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("error: too many patterns (limit 2)"), std::string::npos) << r.err;
  Write("rules/en/gap.rules", "behaviour g\n  kind expected\n  match a ...5 b\n  + a b\n  - c\n");
  r = Run("check " + kRules + "--max-gap 3 good.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("rules/en/gap.rules:3:11: error: gap of 5 words is too wide (at most 3)"),
            std::string::npos)
      << r.err;
  Write("rules/en/gap.rules",
        "behaviour g\n  kind expected\n  match /(a|b|c|d){40,60}x/\n  + a b\n  - c\n");
  r = Run("check " + kRules + "--regex-max-mem 2000 good.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("rules/en/gap.rules:3:9: error: invalid regex"), std::string::npos) << r.err;
}

}  // namespace

namespace {

TEST_F(Cli, IncludesStayInsideTheirPack) {
  // A lexicon kept in a subfolder and included: its words are matched.
  Write("rules/en/lists/thanks.rules", "lexicon thanks_words\n  thanks (thank you) cheers\n");
  Write("rules/en/t.rules",
        "include lists/thanks.rules   # shared word list\n"
        "behaviour thanking\n  kind expected\n  match @thanks_words\n  + [cheers] mate\n  - no\n");
  Write("cheers.txt", "Customer: hi\nAgent: cheers for waiting\n");
  // --lang: a test pack without stop words cannot be detected (unsupported by default).
  RunResult r = Run("check " + kRules + "--lang en --format jsonl --only thanking cheers.txt");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("\"status\":\"met\""), std::string::npos) << r.out;
  EXPECT_EQ(Run("rules test " + kRules).rc, 0);

  // Escaping the pack folder, lexically or through a symbolic link, is an error.
  Write("secret.rules", "lexicon thanks_words\n  thanks\n");
  Write("rules/en/t.rules",
        "behaviour thanking\n  kind expected\n  match thanks\n  + thanks\n  - no\n"
        "include ../../secret.rules\n");
  r = Run("check " + kRules + "good.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find(
                "rules/en/t.rules:6:9: error: include '../../secret.rules' leaves the pack folder"),
            std::string::npos)
      << r.err;
  fs::create_symlink(dir_ / "secret.rules", dir_ / "rules/en/lists/link.rules");
  Write("rules/en/t.rules", "include lists/link.rules\n");
  r = Run("check " + kRules + "good.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("rules/en/t.rules:1:9: error: include 'lists/link.rules' leaves the pack "
                       "folder"),
            std::string::npos)
      << r.err;
  Write("rules/en/t.rules", "include /etc/passwd\n");
  r = Run("check " + kRules + "good.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("must be relative"), std::string::npos) << r.err;
  // A rule file of the pack itself that links out of it is refused the same way.
  Write("rules/en/t.rules", "behaviour thanking\n  kind expected\n  match thanks\n");
  fs::create_symlink("/etc/passwd", dir_ / "rules/en/passwd.rules");
  r = Run("check " + kRules + "good.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("rules/en/passwd.rules: error: rule file is a symbolic link out of the "
                       "pack folder"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("root:"), std::string::npos) << r.err;
  fs::remove(dir_ / "rules/en/passwd.rules");

  // Cycles and missing files stop with their location too.
  Write("rules/en/t.rules", "include lists/a.rules\n");
  Write("rules/en/lists/a.rules", "include b.rules\n");
  Write("rules/en/lists/b.rules", "include a.rules\n");
  r = Run("check " + kRules + "good.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("rules/en/lists/b.rules:1:9: error: include 'a.rules' forms a cycle"),
            std::string::npos)
      << r.err;
  Write("rules/en/t.rules", "include lists/none.rules\n");
  r = Run("check " + kRules + "good.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("rules/en/t.rules:1:9: error: cannot read included file"), std::string::npos)
      << r.err;
}

TEST_F(Cli, RulesTestCoverageListsUnfiredMatchLines) {
  EXPECT_EQ(Run("rules test --coverage " + kRules).rc, 0);
  Write("rules/en/c.rules",
        "behaviour thanks\n  kind expected\n  tip t\n  match ty: thank you\n"
        "  match cheers: cheers mate\n  + thank you\n  - no\n");
  RunResult r = Run("rules test --coverage " + kRules);
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.out.find("rules/en/c.rules:5: match cheers: 'cheers mate' is not fired by any '+' "
                       "example"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("coverage: 3 of 4 match lines"), std::string::npos) << r.out;
  EXPECT_EQ(Run("rules test " + kRules).rc, 0);  // without --coverage, only the examples count
}

TEST_F(Cli, NamedPatternsAreCitedByNameInReports) {
  Write("rules/en/b.rules",
        "behaviour apology\n  kind expected\n  title Apologizes\n  tip Say sorry.\n"
        "  match sorry_word: ~sorry\n  + I'm [sorry]\n  - I'm fine\n");
  RunResult r = Run("check --format json " + kRules + "good.txt");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("\"rule\":\"rules/en/b.rules#sorry_word\""), std::string::npos) << r.out;
}

}  // namespace

namespace {

// Personal data outside the quoted turns: in ids, a customer's name, a file
// name, a metadata value used for grouping and an error that quotes the
// input. None of it reaches any report format or stderr.
TEST_F(Cli, PiiIsRedactedEverywhereNotOnlyInTurns) {
  Write(
      "ana.garcia@example.com.jsonl",
      "{\"id\":\"chat for +34 612 34 56 78\",\"metadata\":{\"customer\":\"ana@example.com\"},"
      "\"turns\":[{\"speaker\":\"Ana Garcia\",\"role\":\"customer\",\"text\":\"my order is "
      "late\"},{\"speaker\":\"bob@corp.example.com\",\"role\":\"agent\",\"text\":\"I'm so sorry, "
      "Ana Garcia\"}]}\n"
      "{\"id\":\"two\",\"turns\":[{\"speaker\":\"customer\",\"text\":\"hi\",\"time\":\"call me on "
      "+34 699 111 222 or x@example.org\"}]}\n");
  const std::vector<std::string> leaks = {
      "ana.garcia@", "612 34", "ana@example.com", "bob@corp", "699 111", "x@example.org", "Garcia"};
  for (const std::string format :
       {"text", "json", "jsonl", "csv", "markdown", "junit", "sarif", "html"}) {
    RunResult r = Run("check " + kRules + "--format " + format +
                      " --group-by metadata.customer,agent ana.garcia@example.com.jsonl");
    EXPECT_EQ(r.rc, 3) << format << r.err;  // the bad timestamp
    for (const auto& leak : leaks) {
      EXPECT_EQ(r.out.find(leak), std::string::npos) << format << ": " << leak << "\n" << r.out;
      EXPECT_EQ(r.err.find(leak), std::string::npos) << format << ": " << leak << "\n" << r.err;
    }
    if (format == "json") {
      EXPECT_NE(r.out.find("\"id\":\"chat for [PHONE]\""), std::string::npos) << r.out;
      EXPECT_NE(r.out.find("\"name\":\"[NAME]\",\"role\":\"customer\""), std::string::npos)
          << r.out;
      // The customer's name is known: the agent's words to her are quoted without it.
      EXPECT_NE(r.out.find("\"text\":\"I'm so sorry, [NAME]\",\"span\":[7,12]"), std::string::npos)
          << r.out;
      EXPECT_NE(r.out.find("\"source\":\"[EMAIL].jsonl:1\""), std::string::npos) << r.out;
    }
  }
  RunResult r = Run("check " + kRules + "--format json ana.garcia@example.com.jsonl");
  EXPECT_NE(r.err.find("[EMAIL].jsonl:2: error: turn 1: cannot parse time 'time': call me on "
                       "[PHONE] or [EMAIL]"),
            std::string::npos)
      << r.err;
  // --no-redact prints them as they are.
  r = Run("check " + kRules + "--format json --no-redact ana.garcia@example.com.jsonl");
  EXPECT_NE(r.out.find("\"name\":\"Ana Garcia\""), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("+34 699 111 222"), std::string::npos) << r.err;
}

// A user pack whose patterns make every word of a long unpunctuated turn
// costly stops matching that turn and says so, instead of taking minutes and
// gigabytes (40 patterns with 1000-word gaps over 20 000 words).
TEST_F(Cli, ACostlyUserPackStopsWithAWarningNotUnboundedMemory) {
  std::string rules;
  for (int k = 0; k < 40; ++k) {
    const std::string n = std::to_string(k);
    rules += "behaviour g" + n + "\n  kind expected\n  title G" + n + "\n  match x ...1000 y" + n +
             "\n  + x a y" + n + "\n  - y" + n + "\n";
  }
  Write("rules/en/gaps.rules", rules);
  std::string words;
  for (int i = 0; i < 20000; ++i) words += i % 3 ? " a" : " x";
  Write("long.txt", "Agent:" + words + "\nCustomer: ok\n");
  RunResult r = Run("check " + kRules + "--max-gap 1000 --format json long.txt");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("turn 1: rules matched only the first "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" of 20000 words: the rule pack is too costly for this turn"),
            std::string::npos);
}

}  // namespace

namespace {

struct PiiCase {
  std::string lang, kind, pii, text;
};

std::vector<PiiCase> PiiCases() {
  std::ifstream f(std::string(TACT_SOURCE_DIR) + "/tests/data/pii/cases.tsv");
  std::vector<PiiCase> cases;
  std::string line;
  std::getline(f, line);  // header
  while (std::getline(f, line)) {
    std::vector<std::string> col;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, '\t');) col.push_back(c);
    if (col.size() == 4) cases.push_back({col[0], col[1], col[2], col[3]});
  }
  return cases;
}

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// The PII matrix of tests/data/pii/cases.tsv, each case put where input
// reaches a report: a quoted agent turn, the conversation id, the customer's
// name, a metadata value reports group by, and an error that quotes the
// input. Every one of the eight formats and stderr: no personal data, and
// every look-alike kept as written.
TEST_F(Cli, PiiMatrixLeaksNowhereAndKeepsLookAlikes) {
  const std::vector<PiiCase> cases = PiiCases();
  // Personal data and look-alikes go to two files: a look-alike may hold the
  // same digits as a phone number ("order #4155550123").
  std::string jsonl[2];
  size_t count[2] = {0, 0};
  for (size_t i = 0; i < cases.size(); ++i) {
    const PiiCase& c = cases[i];
    const int k = c.kind == "pii" ? 0 : 1;
    ++count[k];
    jsonl[k] += "{\"id\":" + JsonString("chat with " + c.pii) +
                ",\"metadata\":{\"ref\":" + JsonString(c.pii) + "},\"turns\":[{\"speaker\":" +
                // (A look-alike as the customer's name would be redacted as a name.)
                JsonString(k == 0 ? c.pii : "Customer") +
                ",\"role\":\"customer\",\"text\":" + JsonString(c.text) +
                "},{\"speaker\":\"Agent\",\"text\":" + JsonString("I'm so sorry. " + c.text) +
                "}]}\n";
    // A bad timestamp: the reader's error quotes it.
    jsonl[k] +=
        "{\"id\":\"bad " + std::to_string(i) +
        "\",\"turns\":[{\"speaker\":\"Agent\",\"text\":\"hi\",\"time\":" + JsonString(c.text) +
        "}]}\n";
  }
  ASSERT_GE(count[0], 60u);
  ASSERT_GE(count[1], 20u);
  Write("pii.jsonl", jsonl[0]);
  Write("lookalike.jsonl", jsonl[1]);
  const std::string args = "--lang en --all-evidence --group-by metadata.ref --format ";
  for (const std::string format : {"text", "json", "jsonl", "csv", "markdown", "junit", "sarif",
                                   "html", "text --summary", "json --summary"}) {
    RunResult r = Run("check " + kRules + args + format + " pii.jsonl");
    EXPECT_EQ(r.rc, 3) << format << ": " << r.err.substr(0, 2000);
    size_t leaks = 0;
    for (const PiiCase& c : cases) {
      if (c.kind != "pii") continue;
      const bool out = r.out.find(c.pii) != std::string::npos;
      const bool err = r.err.find(c.pii) != std::string::npos;
      leaks += out || err;
      EXPECT_FALSE(out) << format << " report leaks '" << c.pii << "' (" << c.lang << ")";
      EXPECT_FALSE(err) << format << " stderr leaks '" << c.pii << "' (" << c.lang << ")";
    }
    EXPECT_EQ(leaks, 0u) << format;
    r = Run("check " + kRules + args + format + " lookalike.jsonl");
    for (const PiiCase& c : cases) {
      if (c.kind != "lookalike") continue;
      EXPECT_NE(r.err.find(c.text), std::string::npos)
          << format << ": look-alike redacted in an error: " << c.text;
      if (format != "json") continue;
      // Kept in the quoted turn and the id.
      EXPECT_NE(r.out.find("I'm so sorry. " + c.text), std::string::npos)
          << "look-alike redacted in a turn: " << c.text;
      EXPECT_NE(r.out.find("\"chat with " + c.pii + "\""), std::string::npos)
          << "look-alike redacted in an id: " << c.pii;
    }
  }
}

// A --summary run redacts only what the summary prints, and all of it: the
// ids and quotes of the worst conversations (built-in packs: many behaviours
// missed here).
TEST_F(Cli, SummaryIsRedactedToo) {
  Write("s.jsonl",
        "{\"id\":\"chat with ana@example.com\",\"agent\":\"bo@example.com\",\"turns\":["
        "{\"speaker\":\"Ana\",\"role\":\"customer\",\"text\":\"This is ridiculous, I am "
        "furious\"},{\"speaker\":\"Agent\",\"text\":\"Read the manual.\"}]}\n");
  for (const std::string format : {"text", "json", "markdown", "html"}) {
    RunResult r = Run("check --lang en --summary --group-by agent --format " + format + " s.jsonl");
    EXPECT_EQ(r.rc, 0) << format << ": " << r.err;
    EXPECT_EQ(r.out.find("example.com"), std::string::npos) << format << ": " << r.out;
    if (format == "json") {
      EXPECT_NE(r.out.find("chat with [EMAIL]"), std::string::npos) << r.out;
    }
  }
}

}  // namespace

namespace {

// Memory that runs out anyway (here a 60 MB turn under a 250 MB address
// space limit, with the input limits raised) is an error message and exit
// 3, not an uncaught exception (exit 134) or a half-written report.
TEST_F(Cli, OutOfMemoryIsAMessageNotACrash) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer reserves more address space than the limit";
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  GTEST_SKIP() << "AddressSanitizer reserves more address space than the limit";
#endif
#endif
  {
    std::ofstream f(dir_ / "huge.txt");
    f << "Customer: ";
    std::string words;
    for (int i = 0; i < 100000; ++i) words += "word ";
    for (int i = 0; i < 120; ++i) f << words;  // 12 M words, 60 MB
    f << "\nAgent: sorry\n";
  }
  const std::string cmd = "cd '" + dir_.string() + "' && ulimit -v 250000 && '" + TACT_BINARY +
                          "' check " + kRules +
                          "-j1 --max-document-bytes 2000000000 --max-turn-bytes 2000000000 -o "
                          "report.txt huge.txt >out.txt 2>err.txt";
  int status = std::system(("bash -c \"" + cmd + "\"").c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 3) << Slurp(dir_ / "err.txt");
  EXPECT_NE(Slurp(dir_ / "err.txt").find("tact: error: out of memory"), std::string::npos)
      << Slurp(dir_ / "err.txt");
  EXPECT_FALSE(fs::exists(dir_ / "report.txt"));
  for (const auto& e : fs::directory_iterator(dir_))
    EXPECT_EQ(e.path().filename().string().find(".tact-tmp."), std::string::npos) << e.path();
}

}  // namespace

namespace {

// The command line explains itself: a bare `tact`, `tact help COMMAND`, a
// did-you-mean for a misspelt command or option, one error form with a hint.
TEST_F(Cli, HelpAndDidYouMean) {
  RunResult r = Run("");
  EXPECT_EQ(r.rc, 2);  // still a usage error: no command
  EXPECT_NE(r.out.find("  check    analyze transcripts      tact check chat.txt"),
            std::string::npos)
      << r.out;
  r = Run("chek good.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err,
            "tact: error: unknown command 'chek' (did you mean 'check'?) (hint: tact help)\n");
  r = Run("check --formt json good.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err,
            "tact: error: unknown option '--formt' for 'tact check' (did you mean '--format'?) "
            "(hint: tact help check)\n");
  r = Run("rules tst");
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err,
            "tact: error: unknown command 'tst' for 'tact rules' (did you mean 'test'?) (hint: "
            "tact help rules)\n");
  r = Run("check");
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err, "tact: error: inputs is required (hint: tact help check)\n");
  r = Run("help chek");
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err,
            "tact: error: unknown command 'chek' (did you mean 'check'?) (hint: tact help)\n");
  // Every command's help ends with examples that name the command.
  for (const std::string cmd : {"check", "rules", "rules list", "rules test", "rules try", "merge",
                                "eval", "explain", "config"}) {
    r = Run("help " + cmd);
    EXPECT_EQ(r.rc, 0) << cmd;
    const size_t ex = r.out.find("Example");
    ASSERT_NE(ex, std::string::npos) << cmd << ":\n" << r.out;
    EXPECT_NE(r.out.find("  tact " + cmd, ex), std::string::npos) << cmd << ":\n" << r.out;
  }
  // The notes a command's help gives stay before its examples.
  r = Run("help check");
  EXPECT_LT(r.out.find("Exit codes: 0 ok; 1 a --fail-on gate failed"), r.out.find("Examples:"))
      << r.out;
  r = Run("help merge");
  EXPECT_LT(r.out.find("The same shard twice"), r.out.find("Example:")) << r.out;
}

TEST_F(Cli, VersionNamesCommitIcuAndPacks) {
  RunResult r = Run("--version");
  EXPECT_EQ(r.rc, 0);
  EXPECT_EQ(r.out.rfind("tact 0.1.0 (commit ", 0), 0u) << r.out;
  EXPECT_NE(r.out.find(", ICU "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("built-in rule packs: en (English) es (Spanish)"), std::string::npos)
      << r.out;
}

// -q keeps stderr to errors; -v adds the inputs, the languages and timings.
TEST_F(Cli, QuietAndVerbose) {
  Write("es.txt", "Cliente: mi pedido no ha llegado\nAgente: lo siento mucho, lo reviso ahora\n");
  RunResult r = Run("check --lang en es.txt");  // the built-in packs tell es from en
  EXPECT_NE(r.err.find("warning: --lang en, but the conversation reads as es"), std::string::npos)
      << r.err;
  r = Run("check --lang en -q es.txt");
  EXPECT_EQ(r.rc, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_FALSE(r.out.empty());
  r = Run("check " + kRules + "-v good.txt bad.txt");
  EXPECT_NE(r.err.find("tact: input good.txt (58 bytes)\ntact: input bad.txt"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("tact: 2 conversation(s) read, 2 analyzed, 0 skipped; languages: en 2\n"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("tact: rules loaded in "), std::string::npos) << r.err;
  r = Run("check " + kRules + "-q -v good.txt");
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err,
            "tact: error: --quiet and --verbose cannot both be given (hint: tact help check)\n");
}

}  // namespace
