#include "match/runner.h"

#include <algorithm>

namespace tact::match {

void Runner::Flush() {
  pool_.Clear();
  states_.clear();
  transitions_.clear();
  index_.Clear();
  state_slots_.assign(1024, 0);
  const uint32_t h = HashStates({});
  states_.push_back({0, 0, h});  // state 0: no live thread (a sentence's start)
  state_slots_[h & (state_slots_.size() - 1)] = 1;
}

uint32_t Runner::HashStates(std::span<const uint32_t> nfa) {
  // A multiply per state (the lists are long), mixed once at the end.
  uint64_t h = nfa.size();
  for (uint32_t s : nfa) h = (h ^ s) * 0x9E3779B97F4A7C15ULL;
  return static_cast<uint32_t>(Program::Mix(h));
}

uint32_t Runner::StateId(std::span<const uint32_t> nfa) {
  const size_t mask = state_slots_.size() - 1;
  const uint32_t h = HashStates(nfa);
  size_t i = h & mask;
  for (;; i = (i + 1) & mask) {
    const uint32_t e = state_slots_[i];
    if (e == 0) break;
    const DState& ds = states_[e - 1];
    if (ds.hash == h && ds.size == nfa.size() && pool_.Equals(ds.nfa, nfa)) return e - 1;
  }
  // A new DFA state: its NFA states go to the pool, its id to the slots
  // (kept at most half full, grown by rehashing the stored hashes).
  const auto id = static_cast<uint32_t>(states_.size());
  states_.push_back({pool_.Append(nfa), static_cast<uint32_t>(nfa.size()), h});
  state_slots_[i] = id + 1;
  if (states_.size() * 2 > state_slots_.size()) {
    state_slots_.assign(state_slots_.size() * 2, 0);
    const size_t m = state_slots_.size() - 1;
    for (uint32_t k = 0; k < states_.size(); ++k) {
      size_t j = states_[k].hash & m;
      while (state_slots_[j] != 0) j = (j + 1) & m;
      state_slots_[j] = k + 1;
    }
  }
  return id;
}

void Runner::NextGeneration(std::span<const AtomId> atoms) {
  if (++gen_ == 0) {
    std::fill(state_mark_.begin(), state_mark_.end(), 0);
    std::fill(atom_mark_.begin(), atom_mark_.end(), 0);
    gen_ = 1;
  }
  if (!atoms.empty() && atoms.back() >= atom_mark_.size()) atom_mark_.resize(atoms.back() + 1, 0);
  for (const AtomId a : atoms) atom_mark_[a] = gen_;
}

std::span<const uint32_t> Runner::StartTargets(const Program& program, uint32_t cls,
                                               std::span<const AtomId> atoms) {
  if (cls >= start_targets_at_.size()) start_targets_at_.resize(size_t{cls} + 1, {0, kUnknown});
  auto& at = start_targets_at_[cls];
  if (at.second == kUnknown) {
    at.first = static_cast<uint32_t>(start_targets_.size());
    auto has = [&](AtomId a) { return std::binary_search(atoms.begin(), atoms.end(), a); };
    program.ForEachTarget(program.start(), atoms.data(), atoms.data() + atoms.size(), has,
                          [&](uint32_t s) { start_targets_.push_back(s); });
    at.second = static_cast<uint32_t>(start_targets_.size());
  }
  return {start_targets_.data() + at.first, start_targets_.data() + at.second};
}

TransitionIndex::Entry Runner::Build(const Program& program, uint32_t d, uint32_t cls,
                                     std::span<const AtomId> atoms) {
  // Run the NFA step over this state's threads, then the start.
  ++stats_.transitions_built;
  const DState ds = states_[d];
  // The atoms are marked for the threads' states only: the start's targets are cached.
  NextGeneration(ds.size > 0 ? atoms : std::span<const AtomId>());
  auto has = [&](AtomId a) { return a < atom_mark_.size() && atom_mark_[a] == gen_; };
  build_next_.clear();
  build_src_.clear();
  build_accept_.clear();
  work_ += ds.size + 1;
  // Source `src` of each new thread: the index of the thread it came from,
  // or ds.size for a thread started at this token (see StartOf()). Inlined
  // in both loops: GCC called it from the second, ~20 instructions a thread.
  auto add = [&](uint32_t s, uint32_t src) __attribute__((always_inline)) {
    if (state_mark_[s] == gen_) return;
    state_mark_[s] = gen_;
    const uint32_t j = static_cast<uint32_t>(build_next_.size());
    build_next_.push_back(s);
    build_src_.push_back(src);
    for (const uint32_t* p = program.accepts_begin(s); p != program.accepts_end(s); ++p) {
      build_accept_.push_back(*p);
      build_accept_.push_back(j);
    }
  };
  for (uint32_t k = 0; k < ds.size; ++k) {
    program.ForEachTarget(pool_[ds.nfa + k], atoms.data(), atoms.data() + atoms.size(), has,
                          [&](uint32_t s) { add(s, k); });
  }
  for (const uint32_t s : StartTargets(program, cls, atoms)) add(s, ds.size);
  Transition tr;
  tr.next = StateId(build_next_);
  tr.from_size = ds.size;
  tr.src = pool_.Append(build_src_);
  tr.accept = pool_.Append(build_accept_);
  tr.accept_len = static_cast<uint32_t>(build_accept_.size() / 2);
  transitions_.push_back(tr);
  const TransitionIndex::Entry e{tr.next, static_cast<uint32_t>(transitions_.size() - 1),
                                 tr.accept_len > 0};
  index_.Insert(d, cls, e);
  return e;
}

uint32_t Runner::StartOf(size_t sentence_begin, size_t t, uint32_t j) const {
  for (;;) {
    const Transition& tr = transitions_[path_[t]];
    const uint32_t k = pool_[tr.src + j];
    // Source `from_size` is the extra slot: a thread that started here.
    if (k == tr.from_size || t == sentence_begin) return static_cast<uint32_t>(t);
    j = k;
    --t;
  }
}

void Runner::Prepare(const Program& program, uint64_t class_generation) {
  if (&program != program_ || class_generation != generation_ || states_.empty()) {
    program_ = &program;
    generation_ = class_generation;
    // Sources and thread indexes are at most the number of NFA states.
    pool_.Reset(std::max(program.num_states(), program.num_patterns()));
    Flush();
    start_step_.clear();
    start_targets_.clear();
    start_targets_at_.clear();
  }
  if (state_mark_.size() < program.num_states()) state_mark_.assign(program.num_states(), 0);
  if (pattern_mark_.size() < program.num_patterns()) {
    pattern_mark_.assign(program.num_patterns(), 0);
    pattern_hit_.assign(program.num_patterns(), 0);
  }
}

void Runner::StartSentence() {
  if (pool_.size() + transitions_.size() * 6 + index_.slot_count() * 3 + state_slots_.size() >
      max_cache_entries_) {
    ++stats_.flushes;
    Flush();
  }
  if (++sentence_gen_ == 0) {
    std::fill(pattern_mark_.begin(), pattern_mark_.end(), 0);
    sentence_gen_ = 1;
  }
}

void Runner::Report(const Transition& tr, size_t sentence_begin, size_t t, std::vector<Hit>* out) {
  const size_t step_begin = out->size();
  const uint32_t end = static_cast<uint32_t>(t + 1);
  // Patterns accepting in one thread are listed together: its start is
  // walked back to once.
  uint32_t walked = UINT32_MAX, walked_start = 0;
  for (uint32_t a = 0; a < tr.accept_len; ++a) {
    const uint32_t p = pool_[tr.accept + 2 * a];
    const uint32_t thread = pool_[tr.accept + 2 * a + 1];
    if (thread != walked) {
      walked = thread;
      walked_start = StartOf(sentence_begin, t, thread);
    }
    const uint32_t start = walked_start;
    if (pattern_mark_[p] != sentence_gen_) {
      pattern_mark_[p] = sentence_gen_;
      pattern_hit_[p] = static_cast<uint32_t>(out->size());
      out->push_back({p, start, end});
    } else {
      Hit& h = (*out)[pattern_hit_[p]];
      if (h.begin == start && end > h.end) h.end = end;
    }
  }
  // Patterns first accepted at this token are reported by start, then by
  // pattern id: an order that does not depend on how the NFA is built.
  if (out->size() - step_begin > 1) {
    std::sort(out->begin() + static_cast<std::ptrdiff_t>(step_begin), out->end(),
              [](const Hit& a, const Hit& b) {
                return a.begin != b.begin ? a.begin < b.begin : a.pattern < b.pattern;
              });
    for (size_t k = step_begin; k < out->size(); ++k)
      pattern_hit_[(*out)[k].pattern] = static_cast<uint32_t>(k);
  }
}

void Runner::NoteStartStep(uint32_t cls, const TransitionIndex::Entry& step) {
  if (cls >= start_step_.size()) start_step_.resize(size_t{cls} + 1, kStartUnknown);
  start_step_[cls] = step.next == 0 && !step.accepts ? kStartIdle : kStartLive;
}

bool Runner::Run(const Program& program, std::span<const uint32_t> classes,
                 std::span<const uint32_t> sentence_ends, const ClassAtoms& atoms,
                 uint64_t class_generation, std::vector<Hit>* out) {
  Prepare(program, class_generation);
  const size_t n = classes.size();
  stats_.tokens += n;
  work_ = 0;
  // Positions no thread walks back to (idle steps) are left unwritten.
  if (path_.size() < n) path_.resize(n);
  // Past the bound, a sentence goes on until it has cost four times it (at
  // least 4 M entries, 8 or 16 MB by the pool's width): then the text is too costly.
  const size_t hard_cap = std::max(max_cache_entries_ * 4, size_t{1} << 22);
  uint64_t idle = 0;
  size_t i = 0;
  for (const uint32_t sentence_end : sentence_ends) {
    StartSentence();
    uint32_t d = 0;
    for (size_t t = i; t < sentence_end; ++t) {
      const uint32_t cls = classes[t];
      if (d == 0 && cls < start_step_.size() && start_step_[cls] == kStartIdle) {
        ++idle;
        continue;
      }
      TransitionIndex::Entry step;
      if (!index_.Find(d, cls, &step)) {
        if (work_ > max_work_ || pool_.size() > hard_cap) {
          // Too costly: stop here rather than take the machine's memory or
          // minutes of time; the caller reports the turn.
          ++stats_.stops;
          stats_.idle_steps += idle;
          stopped_at_ = t;
          Flush();
          return false;
        }
        step = Build(program, d, cls, atoms.Of(cls));
        // Every step from state 0 is built once after start_step_ is reset.
        if (d == 0) NoteStartStep(cls, step);
      }
      d = step.next;
      path_[t] = step.transition;
      if (step.accepts) Report(transitions_[step.transition], i, t, out);
    }
    i = sentence_end;
  }
  stats_.idle_steps += idle;
  return true;
}

}  // namespace tact::match
