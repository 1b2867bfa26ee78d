#include "match/runner.h"

#include <algorithm>

namespace tact::match {

void Runner::Run(const Program& program, const std::vector<std::span<const AtomId>>& atoms,
                 const std::vector<uint16_t>& sentence, std::vector<Hit>* out) {
  if (state_mark_.size() < program.num_states()) state_mark_.assign(program.num_states(), 0);
  if (pattern_mark_.size() < program.num_patterns()) {
    pattern_mark_.assign(program.num_patterns(), 0);
    pattern_hit_.assign(program.num_patterns(), 0);
  }
  const size_t n = atoms.size();
  size_t i = 0;
  while (i < n) {
    size_t sentence_end = i;
    while (sentence_end < n && sentence[sentence_end] == sentence[i]) ++sentence_end;
    if (++sentence_gen_ == 0) {
      std::fill(pattern_mark_.begin(), pattern_mark_.end(), 0);
      sentence_gen_ = 1;
    }
    cur_.clear();
    for (size_t t = i; t < sentence_end; ++t) {
      cur_.push_back({program.start(), static_cast<uint32_t>(t)});
      next_.clear();
      if (++gen_ == 0) {
        std::fill(state_mark_.begin(), state_mark_.end(), 0);
        gen_ = 1;
      }
      const size_t step_begin = out->size();
      for (const Thread& th : cur_) {
        program.ForEachTarget(
            th.state, atoms[t].data(), atoms[t].data() + atoms[t].size(), [&](uint32_t s) {
              if (state_mark_[s] == gen_) return;
              state_mark_[s] = gen_;
              next_.push_back({s, th.start});
              for (const uint32_t* p = program.accepts_begin(s); p != program.accepts_end(s); ++p) {
                uint32_t end = static_cast<uint32_t>(t + 1);
                if (pattern_mark_[*p] != sentence_gen_) {
                  pattern_mark_[*p] = sentence_gen_;
                  pattern_hit_[*p] = static_cast<uint32_t>(out->size());
                  out->push_back({*p, th.start, end});
                } else {
                  Hit& h = (*out)[pattern_hit_[*p]];
                  if (h.begin == th.start && end > h.end) h.end = end;
                }
              }
            });
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
      cur_.swap(next_);
    }
    i = sentence_end;
  }
}

}  // namespace tact::match
