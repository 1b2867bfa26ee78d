#include "match/atoms.h"

#include "common/bytes.h"
#include "match/letter_suffix.h"
#include "match/string_table.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <cassert>
#include <mutex>

#include <algorithm>

namespace tact::match {

struct AtomTable::RegexAtom {
  std::string pattern;
  int64_t max_mem;
  AtomId id;
  bool native = false;  // a letter-suffix regex, tested without RE2
  LetterSuffix suffix;
};

// All regexes of a pack as one anchored RE2::Set, so a new token costs one
// match instead of one per regex. Built on first use (packs are shared by
// threads); when it cannot be built or runs out of memory on a token, the
// regexes are matched one by one, with the same result. Compiling a regex
// costs more than most runs spend matching (a \pL is a large program), so
// the one-by-one programs too are compiled only when first needed.
struct AtomTable::RegexSet {
  std::once_flag once;
  std::unique_ptr<re2::RE2::Set> set;
  std::once_flag each_once;
  std::vector<std::unique_ptr<re2::RE2>> each;  // by index into re2_
};

void AtomTable::AddRegex(std::string pattern, int64_t max_mem, AtomId id) {
  auto r = std::make_unique<RegexAtom>(RegexAtom{std::move(pattern), max_mem, id});
  r->native = ParseLetterSuffix(r->pattern, &r->suffix);
  if (!r->native) re2_.push_back(r.get());
  regexes_.push_back(std::move(r));
}

AtomTable::AtomTable() : set_(std::make_unique<RegexSet>()) {}
AtomTable::~AtomTable() = default;
AtomTable::AtomTable(AtomTable&&) noexcept = default;
AtomTable& AtomTable::operator=(AtomTable&&) noexcept = default;

AtomId AtomTable::Literal(const std::string& norm) {
  assert(!frozen_);  // building ends with Freeze()
  auto [it, inserted] = literals_.try_emplace(norm, next_);
  if (inserted) ++next_;
  return it->second;
}

AtomId AtomTable::Stem(const std::string& stem) {
  assert(!frozen_);  // building ends with Freeze()
  auto [it, inserted] = stems_.try_emplace(stem, next_);
  if (inserted) ++next_;
  return it->second;
}

AtomId AtomTable::Prefix(const std::string& prefix) {
  assert(!frozen_);  // building ends with Freeze()
  auto [it, inserted] = prefixes_.try_emplace(prefix, next_);
  if (inserted) ++next_;
  return it->second;
}

AtomId AtomTable::Class(TokenClass c, int n) {
  for (const auto& a : classes_) {
    if (a.cls == c && a.n == n) return a.id;
  }
  classes_.push_back({c, n, next_});
  return next_++;
}

namespace {

std::unique_ptr<re2::RE2> CompileRegex(const std::string& re, int64_t max_mem) {
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_max_mem(max_mem);
  return std::make_unique<re2::RE2>(re, opts);
}

}  // namespace

bool AtomTable::Regex(const std::string& re, int64_t max_mem, AtomId* out, std::string* error) {
  for (const auto& r : regexes_) {
    if (r->pattern == re) {
      *out = r->id;
      return true;
    }
  }
  // Compiled here only to report errors where the rule is.
  auto compiled = CompileRegex(re, max_mem);
  if (!compiled->ok()) {
    *error = compiled->error();
    return false;
  }
  AddRegex(re, max_mem, next_);
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
  assert(!frozen_);  // building ends with Freeze()
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
  union_members_.emplace(next_, std::move(flat));
  return next_++;
}

void AtomTable::MatchRegexes(std::string_view norm, std::vector<AtomId>* out) const {
  for (const auto& r : regexes_) {
    if (r->native && MatchesLetterSuffix(r->suffix, norm)) out->push_back(r->id);
  }
  if (re2_.empty()) return;
  const re2::StringPiece text(norm.data(), norm.size());
  if (re2_.size() > 1) {
    std::call_once(set_->once, [this] {
      RE2::Options opts;
      opts.set_log_errors(false);
      int64_t mem = 8 << 20;
      for (const RegexAtom* r : re2_) mem += r->max_mem;
      opts.set_max_mem(std::min<int64_t>(mem, int64_t{256} << 20));
      auto set = std::make_unique<re2::RE2::Set>(opts, RE2::ANCHOR_BOTH);
      for (const RegexAtom* r : re2_) {
        if (set->Add(r->pattern, nullptr) < 0) return;
      }
      if (set->Compile()) set_->set = std::move(set);
    });
    if (set_->set) {
      std::vector<int> hits;
      re2::RE2::Set::ErrorInfo info;
      if (set_->set->Match(text, &hits, &info)) {
        for (int i : hits) out->push_back(re2_[static_cast<size_t>(i)]->id);
        return;
      }
      if (info.kind == re2::RE2::Set::kNoError) return;  // no regex matches
    }
  }
  std::call_once(set_->each_once, [this] {
    for (const RegexAtom* r : re2_) set_->each.push_back(CompileRegex(r->pattern, r->max_mem));
  });
  for (size_t i = 0; i < re2_.size(); ++i) {
    if (set_->each[i]->ok() && RE2::FullMatch(text, *set_->each[i])) out->push_back(re2_[i]->id);
  }
}

namespace {

// Whether a token with features `f` is of class `cls` (`n`: the letters {caps N} needs).
bool Satisfies(const TokenFeatures& f, TokenClass cls, int n) {
  switch (cls) {
    case TokenClass::kCaps:
      return f.all_upper && f.letters >= n && !f.not_shouting;
    case TokenClass::kNum:
      return f.is_number;
    case TokenClass::kWord:
      return f.is_word;
    case TokenClass::kPunct:
      return f.is_punct;
    case TokenClass::kSymbol:
      return f.is_symbol;
    case TokenClass::kRange:
      return f.is_range;
    case TokenClass::kUrl:
      return f.is_url;
    case TokenClass::kEmail:
      return f.is_email;
    case TokenClass::kHandle:
      return f.is_handle;
    case TokenClass::kHashtag:
      return f.is_hashtag;
  }
  return false;
}

}  // namespace

void AtomTable::AtomsFor(const TokenFeatures& f, std::vector<AtomId>* out) const {
  assert(frozen_);
  size_t first = out->size();
  out->push_back(kAnyAtom);
  AtomId id;
  if (literal_table_.Find(f.norm, &id)) out->push_back(id);
  if (f.has_question && f.norm != "?" && literal_table_.Find("?", &id)) out->push_back(id);
  if (f.has_exclamation && f.norm != "!" && literal_table_.Find("!", &id)) out->push_back(id);
  if (!f.stem.empty() && stem_table_.Find(f.stem, &id)) out->push_back(id);
  if (!prefix_table_.empty()) {
    const size_t limit = std::min(prefix_table_.max_key_size(), f.norm.size());
    for (size_t len = 1; len <= limit; ++len) {
      // Only cut at UTF-8 code point boundaries.
      if (len < f.norm.size() && (static_cast<unsigned char>(f.norm[len]) & 0xC0) == 0x80) continue;
      if (prefix_table_.Find(f.norm.substr(0, len), &id)) out->push_back(id);
    }
  }
  for (const auto& c : classes_) {
    if (Satisfies(f, c.cls, c.n)) out->push_back(c.id);
  }
  if (!regexes_.empty()) MatchRegexes(f.norm, out);
  // Then the unions of what the token satisfies so far.
  if (!union_members_sorted_.empty()) {
    const size_t base_end = out->size();
    for (size_t i = first; i < base_end; ++i) {
      const AtomId a = (*out)[i];
      auto it = std::lower_bound(union_members_sorted_.begin(), union_members_sorted_.end(), a);
      if (it == union_members_sorted_.end() || *it != a) continue;
      const size_t m = static_cast<size_t>(it - union_members_sorted_.begin());
      out->insert(out->end(), member_unions_.begin() + union_at_[m],
                  member_unions_.begin() + union_at_[m + 1]);
    }
  }
  // Negations last: they depend on everything the token satisfies.
  if (!nots_.empty()) {
    size_t positive_end = out->size();
    for (const auto& [members, not_atom] : nots_) {
      bool any = false;
      for (size_t i = first; i < positive_end && !any; ++i) {
        any = std::binary_search(members.begin(), members.end(), (*out)[i]);
      }
      if (!any) out->push_back(not_atom);
    }
  }
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end());
  out->erase(std::unique(out->begin() + static_cast<std::ptrdiff_t>(first), out->end()),
             out->end());
}

}  // namespace tact::match

