#include "match/classifier.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/normalize.h"

namespace tact::match {

Classifier::Classifier(const ClassifierConfig& config, size_t max_entries)
    : config_(config), max_entries_(max_entries) {
  // Null sets become empty ones, so lookups need no test.
  static const std::unordered_set<int32_t> kNoLetters;
  static const std::unordered_set<std::string> kNoWords;
  if (config_.alphabet == nullptr) config_.alphabet = &kNoLetters;
  if (config_.acronyms == nullptr) config_.acronyms = &kNoWords;
  if (config_.abbreviations == nullptr) config_.abbreviations = &kNoWords;
  if (config_.stopwords == nullptr) config_.stopwords = &kNoWords;
  if (config_.stemmer != "none") stemmer_ = text::Stemmer::Create(config_.stemmer);
}

Classifier::~Classifier() = default;

namespace {

uint64_t HashBytes(std::string_view s) {  // FNV-1a, then a final mix
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  h ^= h >> 32;
  return h;
}

}  // namespace

void Classifier::Trim() {
  if (infos_.size() > max_entries_) {
    infos_.clear();
    std::fill(table_.begin(), table_.end(), 0);
  }
  if (classes_.size() > max_entries_ && infos_.empty()) {
    classes_.clear();
    ++class_generation_;
  }
}

namespace {

// The features a token's kind gives.
void KindFeatures(text::TokenKind kind, TokenFeatures* f) {
  f->is_word = kind == text::TokenKind::kWord;
  f->is_number = kind == text::TokenKind::kNumber;
  f->is_punct = kind == text::TokenKind::kPunct;
  f->is_symbol = kind == text::TokenKind::kSymbol;
  f->is_url = kind == text::TokenKind::kUrl;
  f->is_email = kind == text::TokenKind::kEmail;
  f->is_handle = kind == text::TokenKind::kHandle;
  f->is_hashtag = kind == text::TokenKind::kHashtag;
}

// A number with exactly one dash is a range. (The tokenizer joins numbers
// only with dashes, '.', ',' and ':'.)
bool IsRange(std::string_view surface) {
  int dashes = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(surface.data());
  int32_t len = static_cast<int32_t>(surface.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    dashes += c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2013;
  }
  return dashes == 1;
}

}  // namespace

const TokenInfo& Classifier::Get(std::string_view surface, text::TokenKind kind) {
  const uint64_t hash = HashBytes(surface);
  if (table_.empty()) table_.assign(1024, 0);
  const size_t mask = table_.size() - 1;
  size_t slot = hash & mask;
  const uint64_t tag = hash >> 32 << 32;
  for (; table_[slot] != 0; slot = (slot + 1) & mask) {
    if ((table_[slot] & ~uint64_t{0xffffffff}) != tag) continue;
    const TokenInfo& t = *infos_[(table_[slot] & 0xffffffff) - 1];
    if (t.hash == hash && t.surface == surface) return t;
  }
  return Add(surface, kind, hash, slot);
}

const TokenInfo& Classifier::Add(std::string_view surface, text::TokenKind kind, uint64_t hash,
                                 size_t slot) {
  auto info = std::make_unique<TokenInfo>();
  info->surface.assign(surface);
  info->hash = hash;
  info->kind = kind;
  text::NormalizeAppend(surface, &info->norm);
  TokenFeatures f;
  f.norm = info->norm;
  KindFeatures(kind, &f);
  if (f.is_number) f.is_range = IsRange(surface);
  if (f.is_punct && info->norm.find_first_not_of("?!") == std::string::npos) {
    f.has_question = info->norm.find('?') != std::string::npos;
    f.has_exclamation = info->norm.find('!') != std::string::npos;
  }
  if (f.is_word) ClassifyWord(surface, info.get(), &f);
  if (kind == text::TokenKind::kNumber) {
    info->echo_term = HashBytes(info->norm) | 1;
  } else if (f.is_word && f.letters >= 3 && config_.stopwords->count(info->norm) == 0) {
    info->echo_term = HashBytes(info->stem.empty() ? info->norm : info->stem) | 1;
  }
  config_.atoms->AtomsFor(f, &info->atoms);
  std::string key(reinterpret_cast<const char*>(info->atoms.data()),
                  info->atoms.size() * sizeof(AtomId));
  info->cls = classes_.try_emplace(std::move(key), static_cast<uint32_t>(classes_.size()) + 2)
                  .first->second;
  const TokenInfo& ref = *info;
  infos_.push_back(std::move(info));
  table_[slot] = (hash >> 32 << 32) | infos_.size();
  if (infos_.size() * 2 > table_.size()) Grow();  // keep the load under one half
  return ref;
}

void Classifier::ClassifyWord(std::string_view surface, TokenInfo* info, TokenFeatures* f) const {
  int upper = 0, lower = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(surface.data());
  int32_t len = static_cast<int32_t>(surface.size());
  bool foreign = false, digits = false;
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c >= 0 && u_isdigit(c)) digits = true;
    if (c < 0 || !u_isalpha(c)) continue;
    ++f->letters;
    if (u_isupper(c)) ++upper;
    if (u_islower(c)) ++lower;
    if (!config_.alphabet->empty() && config_.alphabet->count(u_tolower(c)) == 0) foreign = true;
  }
  f->all_upper = upper > 0 && lower == 0;
  f->not_shouting = foreign || digits || config_.acronyms->count(info->norm) > 0;
  if (stemmer_)
    info->stem = std::string(stemmer_->Stem(info->norm));
  else
    info->stem = info->norm;
  f->stem = info->stem;
  info->abbreviation = config_.abbreviations->count(info->norm) > 0;
}

void Classifier::Grow() {
  table_.assign(table_.size() * 2, 0);
  const size_t mask = table_.size() - 1;
  for (uint64_t k = 0; k < infos_.size(); ++k) {
    const uint64_t h = infos_[k]->hash;
    size_t s = h & mask;
    while (table_[s] != 0) s = (s + 1) & mask;
    table_[s] = (h >> 32 << 32) | (k + 1);
  }
}

}  // namespace tact::match
