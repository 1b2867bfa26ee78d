#include "text/stemmer.h"

#include <libstemmer.h>

#include <cstring>

namespace tact::text {

std::unique_ptr<Stemmer> Stemmer::Create(const std::string& algorithm) {
  sb_stemmer* s = sb_stemmer_new(algorithm.c_str(), "UTF_8");
  if (s == nullptr) return nullptr;
  return std::unique_ptr<Stemmer>(new Stemmer(s, algorithm));
}

Stemmer::~Stemmer() { sb_stemmer_delete(stemmer_); }

std::string_view Stemmer::Stem(std::string_view word) {
  const sb_symbol* out = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
  if (out == nullptr) return word;  // out of memory: the word is its own stem
  return std::string_view(reinterpret_cast<const char*>(out),
                          static_cast<size_t>(sb_stemmer_length(stemmer_)));
}

bool StemmerExists(const std::string& algorithm) {
  for (const char** list = sb_stemmer_list(); *list != nullptr; ++list) {
    if (algorithm == *list) return true;
  }
  return false;
}

}  // namespace tact::text
