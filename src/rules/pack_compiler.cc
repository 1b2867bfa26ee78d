#include "rules/pack.h"

#include <unicode/utf8.h>

#include <map>
#include <memory>
#include <unordered_map>

#include "common/strings.h"
#include "text/label_words.h"
#include "text/normalize.h"
#include "text/stemmer.h"
#include "text/tokenizer.h"

namespace tact::rules {
namespace {

class Compiler {
 public:
  Compiler(LanguagePack* pack, const CompileLimits& limits, Diagnostics* diags)
      : pack_(pack), limits_(limits), diags_(diags) {}

  bool Run(std::vector<RuleFile> files) {
    // Pack settings and lexicons first: patterns need them.
    if (!ApplyPackDecl(files)) return false;
    CollectLexicons(&files);
    CollectBehaviours(&files);
    CheckSignals();
    // Resolve every pattern now (so errors stop the run at start); the program
    // itself is built on first use.
    uint32_t next_id = 0;
    for (uint32_t bi = 0; bi < pack_->behaviours.size(); ++bi) {
      const BehaviourDecl& b = pack_->behaviours[bi];
      AddPatterns(bi, b.matches, PatternOwner::Role::kMatch, &next_id);
      AddPatterns(bi, b.vetoes, PatternOwner::Role::kVeto, &next_id);
      AddPatterns(bi, b.turn_vetoes, PatternOwner::Role::kTurnVeto, &next_id);
    }
    DropParseTrees();
    return errors_ == 0;
  }

 private:
  // The one `pack CODE` block of the language (its name, stemmer, word
  // lists and messages); false when its stemmer is unknown.
  bool ApplyPackDecl(const std::vector<RuleFile>& files) {
    const PackDecl* decl = nullptr;
    for (const auto& f : files) {
      pack_->files.push_back(f.path);
      for (const auto& p : f.packs) {
        if (p.code != pack_->code) {
          Error(p.loc,
                "pack '" + p.code + "' declared in the folder of language '" + pack_->code + "'");
        } else if (decl != nullptr) {
          Error(p.loc, "pack '" + p.code + "' is declared twice (first at " + decl->loc.file + ":" +
                           std::to_string(decl->loc.line) + ")");
        } else {
          decl = &p;
        }
      }
    }
    pack_->name = decl && !decl->name.empty() ? decl->name : pack_->code;
    pack_->stemmer = decl && !decl->stemmer.empty() ? decl->stemmer : DefaultStemmer(pack_->code);
    if (pack_->stemmer != "none") {
      stemmer_ = text::Stemmer::Create(pack_->stemmer);
      if (!stemmer_) {
        Location loc = decl ? decl->loc : Location{pack_->dir, 0, 0};
        Error(loc, "unknown stemmer '" + pack_->stemmer + "' for language '" + pack_->code +
                       "'; libstemmer knows e.g. english, spanish, norwegian, swedish, russian");
        return false;
      }
    }
    if (decl) ApplyWordLists(*decl);
    return true;
  }

  void ApplyWordLists(const PackDecl& decl) {
    for (const auto& a : decl.abbreviations) pack_->abbreviations.insert(text::Normalize(a));
    for (const auto& w : decl.stopwords) {
      pack_->stopwords.push_back(text::Normalize(w));
      pack_->stopword_set.insert(pack_->stopwords.back());
    }
    pack_->alphabet = text::Normalize(decl.alphabet);
    const auto* a = reinterpret_cast<const uint8_t*>(pack_->alphabet.data());
    int32_t alen = static_cast<int32_t>(pack_->alphabet.size());
    for (int32_t i = 0; i < alen;) {
      UChar32 c;
      U8_NEXT(a, i, alen, c);
      if (c >= 0) pack_->alphabet_set.insert(c);
    }
    for (const auto& w : decl.acronyms) pack_->acronyms.insert(text::Normalize(w));
    for (const auto& [key, msg] : decl.messages) pack_->messages[key] = msg;
    ApplyVocabulary(decl.vocabulary);
  }

