#include "text/label_words.h"

#include "text/normalize.h"
#include "text/tokenizer.h"

namespace tact::text {

std::vector<std::string> LabelWords(std::string_view label) {
  std::vector<RawToken> toks;
  Tokenize(label, &toks);
  std::vector<std::string> out;
  for (const auto& t : toks) {
    std::string_view s = label.substr(t.begin, t.end - t.begin);
    if (t.kind == TokenKind::kWord) {
      out.push_back(Normalize(s));
    } else if (t.kind == TokenKind::kEmail || t.kind == TokenKind::kHandle ||
               t.kind == TokenKind::kHashtag) {
      std::string spaced(s);
      for (char& c : spaced) {
        if (c == '@' || c == '#') c = ' ';
      }
      for (auto& w : LabelWords(spaced)) out.push_back(std::move(w));
    }
  }
  return out;
}

}  // namespace tact::text
