// The check run's stages without the binary: a RunConfig in, an exit code and
// a report file out.
#include "run/run.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "run/gate.h"
#include "run/shard.h"
#include "run/vocabulary.h"
#include "summary/checks.h"
#include "test_util.h"

namespace tact::run {
namespace {

namespace fs = std::filesystem;

const RuleSet& Rules() { return tact::testing::BuiltinRules(); }

class RunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("tact-run-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    config_.rules = &Rules();
    config_.read.roles.vocabulary = CollectVocabulary(Rules()).roles;
    config_.format = "json";
    config_.output = (dir_ / "report.json").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& text) {
    std::ofstream((dir_ / name).string(), std::ios::binary) << text;
    return (dir_ / name).string();
  }
  std::string Report() const {
    std::ifstream in(config_.output, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  void Gate(const std::string& expression) {
    summary::Check c;
    std::string err;
    ASSERT_TRUE(summary::ParseCheck(expression, &c, &err)) << err;
    config_.gates.push_back(c);
  }

  fs::path dir_;
  RunConfig config_;
};

const char kChat[] =
    "{\"id\":\"c1\",\"turns\":[{\"speaker\":\"customer\",\"text\":\"My order never came.\"},"
    "{\"speaker\":\"agent\",\"text\":\"I'm so sorry about that, let me check it for you right "
    "now.\"}]}\n";

TEST(Shard, ParsesOnlyKOfN) {
  Shard s;
  EXPECT_TRUE(Shard::Parse("2/8", &s));
  EXPECT_EQ(s.k, 2u);
  EXPECT_EQ(s.n, 8u);
  for (const char* bad : {"0/2", "3/2", "1/2/3", "-1/2", " 1/2", "1/2x", "12", "/2", "1/"}) {
    Shard t;
    EXPECT_FALSE(Shard::Parse(bad, &t)) << bad;
    EXPECT_EQ(t.n, 1u) << bad;  // unchanged
  }
}

TEST(Shard, EveryKeyHasExactlyOneOwner) {
  for (const char* key : {"a", "ticket-17", "chats.jsonl:12", ""}) {
    int owners = 0;
    for (uint64_t k = 1; k <= 3; ++k) owners += Shard{k, 3}.Owns(key) ? 1 : 0;
    EXPECT_EQ(owners, 1) << key;
  }
}

TEST_F(RunTest, ReportsEveryConversationAndPassesAnOpenGate) {
  config_.operands = {Write("a.jsonl", std::string(kChat) + kChat)};
  Gate("violated>1000");
  EXPECT_EQ(run::Run(config_), kExitOk);
  const std::string report = Report();
  EXPECT_NE(report.find("\"analyzed\":2"), std::string::npos) << report;
  EXPECT_NE(report.find("\"apology\""), std::string::npos) << report;
}

TEST_F(RunTest, AFailedGateExitsOne) {
  config_.operands = {Write("a.jsonl", kChat)};
  Gate("score>-1");  // every score is above -1
  EXPECT_EQ(run::Run(config_), kExitThreshold);
  EXPECT_NE(Report().find("score>-1"), std::string::npos);
}

TEST_F(RunTest, ABrokenConversationIsSkippedAndCounted) {
  config_.operands = {Write("a.jsonl", std::string("{\"broken\":\n") + kChat)};
  EXPECT_EQ(run::Run(config_), kExitInput);
  const std::string report = Report();
  EXPECT_NE(report.find("\"skipped\":1"), std::string::npos) << report;
  EXPECT_NE(report.find("\"analyzed\":1"), std::string::npos) << report;
}

TEST_F(RunTest, StrictWritesNoReport) {
  Write("report.json", "PREVIOUS");
  config_.operands = {Write("a.jsonl", std::string("{\"broken\":\n") + kChat)};
  config_.strict = true;
  EXPECT_EQ(run::Run(config_), kExitInput);
  EXPECT_EQ(Report(), "PREVIOUS");
}

TEST_F(RunTest, NothingToReadIsAnInputErrorUnlessAllowed) {
  fs::create_directories(dir_ / "empty");
  config_.operands = {(dir_ / "empty").string()};
  EXPECT_EQ(run::Run(config_), kExitInput);
  config_.allow_empty = true;
  EXPECT_EQ(run::Run(config_), kExitOk);
}

TEST_F(RunTest, ShardsSplitTheConversations) {
  std::string lines;
  for (int i = 0; i < 12; ++i) {
    std::string c = kChat;
    c.replace(c.find("c1"), 2, "c" + std::to_string(i));
    lines += c;
  }
  config_.operands = {Write("a.jsonl", lines)};
  config_.writer.summary = true;
  size_t total = 0;
  for (uint64_t k = 1; k <= 2; ++k) {
    config_.shard = {k, 2};
    ASSERT_EQ(run::Run(config_), kExitOk);
    const std::string report = Report();
    const size_t at = report.find("\"analyzed\":");
    ASSERT_NE(at, std::string::npos) << report;
    total += std::stoul(report.substr(at + 11));
  }
  EXPECT_EQ(total, 12u);
}

TEST_F(RunTest, PersonalDataIsRedactedUnlessTurnedOff) {
  std::string chat = kChat;
  chat.replace(chat.find("My order"), 8, "Mail me at ana@example.com, my order");
  config_.operands = {Write("a.jsonl", chat)};
  config_.redactor = std::make_shared<report::Redactor>(CollectVocabulary(Rules()).pii);
  ASSERT_EQ(run::Run(config_), kExitOk);
  EXPECT_EQ(Report().find("ana@example.com"), std::string::npos);
  config_.redactor = nullptr;
  ASSERT_EQ(run::Run(config_), kExitOk);
  EXPECT_NE(Report().find("ana@example.com"), std::string::npos);
}

}  // namespace
}  // namespace tact::run