  // The vocabulary in the form text is compared in (the redactor's cues
  // too: it looks for them in normalized text).
  void ApplyVocabulary(const PackVocabulary& v) {
    PackVocabulary& out = pack_->vocabulary;
    auto normalize = [](const std::vector<std::string>& in, std::vector<std::string>* to) {
      for (const auto& w : in) to->push_back(text::Normalize(w));
    };
    normalize(v.agent_words, &out.agent_words);
    normalize(v.customer_words, &out.customer_words);
    // A phrase is kept as a label's words (text/label_words.h) joined by one
    // space, so a run only splits it (no normalizing at start-up).
    for (const auto& p : v.agent_phrases) {
      std::string joined;
      for (const auto& w : text::LabelWords(p)) joined += (joined.empty() ? "" : " ") + w;
      if (!joined.empty()) out.agent_phrases.push_back(std::move(joined));
    }
    normalize(v.help_openings, &out.help_openings);
    for (PiiCueDecl c : v.pii_cues) {
      c.word = text::Normalize(c.word);
      out.pii_cues.push_back(std::move(c));
    }
  }

  void CollectLexicons(std::vector<RuleFile>* files) {
    std::map<std::string, Location> lexicon_loc;
    for (auto& f : *files) {
      for (auto& l : f.lexicons) {
        auto [it, inserted] = lexicon_loc.emplace(l.name, l.loc);
        if (!inserted) {
          Error(l.loc, "lexicon '" + l.name + "' is already defined at " + it->second.file + ":" +
                           std::to_string(it->second.line));
          continue;
        }
        lexicon_index_[l.name] = pack_->lexicons.size();
        pack_->lexicons.push_back(std::move(l));
      }
    }
  }

  void CollectBehaviours(std::vector<RuleFile>* files) {
    for (auto& f : *files) {
      for (auto& b : f.behaviours) {
        auto [it, inserted] = pack_->behaviour_index.emplace(b.id, pack_->behaviours.size());
        if (!inserted) {
          const Location& first = pack_->behaviours[it->second].loc;
          Error(b.loc, "behaviour '" + b.id + "' is already defined at " + first.file + ":" +
                           std::to_string(first.line));
          continue;
        }
        pack_->behaviours.push_back(std::move(b));
      }
    }
  }

  // Triggers and applies-if/-unless must name a signal of this pack.
  void CheckSignals() {
    std::vector<std::string> signals;
    for (const auto& b : pack_->behaviours) {
      if (b.kind == Kind::kSignal) signals.push_back(b.id);
    }
    auto is_signal = [&](const std::string& id) {
      const BehaviourDecl* t = pack_->Find(id);
      return t != nullptr && t->kind == Kind::kSignal;
    };
    for (const auto& b : pack_->behaviours) {
      if (b.trigger.empty()) continue;
      if (!is_signal(b.trigger)) {
        Error(b.trigger_loc,
              "unknown signal '" + b.trigger + "' in 'after'" + DidYouMean(b.trigger, signals));
      }
    }
    for (const auto& b : pack_->behaviours) {
      for (const auto* list : {&b.applies_if, &b.applies_unless}) {
        for (const auto& id : *list) {
          if (!is_signal(id)) {
            Error(b.applies_loc, "unknown signal '" + id + "' in '" +
                                     (list == &b.applies_if ? "applies-if" : "applies-unless") +
                                     "'" + DidYouMean(id, signals));
          }
        }
      }
    }
  }

  // Resolves one list of a behaviour's patterns to nodes (pattern ids from
  // *next_id on); stops at the limit of patterns.
  void AddPatterns(uint32_t bi, const std::vector<Pattern>& pats, PatternOwner::Role role,
                   uint32_t* next_id) {
    for (uint32_t k = 0; k < pats.size(); ++k) {
      if (pats[k].empty) {  // a condition alone is judged without the program
        pack_->conditional.push_back({bi, role, k});
        continue;
      }
      match::Node node;
      std::vector<std::string> stack;
      if (!Convert(pats[k].root, pats[k].loc, &stack, &node)) continue;
      if (*next_id >= limits_.max_patterns) {
        Error(pats[k].loc,
              "too many patterns (limit " + std::to_string(limits_.max_patterns) + ")");
        return;
      }
      ++*next_id;
      pack_->nodes.push_back(std::move(node));
      pack_->owners.push_back({bi, role, k});
      pack_->turn_scope.push_back(pats[k].turn_scope ? 1 : 0);
      pack_->has_turn_patterns |= pats[k].turn_scope;
      if (pats[k].has_echo()) pack_->conditional.push_back({bi, role, k});
    }
  }

