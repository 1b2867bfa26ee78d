// Reader speed per input format: every conversation read, parsed, validated
// and given roles, as `tact check` does before any matching.
//
//   build/bench/reader_bench
// JSONL and CSV inputs are tests/data/formats samples repeated to a few MB
// (streamed, one conversation at a time); single-document formats (text, JSON,
// WebVTT, SRT) are read whole, once per iteration.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "input/reader.h"
#include "run/vocabulary.h"

namespace {

namespace fs = std::filesystem;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A file in a temporary folder, removed at exit.
std::string Scratch(const std::string& name, const std::string& content) {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("tact_reader_bench_" + std::to_string(::getpid()));
    fs::create_directories(d);
    std::atexit([] {
      fs::remove_all(fs::temp_directory_path() /
                     ("tact_reader_bench_" + std::to_string(::getpid())));
    });
    return d;
  }();
  fs::path p = dir / name;
  std::ofstream(p, std::ios::binary) << content;
  return p.string();
}

std::string Data(const std::string& name) {
  return std::string(TACT_SOURCE_DIR) + "/tests/data/formats/" + name;
}

std::string RepeatedJsonl() {
  const std::string sample = Slurp(Data("chats.jsonl"));
  std::string out;
  for (int i = 0; out.size() < (8u << 20); ++i) out += sample;
  return Scratch("big.jsonl", out);
}

std::string RepeatedCsv() {
  const std::string sample = Slurp(Data("tickets.csv"));
  const size_t header_end = sample.find('\n') + 1;
  std::string out = sample.substr(0, header_end);
  const std::string rows = sample.substr(header_end);
  for (int i = 0; out.size() < (8u << 20); ++i) {
    // Distinct ticket ids per copy, so every copy is its own conversations.
    std::string copy = rows;
    size_t pos = 0;
    while ((pos = copy.find("\n88", pos)) != std::string::npos) {
      copy.replace(pos + 1, 2, std::to_string(100 + i));
      pos += 3;
    }
    if (copy.rfind("88", 0) == 0) copy.replace(0, 2, std::to_string(100 + i));
    out += copy;
  }
  return Scratch("big.csv", out);
}

void BM_Read(benchmark::State& state, const std::string& path) {  // NOLINT
  const size_t bytes = fs::file_size(path);
  tact::input::ReadOptions options;
  options.roles.vocabulary = tact::run::BuiltinVocabulary().roles;  // as a check reads
  size_t conversations = 0, errors = 0;
  for (auto _ : state) {
    tact::input::ReadInput(
        path, options, [&](tact::Conversation&& c) { conversations += c.turns.empty() ? 0 : 1; },
        [&](const tact::Diagnostic& d) { errors += d.severity == tact::Severity::kError; });
  }
  if (errors > 0) state.SkipWithError("the input had errors");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["conversations"] =
      benchmark::Counter(static_cast<double>(conversations), benchmark::Counter::kIsRate);
}

BENCHMARK_CAPTURE(BM_Read, jsonl, RepeatedJsonl())->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Read, csv, RepeatedCsv())->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Read, text, std::string(TACT_SOURCE_DIR) + "/examples/en_strong_chat.txt");
BENCHMARK_CAPTURE(BM_Read, json, Data("chat.json"));
BENCHMARK_CAPTURE(BM_Read, vtt, Data("teams.vtt"));
BENCHMARK_CAPTURE(BM_Read, srt, Data("call.srt"));

}  // namespace

BENCHMARK_MAIN();
