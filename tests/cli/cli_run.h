// Running the tact binary from end-to-end tests: a fresh temporary folder per
// test, files written into it, and the exit code, stdout and stderr of a run.
#ifndef TACT_TESTS_CLI_CLI_RUN_H_
#define TACT_TESTS_CLI_CLI_RUN_H_

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace tact::testing {

struct RunResult {
  int rc = -1;
  std::string out, err;
};

class CliRun : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("tact_cli_run_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& rel, const std::string& text) {
    std::filesystem::create_directories((dir_ / rel).parent_path());
    std::ofstream(dir_ / rel, std::ios::binary) << text;
  }
  std::string Read(const std::string& rel) const {
    std::ifstream f(dir_ / rel, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
  }
  // Runs `tact ARGS` in the test's folder (a shell command line: quote as in sh).
  RunResult Run(const std::string& args) {
    std::string cmd = "cd '" + dir_.string() + "' && NO_COLOR=1 '" + TACT_BINARY + "' " + args +
                      " </dev/null >stdout.out 2>stderr.out";
    int status = std::system(cmd.c_str());
    RunResult r;
    r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Read("stdout.out");
    r.err = Read("stderr.out");
    return r;
  }
  std::filesystem::path dir_;
};

}  // namespace tact::testing

#endif  // TACT_TESTS_CLI_CLI_RUN_H_
