// Classifies tokens for one language pack, caching per distinct surface form.
//
// The first time a surface form ("Sorry", "извините", "!!!") is seen, it is
// normalized, stemmed and classified into atoms; afterwards it is one hash
// lookup. The cache is bounded: Trim() drops it when it has grown past the
// limit and must only be called between texts, because references returned by
// Get() stay valid until then. Not thread-safe: one per analyzer thread.
//
// The lookup table keeps 32 bits of each entry's hash beside its index, so a
// probe that passes other entries compares them there and reads only the
// entry it returns (the entries themselves are scattered over the heap: a
// read of each passed entry was a cache miss).
#ifndef TACT_MATCH_CLASSIFIER_H_
#define TACT_MATCH_CLASSIFIER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "match/atoms.h"
#include "text/stemmer.h"
#include "text/tokenizer.h"

namespace tact::rules {
struct LanguagePack;
}

namespace tact::match {

struct TokenInfo {
  std::string surface;  // the key: the token as written
  uint64_t hash = 0;
  std::string norm;
  std::string stem;  // empty for non-words
  std::vector<AtomId> atoms;
  uint32_t cls = 0;  // equal for tokens with equal atoms (see Runner)
  text::TokenKind kind = text::TokenKind::kSymbol;
  bool abbreviation = false;
  // For {echo} conditions: a hash of the token's content term (its stem, or a
  // number as written), 0 when it has none (stop words, words under three
  // letters, punctuation).
  uint64_t echo_term = 0;
};

class Classifier {
 public:
  explicit Classifier(const rules::LanguagePack& pack, size_t max_entries = 1 << 12);
  ~Classifier();

  const TokenInfo& Get(std::string_view surface, text::TokenKind kind);
  void Trim();
  size_t size() const { return infos_.size(); }
  // Changes whenever class ids are reassigned (when the class table outgrew
  // its bound), so a Runner knows to forget what it learnt about them.
  uint64_t class_generation() const { return class_generation_; }

 private:
  const rules::LanguagePack& pack_;
  std::unique_ptr<text::Stemmer> stemmer_;
  size_t max_entries_;
  // The cache: a flat open-addressing table (linear probing, load at most
  // one half) of slots (hash >> 32) << 32 | (index into infos_ + 1); 0 = empty.
  std::vector<std::unique_ptr<TokenInfo>> infos_;
  std::vector<uint64_t> table_;
  // Sorted atom sets (as bytes) -> class id; ids 0 and 1 are the sentence edges.
  std::unordered_map<std::string, uint32_t> classes_;
  uint64_t class_generation_ = 0;
};

}  // namespace tact::match

#endif  // TACT_MATCH_CLASSIFIER_H_
