// A Snowball stemmer for one language (libstemmer, UTF-8).
//
// Not thread-safe: each analyzer thread owns its own Stemmer. Stem() expects
// normalized (case-folded) input and returns a view that stays valid until the
// next call.
#ifndef TACT_TEXT_STEMMER_H_
#define TACT_TEXT_STEMMER_H_

#include <memory>
#include <string>
#include <string_view>

struct sb_stemmer;

namespace tact::text {

class Stemmer {
 public:
  // `algorithm` is a libstemmer name ("english", "russian", ...). Returns null
  // when libstemmer does not know it.
  static std::unique_ptr<Stemmer> Create(const std::string& algorithm);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  std::string_view Stem(std::string_view word);
  const std::string& algorithm() const { return algorithm_; }

 private:
  Stemmer(sb_stemmer* s, std::string algorithm) : stemmer_(s), algorithm_(std::move(algorithm)) {}
  sb_stemmer* stemmer_;
  std::string algorithm_;
};

// True when libstemmer provides `algorithm`.
bool StemmerExists(const std::string& algorithm);

}  // namespace tact::text

#endif  // TACT_TEXT_STEMMER_H_
