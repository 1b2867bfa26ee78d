// Classifies tokens for one language pack, caching per distinct surface form.
//
// The first time a surface form ("Sorry", "извините", "!!!") is seen, it is
// normalized, stemmed and classified into atoms; afterwards it is one hash
// lookup. The cache is bounded: Trim() drops it when it has grown past the
// limit and must only be called between texts, because references returned by
// Get() stay valid until then. Not thread-safe: one per analyzer thread.
#ifndef TACT_MATCH_CLASSIFIER_H_
#define TACT_MATCH_CLASSIFIER_H_

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
  std::string norm;
  std::string stem;  // empty for non-words
  std::vector<AtomId> atoms;
  text::TokenKind kind = text::TokenKind::kSymbol;
  bool abbreviation = false;
};

class Classifier {
 public:
  explicit Classifier(const rules::LanguagePack& pack, size_t max_entries = 1 << 14);
  ~Classifier();

  const TokenInfo& Get(std::string_view surface, text::TokenKind kind);
  void Trim();
  size_t size() const { return cache_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  const rules::LanguagePack& pack_;
  std::unique_ptr<text::Stemmer> stemmer_;
  size_t max_entries_;
  std::unordered_map<std::string, std::unique_ptr<TokenInfo>, Hash, std::equal_to<>> cache_;
};

}  // namespace tact::match

#endif  // TACT_MATCH_CLASSIFIER_H_
