// Runs a Program over the tokens of one text, sentence by sentence.
//
// Semantically the runner is a Pike VM: threads are (state, start token),
// deduplicated by state with the earliest start winning, so each pattern
// reports its leftmost match in a sentence, extended to the longest end from
// that start. Matches never cross a sentence boundary.
//
// It runs as a lazily built DFA over token classes (tokens with the same
// sorted atom set share a class, see Classifier): a DFA state is the ordered
// list of live NFA states, and a transition, built the first time a (state,
// class) pair is met, records the next list, where each next thread's start
// comes from, and which patterns accept. Afterwards a token costs one hash
// probe, however many patterns there are, and a token met with no live
// thread whose class starts no pattern (most tokens of most texts) costs a
// byte read: it is skipped. Where a pattern accepts, its start is found by
// following the sources back. The cache is bounded (`max_cache_entries`) and
// flushed between sentences when full.
//
// A rule pack can make each token cost a lot (dozens of patterns with long
// gaps keep thousands of threads alive) and a sentence can be very long (an
// unpunctuated transcript). So that such a pack cannot take unbounded memory
// or time, one Run() stops early, and says so, when building transitions has
// cost more than `max_work` thread steps or the cache has grown past four
// times its bound (at least 4 M entries) within one sentence. A Runner is not thread-safe; use one
// per thread.
#ifndef TACT_MATCH_RUNNER_H_
#define TACT_MATCH_RUNNER_H_

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "match/program.h"
#include "match/runner_pool.h"
#include "match/transition_index.h"

namespace tact::match {

struct Hit {
  uint32_t pattern;
  uint32_t begin;  // first token
  uint32_t end;    // one past the last token
};

// Token classes of the virtual tokens framing each sentence.
inline constexpr uint32_t kSentenceStartClass = 0;
inline constexpr uint32_t kSentenceEndClass = 1;

// The sorted atoms of each token class, for Run(): a token's class decides
// its atoms (see Classifier), so a text's tokens need not carry them.
class ClassAtoms {
 public:
  virtual ~ClassAtoms() = default;
  virtual std::span<const AtomId> Of(uint32_t cls) const = 0;
};

class Runner {
 public:
  explicit Runner(size_t max_cache_entries = size_t{1} << 20, uint64_t max_work = uint64_t{1} << 27)
      : max_cache_entries_(max_cache_entries), max_work_(max_work) {}

  // `classes[i]` is token i's class and `sentence_ends` where each sentence
  // ends (one past its last token; increasing, the last one classes.size()).
  // Tokens of one class must have equal atoms, `atoms.Of(class)`, while
  // `class_generation` stays the same (a new generation flushes the cache);
  // they are asked for only when a transition is built. Appends hits to
  // `*out` in sentence order; within a sentence in the order patterns first
  // match (by end token), ties by start token and then pattern id. Returns
  // false when it stopped early (see above): the hits before stopped_at() are kept.
  bool Run(const Program& program, std::span<const uint32_t> classes,
           std::span<const uint32_t> sentence_ends, const ClassAtoms& atoms,
           uint64_t class_generation, std::vector<Hit>* out);

  // Cache statistics, for benchmarks and tests.
  struct Stats {
    uint64_t tokens = 0;
    // Tokens met with no live thread whose class starts none: skipped without a lookup.
    uint64_t idle_steps = 0;
    uint64_t transitions_built = 0;
    uint64_t flushes = 0;
    uint64_t stops = 0;  // Run() calls that stopped early
  };
  const Stats& stats() const { return stats_; }
  // After a Run() that returned false: the token it stopped at.
  size_t stopped_at() const { return stopped_at_; }

