// Everything a check run needs, resolved and validated: what `tact check`'s
// flags become (cli/check_command.cc), and what a test builds to run the
// stages without the binary (run/run.h).
#ifndef TACT_RUN_CONFIG_H_
#define TACT_RUN_CONFIG_H_

#include <memory>
#include <string>
#include <vector>

#include "input/reader.h"
#include "report/redact.h"
#include "report/writer.h"
#include "run/shard.h"
#include "summary/checks.h"
#include "tact/analyzer.h"

namespace tact::run {

struct RunConfig {
  // read
  std::vector<std::string> operands;  // files, folders (walked) and "-" for stdin
  input::ReadOptions read;
  Shard shard;
  // analyze
  const RuleSet* rules = nullptr;  // loaded and kept by the caller
  AnalyzeOptions analyze;
  int jobs = 1;
  // redact: null is --no-redact
  std::shared_ptr<const report::Redactor> redactor;
  // render
  std::string format = "text";  // a report::WriterFormats() name
  report::WriterOptions writer;
  std::string output;   // "" = stdout
  bool strict = false;  // the first input error stops the run; no report
  // aggregate
  std::vector<std::string> group_by = {"agent", "language", "channel"};
  size_t worst = 5;
  bool allow_empty = false;  // no conversation at all is not an input error
  // gate
  std::vector<summary::Check> gates;
  Level min_level = Level::kInfo;
  // stderr
  bool quiet = false;        // only errors
  bool verbose = false;      // inputs, languages, timings
  bool progress = false;     // a progress line
  double rules_load_ms = 0;  // for -v: how long the caller took to load `rules`
};

}  // namespace tact::run

#endif  // TACT_RUN_CONFIG_H_
