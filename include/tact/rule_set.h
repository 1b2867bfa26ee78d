// RuleSet: the language packs tact judges conversations with.
//
// A pack is the set of `*.rules` files of one language (docs/rules.md). The
// packs under rules/ are embedded in the binary; Load() starts from them
// (unless `builtin` is false) and then reads each extra directory, where a file
// replaces the built-in file of the same language and name and a new file adds
// to its pack. A directory may hold language folders (`DIR/en/*.rules`) or be a
// pack folder itself (`DIR/*.rules`, language from the folder name or its
// 'pack' block). Every pack is compiled into one matcher. A RuleSet is
// immutable once loaded and safe to share between threads.
//
// Packs read from disk are parsed and compiled by Load(), so every error is
// reported there. Built-in packs are compiled when tact is built into a pack
// image linked into the binary, and loaded from it on first use of pack(), so
// a run pays only for the languages it meets (a built-in pack that a rule
// directory changes, or stricter limits, compile it from its rules instead);
// settings() gives a pack's language settings (name, stop words, alphabet)
// without loading its behaviours.
#ifndef TACT_RULE_SET_H_
#define TACT_RULE_SET_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "tact/diagnostic.h"
#include "tact/result.h"

namespace tact {

namespace rules {
struct LanguagePack;
}

struct RuleSetOptions {
  bool builtin = true;                   // start from the packs embedded in the binary
  std::vector<std::string> directories;  // extra rule directories, later ones win
  size_t max_patterns = 200000;          // per language
  int64_t regex_max_mem = 1 << 20;       // per token regex (RE2 max_mem)
  int max_gap = 20;                      // words in a '...N' gap
  bool eager = false;                    // compile built-in packs now, not on first use
  // Keep each behaviour's inline examples, its patterns' source texts and the
  // lexicons' items ('tact rules', 'tact explain' read them; a check does not,
  // and saves their memory).
  bool examples = true;
};

class RuleSet {
 public:
  // Loads and compiles the packs. On any error returns null with every problem
  // in `diags` ("file:line:col: error: ...").
  static std::unique_ptr<RuleSet> Load(const RuleSetOptions& options, Diagnostics* diags);
  ~RuleSet();

  // Language codes, sorted.
  std::vector<std::string> languages() const;
  bool has(const std::string& code) const;
  // The pack of `code`, or null. Loads (or compiles) a built-in pack on first use.
  const rules::LanguagePack* pack(const std::string& code) const;
  // Every behaviour id any pack declares, with its kind: what --only, --fail-on
  // and scorecards may name. Reads the built-in packs that wait for first
  // use without loading their matchers (a check of one chat loads one pack).
  std::map<std::string, BehaviourKind> Catalogue() const;
  // The pack's settings (name, stemmer, stopwords, alphabet, abbreviations,
  // acronyms); its behaviours may be empty. Null for an unknown language.
  const rules::LanguagePack* settings(const std::string& code) const;
  // Whether the set is the built-in packs alone (no extra directory).
  bool builtin_only() const;

 private:
  RuleSet();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tact

#endif  // TACT_RULE_SET_H_
