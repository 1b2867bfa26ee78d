#include "match/atoms.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <mutex>

#include <algorithm>

namespace tact::match {

struct AtomTable::RegexAtom {
  std::unique_ptr<re2::RE2> re;
  AtomId id;
};

// All regexes of a pack as one anchored RE2::Set, so a new token costs one
// match instead of one per regex. Built on first use (packs are shared by
// threads); when it cannot be built or runs out of memory on a token, the
// regexes are matched one by one, with the same result.
struct AtomTable::RegexSet {
  std::once_flag once;
  std::unique_ptr<re2::RE2::Set> set;
};

AtomTable::AtomTable() : set_(std::make_unique<RegexSet>()) {}
AtomTable::~AtomTable() = default;
AtomTable::AtomTable(AtomTable&&) noexcept = default;
AtomTable& AtomTable::operator=(AtomTable&&) noexcept = default;

AtomId AtomTable::Literal(const std::string& norm) {
  auto [it, inserted] = literals_.try_emplace(norm, next_);
  if (inserted) ++next_;
  return it->second;
}

AtomId AtomTable::Stem(const std::string& stem) {
  auto [it, inserted] = stems_.try_emplace(stem, next_);
  if (inserted) ++next_;
  return it->second;
}

AtomId AtomTable::Prefix(const std::string& prefix) {
  auto [it, inserted] = prefixes_.try_emplace(prefix, next_);
  if (inserted) {
    ++next_;
    max_prefix_len_ = std::max(max_prefix_len_, prefix.size());
  }
  return it->second;
}

AtomId AtomTable::Class(TokenClass c, int n) {
  for (const auto& a : classes_) {
    if (a.cls == c && a.n == n) return a.id;
  }
  classes_.push_back({c, n, next_});
  return next_++;
}

bool AtomTable::Regex(const std::string& re, int64_t max_mem, AtomId* out, std::string* error) {
  for (const auto& r : regexes_) {
    if (r->re->pattern() == re) {
      *out = r->id;
      return true;
    }
  }
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_max_mem(max_mem);
  auto compiled = std::make_unique<re2::RE2>(re, opts);
  if (!compiled->ok()) {
    *error = compiled->error();
    return false;
  }
  regexes_.push_back(std::make_unique<RegexAtom>(RegexAtom{std::move(compiled), next_}));
  *out = next_++;
  return true;
}

AtomId AtomTable::Not(std::vector<AtomId> members) {
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  for (const auto& [m, id] : nots_) {
    if (m == members) return id;
  }
  nots_.emplace_back(std::move(members), next_);
  return next_++;
}

bool AtomTable::CanJoinUnion(AtomId a) const {
  if (a == kAnyAtom || a == kSentenceStartAtom || a == kSentenceEndAtom) return false;
  for (const auto& n : nots_) {
    if (n.second == a) return false;
  }
  return true;
}

AtomId AtomTable::Union(std::vector<AtomId> members) {
  std::vector<AtomId> flat;
  for (AtomId m : members) {
    auto it = union_members_.find(m);
    if (it == union_members_.end()) {
      flat.push_back(m);
    } else {
      flat.insert(flat.end(), it->second.begin(), it->second.end());
    }
  }
  std::sort(flat.begin(), flat.end());
  flat.erase(std::unique(flat.begin(), flat.end()), flat.end());
  if (flat.size() == 1) return flat[0];
  auto [it, inserted] = unions_.try_emplace(flat, next_);
  if (!inserted) return it->second;
  for (AtomId m : flat) member_unions_[m].push_back(next_);
  union_members_.emplace(next_, std::move(flat));
  return next_++;
}

void AtomTable::MatchRegexes(std::string_view norm, std::vector<AtomId>* out) const {
  const re2::StringPiece text(norm.data(), norm.size());
  if (regexes_.size() > 1) {
    std::call_once(set_->once, [this] {
      RE2::Options opts;
      opts.set_log_errors(false);
      int64_t mem = 8 << 20;
      for (const auto& r : regexes_) mem += r->re->options().max_mem();
      opts.set_max_mem(std::min<int64_t>(mem, int64_t{256} << 20));
      auto set = std::make_unique<re2::RE2::Set>(opts, RE2::ANCHOR_BOTH);
      for (const auto& r : regexes_) {
        if (set->Add(r->re->pattern(), nullptr) < 0) return;
      }
      if (set->Compile()) set_->set = std::move(set);
    });
    if (set_->set) {
      std::vector<int> hits;
      re2::RE2::Set::ErrorInfo info;
      if (set_->set->Match(text, &hits, &info)) {
        for (int i : hits) out->push_back(regexes_[static_cast<size_t>(i)]->id);
        return;
      }
      if (info.kind == re2::RE2::Set::kNoError) return;  // no regex matches
    }
  }
  for (const auto& r : regexes_) {
    if (RE2::FullMatch(text, *r->re)) out->push_back(r->id);
  }
}

void AtomTable::AtomsFor(const TokenFeatures& f, std::vector<AtomId>* out) const {
  size_t first = out->size();
  out->push_back(kAnyAtom);
  if (!literals_.empty()) {
    auto it = literals_.find(std::string(f.norm));
    if (it != literals_.end()) out->push_back(it->second);
    if (f.has_question && f.norm != "?") {
      it = literals_.find("?");
      if (it != literals_.end()) out->push_back(it->second);
    }
    if (f.has_exclamation && f.norm != "!") {
      it = literals_.find("!");
      if (it != literals_.end()) out->push_back(it->second);
    }
  }
  if (!f.stem.empty() && !stems_.empty()) {
    auto it = stems_.find(std::string(f.stem));
    if (it != stems_.end()) out->push_back(it->second);
  }
  if (!prefixes_.empty()) {
    size_t limit = std::min(max_prefix_len_, f.norm.size());
    std::string key;
    for (size_t len = 1; len <= limit; ++len) {
      // Only cut at UTF-8 code point boundaries.
      if (len < f.norm.size() && (static_cast<unsigned char>(f.norm[len]) & 0xC0) == 0x80) continue;
      key.assign(f.norm.substr(0, len));
      auto it = prefixes_.find(key);
      if (it != prefixes_.end()) out->push_back(it->second);
    }
  }
  for (const auto& c : classes_) {
    bool ok = false;
    switch (c.cls) {
      case TokenClass::kCaps:
        ok = f.all_upper && f.letters >= c.n && !f.not_shouting;
        break;
      case TokenClass::kNum:
        ok = f.is_number;
        break;
      case TokenClass::kWord:
        ok = f.is_word;
        break;
      case TokenClass::kPunct:
        ok = f.is_punct;
        break;
      case TokenClass::kSymbol:
        ok = f.is_symbol;
        break;
      case TokenClass::kRange:
        ok = f.is_range;
        break;
      case TokenClass::kUrl:
        ok = f.is_url;
        break;
      case TokenClass::kEmail:
        ok = f.is_email;
        break;
      case TokenClass::kHandle:
        ok = f.is_handle;
        break;
      case TokenClass::kHashtag:
        ok = f.is_hashtag;
        break;
    }
    if (ok) out->push_back(c.id);
  }
  if (!regexes_.empty()) MatchRegexes(f.norm, out);
  // Then the unions of what the token satisfies so far.
  if (!member_unions_.empty()) {
    const size_t base_end = out->size();
    for (size_t i = first; i < base_end; ++i) {
      auto it = member_unions_.find((*out)[i]);
      if (it != member_unions_.end()) out->insert(out->end(), it->second.begin(), it->second.end());
    }
  }
  // Negations last: they depend on everything the token satisfies.
  if (!nots_.empty()) {
    size_t positive_end = out->size();
    for (const auto& [members, id] : nots_) {
      bool any = false;
      for (size_t i = first; i < positive_end && !any; ++i) {
        any = std::binary_search(members.begin(), members.end(), (*out)[i]);
      }
      if (!any) out->push_back(id);
    }
  }
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end());
  out->erase(std::unique(out->begin() + static_cast<std::ptrdiff_t>(first), out->end()),
             out->end());
}

}  // namespace tact::match