  // The parse trees are in `nodes` now: a pack keeps only what reports and
  // 'tact rules' read of a pattern (its source, location, name, condition).
  void DropParseTrees() {
    auto drop = [](std::vector<Pattern>* pats) {
      for (auto& p : *pats) p.root = PatternNode{};
    };
    for (auto& b : pack_->behaviours) {
      drop(&b.matches);
      drop(&b.vetoes);
      drop(&b.turn_vetoes);
    }
    for (auto& l : pack_->lexicons) drop(&l.items);
  }

  void Error(const Location& loc, std::string msg) {
    diags_->push_back(MakeError(loc.file, loc.line, loc.column, std::move(msg)));
    ++errors_;
  }

  Location At(const Location& base, int column) {
    Location l = base;
    if (column > 0) l.column = column;
    return l;
  }

  // Collects the atoms of a node that tests exactly one token (an atom, or
  // alternatives of such); false for anything longer or optional.
  static bool SingleAtoms(const match::Node& n, std::vector<match::AtomId>* out) {
    switch (n.type) {
      case match::Node::Type::kAtom:
        if (n.atom == match::kAnyAtom || n.atom == match::kSentenceStartAtom ||
            n.atom == match::kSentenceEndAtom) {
          return false;
        }
        out->push_back(n.atom);
        return true;
      case match::Node::Type::kAlt:
        for (const auto& c : n.children) {
          if (!SingleAtoms(c, out)) return false;
        }
        return true;
      case match::Node::Type::kSeq:
        return n.children.size() == 1 && SingleAtoms(n.children[0], out);
      default:
        return false;
    }
  }

  // Replaces the single-word alternatives of an alternation (most of a
  // lexicon) by one union atom, so the program has one edge where it had one
  // per word: smaller, faster to build, fewer live threads when matching.
  void JoinSingleWords(match::Node* alt) {
    std::vector<match::AtomId> singles;
    std::vector<bool> single(alt->children.size(), false);
    size_t joined = 0;
    for (size_t i = 0; i < alt->children.size(); ++i) {
      std::vector<match::AtomId> atoms;
      bool ok = SingleAtoms(alt->children[i], &atoms);
      for (match::AtomId a : atoms) ok = ok && pack_->atoms.CanJoinUnion(a);
      if (!ok) continue;
      singles.insert(singles.end(), atoms.begin(), atoms.end());
      single[i] = true;
      ++joined;
    }
    if (joined < 2) return;
    match::Node u;
    u.type = match::Node::Type::kAtom;
    u.atom = pack_->atoms.Union(std::move(singles));
    if (joined == alt->children.size()) {
      *alt = std::move(u);
      return;
    }
    std::vector<match::Node> children;
    children.push_back(std::move(u));
    for (size_t i = 0; i < alt->children.size(); ++i) {
      if (!single[i]) children.push_back(std::move(alt->children[i]));
    }
    alt->children = std::move(children);
  }

  // Tokenizes and normalizes literal text as the analyzer will see it.
  // A literal that starts with an apostrophe ("'ll") is a clitic, as it is
  // after a word in running text.
  // Memoized: the shared lexicons repeat the same literals in many patterns.
  const std::vector<std::string>& LiteralTokens(const std::string& raw) {
    auto [it, inserted] = literal_tokens_.try_emplace(raw);
    if (inserted) it->second = TokenizeLiteral(raw);
    return it->second;
  }

  static std::vector<std::string> TokenizeLiteral(const std::string& raw) {
    const bool clitic = raw.size() > 1 && (raw[0] == '\'' || raw.rfind("\u2019", 0) == 0);
    const std::string text = clitic ? "x" + raw : raw;
    std::vector<text::RawToken> toks;
    text::Tokenize(text, &toks);
    std::vector<std::string> out;
    for (size_t i = clitic ? 1 : 0; i < toks.size(); ++i) {
      out.push_back(text::Normalize(
          std::string_view(text).substr(toks[i].begin, toks[i].end - toks[i].begin)));
    }
    // Text splits negation as "is n't"; a pattern's "'t" or "n't" means that clitic.
    if ((clitic && out.size() == 1 && out[0] == "'t") || text::Normalize(raw) == "n't")
      out = {"n't"};
    return out;
  }

