// Matcher cost versus rule count: all patterns of a language compile into one
// program, so 10x the patterns must cost well under 1.5x the time per turn.
//
//   build/bench/matcher_bench --benchmark_filter=Scaling
//
// BM_MatcherScaling: 500 patterns over the words the turns use (so many
// partial matches start and some complete), plus N-500 patterns over other
// words, in the shapes real rules use (literals, optional words,
// alternatives, gaps, stems, prefixes): adding rules for phrasings that do
// not occur in a turn must not slow that turn down.
// BM_MatcherDense: all N patterns drawn from the turns' own vocabulary, so
// the number of live partial matches itself grows with N; shown for honesty.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "eval/turn_matcher.h"
#include "test_util.h"

namespace {

std::vector<std::string> Vocabulary(unsigned seed, const char* tag) {
  std::vector<std::string> v;
  std::mt19937 rng(seed);
  const char* syl[] = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi",
                       "de", "po", "an", "er", "is", "un", "ol"};
  for (int i = 0; i < 5000; ++i) {
    std::string w;
    int n = 2 + static_cast<int>(rng() % 3);
    for (int k = 0; k < n; ++k) w += syl[rng() % 15];
    v.push_back(tag + w + std::to_string(i % 7));
  }
  return v;
}

// `core` patterns over `vocab`, then `extra` over `other`.
std::string Rules(int core, int extra, const std::vector<std::string>& vocab,
                  const std::vector<std::string>& other) {
  std::mt19937 rng(11);
  int patterns = core + extra;
  int made = 0;
  auto w = [&]() {
    const auto& v = made < core ? vocab : other;
    return v[rng() % v.size()];
  };
  std::string out = "pack en\n  stemmer english\n";
  int per_behaviour = 100;
  for (int b = 0; b * per_behaviour < patterns; ++b) {
    out += "behaviour b" + std::to_string(b) + "\n  kind expected\n";
    for (int i = 0; i < per_behaviour && b * per_behaviour + i < patterns; ++i, ++made) {
      switch (rng() % 5) {
        case 0:
          out += "  match " + w() + " " + w() + "\n";
          break;
        case 1:
          out += "  match " + w() + " (" + w() + "|" + w() + ")? " + w() + "\n";
          break;
        case 2:
          out += "  match " + w() + " ...3 " + w() + "\n";
          break;
        case 3:
          out += "  match ~" + w() + " " + w() + "\n";
          break;
        default:
          out += "  match " + w().substr(0, 5) + "* " + w() + " " + w() + "\n";
          break;
      }
    }
  }
  return out;
}

std::vector<std::string> Turns(const std::vector<std::string>& vocab) {
  std::mt19937 rng(13);
  std::vector<std::string> turns;
  for (int t = 0; t < 200; ++t) {
    std::string s;
    int n = 8 + static_cast<int>(rng() % 20);
    for (int k = 0; k < n; ++k) {
      s += vocab[rng() % vocab.size()];
      s += (k % 9 == 8) ? ". " : " ";
    }
    turns.push_back(s);
  }
  return turns;
}

void Run(benchmark::State& state, int core, int extra) {  // NOLINT
  static const std::vector<std::string> vocab = Vocabulary(7, "");
  static const std::vector<std::string> other = Vocabulary(8, "x");
  static const std::vector<std::string> turns = Turns(vocab);
  tact::Diagnostics d;
  auto pack = tact::testing::CompileOne("en", Rules(core, extra, vocab, other), &d);
  if (!pack) {
    state.SkipWithError("rules did not compile");
    return;
  }
  tact::eval::TurnMatcher matcher(*pack);
  tact::eval::TextMatches m;
  for (const auto& t : turns) matcher.Match(t, &m);  // warm the token cache
  size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& t : turns) {
      matcher.Match(t, &m);
      benchmark::DoNotOptimize(m.matches.data());
      bytes += t.size();
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * turns.size()));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["patterns"] = static_cast<double>(pack->owners.size());
}
void BM_MatcherScaling(benchmark::State& state) {
  Run(state, 500, static_cast<int>(state.range(0)) - 500);
}
BENCHMARK(BM_MatcherScaling)->Arg(500)->Arg(5000)->Arg(50000)->Unit(benchmark::kMicrosecond);

void BM_MatcherDense(benchmark::State& state) { Run(state, static_cast<int>(state.range(0)), 0); }
BENCHMARK(BM_MatcherDense)->Arg(500)->Arg(5000)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
