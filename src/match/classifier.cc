#include "match/classifier.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <new>
#include <numeric>

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
  const bool evict = entries_.size() > max_entries_;
  const bool reclass = classes_.size() > max_entries_;
  if (evict || reclass) Rebuild(evict ? max_entries_ / 2 : entries_.size(), reclass);
}

void Classifier::Rebuild(size_t keep, bool reclass) {
  std::vector<uint32_t> order(entries_.size());
  std::iota(order.begin(), order.end(), 0);
  if (keep < order.size()) {
    // The most hits first; among equals the older, so the choice is the same every run.
    std::nth_element(
        order.begin(), order.begin() + static_cast<ptrdiff_t>(keep), order.end(),
        [&](uint32_t a, uint32_t b) { return hits_[a] != hits_[b] ? hits_[a] > hits_[b] : a < b; });
    order.resize(keep);
    std::sort(order.begin(), order.end());  // the order added, as before
    ++stats_.evictions;
  }
  ByteArena old_classes;  // holds the old atom sets until the survivors are copied
  if (reclass) {
    old_classes = std::move(class_bytes_);
    class_bytes_ = ByteArena();
    classes_.clear();
    class_atoms_.clear();
    ++class_generation_;
  }
  // The survivors slide down in place (ByteArena::Rewind): the arena keeps
  // its blocks for the entries to come, so an eviction takes no new memory.
  std::vector<ByteArena::Block> large = entry_bytes_.Rewind();
  for (size_t i = 0; i < order.size(); ++i) {
    const TokenInfo old = *entries_[order[i]];  // a copy: the copy below may overwrite it
    auto* info = new (entry_bytes_.Allocate(sizeof(TokenInfo), alignof(TokenInfo))) TokenInfo(old);
    // Shared bytes are known by address: the moves may already have overwritten the old ones.
    info->surface = entry_bytes_.Copy(old.surface);
    info->norm =
        old.norm.data() == old.surface.data() ? info->surface : entry_bytes_.Copy(old.norm);
    info->stem = old.stem.data() == old.norm.data() ? info->norm : entry_bytes_.Copy(old.stem);
    if (reclass) info->cls = ClassOf(old.atoms, &info->atoms);
    entries_[i] = info;
    hits_[i] = hits_[order[i]] / 2;  // aging: what was common long ago fades
  }
  entries_.resize(order.size());
  hits_.resize(order.size());
  std::fill(table_.begin(), table_.end(), 0);
  for (size_t k = 0; k < entries_.size(); ++k) Place(entries_[k]->hash, k);
  std::fill(front_.begin(), front_.end(), Front{});  // the entries moved
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
  if (surface.size() > ShortKey::kMaxSize) return *entries_[Find(surface, kind)];
  const ShortKey key = ShortKey::Of(surface);
  if (front_.empty()) front_.resize(size_t{1} << kFrontBits);
  Front& f = front_[key.Hash() >> (64 - kFrontBits)];
  if (f.info != nullptr && f.key == key) {
    hits_[f.index] += hits_[f.index] != UINT32_MAX;
    return *f.info;
  }
  const size_t index = Find(surface, kind);
  f = {key, static_cast<uint32_t>(index), entries_[index]};
  return *f.info;
}

size_t Classifier::Find(std::string_view surface, text::TokenKind kind) {
  const uint64_t hash = HashBytes(surface);
  if (table_.empty()) table_.assign(1024, 0);
  const size_t mask = table_.size() - 1;
  size_t slot = hash & mask;
  const uint64_t tag = hash >> 32 << 32;
  for (; table_[slot] != 0; slot = (slot + 1) & mask) {
    if ((table_[slot] & ~uint64_t{0xffffffff}) != tag) continue;
    const size_t index = (table_[slot] & 0xffffffff) - 1;
    const TokenInfo& t = *entries_[index];
    if (t.hash == hash && t.surface == surface) {
      hits_[index] += hits_[index] != UINT32_MAX;
      return index;
    }
  }
  Add(surface, kind, hash, slot);
  return entries_.size() - 1;
}

void Classifier::Add(std::string_view surface, text::TokenKind kind, uint64_t hash, size_t slot) {
  ++stats_.adds;
  norm_.clear();
  text::NormalizeAppend(surface, &norm_);
  TokenFeatures f;
  f.norm = norm_;
  KindFeatures(kind, &f);
  if (f.is_number) f.is_range = IsRange(surface);
  if (f.is_punct && norm_.find_first_not_of("?!") == std::string::npos) {
    f.has_question = norm_.find('?') != std::string::npos;
    f.has_exclamation = norm_.find('!') != std::string::npos;
  }
  if (f.is_word) ClassifyWord(surface, &f);
  uint64_t echo_term = 0;
  if (kind == text::TokenKind::kNumber) {
    echo_term = HashBytes(norm_) | 1;
  } else if (f.is_word && f.letters >= 3 && config_.stopwords->count(norm_) == 0) {
    echo_term = HashBytes(f.stem.empty() ? std::string_view(norm_) : f.stem) | 1;
  }
  atoms_.clear();
  config_.atoms->AtomsFor(f, &atoms_);
  auto* info = new (entry_bytes_.Allocate(sizeof(TokenInfo), alignof(TokenInfo))) TokenInfo;
  StoreBytes(surface, norm_, f.stem, &entry_bytes_, info);
  info->hash = hash;
  info->echo_term = echo_term;
  info->kind = kind;
  info->abbreviation = f.is_word && config_.abbreviations->count(norm_) > 0;
  info->cls = ClassOf(atoms_, &info->atoms);
  entries_.push_back(info);
  hits_.push_back(1);
  table_[slot] = (hash >> 32 << 32) | entries_.size();
  if (entries_.size() * 2 > table_.size()) Grow();  // keep the load under one half
}

void Classifier::StoreBytes(std::string_view surface, std::string_view norm, std::string_view stem,
                            ByteArena* arena, TokenInfo* info) {
  info->surface = arena->Copy(surface);
  info->norm = norm == surface ? info->surface : arena->Copy(norm);
  info->stem = stem == norm ? info->norm : arena->Copy(stem);
}

uint32_t Classifier::ClassOf(std::span<const AtomId> atoms, std::span<const AtomId>* stored) {
  std::string_view key(reinterpret_cast<const char*>(atoms.data()), atoms.size_bytes());
  auto it = classes_.find(key);
  if (it == classes_.end()) {
    std::span<const AtomId> copy = class_bytes_.Copy(atoms);
    key = std::string_view(reinterpret_cast<const char*>(copy.data()), copy.size_bytes());
    it = classes_.emplace(key, static_cast<uint32_t>(classes_.size()) + 2).first;
    class_atoms_.push_back(copy);
  }
  *stored = {reinterpret_cast<const AtomId*>(it->first.data()), atoms.size()};
  return it->second;
}

void Classifier::ClassifyWord(std::string_view surface, TokenFeatures* f) const {
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
  f->not_shouting = foreign || digits || config_.acronyms->count(norm_) > 0;
  f->stem = stemmer_ ? stemmer_->Stem(norm_) : std::string_view(norm_);
}

void Classifier::Place(uint64_t hash, size_t index) {
  const size_t mask = table_.size() - 1;
  size_t s = hash & mask;
  while (table_[s] != 0) s = (s + 1) & mask;
  table_[s] = (hash >> 32 << 32) | (index + 1);
}

void Classifier::Grow() {
  table_.assign(table_.size() * 2, 0);
  for (size_t k = 0; k < entries_.size(); ++k) Place(entries_[k]->hash, k);
}

}  // namespace tact::match
