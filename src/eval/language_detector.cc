#include "eval/language_detector.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>

#include "rules/pack.h"
#include "text/normalize.h"
#include "text/tokenizer.h"

namespace tact::eval {
namespace {

constexpr double kStopwordMass = 0.45;  // share of running text made of profile words
constexpr double kNativeWord = 1e-4;    // P of any other word written in the alphabet
constexpr double kForeignWord = 1e-7;   // P of a word with letters the language lacks
// A language none of the packs knows: any word equally likely. It wins when a
// text has too few profile words for any pack, which keeps confidence honest.
constexpr double kUnknownWord = 2e-4;

std::vector<int32_t> CodePoints(std::string_view s) {
  std::vector<int32_t> out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    out.push_back(c);
  }
  return out;
}

// The language a script stands for when no pack writes in it ("" for the
// scripts of many languages, such as Latin and Cyrillic).
const char* ScriptCode(UScriptCode script) {
  switch (script) {
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
      return "ja";
    case USCRIPT_HAN:
      return "zh";
    case USCRIPT_HANGUL:
      return "ko";
    case USCRIPT_ARABIC:
      return "ar";
    case USCRIPT_THAI:
      return "th";
    case USCRIPT_HEBREW:
      return "he";
    case USCRIPT_GREEK:
      return "el";
    case USCRIPT_DEVANAGARI:
      return "hi";
    default:
      return "";
  }
}

// Tallies the letters of one word by the language their script stands for.
struct ScriptCounts {
  std::unordered_map<std::string, size_t> by_code;
  size_t letters = 0;
  size_t kana = 0;

  void Add(std::string_view word) {
    const auto* p = reinterpret_cast<const uint8_t*>(word.data());
    int32_t len = static_cast<int32_t>(word.size());
    for (int32_t i = 0; i < len;) {
      UChar32 c;
      U8_NEXT(p, i, len, c);
      if (c < 0 || !u_isalpha(c)) continue;
      ++letters;
      UErrorCode err = U_ZERO_ERROR;
      UScriptCode script = uscript_getScript(c, &err);
      if (U_FAILURE(err)) continue;
      const char* code = ScriptCode(script);
      if (*code == 0) continue;
      if (script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA) ++kana;
      ++by_code[code];
    }
  }

  // The code of the script most letters are in, when that is most of them,
  // and the share of letters in it.
  std::string Dominant(double* share = nullptr) const {
    size_t cjk = 0;
    std::string best;
    size_t best_n = 0;
    for (const auto& [code, n] : by_code) {
      if (code == "ja" || code == "zh") {
        cjk += n;
        continue;
      }
      if (n > best_n) best = code, best_n = n;
    }
    // Japanese mixes kana with Han; Han alone is Chinese.
    if (cjk > best_n) best = kana > 0 ? "ja" : "zh", best_n = cjk;
    if (share != nullptr)
      *share = letters > 0 ? static_cast<double>(best_n) / static_cast<double>(letters) : 0;
    return best_n * 2 > letters ? best : "";
  }
};

}  // namespace

LanguageDetector::LanguageDetector(const RuleSet& rules) {
  for (const auto& code : rules.languages()) {
    const rules::LanguagePack* pack = rules.settings(code);
    if (pack->stopwords.empty()) continue;
    Profile p;
    p.code = code;
    double norm = 0;
    for (size_t r = 0; r < pack->stopwords.size(); ++r) norm += 1.0 / (static_cast<double>(r) + 10);
    for (size_t r = 0; r < pack->stopwords.size(); ++r) {
      double prob = kStopwordMass * (1.0 / (static_cast<double>(r) + 10)) / norm;
      p.logp.emplace(pack->stopwords[r], std::log(prob));  // first (most frequent) rank wins
    }
    bool has_latin_extra = false, has_nonlatin = false;
    for (int32_t c : CodePoints(pack->alphabet)) {
      p.letters.insert(c);
      if (u_getIntPropertyValue(c, UCHAR_SCRIPT) == USCRIPT_LATIN)
        has_latin_extra = true;
      else
        has_nonlatin = true;
    }
    p.latin = !has_nonlatin || has_latin_extra;
    codes_.insert(code);
    langs_.push_back(std::move(p));
  }
}

double LanguageDetector::WordLogP(const Profile& p, const std::string& norm) const {
  auto it = p.logp.find(norm);
  if (it != p.logp.end()) return it->second;
  for (int32_t c : CodePoints(norm)) {
    if (!u_isalpha(c)) continue;
    bool ascii = c < 0x80;
    if (ascii ? !p.latin : p.letters.count(c) == 0) return std::log(kForeignWord);
  }
  return std::log(kNativeWord);
}

LanguageGuess LanguageDetector::Detect(const std::vector<std::string_view>& texts,
                                       size_t max_words) const {
  LanguageGuess g;
  if (langs_.empty()) return g;
  std::vector<double> score(langs_.size(), 0.0);
  std::vector<text::RawToken> toks;
  size_t words = 0;
  ScriptCounts scripts;
  for (std::string_view t : texts) {
    text::Tokenize(t, &toks);
    for (const auto& tok : toks) {
      if (tok.kind != text::TokenKind::kWord) continue;
      std::string norm = text::Normalize(t.substr(tok.begin, tok.end - tok.begin));
      scripts.Add(norm);
      for (size_t l = 0; l < langs_.size(); ++l) score[l] += WordLogP(langs_[l], norm);
      if (++words >= max_words) break;
    }
    if (words >= max_words) break;
  }
  double unknown = static_cast<double>(words) * std::log(kUnknownWord);
  double best = std::max(unknown, *std::max_element(score.begin(), score.end()));
  double sum = std::exp(unknown - best);
  for (double s : score) sum += std::exp(s - best);
  for (size_t l = 0; l < langs_.size(); ++l) {
    g.posteriors.emplace_back(langs_[l].code, std::exp(score[l] - best) / sum);
  }
  std::stable_sort(g.posteriors.begin(), g.posteriors.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  g.language = g.posteriors[0].first;
  g.confidence = words == 0 ? 0.0 : g.posteriors[0].second;
  g.words = words;
  g.script_language = scripts.Dominant(&g.script_share);
  if (codes_.count(g.script_language) > 0) g.script_language.clear();  // a pack knows it
  if (g.script_language.empty()) g.script_share = 0;
  return g;
}

}  // namespace tact::eval