  // One function per pattern form.
  bool Convert(const PatternNode& n, const Location& loc, std::vector<std::string>* stack,
               match::Node* out) {
    using T = PatternNode::Type;
    switch (n.type) {
      case T::kSeq:
      case T::kAlt:
      case T::kOpt:
        return ConvertGroup(n, loc, stack, out);
      case T::kNot:
        return ConvertNot(n, loc, stack, out);
      case T::kAnchor:
        out->type = match::Node::Type::kAtom;
        out->atom = n.text == "^" ? match::kSentenceStartAtom : match::kSentenceEndAtom;
        return true;
      case T::kGap:
        return ConvertGap(n, loc, out);
      case T::kLiteral:
        return ConvertLiteral(n, loc, out);
      case T::kStem:
        return ConvertStem(n, loc, out);
      case T::kPrefix:
        out->type = match::Node::Type::kAtom;
        out->atom = pack_->atoms.Prefix(text::Normalize(n.text));
        return true;
      case T::kClass:
        return ConvertClass(n, out);
      case T::kRegex:
        return ConvertRegex(n, loc, out);
      case T::kLexicon:
        return ConvertLexicon(n, loc, stack, out);
    }
    return false;
  }

  bool ConvertGroup(const PatternNode& n, const Location& loc, std::vector<std::string>* stack,
                    match::Node* out) {
    using T = PatternNode::Type;
    out->type = n.type == T::kSeq   ? match::Node::Type::kSeq
                : n.type == T::kAlt ? match::Node::Type::kAlt
                                    : match::Node::Type::kOpt;
    out->children.reserve(n.children.size());
    for (const auto& c : n.children) {
      match::Node child;
      if (!Convert(c, loc, stack, &child)) return false;
      out->children.push_back(std::move(child));
    }
    if (out->type == match::Node::Type::kAlt) JoinSingleWords(out);
    return true;
  }

  bool ConvertNot(const PatternNode& n, const Location& loc, std::vector<std::string>* stack,
                  match::Node* out) {
    match::Node inner;
    if (!Convert(n.children.at(0), loc, stack, &inner)) return false;
    std::vector<match::AtomId> members;
    if (!SingleAtoms(inner, &members)) {
      Error(At(loc, n.column),
            "'!' applies to single-word tests only; this one can match several words");
      return false;
    }
    out->type = match::Node::Type::kAtom;
    out->atom = pack_->atoms.Not(std::move(members));
    return true;
  }

  bool ConvertGap(const PatternNode& n, const Location& loc, match::Node* out) {
    if (n.number > limits_.max_gap) {
      Error(At(loc, n.column), "gap of " + std::to_string(n.number) +
                                   " words is too wide (at most " +
                                   std::to_string(limits_.max_gap) + ")");
      return false;
    }
    out->type = match::Node::Type::kGap;
    out->gap = n.number;
    return true;
  }

  bool ConvertLiteral(const PatternNode& n, const Location& loc, match::Node* out) {
    const std::vector<std::string>& toks = LiteralTokens(n.text);
    if (toks.empty()) {
      Error(At(loc, n.column), "literal '" + n.text + "' has no words");
      return false;
    }
    if (toks.size() == 1) {
      out->type = match::Node::Type::kAtom;
      out->atom = pack_->atoms.Literal(toks[0]);
      return true;
    }
    out->type = match::Node::Type::kSeq;
    for (const auto& t : toks) {
      match::Node a;
      a.atom = pack_->atoms.Literal(t);
      out->children.push_back(a);
    }
    return true;
  }

  bool ConvertStem(const PatternNode& n, const Location& loc, match::Node* out) {
    const std::vector<std::string>& toks = LiteralTokens(n.text);
    if (toks.size() != 1) {
      Error(At(loc, n.column), "'~" + n.text + "' must be a single word");
      return false;
    }
    out->type = match::Node::Type::kAtom;
    std::string stem = stemmer_ ? std::string(stemmer_->Stem(toks[0])) : toks[0];
    out->atom = pack_->atoms.Stem(stem);
    return true;
  }

