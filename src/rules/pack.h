// A compiled language pack: every behaviour of one language and the single
// Program that matches all their patterns. Built by CompilePack(); immutable
// afterwards and shared by all analyzer threads.
#ifndef TACT_RULES_PACK_H_
#define TACT_RULES_PACK_H_

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "match/atoms.h"
#include "match/program.h"
#include "rules/ast.h"
#include "tact/diagnostic.h"

namespace tact::rules {

// Hashes std::string and std::string_view alike, so a map keyed by strings
// is searched with a view (no temporary string per lookup).
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using MessageMap = std::unordered_map<std::string, std::string, StringHash, std::equal_to<>>;

// What a pattern of the program belongs to.
struct PatternOwner {
  enum class Role { kMatch, kVeto, kTurnVeto };
  uint32_t behaviour;  // index into LanguagePack::behaviours
  Role role;
  uint32_t index;  // index into that behaviour's matches / vetoes / turn_vetoes
};

struct LanguagePack {
  std::string code;
  std::string name;
  std::string stemmer;
  std::string dir;  // where its files came from ("rules/en" for built-ins)
  std::vector<std::string> files;
  std::unordered_set<std::string> abbreviations;  // normalized
  std::vector<std::string> stopwords;             // normalized, most frequent first
  std::string alphabet;                           // normalized letters of the language
  std::unordered_set<int32_t> alphabet_set;       // the same, as code points
  std::unordered_set<std::string> acronyms;       // normalized
  // The coaching text's words (`message KEY TEXT` in pack.rules), by key.
  MessageMap messages;
  // Role words, help openings and PII cue words (normalized), in the order
  // written: what run/vocabulary.h hands the readers and the redactor.
  PackVocabulary vocabulary;
  std::vector<BehaviourDecl> behaviours;
  std::unordered_map<std::string, uint32_t> behaviour_index;
  std::vector<LexiconDecl> lexicons;
  match::AtomTable atoms;
  // By pattern id, resolved to atoms; empty once the programs are built.
  mutable std::vector<match::Node> nodes;
  std::vector<PatternOwner> owners;  // by pattern id
  std::vector<uint8_t> turn_scope;   // by pattern id: a `match-turn` pattern
  bool has_turn_patterns = false;
  // The match lines with a condition ({echo ...}), including those with no
  // pattern (which are not in the program).
  std::vector<PatternOwner> conditional;
  std::unordered_set<std::string> stopword_set;  // normalized `stopwords`

  // The one program matching every pattern of the pack, built on first use
  // (thread-safe), so a run pays only for the languages it meets. The
  // `match-turn` patterns form a program of their own, run over a whole
  // turn. Both are built together; `nodes` is then released (the programs
  // hold all it said, and a pack's trees are megabytes).
  const match::Program& program() const {
    BuildPrograms();
    return program_;
  }
  const match::Program& turn_program() const {
    BuildPrograms();
    return turn_program_;
  }
  // The pattern a match line or veto refers to.
  const Pattern& PatternOf(const PatternOwner& o) const {
    const BehaviourDecl& b = behaviours[o.behaviour];
    return o.role == PatternOwner::Role::kMatch  ? b.matches[o.index]
           : o.role == PatternOwner::Role::kVeto ? b.vetoes[o.index]
                                                 : b.turn_vetoes[o.index];
  }

  LanguagePack() = default;
  LanguagePack(const LanguagePack&) = delete;
  LanguagePack& operator=(const LanguagePack&) = delete;

  // Installs programs built elsewhere (a pack image) instead of building them
  // from `nodes`.
  void SetPrograms(match::Program sentence, match::Program turn) {
    std::call_once(program_once_, [&] {
      program_ = std::move(sentence);
      turn_program_ = std::move(turn);
      std::vector<match::Node>().swap(nodes);
    });
  }

  const BehaviourDecl* Find(const std::string& id) const {
    auto it = behaviour_index.find(id);
    return it == behaviour_index.end() ? nullptr : &behaviours[it->second];
  }

 private:
  void BuildPrograms() const {
    std::call_once(program_once_, [this] {
      match::ProgramBuilder sentence, turn;
      for (uint32_t i = 0; i < nodes.size(); ++i)
        (turn_scope[i] ? turn : sentence).Add(nodes[i], i);
      program_ = sentence.Finish();
      turn_program_ = turn.Finish();
      std::vector<match::Node>().swap(nodes);
    });
  }
  mutable std::once_flag program_once_;
  mutable match::Program program_;
  mutable match::Program turn_program_;
};

struct CompileLimits {
  size_t max_patterns = 200000;
  int64_t regex_max_mem = 1 << 20;  // bytes per token regex program
  int max_lexicon_depth = 8;
  int max_gap = 20;  // words in a '...N' gap
};

// Compiles the files of one language. Resolves lexicons and trigger signals
// across the files, checks that each behaviour id is defined once, and reports
// every problem as a located error. Returns null on error.
std::unique_ptr<LanguagePack> CompilePack(const std::string& code, const std::string& dir,
                                          std::vector<RuleFile> files, const CompileLimits& limits,
                                          Diagnostics* diags);

// The libstemmer algorithm for a language code when a pack does not name one.
std::string DefaultStemmer(const std::string& code);

}  // namespace tact::rules

#endif  // TACT_RULES_PACK_H_
