// Runs a Program over the tokens of one text, sentence by sentence.
//
// The runner is a Pike VM: threads are (state, start token), deduplicated by
// state with the earliest start winning, so each pattern reports its leftmost
// match in a sentence, extended to the longest end from that start. Matches
// never cross a sentence boundary. A Runner holds scratch buffers and is not
// thread-safe; use one per thread.
#ifndef TACT_MATCH_RUNNER_H_
#define TACT_MATCH_RUNNER_H_

#include <cstdint>
#include <span>
#include <vector>

#include "match/program.h"

namespace tact::match {

struct Hit {
  uint32_t pattern;
  uint32_t begin;  // first token
  uint32_t end;    // one past the last token
};

class Runner {
 public:
  // `atoms[i]` are the sorted atoms of token i; `sentence[i]` its sentence
  // number (non-decreasing). Appends hits to `*out` in sentence order; within
  // a sentence in the order patterns first match (by end token), ties by
  // start token and then pattern id.
  void Run(const Program& program, const std::vector<std::span<const AtomId>>& atoms,
           const std::vector<uint16_t>& sentence, std::vector<Hit>* out);

 private:
  struct Thread {
    uint32_t state;
    uint32_t start;
  };
  std::vector<Thread> cur_, next_;
  std::vector<uint32_t> state_mark_;
  std::vector<uint32_t> pattern_mark_;
  std::vector<uint32_t> pattern_hit_;
  uint32_t gen_ = 0;
  uint32_t sentence_gen_ = 0;
};

}  // namespace tact::match

#endif  // TACT_MATCH_RUNNER_H_
