// Detects a conversation's language among the loaded packs.
//
// Each pack's 'stopwords' (most frequent first) and 'alphabet' form its
// profile, so adding a pack adds a language without code changes. A word's
// likelihood under a language is Zipf-like by its rank in the profile, small
// when the word is merely written in the language's alphabet, and tiny when it
// uses letters the language does not have (ø in Swedish, ñ in Norwegian,
// Cyrillic in English). Log-likelihoods over the first words of the text give
// a posterior per language, beside an 'unknown language' model under which
// every word is equally likely; the best pack and its posterior (the
// confidence) are returned, so text in a language without a pack scores low.
// Text written mostly in a script no pack uses is named by its script
// (`script_language`: ja, zh, ko, ar, th, he, el, hi), which is what a report
// about an unsupported language says. Immutable after construction; thread-safe.
#ifndef TACT_EVAL_LANGUAGE_DETECTOR_H_
#define TACT_EVAL_LANGUAGE_DETECTOR_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "tact/rule_set.h"

namespace tact::eval {

struct LanguageGuess {
  std::string language;  // "" when no pack has a profile
  double confidence = 0;
  std::vector<std::pair<std::string, double>> posteriors;  // best first
  // When most letters are in a script of a language without a pack: its
  // code ("ja" for kana, or Han with kana; "zh" for Han alone; "ko", "ar",
  // "th", "he", "el", "hi"), else "".
  std::string script_language;
  double script_share = 0;  // the share of letters in that script, 0..1
  size_t words = 0;         // words looked at
};

class LanguageDetector {
 public:
  explicit LanguageDetector(const RuleSet& rules);
  // Looks at up to `max_words` words of `texts`.
  LanguageGuess Detect(const std::vector<std::string_view>& texts, size_t max_words = 400) const;
  bool empty() const { return langs_.empty(); }

 private:
  struct Profile {
    std::string code;
    std::unordered_map<std::string, double> logp;  // stop word -> log P
    std::unordered_set<int32_t> letters;           // extra letters beyond what is always allowed
    bool latin = true;                             // a-z are native letters
  };
  double WordLogP(const Profile& p, const std::string& norm) const;
  std::vector<Profile> langs_;
  std::unordered_set<std::string> codes_;
};

}  // namespace tact::eval

#endif  // TACT_EVAL_LANGUAGE_DETECTOR_H_