  bool ConvertClass(const PatternNode& n, match::Node* out) {
    static const std::pair<std::string_view, match::TokenClass> kClasses[] = {
        {"caps", match::TokenClass::kCaps},     {"num", match::TokenClass::kNum},
        {"word", match::TokenClass::kWord},     {"punct", match::TokenClass::kPunct},
        {"symbol", match::TokenClass::kSymbol}, {"range", match::TokenClass::kRange},
        {"url", match::TokenClass::kUrl},       {"email", match::TokenClass::kEmail},
        {"handle", match::TokenClass::kHandle}, {"hashtag", match::TokenClass::kHashtag}};
    match::TokenClass c = match::TokenClass::kSymbol;
    for (const auto& [name, cls] : kClasses) {
      if (n.text == name) c = cls;
    }
    out->type = match::Node::Type::kAtom;
    out->atom = pack_->atoms.Class(c, n.number);
    return true;
  }

  bool ConvertRegex(const PatternNode& n, const Location& loc, match::Node* out) {
    std::string err;
    out->type = match::Node::Type::kAtom;
    if (!pack_->atoms.Regex(n.text, limits_.regex_max_mem, &out->atom, &err)) {
      Error(At(loc, n.column), "invalid regex '/" + n.text + "/': " + err);
      return false;
    }
    return true;
  }

  // `@name`: the lexicon's items as alternatives, compiled once per lexicon.
  bool ConvertLexicon(const PatternNode& n, const Location& loc, std::vector<std::string>* stack,
                      match::Node* out) {
    auto it = lexicon_index_.find(n.text);
    if (it == lexicon_index_.end()) {
      std::vector<std::string> names;
      for (const auto& [k, v] : lexicon_index_) names.push_back(k);
      Error(At(loc, n.column), "unknown lexicon '@" + n.text + "'" + DidYouMean(n.text, names));
      return false;
    }
    for (const auto& s : *stack) {
      if (s == n.text) {
        Error(At(loc, n.column), "lexicon '@" + n.text + "' refers to itself");
        return false;
      }
    }
    if (static_cast<int>(stack->size()) >= limits_.max_lexicon_depth) {
      Error(At(loc, n.column), "lexicons nested too deeply at '@" + n.text + "'");
      return false;
    }
    // A lexicon compiles to the same node wherever it is used; reuse it.
    if (auto done = lexicon_nodes_.find(n.text); done != lexicon_nodes_.end()) {
      *out = done->second;
      return true;
    }
    stack->push_back(n.text);
    const LexiconDecl& lex = pack_->lexicons[it->second];
    out->type = match::Node::Type::kAlt;
    out->children.reserve(lex.items.size());
    for (const auto& item : lex.items) {
      match::Node child;
      if (!Convert(item.root, item.loc, stack, &child)) {
        stack->pop_back();
        return false;
      }
      out->children.push_back(std::move(child));
    }
    stack->pop_back();
    JoinSingleWords(out);
    lexicon_nodes_.emplace(n.text, *out);
    return true;
  }

  LanguagePack* pack_;
  const CompileLimits& limits_;
  Diagnostics* diags_;
  std::unique_ptr<text::Stemmer> stemmer_;
  std::map<std::string, size_t> lexicon_index_;
  std::unordered_map<std::string, match::Node> lexicon_nodes_;
  std::unordered_map<std::string, std::vector<std::string>> literal_tokens_;
  int errors_ = 0;
};

}  // namespace

std::string DefaultStemmer(const std::string& code) {
  static const std::map<std::string, std::string> k = {
      {"en", "english"},   {"es", "spanish"}, {"no", "norwegian"}, {"nb", "norwegian"},
      {"nn", "norwegian"}, {"sv", "swedish"}, {"ru", "russian"},   {"da", "danish"},
      {"de", "german"},    {"fr", "french"},  {"it", "italian"},   {"pt", "portuguese"},
      {"nl", "dutch"},     {"fi", "finnish"}, {"tr", "turkish"},   {"hu", "hungarian"},
      {"ro", "romanian"}};
  auto it = k.find(code);
  return it == k.end() ? "none" : it->second;
}

std::unique_ptr<LanguagePack> CompilePack(const std::string& code, const std::string& dir,
                                          std::vector<RuleFile> files, const CompileLimits& limits,
                                          Diagnostics* diags) {
  auto pack = std::make_unique<LanguagePack>();
  pack->code = code;
  pack->dir = dir;
  Compiler c(pack.get(), limits, diags);
  if (!c.Run(std::move(files))) return nullptr;
  pack->atoms.Freeze();
  return pack;
}

}  // namespace tact::rules
