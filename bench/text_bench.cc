// Tokenizer and normalizer speed per language, on the examples/ transcripts.
//
//   build/bench/text_bench
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/normalize.h"
#include "text/tokenizer.h"

namespace {

std::string Example(const std::string& lang) {
  std::string all;
  for (const char* kind : {"_strong_chat.txt", "_poor_call.txt"}) {
    std::ifstream in(std::string(TACT_SOURCE_DIR) + "/examples/" + lang + kind);
    std::stringstream ss;
    ss << in.rdbuf();
    all += ss.str();
  }
  return all;
}

void BM_Tokenize(benchmark::State& state, const std::string& lang) {  // NOLINT
  const std::string text = Example(lang);
  std::vector<tact::text::RawToken> toks;
  for (auto _ : state) {
    tact::text::Tokenize(text, &toks);
    benchmark::DoNotOptimize(toks.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens"] = static_cast<double>(toks.size());
}

void BM_TokenizeAndNormalize(benchmark::State& state, const std::string& lang) {  // NOLINT
  const std::string text = Example(lang);
  std::vector<tact::text::RawToken> toks;
  std::string norm;
  for (auto _ : state) {
    tact::text::Tokenize(text, &toks);
    for (const auto& t : toks) {
      norm.clear();
      tact::text::NormalizeAppend(std::string_view(text).substr(t.begin, t.end - t.begin), &norm);
      benchmark::DoNotOptimize(norm.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

BENCHMARK_CAPTURE(BM_Tokenize, en, std::string("en"));
BENCHMARK_CAPTURE(BM_Tokenize, es, std::string("es"));
BENCHMARK_CAPTURE(BM_Tokenize, no, std::string("no"));
BENCHMARK_CAPTURE(BM_Tokenize, sv, std::string("sv"));
BENCHMARK_CAPTURE(BM_Tokenize, ru, std::string("ru"));
BENCHMARK_CAPTURE(BM_TokenizeAndNormalize, en, std::string("en"));
BENCHMARK_CAPTURE(BM_TokenizeAndNormalize, ru, std::string("ru"));

}  // namespace

BENCHMARK_MAIN();
