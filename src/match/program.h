// A compiled set of token patterns: one NFA for all patterns of a language.
//
// ProgramBuilder turns patterns (already resolved to atoms, see atoms.h) into a
// Thompson NFA that shares a single start state. Finish() removes epsilon edges
// by merging each state's epsilon closure, indexes every state's outgoing edges
// by atom, and records which patterns accept in each closure. Matching then
// costs, per token, one indexed lookup per (live thread, token atom): adding
// patterns adds entries to the start state's index, not work per token.
// A Program is immutable after Finish() and safe to share between threads.
#ifndef TACT_MATCH_PROGRAM_H_
#define TACT_MATCH_PROGRAM_H_

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "match/atoms.h"

namespace tact {
class ByteReader;
class ByteWriter;
}  // namespace tact

namespace tact::match {

// A pattern tree whose leaves are atoms.
struct Node {
  enum class Type { kSeq, kAlt, kOpt, kGap, kAtom };
  Type type = Type::kAtom;
  AtomId atom = kAnyAtom;
  int gap = 0;
  std::vector<Node> children;
};

class Program {
 public:
  struct Edge {
    AtomId atom;
    uint32_t target_begin;
    uint32_t target_end;
  };
  struct State {
    uint32_t edge_begin = 0, edge_end = 0;
    uint32_t accept_begin = 0, accept_end = 0;
  };

  Program() = default;
  Program(Program&&) noexcept = default;
  Program& operator=(Program&&) noexcept = default;

  // The program as bytes (common/bytes.h), and back. Load() uses the arrays
  // where they lie in the reader's buffer, which must then outlive the
  // program, when `borrow` is true; else it copies them. False when the bytes
  // are not a program (truncated, misaligned, or indexes out of range).
  void Save(ByteWriter* w) const;
  bool Load(ByteReader* r, bool borrow);

  uint32_t start() const { return start_; }
  uint32_t num_states() const { return static_cast<uint32_t>(states_.size()); }
  uint32_t num_patterns() const { return num_patterns_; }

  // The targets reached from `state` on `atom`, as [*begin, *end) into targets().
  // Returns false when there is no such edge.
  bool Lookup(uint32_t state, AtomId atom, const uint32_t** begin, const uint32_t** end) const;

  // Calls f(target) for every target reached from `state` on any of `atoms`
  // (sorted), in the order of the state's edges (by atom). `has(atom)` must
  // say whether `atom` is one of `atoms` (the caller marks them once for
  // many states): a state checks each of its edges with it, unless it has
  // many times more edges than the token has atoms (the start state) and is
  // probed through the index once per atom (an index probe costs several edge
  // checks), so the cost is about min(edges, atoms) whatever the token's
  // number of atoms. Both ways give the same order: edges are sorted by atom.
  template <typename H, typename F>
  void ForEachTarget(uint32_t state, const AtomId* atoms, const AtomId* atoms_end, H&& has,
                     F&& f) const {
    const State& s = states_[state];
    const uint32_t edges = s.edge_end - s.edge_begin;
    if (edges > kIndexThreshold && edges > kProbeCost * static_cast<size_t>(atoms_end - atoms)) {
      for (const AtomId* a = atoms; a != atoms_end; ++a) {
        const uint32_t *b, *e;
        if (Lookup(state, *a, &b, &e)) {
          for (; b != e; ++b) f(*b);
        }
      }
      return;
    }
    for (const Edge* e = edges_.data() + s.edge_begin; e != edges_.data() + s.edge_end; ++e) {
      if (!has(e->atom)) continue;
      for (uint32_t t = e->target_begin; t < e->target_end; ++t) f(targets_[t]);
    }
  }

  // Patterns that accept on entering `state`.
  const uint32_t* accepts_begin(uint32_t state) const {
    return accepts_.data() + states_[state].accept_begin;
  }
  const uint32_t* accepts_end(uint32_t state) const {
    return accepts_.data() + states_[state].accept_end;
  }

 private:
  friend class ProgramBuilder;
  static constexpr uint32_t kIndexThreshold = 8;
  // About how many edge checks one index probe costs, for ForEachTarget().
  static constexpr size_t kProbeCost = 4;
  // The arrays a program is made of, when it owns them (built, or copied
  // from bytes); a program loaded in place has none and views the bytes.
  struct Storage {
    std::vector<State> states;
    std::vector<Edge> edges;
    std::vector<uint32_t> targets;
    std::vector<uint32_t> accepts;
    std::vector<uint64_t> index_keys;
    std::vector<uint32_t> index_values;
  };
  void ViewStorage();  // points the views at own_'s arrays
  bool Valid() const;  // every index in range (after Load)

  uint32_t start_ = 0;
  uint32_t num_patterns_ = 0;
  std::span<const State> states_;
  std::span<const Edge> edges_;
  std::span<const uint32_t> targets_;
  std::span<const uint32_t> accepts_;
  // For states with many edges (the start state above all): (state, atom) ->
  // edge index, in a flat open-addressing table (linear probing, power-of-two
  // size, key 0 never used because state 0 is the start and atom 0 matches
  // everything... so keys are stored +1).
  std::span<const uint64_t> index_keys_;
  std::span<const uint32_t> index_values_;
  uint64_t index_mask_ = 0;
  std::unique_ptr<Storage> own_;

 public:
  static uint64_t Mix(uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return k;
  }
};

class ProgramBuilder {
 public:
  ProgramBuilder();
  // Adds a pattern; its matches are reported with `pattern_id` (dense, from 0).
  void Add(const Node& root, uint32_t pattern_id);
  Program Finish();

 private:
  struct NEdge {
    uint32_t from;
    AtomId atom;
    uint32_t to;
  };
  uint32_t NewState();
  uint32_t Build(const Node& n, uint32_t from);
  // Appends one state's merged (atom, target) edges and accepted patterns.
  static void StoreState(const std::vector<std::pair<AtomId, uint32_t>>& merged,
                         const std::vector<uint32_t>& accepts, Program::Storage* store,
                         Program::State* st);
  // The (state, atom) -> edge index of the states with many edges.
  static void BuildEdgeIndex(Program* p);
  // The Thompson NFA as flat lists: one entry per state in accept_ (the
  // pattern accepting there, or -1), atom edges and epsilon edges.
  std::vector<int64_t> accept_;
  std::vector<NEdge> edges_;
  std::vector<std::pair<uint32_t, uint32_t>> eps_;
  uint32_t num_patterns_ = 0;
};

}  // namespace tact::match

#endif  // TACT_MATCH_PROGRAM_H_