 private:
  struct Transition {
    uint32_t next = 0;        // DFA state
    uint32_t from_size = 0;   // the live threads before the token
    uint32_t src = 0;         // into pool_: one source per thread of `next`
    uint32_t accept = 0;      // into pool_: (pattern, thread) pairs
    uint32_t accept_len = 0;  // number of pairs
  };
  struct DState {
    uint32_t nfa = 0;  // into pool_: the live NFA states, earliest start first
    uint32_t size = 0;
    uint32_t hash = 0;  // HashStates() of the list, for the slots
  };
  void Flush();
  static uint32_t HashStates(std::span<const uint32_t> nfa);
  // The id of the DFA state with these live NFA states, added if new.
  uint32_t StateId(std::span<const uint32_t> nfa);
  // Starts a new mark generation for a Build(): no NFA state reached yet,
  // the token's (sorted) `atoms` marked, once for all the threads' states.
  void NextGeneration(std::span<const AtomId> atoms);
  // The start state's targets on a token of class `cls` (with atoms
  // `atoms`), in ForEachTarget() order, found once per class: every Build()
  // adds them, and the start state's per-atom index lookups cost more than
  // the rest of a typical build.
  std::span<const uint32_t> StartTargets(const Program& program, uint32_t cls,
                                         std::span<const AtomId> atoms);
  // Builds the transition from DFA state `d` on a token of class `cls` (with
  // atoms `atoms`), which the index lacks, and adds it to the index.
  TransitionIndex::Entry Build(const Program& program, uint32_t d, uint32_t cls,
                               std::span<const AtomId> atoms);
  // The start of thread `j` after token `t` of the sentence that starts at
  // token `sentence_begin`, found by following each thread's source back
  // through the sentence's transitions to the token where it started (so a
  // token costs no copy of the threads' starts).
  uint32_t StartOf(size_t sentence_begin, size_t t, uint32_t j) const;
  // Flushes the cache for another program or class generation and sizes the marks.
  void Prepare(const Program& program, uint64_t class_generation);
  // Records whether a token of class `cls` met in state 0 (`step`) starts nothing.
  void NoteStartStep(uint32_t cls, const TransitionIndex::Entry& step);
  // Before each sentence: flushes a full cache.
  void StartSentence();
  // Appends (or extends) the hits of the patterns that accept at token `t` of
  // the sentence that starts at token `sentence_begin`.
  void Report(const Transition& tr, size_t sentence_begin, size_t t, std::vector<Hit>* out);

  size_t max_cache_entries_;
  uint64_t max_work_;
  uint64_t work_ = 0;  // thread steps spent building transitions in this Run()
  size_t stopped_at_ = 0;
  const Program* program_ = nullptr;
  uint64_t generation_ = UINT64_MAX;
  RunnerPool pool_;
  std::vector<DState> states_;
  // DFA states by their NFA states: open addressing over state id + 1 (0 is
  // empty), compared by hash, then against the pool (no copy of the lists as keys).
  std::vector<uint32_t> state_slots_;
  std::vector<Transition> transitions_;
  TransitionIndex index_;  // (state, class) -> transition

  // The transitions taken, by token; an idle step leaves its slot unwritten
  // (no thread alive after it started before it, so none walks back to it).
  std::vector<uint32_t> path_;
  // By class: whether the step from state 0 is idle (back to state 0 with no
  // accept), so the next such token needs no lookup. It depends only on the
  // program and the class generation, so it outlives cache flushes.
  enum : uint8_t { kStartUnknown, kStartIdle, kStartLive };
  std::vector<uint8_t> start_step_;
  // By class: [first, second) into start_targets_, StartTargets()'s cache
  // (second kUnknown until found). Like start_step_ it outlives cache flushes.
  static constexpr uint32_t kUnknown = UINT32_MAX;
  std::vector<std::pair<uint32_t, uint32_t>> start_targets_at_;
  std::vector<uint32_t> start_targets_;
  std::vector<uint32_t> state_mark_;
  std::vector<uint32_t> atom_mark_;  // a Build()'s token's atoms: gen_
  uint32_t gen_ = 0;
  std::vector<uint32_t> pattern_mark_;
  std::vector<uint32_t> pattern_hit_;
  uint32_t sentence_gen_ = 0;
  std::vector<uint32_t> build_next_, build_src_, build_accept_;
  Stats stats_;
};

}  // namespace tact::match

#endif  // TACT_MATCH_RUNNER_H_
