// Atoms: the per-token tests a compiled pattern's edges are labelled with.
//
// An atom is a literal word, a stem, a prefix, a token class or a token regex.
// Every atom of a language lives in one AtomTable, so a token is classified
// once (AtomsFor) into the sorted list of atom ids it satisfies, and the
// matcher then follows edges by id. Classification cost depends on the token,
// not on how many patterns exist: literals and stems are hash lookups, prefixes
// one lookup per character boundary of the token, only regex atoms (the rare
// escape hatch) are tried one by one. Callers cache the result per distinct
// token. Immutable after construction; safe to share between threads.
#ifndef TACT_MATCH_ATOMS_H_
#define TACT_MATCH_ATOMS_H_

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "match/string_table.h"

namespace re2 {
class RE2;
}

namespace tact {
class ByteReader;
class ByteWriter;
}  // namespace tact

namespace tact::match {

using AtomId = uint32_t;
inline constexpr AtomId kAnyAtom = 0;  // satisfied by every real token (gaps)
// Satisfied only by the virtual tokens the matcher puts before and after each
// sentence, so '^' and '$' in a pattern anchor it to a sentence's edges.
inline constexpr AtomId kSentenceStartAtom = 1;
inline constexpr AtomId kSentenceEndAtom = 2;

enum class TokenClass : uint8_t {
  kCaps,
  kNum,
  kWord,
  kPunct,
  kSymbol,
  kRange,
  kUrl,
  kEmail,
  kHandle,
  kHashtag
};

// What the classifier needs to know about one token.
struct TokenFeatures {
  std::string_view norm;  // normalized text
  std::string_view stem;  // Snowball stem of `norm` (words only; else empty)
  bool is_word = false;
  bool is_number = false;
  bool is_punct = false;
  bool is_symbol = false;
  bool is_range = false;  // a number with one dash: "3-5", "10:00–12:00"
  bool is_url = false;
  bool is_email = false;
  bool is_handle = false;
  bool is_hashtag = false;
  // A run of question and exclamation marks ("??", "?!", "!!!") also
  // satisfies the literal "?" when it has a '?', and "!" when it has a '!'.
  bool has_question = false;
  bool has_exclamation = false;
  int letters = 0;         // letters in the original surface
  bool all_upper = false;  // the surface has letters and none is lowercase
  // Capitals that are not shouting: the pack lists it as an acronym, it has
  // digits (a model code), or letters outside the pack's alphabet.
  bool not_shouting = false;
};

class AtomTable {
 public:
  AtomTable();
  ~AtomTable();
  AtomTable(AtomTable&&) noexcept;
  AtomTable& operator=(AtomTable&&) noexcept;

  AtomId Literal(const std::string& norm);
  AtomId Stem(const std::string& stem);
  AtomId Prefix(const std::string& norm_prefix);
  AtomId Class(TokenClass c, int n);
  // Returns false and sets *error when RE2 rejects the expression or its
  // program exceeds `max_mem` bytes.
  bool Regex(const std::string& re, int64_t max_mem, AtomId* out, std::string* error);
  // An atom satisfied by every real token that satisfies none of `members`.
  AtomId Not(std::vector<AtomId> members);
  // An atom satisfied by every token that satisfies one of `members` (a
  // lexicon's single words): one NFA edge instead of one per word. Members
  // that are unions themselves are flattened; negations cannot be members.
  AtomId Union(std::vector<AtomId> members);
  // Whether `a` may be a member of a union (not a negation, '^', '$' or a gap).
  bool CanJoinUnion(AtomId a) const;

  // Ends building: literals, stems, prefixes and unions become the flat
  // tables AtomsFor() reads and Save() writes (the building maps are freed).
  // Call once, after the last atom is added.
  void Freeze();

  // Appends the sorted, unique atoms `f` satisfies (always including kAnyAtom).
  // Only on a frozen table.
  void AtomsFor(const TokenFeatures& f, std::vector<AtomId>* out) const;

  size_t size() const { return next_; }

  // A frozen table as bytes (common/bytes.h), and back. With `borrow`, Load()
  // uses the flat tables where they lie in the reader's buffer, which must
  // then outlive this table. Returns false with *error set when the bytes
  // are not a table. Regexes are compiled when first matched (under their
  // recorded memory limits).
  void Save(ByteWriter* w) const;
  bool Load(ByteReader* r, bool borrow, std::string* error);

 private:
  struct ClassAtom {
    TokenClass cls;
    int n;
    AtomId id;
  };
  struct RegexAtom;
  struct RegexSet;  // every regex in one RE2::Set, built on first use
  // Appends the atoms of the regexes `norm` fully matches.
  void MatchRegexes(std::string_view norm, std::vector<AtomId>* out) const;
  AtomId next_ = 3;
  std::unordered_map<std::string, AtomId> literals_;
  std::unordered_map<std::string, AtomId> stems_;
  std::unordered_map<std::string, AtomId> prefixes_;
  std::vector<ClassAtom> classes_;
  void AddRegex(std::string pattern, int64_t max_mem, AtomId id);
  std::vector<std::unique_ptr<RegexAtom>> regexes_;
  std::vector<const RegexAtom*> re2_;  // the regexes RE2 matches (not letter suffixes)
  std::unique_ptr<RegexSet> set_;
  std::vector<std::pair<std::vector<AtomId>, AtomId>> nots_;
  std::map<std::vector<AtomId>, AtomId> unions_;
  std::unordered_map<AtomId, std::vector<AtomId>> union_members_;  // union -> members

  // Frozen: the maps above as flat tables, and member -> unions as sorted
  // members with, for member i, its unions at [union_at_[i], union_at_[i+1]).
  bool frozen_ = false;
  StringTable literal_table_, stem_table_, prefix_table_;
  std::span<const AtomId> union_members_sorted_;
  std::span<const uint32_t> union_at_;
  std::span<const AtomId> member_unions_;
  struct UnionStorage {
    std::vector<AtomId> members;
    std::vector<uint32_t> at;
    std::vector<AtomId> unions;
  };
  std::unique_ptr<UnionStorage> union_storage_;
  void ViewUnions();
};

}  // namespace tact::match

#endif  // TACT_MATCH_ATOMS_H_
