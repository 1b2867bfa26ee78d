#include "rules/pack_image.h"

#include <unicode/utf8.h>

#include <algorithm>

#include "common/bytes.h"

namespace tact::rules {
namespace {

// Bump when the layout below changes.
constexpr std::string_view kMagic = "TACTPACKIMAGE\0\0\x04";
constexpr size_t kMaxNodeDepth = 256;

// --- writing -----------------------------------------------------------------

void WriteLoc(const Location& l, ByteWriter* w) {
  w->Str(l.file);
  w->I32(l.line);
  w->I32(l.column);
}

void WriteStrings(std::vector<std::string> v, bool sort, ByteWriter* w) {
  if (sort) std::sort(v.begin(), v.end());
  w->U32(static_cast<uint32_t>(v.size()));
  for (const auto& s : v) w->Str(s);
}

template <typename Map>
void WriteStringMap(const Map& m, ByteWriter* w) {  // in key order
  std::vector<std::pair<std::string_view, std::string_view>> v(m.begin(), m.end());
  std::sort(v.begin(), v.end());
  w->U32(static_cast<uint32_t>(v.size()));
  for (const auto& [k, s] : v) {
    w->Str(k);
    w->Str(s);
  }
}

void WriteNode(const PatternNode& n, ByteWriter* w) {
  w->U32(static_cast<uint32_t>(n.type));
  w->Str(n.text);
  w->I32(n.number);
  w->I32(n.column);
  w->U32(static_cast<uint32_t>(n.children.size()));
  for (const auto& c : n.children) WriteNode(c, w);
}

void WritePattern(const Pattern& p, ByteWriter* w) {
  WriteNode(p.root, w);
  w->Str(p.source);
  WriteLoc(p.loc, w);
  w->Str(p.name);
  w->Bool(p.turn_scope);
  w->Bool(p.empty);
  w->I32(p.echo_min);
  w->I32(p.echo_share);
}

void WritePatterns(const std::vector<Pattern>& v, ByteWriter* w) {
  w->U32(static_cast<uint32_t>(v.size()));
  for (const auto& p : v) WritePattern(p, w);
}

void WriteBehaviour(const BehaviourDecl& b, ByteWriter* w) {
  w->Str(b.id);
  WriteLoc(b.loc, w);
  w->I32(b.kind ? static_cast<int32_t>(*b.kind) : -1);
  w->U32(static_cast<uint32_t>(b.speaker));
  w->Bool(b.speaker_set);
  WriteStringMap(b.titles, w);
  WriteStringMap(b.tips, w);
  w->Str(b.description);
  w->U32(static_cast<uint32_t>(b.level));
  w->Bool(b.level_set);
  w->F64(b.weight);
  w->U32(static_cast<uint32_t>(b.position));
  w->I32(b.position_n);
  w->U32(static_cast<uint32_t>(b.time_window));
  w->F64(b.time_seconds);
  w->Str(b.trigger);
  w->I32(b.trigger_window);
  WriteLoc(b.trigger_loc, w);
  w->U32(static_cast<uint32_t>(b.otherwise));
  w->Bool(b.otherwise_set);
  WriteStrings(b.applies_if, false, w);
  WriteStrings(b.applies_unless, false, w);
  WriteLoc(b.applies_loc, w);
  w->I32(b.min_turns);
  w->U32(static_cast<uint32_t>(b.channels.size()));
  for (Channel c : b.channels) w->U32(static_cast<uint32_t>(c));
  w->Bool(b.first_use);
  WritePatterns(b.matches, w);
  WritePatterns(b.vetoes, w);
  WritePatterns(b.turn_vetoes, w);
  w->U32(static_cast<uint32_t>(b.examples.size()));
  for (const auto& e : b.examples) {
    w->Bool(e.positive);
    w->Str(e.text);
    w->I32(e.mark_begin);
    w->I32(e.mark_end);
    WriteLoc(e.loc, w);
    w->Str(e.context);
  }
}

void WriteOwners(const std::vector<PatternOwner>& v, ByteWriter* w) {
  w->U32(static_cast<uint32_t>(v.size()));
  for (const auto& o : v) {
    w->U32(o.behaviour);
    w->U32(static_cast<uint32_t>(o.role));
    w->U32(o.index);
  }
}

void WriteVocabulary(const PackVocabulary& v, ByteWriter* w) {
  WriteStrings(v.agent_words, false, w);
  WriteStrings(v.customer_words, false, w);
  WriteStrings(v.agent_phrases, false, w);
  WriteStrings(v.help_openings, false, w);
  w->U32(static_cast<uint32_t>(v.pii_cues.size()));
  for (const auto& c : v.pii_cues) {
    w->U32(static_cast<uint32_t>(c.kind));
    w->Str(c.word);
    w->Bool(c.whole);
    w->Bool(c.adjacent);
  }
}

void WritePart(const LanguagePack& p, ByteWriter* w) {
  // Settings.
  w->Str(p.code);
  w->Str(p.name);
  w->Str(p.stemmer);
  w->Str(p.dir);
  WriteStrings(p.files, false, w);
  WriteStrings({p.abbreviations.begin(), p.abbreviations.end()}, true, w);
  WriteStrings(p.stopwords, false, w);
  w->Str(p.alphabet);
  WriteStrings({p.acronyms.begin(), p.acronyms.end()}, true, w);
  WriteStringMap(p.messages, w);
  WriteVocabulary(p.vocabulary, w);
  // Catalogue.
  w->U32(static_cast<uint32_t>(p.behaviours.size()));
  for (const auto& b : p.behaviours) WriteBehaviour(b, w);
  w->U32(static_cast<uint32_t>(p.lexicons.size()));
  for (const auto& l : p.lexicons) {
    w->Str(l.name);
    WriteLoc(l.loc, w);
    WritePatterns(l.items, w);
  }
  // Matcher.
  p.atoms.Save(w);
  WriteOwners(p.owners, w);
  w->Array(p.turn_scope);
  w->Bool(p.has_turn_patterns);
  WriteOwners(p.conditional, w);
  w->Align();
  p.program().Save(w);
  w->Align();
  p.turn_program().Save(w);
}

// --- reading -----------------------------------------------------------------

Location ReadLoc(ByteReader* r) {
  Location l;
  l.file = r->Str();
  l.line = r->I32();
  l.column = r->I32();
  return l;
}

std::vector<std::string> ReadStrings(ByteReader* r) {
  std::vector<std::string> v(r->Count(4));
  for (auto& s : v) s = r->Str();
  return v;
}

template <typename Map>
void ReadStringMap(ByteReader* r, Map* m) {
  for (uint32_t i = 0, n = r->Count(8); i < n && r->ok(); ++i) {
    std::string k = r->Str();
    (*m)[std::move(k)] = r->Str();
  }
}

// An enum stored as a number, checked against its last value.
template <typename E>
E ReadEnum(ByteReader* r, E last) {
  const uint32_t v = r->U32();
  if (v > static_cast<uint32_t>(last)) r->Fail();
  return r->ok() ? static_cast<E>(v) : E{};
}

void ReadNode(ByteReader* r, size_t depth, PatternNode* n) {
  if (depth > kMaxNodeDepth) return r->Fail();
  n->type = ReadEnum(r, PatternNode::Type::kNot);
  n->text = r->Str();
  n->number = r->I32();
  n->column = r->I32();
  n->children.resize(r->Count(16));
  for (auto& c : n->children) ReadNode(r, depth + 1, &c);
}

// Without `text`, the patterns' sources are skipped: only 'tact rules' and
// 'tact explain' print them, and a check would hold them for nothing.
std::vector<Pattern> ReadPatterns(ByteReader* r, bool text) {
  std::vector<Pattern> v(r->Count(32));
  for (auto& p : v) {
    ReadNode(r, 0, &p.root);
    if (text) {
      p.source = r->Str();
    } else {
      r->StrView();
    }
    p.loc = ReadLoc(r);
    p.name = r->Str();
    p.turn_scope = r->Bool();
    p.empty = r->Bool();
    p.echo_min = r->I32();
    p.echo_share = r->I32();
  }
  return v;
}

void ReadBehaviour(ByteReader* r, bool examples, BehaviourDecl* b) {
  b->id = r->Str();
  b->loc = ReadLoc(r);
  const int32_t kind = r->I32();
  if (kind > static_cast<int32_t>(Kind::kSignal)) r->Fail();
  if (kind >= 0) b->kind = static_cast<Kind>(kind);
  b->speaker = ReadEnum(r, SpeakerScope::kAny);
  b->speaker_set = r->Bool();
  ReadStringMap(r, &b->titles);
  ReadStringMap(r, &b->tips);
  b->description = r->Str();
  b->level = ReadEnum(r, Level::kInfo);
  b->level_set = r->Bool();
  b->weight = r->F64();
  b->position = ReadEnum(r, BehaviourDecl::Position::kLast);
  b->position_n = r->I32();
  b->time_window = ReadEnum(r, BehaviourDecl::TimeWindow::kLast);
  b->time_seconds = r->F64();
  b->trigger = r->Str();
  b->trigger_window = r->I32();
  b->trigger_loc = ReadLoc(r);
  b->otherwise = ReadEnum(r, Otherwise::kNotApplicable);
  b->otherwise_set = r->Bool();
  b->applies_if = ReadStrings(r);
  b->applies_unless = ReadStrings(r);
  b->applies_loc = ReadLoc(r);
  b->min_turns = r->I32();
  b->channels.resize(r->Count(4));
  for (auto& c : b->channels) c = ReadEnum(r, Channel::kEmail);
  b->first_use = r->Bool();
  b->matches = ReadPatterns(r, examples);
  b->vetoes = ReadPatterns(r, examples);
  b->turn_vetoes = ReadPatterns(r, examples);
  const uint32_t n = r->Count(24);
  if (examples) b->examples.reserve(n);
  for (uint32_t i = 0; i < n && r->ok(); ++i) {
    Example e;
    e.positive = r->Bool();
    e.text = r->Str();
    e.mark_begin = r->I32();
    e.mark_end = r->I32();
    e.loc = ReadLoc(r);
    e.context = r->Str();
    if (examples) b->examples.push_back(std::move(e));
  }
}

PackVocabulary ReadVocabulary(ByteReader* r) {
  PackVocabulary v;
  v.agent_words = ReadStrings(r);
  v.customer_words = ReadStrings(r);
  v.agent_phrases = ReadStrings(r);
  v.help_openings = ReadStrings(r);
  v.pii_cues.resize(r->Count(10));
  for (auto& c : v.pii_cues) {
    c.kind = ReadEnum(r, PiiCueKind::kMoneyAfter);
    c.word = r->Str();
    c.whole = r->Bool();
    c.adjacent = r->Bool();
  }
  return v;
}

std::vector<PatternOwner> ReadOwners(ByteReader* r, const LanguagePack& p) {
  std::vector<PatternOwner> v(r->Count(12));
  for (auto& o : v) {
    o.behaviour = r->U32();
    o.role = ReadEnum(r, PatternOwner::Role::kTurnVeto);
    o.index = r->U32();
    if (!r->ok() || o.behaviour >= p.behaviours.size()) {
      r->Fail();
      break;
    }
    const BehaviourDecl& b = p.behaviours[o.behaviour];
    const size_t n = o.role == PatternOwner::Role::kMatch  ? b.matches.size()
                     : o.role == PatternOwner::Role::kVeto ? b.vetoes.size()
                                                           : b.turn_vetoes.size();
    if (o.index >= n) r->Fail();
  }
  return v;
}

}  // namespace

std::string WritePackImage(const std::vector<const LanguagePack*>& packs) {
  std::vector<std::string> parts;
  for (const LanguagePack* p : packs) {
    ByteWriter w;
    WritePart(*p, &w);
    w.Align();
    parts.push_back(std::move(w.bytes()));
  }
  // Table of contents: the magic, then (code, offset, size) per part; parts
  // start at multiples of 8 bytes.
  ByteWriter toc;
  toc.bytes().append(kMagic);
  toc.U32(static_cast<uint32_t>(packs.size()));
  size_t toc_size = toc.size();
  for (const LanguagePack* p : packs) toc_size += 4 + p->code.size() + 16;
  toc_size += (8 - toc_size % 8) % 8;
  uint64_t offset = toc_size;
  for (size_t i = 0; i < packs.size(); ++i) {
    toc.Str(packs[i]->code);
    toc.U64(offset);
    toc.U64(parts[i].size());
    offset += parts[i].size();
  }
  toc.Align();
  std::string image = std::move(toc.bytes());
  for (const auto& part : parts) image += part;
  return image;
}

bool ReadImageIndex(std::string_view image, std::map<std::string, std::string_view>* parts,
                    std::string* error) {
  parts->clear();
  if (image.substr(0, kMagic.size()) != kMagic) {
    *error = "not a pack image of this version of tact";
    return false;
  }
  ByteReader r(image);
  r.Skip(kMagic.size());
  for (uint32_t i = 0, n = r.Count(20); i < n && r.ok(); ++i) {
    std::string code = r.Str();
    const uint64_t offset = r.U64(), size = r.U64();
    if (!r.ok() || offset % 8 != 0 || offset > image.size() || size > image.size() - offset) {
      r.Fail();
      break;
    }
    (*parts)[std::move(code)] = image.substr(offset, size);
  }
  if (!r.ok()) {
    *error = "damaged pack image: its table of contents is truncated or out of range";
    parts->clear();
    return false;
  }
  return true;
}

std::unique_ptr<LanguagePack> LoadPackImage(std::string_view part, ImageLoad what, bool borrow,
                                            std::string* error, bool examples) {
  auto p = std::make_unique<LanguagePack>();
  ByteReader r(part);
  auto damaged = [&](std::string_view where) {
    *error = "damaged pack image: " + std::string(where) + " of pack '" + p->code +
             "' is truncated or out of range";
    return nullptr;
  };
  p->code = r.Str();
  p->name = r.Str();
  p->stemmer = r.Str();
  p->dir = r.Str();
  p->files = ReadStrings(&r);
  for (auto& s : ReadStrings(&r)) p->abbreviations.insert(std::move(s));
  p->stopwords = ReadStrings(&r);
  p->stopword_set.insert(p->stopwords.begin(), p->stopwords.end());
  p->alphabet = r.Str();
  const auto* a = reinterpret_cast<const uint8_t*>(p->alphabet.data());
  const auto alen = static_cast<int32_t>(p->alphabet.size());
  for (int32_t i = 0; i < alen;) {
    UChar32 c;
    U8_NEXT(a, i, alen, c);
    if (c >= 0) p->alphabet_set.insert(c);
  }
  for (auto& s : ReadStrings(&r)) p->acronyms.insert(std::move(s));
  ReadStringMap(&r, &p->messages);
  p->vocabulary = ReadVocabulary(&r);
  if (!r.ok()) return damaged("the settings");
  if (what == ImageLoad::kSettings) return p;

  p->behaviours.resize(r.Count(64));
  for (uint32_t i = 0; i < p->behaviours.size() && r.ok(); ++i) {
    ReadBehaviour(&r, examples, &p->behaviours[i]);
    p->behaviour_index.emplace(p->behaviours[i].id, i);
  }
  p->lexicons.resize(r.Count(16));
  for (auto& l : p->lexicons) {
    l.name = r.Str();
    l.loc = ReadLoc(&r);
    l.items = ReadPatterns(&r, examples);
    // Lexicons are compiled into the atom table: only 'tact rules' reads them.
    if (!examples) l.items = {};
  }
  if (!r.ok()) return damaged("the behaviours");
  if (what == ImageLoad::kCatalogue) return p;

  if (!p->atoms.Load(&r, borrow, error)) return damaged("the atom table");
  p->owners = ReadOwners(&r, *p);
  std::span<const uint8_t> scope = r.ArrayView<uint8_t>();
  p->turn_scope.assign(scope.begin(), scope.end());
  p->has_turn_patterns = r.Bool();
  p->conditional = ReadOwners(&r, *p);
  if (!r.ok() || p->turn_scope.size() != p->owners.size()) return damaged("the pattern owners");
  match::Program sentence, turn;
  r.Skip((8 - r.pos() % 8) % 8);
  if (!sentence.Load(&r, borrow)) return damaged("the sentence program");
  r.Skip((8 - r.pos() % 8) % 8);
  if (!turn.Load(&r, borrow)) return damaged("the turn program");
  if (sentence.num_patterns() > p->owners.size() || turn.num_patterns() > p->owners.size())
    return damaged("the programs");
  p->SetPrograms(std::move(sentence), std::move(turn));
  return p;
}

}  // namespace tact::rules
