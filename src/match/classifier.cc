#include "match/classifier.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "rules/pack.h"
#include "text/normalize.h"

namespace tact::match {

Classifier::Classifier(const rules::LanguagePack& pack, size_t max_entries)
    : pack_(pack), max_entries_(max_entries) {
  if (pack.stemmer != "none") stemmer_ = text::Stemmer::Create(pack.stemmer);
}

Classifier::~Classifier() = default;

void Classifier::Trim() {
  if (cache_.size() > max_entries_) cache_.clear();
}

const TokenInfo& Classifier::Get(std::string_view surface, text::TokenKind kind) {
  auto it = cache_.find(surface);
  if (it != cache_.end()) return *it->second;
  auto info = std::make_unique<TokenInfo>();
  info->kind = kind;
  text::NormalizeAppend(surface, &info->norm);
  TokenFeatures f;
  f.norm = info->norm;
  f.is_word = kind == text::TokenKind::kWord;
  f.is_number = kind == text::TokenKind::kNumber;
  f.is_punct = kind == text::TokenKind::kPunct;
  f.is_symbol = kind == text::TokenKind::kSymbol;
  if (f.is_word) {
    int upper = 0, lower = 0;
    const auto* s = reinterpret_cast<const uint8_t*>(surface.data());
    int32_t len = static_cast<int32_t>(surface.size());
    bool foreign = false, digits = false;
    for (int32_t i = 0; i < len;) {
      UChar32 c;
      U8_NEXT(s, i, len, c);
      if (c >= 0 && u_isdigit(c)) digits = true;
      if (c < 0 || !u_isalpha(c)) continue;
      ++f.letters;
      if (u_isupper(c)) ++upper;
      if (u_islower(c)) ++lower;
      if (!pack_.alphabet_set.empty() && pack_.alphabet_set.count(u_tolower(c)) == 0)
        foreign = true;
    }
    f.all_upper = upper > 0 && lower == 0;
    f.not_shouting = foreign || digits || pack_.acronyms.count(info->norm) > 0;
    if (stemmer_)
      info->stem = std::string(stemmer_->Stem(info->norm));
    else
      info->stem = info->norm;
    f.stem = info->stem;
    info->abbreviation = pack_.abbreviations.count(info->norm) > 0;
  }
  pack_.atoms.AtomsFor(f, &info->atoms);
  const TokenInfo& ref = *info;
  cache_.emplace(std::string(surface), std::move(info));
  return ref;
}

}  // namespace tact::match
