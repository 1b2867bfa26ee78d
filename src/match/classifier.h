// Classifies tokens for one language, caching per distinct surface form.
//
// The first time a surface form ("Sorry", "извините", "!!!") is seen, it is
// normalized, stemmed and classified into atoms; afterwards it is one hash
// lookup. Not thread-safe: one per analyzer thread.
//
// Lifetime: a TokenInfo returned by Get() (and the bytes and atoms it views)
// stays valid, at the same address, until the next Trim(); Get() itself never
// moves or drops an entry. So Trim() must only be called between texts.
//
// Memory: an entry is one TokenInfo of views, laid out with its bytes in an
// arena (match/byte_arena.h), so caching a token costs no heap allocation of
// its own; its norm and stem share the surface's (or the norm's) bytes when
// equal, and its atoms are those of its class, stored once per atom set.
//
// Bound: Trim() evicts once the cache holds more than `max_entries`: it keeps
// the half that was looked up most since the previous eviction (hits halve
// at each eviction, so a word common long ago fades), moved down in place in
// the arena. Common words survive; forms met once (names, order numbers)
// go. The class table is bounded the same way (see class_generation()).
//
// The lookup table keeps 32 bits of each entry's hash beside its index, so a
// probe that passes other entries compares them there and reads only the
// entry it returns. In front of it, a direct-mapped cache of 2048 recently
// looked-up forms of at most 16 bytes (most tokens) holds each form's bytes
// as a ShortKey beside its entry: a hit costs no byte hash, no probe and no
// compare behind a pointer. It holds only forms that are in the table (Trim()
// empties it), and a hit counts as a lookup like any other, so it changes
// neither an answer nor which entries an eviction keeps.
#ifndef TACT_MATCH_CLASSIFIER_H_
#define TACT_MATCH_CLASSIFIER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "match/atoms.h"
#include "match/byte_arena.h"
#include "match/short_key.h"
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

// One cached token. Its views point into the Classifier that returned it and
// are valid as long as the TokenInfo is (see the lifetime above).
struct TokenInfo {
  std::string_view surface;  // the key: the token as written
  std::string_view norm;
  std::string_view stem;          // empty for non-words
  std::span<const AtomId> atoms;  // sorted
  uint64_t hash = 0;
  // For {echo} conditions: a hash of the token's content term (its stem, or a
  // number as written), 0 when it has none (stop words, words under three
  // letters, punctuation).
  uint64_t echo_term = 0;
  uint32_t cls = 0;  // equal for tokens with equal atoms (see Runner)
  text::TokenKind kind = text::TokenKind::kSymbol;
  bool abbreviation = false;
};
static_assert(std::is_trivially_destructible_v<TokenInfo>);  // it lives in a ByteArena

class Classifier {
 public:
  // The default bound: on a 100 MB batch, 3072 entries (half kept at each
  // eviction) classify 22 % fewer tokens than the old drop-all cache of 4096
  // did, at no more peak memory; 4096 saves 3 % more of them for 1.3 MB more.
  explicit Classifier(const ClassifierConfig& config, size_t max_entries = 3072);
  ~Classifier();

  // The cached classification of `surface` (of kind `kind`: a surface form is
  // assumed to always come with the same kind), classified now if new.
  const TokenInfo& Get(std::string_view surface, text::TokenKind kind);
  // Bounds the cache and the class table; invalidates every TokenInfo returned so far.
  void Trim();
  size_t size() const { return entries_.size(); }
  // Changes whenever class ids are reassigned (when the class table outgrew
  // its bound), so a Runner knows to forget what it learnt about them. Within
  // one generation a class id always stands for the same atom set, across
  // evictions too (a form evicted and classified again gets its old id).
  uint64_t class_generation() const { return class_generation_; }
  // The sorted atoms of class `cls` of the current generation (the atoms of
  // every token Get() gives that class); empty for the sentence edges (0, 1).
  std::span<const AtomId> class_atoms(uint32_t cls) const {
    return cls < 2 ? std::span<const AtomId>() : class_atoms_[cls - 2];
  }

  // Counters, for benchmarks and tests.
  struct Stats {
    uint64_t adds = 0;       // tokens classified (cache misses)
    uint64_t evictions = 0;  // Trim() calls that evicted entries
  };
  const Stats& stats() const { return stats_; }

 private:
  // Get() past the front cache: the index of the entry, added if new.
  size_t Find(std::string_view surface, text::TokenKind kind);
  // Classifies a surface form not seen before and stores it at `slot`.
  void Add(std::string_view surface, text::TokenKind kind, uint64_t hash, size_t slot);
  // Letters, case and stem of a word; the stem views the stemmer's buffer or norm_.
  void ClassifyWord(std::string_view surface, TokenFeatures* f) const;
  // Copies a token's bytes into `arena`, sharing equal ones.
  static void StoreBytes(std::string_view surface, std::string_view norm, std::string_view stem,
                         ByteArena* arena, TokenInfo* info);
  // The class of an atom set, added if new; `*stored` views its atoms in class_bytes_.
  uint32_t ClassOf(std::span<const AtomId> atoms, std::span<const AtomId>* stored);
  // Keeps the `keep` entries with the most hits (all when keep >= size()),
  // moved down in place in the arena; with `reclass`, in a new class generation.
  void Rebuild(size_t keep, bool reclass);
  // Places entry `index` (hash `hash`) in the lookup table.
  void Place(uint64_t hash, size_t index);
  // Doubles the lookup table and places every entry again.
  void Grow();

  ClassifierConfig config_;  // every set non-null
  std::unique_ptr<text::Stemmer> stemmer_;
  size_t max_entries_;
  // The cache: entries (in entry_bytes_) in the order added, the lookups of
  // each since the last eviction, and a flat open-addressing table (linear
  // probing, load at most one half) of slots (hash >> 32) << 32 | (index into
  // entries_ + 1); 0 = empty.
  ByteArena entry_bytes_;
  std::vector<TokenInfo*> entries_;
  std::vector<uint32_t> hits_;
  std::vector<uint64_t> table_;
  // The front cache: slot by ShortKey::Hash(); info null = empty.
  struct Front {
    ShortKey key;
    uint32_t index = 0;  // into entries_ and hits_
    const TokenInfo* info = nullptr;
  };
  static constexpr unsigned kFrontBits = 11;
  std::vector<Front> front_;
  // Sorted atom sets (their bytes, in class_bytes_) -> class id; ids 0 and 1
  // are the sentence edges. Kept across evictions, dropped with a new generation.
  ByteArena class_bytes_;
  std::unordered_map<std::string_view, uint32_t> classes_;
  std::vector<std::span<const AtomId>> class_atoms_;  // by class id - 2
  uint64_t class_generation_ = 0;
  Stats stats_;
  // Scratch space of Add(), kept to reuse its memory.
  std::string norm_;
  std::vector<AtomId> atoms_;
};

}  // namespace tact::match

#endif  // TACT_MATCH_CLASSIFIER_H_