namespace tact::match {
namespace {

void SaveIds(const std::vector<AtomId>& ids, ByteWriter* w) {
  w->U32(static_cast<uint32_t>(ids.size()));
  for (AtomId a : ids) w->U32(a);
}

std::vector<AtomId> LoadIds(ByteReader* r, AtomId next) {
  std::vector<AtomId> ids(r->Count(4));
  for (AtomId& a : ids) {
    a = r->U32();
    if (a >= next) r->Fail();
  }
  return ids;
}

}  // namespace

void AtomTable::Freeze() {
  literal_table_ = StringTable(literals_);
  stem_table_ = StringTable(stems_);
  prefix_table_ = StringTable(prefixes_);
  std::vector<std::pair<AtomId, AtomId>> pairs;  // (member, union)
  for (const auto& [u, members] : union_members_)
    for (AtomId m : members) pairs.emplace_back(m, u);
  std::sort(pairs.begin(), pairs.end());
  union_storage_ = std::make_unique<UnionStorage>();
  for (const auto& [m, u] : pairs) {
    if (union_storage_->members.empty() || union_storage_->members.back() != m) {
      union_storage_->members.push_back(m);
      union_storage_->at.push_back(static_cast<uint32_t>(union_storage_->unions.size()));
    }
    union_storage_->unions.push_back(u);
  }
  union_storage_->at.push_back(static_cast<uint32_t>(union_storage_->unions.size()));
  ViewUnions();
  // The building maps are not needed any more.
  std::unordered_map<std::string, AtomId>().swap(literals_);
  std::unordered_map<std::string, AtomId>().swap(stems_);
  std::unordered_map<std::string, AtomId>().swap(prefixes_);
  std::map<std::vector<AtomId>, AtomId>().swap(unions_);
  std::unordered_map<AtomId, std::vector<AtomId>>().swap(union_members_);
  frozen_ = true;
}

void AtomTable::ViewUnions() {
  union_members_sorted_ = union_storage_->members;
  union_at_ = union_storage_->at;
  member_unions_ = union_storage_->unions;
}

void AtomTable::Save(ByteWriter* w) const {
  assert(frozen_);
  w->U32(next_);
  literal_table_.Save(w);
  stem_table_.Save(w);
  prefix_table_.Save(w);
  w->U32(static_cast<uint32_t>(classes_.size()));
  for (const auto& c : classes_) {
    w->U32(static_cast<uint32_t>(c.cls));
    w->I32(c.n);
    w->U32(c.id);
  }
  w->U32(static_cast<uint32_t>(regexes_.size()));
  for (const auto& r : regexes_) {
    w->Str(r->pattern);
    w->U64(static_cast<uint64_t>(r->max_mem));
    w->U32(r->id);
  }
  w->U32(static_cast<uint32_t>(nots_.size()));
  for (const auto& [members, id] : nots_) {
    SaveIds(members, w);
    w->U32(id);
  }
  w->Array(union_members_sorted_);
  w->Array(union_at_);
  w->Array(member_unions_);
}

bool AtomTable::Load(ByteReader* r, bool borrow, std::string* error) {
  *this = AtomTable();
  next_ = r->U32();
  if (!literal_table_.Load(r, borrow) || !stem_table_.Load(r, borrow) ||
      !prefix_table_.Load(r, borrow)) {
    r->Fail();
  }
  for (uint32_t i = 0, n = r->Count(12); i < n && r->ok(); ++i) {
    const uint32_t cls = r->U32();
    const int n_arg = r->I32();
    const AtomId id = r->U32();
    if (cls > static_cast<uint32_t>(TokenClass::kHashtag) || id >= next_) r->Fail();
    classes_.push_back({static_cast<TokenClass>(cls), n_arg, id});
  }
  for (uint32_t i = 0, n = r->Count(16); i < n && r->ok(); ++i) {
    const std::string pattern = r->Str();
    const int64_t max_mem = static_cast<int64_t>(r->U64());
    const AtomId id = r->U32();
    if (!r->ok() || id >= next_) break;
    AddRegex(pattern, max_mem, id);
  }
  for (uint32_t i = 0, n = r->Count(8); i < n && r->ok(); ++i) {
    std::vector<AtomId> members = LoadIds(r, next_);
    const AtomId id = r->U32();
    nots_.emplace_back(std::move(members), id);
  }
  union_members_sorted_ = r->ArrayView<AtomId>();
  union_at_ = r->ArrayView<uint32_t>();
  member_unions_ = r->ArrayView<AtomId>();
  bool ok = r->ok() && union_at_.size() == union_members_sorted_.size() + 1 &&
            std::is_sorted(union_members_sorted_.begin(), union_members_sorted_.end());
  for (size_t i = 0; ok && i + 1 < union_at_.size(); ++i)
    ok = union_at_[i] <= union_at_[i + 1] && union_at_[i + 1] <= member_unions_.size();
  for (size_t i = 0; ok && i < member_unions_.size(); ++i) ok = member_unions_[i] < next_;
  if (!ok) {
    *error = "truncated or damaged atom table";
    r->Fail();
    return false;
  }
  if (!borrow) {
    union_storage_ = std::make_unique<UnionStorage>();
    union_storage_->members.assign(union_members_sorted_.begin(), union_members_sorted_.end());
    union_storage_->at.assign(union_at_.begin(), union_at_.end());
    union_storage_->unions.assign(member_unions_.begin(), member_unions_.end());
    ViewUnions();
  }
  frozen_ = true;
  return true;
}

}  // namespace tact::match
