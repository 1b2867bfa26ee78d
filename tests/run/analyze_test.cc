// The analyze stage's contract: results in input order for any number of
// jobs, every kept conversation counted, and -j1 on the calling thread alone.
#include "run/analyze.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

#include "input/reader.h"
#include "run/vocabulary.h"
#include "tact/analyzer.h"
#include "test_util.h"

namespace tact::run {
namespace {

namespace fs = std::filesystem;

const RuleSet& Rules() { return tact::testing::BuiltinRules(); }

class AnalyzeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() /
        ("tact-analyze-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    read_.roles.vocabulary = CollectVocabulary(Rules()).roles;
    // 300 conversations: several of the reader's batches at -j2.
    std::ofstream f(dir_ / "in.jsonl");
    for (int i = 0; i < 300; ++i) {
      f << "{\"id\":\"c" << i << "\",\"language\":\"en\",\"turns\":["
        << "{\"speaker\":\"customer\",\"text\":\"My order " << i << " is late.\"},"
        << "{\"speaker\":\"agent\",\"text\":\"I'm so sorry about that, let me check.\"}]}\n";
    }
    inputs_.push_back({(dir_ / "in.jsonl").string()});
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  input::ReadOptions read_;
  std::vector<Input> inputs_;
};

TEST_F(AnalyzeTest, ResultsComeInInputOrderForAnyNumberOfJobs) {
  for (int jobs : {1, 2, 4}) {
    std::vector<std::string> ids;
    AnalyzeHooks hooks;
    hooks.keep = [](const Conversation& c) { return c.id != "c7"; };  // like --shard
    hooks.post = [](ConversationResult& r, std::string* rendered) { *rendered = r.id + "!"; };
    hooks.result = [&](const ConversationResult& r, const std::string& rendered) {
      EXPECT_EQ(rendered, r.id + "!");
      ids.push_back(r.id);
    };
    std::atomic<bool> stop{false};
    AnalyzeCounts counts;
    Analyze(inputs_, read_, Rules(), AnalyzeOptions{}, jobs, &stop, hooks, &counts);
    ASSERT_EQ(ids.size(), 299u) << "-j" << jobs;
    EXPECT_EQ(ids[6], "c6");
    EXPECT_EQ(ids[7], "c8");
    EXPECT_EQ(ids.back(), "c299");
    EXPECT_EQ(counts.read.load(), 299u);
    EXPECT_EQ(counts.analyzed.load(), 299u);
  }
}

TEST_F(AnalyzeTest, OneJobRunsEveryHookOnTheCallingThread) {
  std::set<std::thread::id> threads;
  AnalyzeHooks hooks;
  hooks.keep = [&](const Conversation&) {
    threads.insert(std::this_thread::get_id());
    return true;
  };
  hooks.post = [&](ConversationResult&, std::string*) {
    threads.insert(std::this_thread::get_id());
  };
  hooks.result = [&](const ConversationResult&, const std::string&) {
    threads.insert(std::this_thread::get_id());
  };
  std::atomic<bool> stop{false};
  AnalyzeCounts counts;
  Analyze(inputs_, read_, Rules(), AnalyzeOptions{}, 1, &stop, hooks, &counts);
  EXPECT_EQ(counts.analyzed.load(), 300u);
  ASSERT_EQ(threads.size(), 1u);
  EXPECT_EQ(*threads.begin(), std::this_thread::get_id());
}

TEST_F(AnalyzeTest, StopEndsTheRunAndNothingMoreIsHandedOn) {
  for (int jobs : {1, 2}) {
    std::atomic<bool> stop{false};
    size_t handed = 0;
    AnalyzeHooks hooks;
    hooks.result = [&](const ConversationResult&, const std::string&) {
      if (++handed == 10) stop = true;
    };
    AnalyzeCounts counts;
    Analyze(inputs_, read_, Rules(), AnalyzeOptions{}, jobs, &stop, hooks, &counts);
    EXPECT_EQ(handed, 10u) << "-j" << jobs;
    EXPECT_EQ(counts.analyzed.load(), 10u) << "-j" << jobs;
  }
}

TEST_F(AnalyzeTest, AtMostJobsThreadsWorkAndTheCallerIsOneOfThem) {
  for (int jobs : {2, 3}) {
    std::mutex mu;
    std::set<std::thread::id> threads;
    AnalyzeHooks hooks;
    hooks.post = [&](ConversationResult&, std::string*) {
      std::lock_guard<std::mutex> lock(mu);
      threads.insert(std::this_thread::get_id());
    };
    hooks.result = [&](const ConversationResult&, const std::string&) {
      std::lock_guard<std::mutex> lock(mu);
      threads.insert(std::this_thread::get_id());
    };
    std::set<std::thread::id> readers;
    hooks.keep = [&](const Conversation&) {
      readers.insert(std::this_thread::get_id());
      return true;
    };
    std::atomic<bool> stop{false};
    AnalyzeCounts counts;
    Analyze(inputs_, read_, Rules(), AnalyzeOptions{}, jobs, &stop, hooks, &counts);
    EXPECT_EQ(counts.analyzed.load(), 300u);
    EXPECT_LE(threads.size(), static_cast<size_t>(jobs)) << "-j" << jobs;
    // No reader thread of its own: the caller reads.
    ASSERT_EQ(readers.size(), 1u);
    EXPECT_EQ(*readers.begin(), std::this_thread::get_id());
  }
}

TEST_F(AnalyzeTest, AnErrorOnAnyThreadEndsTheRunAndReachesTheCaller) {
  for (int jobs : {1, 2, 4}) {
    std::vector<std::string> ids;
    AnalyzeHooks hooks;
    hooks.post = [](ConversationResult& r, std::string*) {
      if (r.id == "c50") throw std::runtime_error("render failed");
    };
    hooks.result = [&](const ConversationResult& r, const std::string&) { ids.push_back(r.id); };
    std::atomic<bool> stop{false};
    AnalyzeCounts counts;
    EXPECT_THROW(Analyze(inputs_, read_, Rules(), AnalyzeOptions{}, jobs, &stop, hooks, &counts),
                 std::runtime_error)
        << "-j" << jobs;
    // Results before the failing one may have been handed on, in order; none after it.
    ASSERT_LE(ids.size(), 50u) << "-j" << jobs;
    for (size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(ids[i], "c" + std::to_string(i));
  }
}

// Results are refilled in place (at -j1 one result, at -jN a pool of them
// passed from conversation to conversation): conversations unlike the one
// before, at any number of jobs, get what a fresh result gets.
TEST_F(AnalyzeTest, ReusedResultsEqualFreshOnes) {
  {
    std::ofstream f(dir_ / "mixed.jsonl");
    for (int i = 0; i < 200; ++i) {
      f << "{\"id\":\"m" << i << "\",\"turns\":[";
      if (i % 3 == 0) {
        f << "{\"speaker\":\"customer\",\"text\":\"This is ridiculous, my order is late "
             "again and nobody helps!\"},"
          << "{\"speaker\":\"agent\",\"text\":\"Not my problem, you should have read the "
             "terms.\"},"
          << "{\"speaker\":\"customer\",\"text\":\"Mail me at ana@example.com\"}";
      } else if (i % 3 == 1) {
        f << "{\"speaker\":\"agent\",\"text\":\"Hola, gracias por escribirnos. Lo siento "
             "mucho, voy a revisar su pedido ahora mismo.\"}";
      } else {
        f << "{\"speaker\":\"customer\",\"text\":\"Hi\"}";
      }
      f << "]}\n";
    }
  }
  const std::vector<Input> mixed = {{(dir_ / "mixed.jsonl").string()}};
  Analyzer fresh(Rules(), AnalyzeOptions{});
  std::vector<Conversation> convs;
  input::ReadInput(
      mixed[0].path, read_, [&](Conversation&& c) { convs.push_back(std::move(c)); },
      [](const Diagnostic&) {});
  ASSERT_EQ(convs.size(), 200u);
  auto digest = [](const ConversationResult& r) {
    std::string d = r.id + " " + r.language + " " + std::to_string(r.score) + " " +
                    std::to_string(r.focus.size()) + ":";
    for (const auto& b : r.behaviours) {
      d += " " + b.id + "=" + std::string(StatusName(b.status)) + "/" + b.explain;
      for (const auto& e : b.evidence) d += "|" + e.text + "@" + e.rule;
    }
    for (const auto& m : r.metrics) d += " " + m.id + (m.value ? std::to_string(*m.value) : "-");
    for (const auto& w : r.warnings) d += " !" + w;
    return d;
  };
  std::vector<std::string> want;
  for (const auto& c : convs) want.push_back(digest(fresh.Analyze(c)));
  for (int jobs : {1, 2, 4}) {
    std::vector<std::string> got;
    AnalyzeHooks hooks;
    hooks.result = [&](const ConversationResult& r, const std::string&) {
      got.push_back(digest(r));
    };
    std::atomic<bool> stop{false};
    AnalyzeCounts counts;
    Analyze(mixed, read_, Rules(), AnalyzeOptions{}, jobs, &stop, hooks, &counts);
    EXPECT_EQ(got, want) << "-j" << jobs;
  }
}

}  // namespace
}  // namespace tact::run
