// Classifies tokens for one language, caching per distinct surface form.
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
#include <unordered_set>
#include <vector>

#include "match/atoms.h"
#include "text/stemmer.h"
#include "text/tokenizer.h"

namespace tact::match {

// What the classifier needs of a language, and no more: the caller builds it
// (rules::ClassifierConfigOf() for a language pack). The tables pointed to
// must outlive the Classifier; a null set is an empty one.
struct ClassifierConfig {
  std::string stemmer = "none";      // libstemmer algorithm, "none" for no stemming
  const AtomTable* atoms = nullptr;  // required: the atoms a token may satisfy
  // Lowercase code points of the language's letters; a word with others is
  // not shouting in capitals. Empty: any letter belongs.
  const std::unordered_set<int32_t>* alphabet = nullptr;
  const std::unordered_set<std::string>* acronyms = nullptr;       // normalized, never shouting
  const std::unordered_set<std::string>* abbreviations = nullptr;  // normalized, see TokenInfo
  const std::unordered_set<std::string>* stopwords = nullptr;      // normalized, no echo term
};

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
  explicit Classifier(const ClassifierConfig& config, size_t max_entries = 1 << 12);
  ~Classifier();

  const TokenInfo& Get(std::string_view surface, text::TokenKind kind);
  void Trim();
  size_t size() const { return infos_.size(); }
  // Changes whenever class ids are reassigned (when the class table outgrew
  // its bound), so a Runner knows to forget what it learnt about them.
  uint64_t class_generation() const { return class_generation_; }

 private:
  // Classifies a surface form not seen before and stores it at `slot`.
  const TokenInfo& Add(std::string_view surface, text::TokenKind kind, uint64_t hash, size_t slot);
  // Letters, case, stem and abbreviation of a word.
  void ClassifyWord(std::string_view surface, TokenInfo* info, TokenFeatures* f) const;
  // Doubles the lookup table and places every entry again.
  void Grow();

  ClassifierConfig config_;  // every set non-null
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
