#include "report/redact.h"

#include "text/normalize.h"
#include "text/utf8.h"

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstring>
#include <string>
#include <unordered_set>

namespace tact::report {

struct Redactor::Extra {
  std::string placeholder;
  std::unique_ptr<re2::RE2> re;
};

// A cue before a number, with what the scan asks of it precomputed.
struct IndexedCue {
  std::string word;
  PiiCueKind kind;
  bool whole, adjacent;
  bool word_first;  // starts with a letter or digit: only at the start of a word
};

// The cues, built once per Redactor: those before a number by first byte (the
// scan then compares only the few cues that can start at each byte; a flat
// search per cue was most of the detector's time), those after by form.
struct CueIndex {
  // Hashes std::string and std::string_view alike: a word of the text is
  // looked up without a copy.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<IndexedCue> before[256];
  std::vector<std::string> after_prefix;
  std::unordered_set<std::string, Hash, std::equal_to<>> after_whole;
};

namespace {

bool IsWordCodePointAtStart(std::string_view w);

std::unique_ptr<const CueIndex> IndexCues(const PiiCues& cues) {
  auto index = std::make_unique<CueIndex>();
  for (const PiiCue& c : cues) {
    if (c.word.empty()) continue;
    if (c.kind != PiiCueKind::kMoneyAfter) {
      index->before[static_cast<unsigned char>(c.word[0])].push_back(
          {c.word, c.kind, c.whole, c.adjacent, IsWordCodePointAtStart(c.word)});
    } else if (c.whole) {
      index->after_whole.insert(c.word);
    } else {
      index->after_prefix.push_back(c.word);
    }
  }
  return index;
}

}  // namespace

Redactor::Redactor(const PiiCues& cues) : cues_(IndexCues(cues)) {}
Redactor::~Redactor() = default;

bool Redactor::AddPattern(const std::string& spec, std::string* error) {
  size_t eq = spec.find('=');
  if (eq == std::string::npos || eq == 0) {
    *error = "expected NAME=REGEX, e.g. ORDER=#\\d{6}, got '" + spec + "'";
    return false;
  }
  auto e = std::make_unique<Extra>();
  std::string name = spec.substr(0, eq);
  for (auto& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  e->placeholder = "[" + name + "]";
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_max_mem(1 << 20);
  e->re = std::make_unique<re2::RE2>(spec.substr(eq + 1), opts);
  if (!e->re->ok()) {
    *error = "invalid regex in '" + spec + "': " + e->re->error();
    return false;
  }
  extra_.push_back(std::move(e));
  return true;
}

bool LuhnValid(std::string_view digits) {
  if (digits.size() < 13 || digits.size() > 19) return false;
  int sum = 0;
  bool dbl = false;
  for (size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (d < 0 || d > 9) return false;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return sum % 10 == 0;
}

namespace {

// IBAN lengths of the countries in the SWIFT IBAN registry; 0 for a code that
// is not there. A known length rejects most look-alikes that pass mod-97 by
// chance (1 in 97), which matters once lowercase and spaced forms count.
size_t IbanLength(char a, char b) {
  static const struct {
    char code[3];
    unsigned char length;
  } kLengths[] = {
      {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16},
      {"BG", 22}, {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22},
      {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20},
      {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22},
      {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HR", 21}, {"HU", 28},
      {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30}, {"KW", 30},
      {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21},
      {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20}, {"MR", 27},
      {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
      {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33},
      {"SA", 24}, {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27},
      {"SO", 23}, {"ST", 25}, {"SV", 28}, {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29},
      {"VA", 22}, {"VG", 24}, {"XK", 20}, {"YE", 30},
  };
  a = static_cast<char>(std::toupper(static_cast<unsigned char>(a)));
  b = static_cast<char>(std::toupper(static_cast<unsigned char>(b)));
  for (const auto& c : kLengths) {
    if (c.code[0] == a && c.code[1] == b) return c.length;
  }
  return 0;
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

bool IbanValid(std::string_view s) {
  if (s.size() < 15 || s.size() > 34) return false;
  if (!IsAsciiAlpha(s[0]) || !IsAsciiAlpha(s[1]) ||
      !std::isdigit(static_cast<unsigned char>(s[2])) ||
      !std::isdigit(static_cast<unsigned char>(s[3]))) {
    return false;
  }
  if (IbanLength(s[0], s[1]) != s.size()) return false;
  // Move the first four characters to the end, letters to numbers, mod 97.
  // Letters count in either case: people type "es91 2100 …" as often as "ES91".
  std::string r(s.substr(4));
  r += s.substr(0, 4);
  int mod = 0;
  for (char c : r) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      mod = (mod * 10 + (c - '0')) % 97;
    } else if (IsAsciiAlpha(c)) {
      int v = std::toupper(static_cast<unsigned char>(c)) - 'A' + 10;
      mod = (mod * 100 + v) % 97;
    } else {
      return false;
    }
  }
  return mod == 1;
}

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsDigit(c) || IsAsciiAlpha(c); }

// ---------------------------------------------------------------------------
// UTF-8 code points. Addresses and cue words are written in five scripts, so
// "is this a letter" has to look at code points, not bytes.

// The code point at t[i]; *next is the byte after it. Invalid bytes give a
// negative value, which no class below accepts.
UChar32 CodePointAt(std::string_view t, size_t i, size_t* next) {
  int32_t j = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(t.data(), j, static_cast<int32_t>(t.size()), c);
  *next = static_cast<size_t>(j);
  return c;
}

// The code point ending before t[i]; *prev is its first byte.
UChar32 CodePointBefore(std::string_view t, size_t i, size_t* prev) {
  int32_t j = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(t.data(), 0, j, c);
  *prev = static_cast<size_t>(j);
  return c;
}

// Letters, digits and combining marks of any script (é typed as e + U+0301).
bool IsWordCodePoint(UChar32 c) {
  if (c < 0) return false;
  if (c < 0x80) return IsAlnum(static_cast<char>(c));
  return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

bool IsWordCodePointAtStart(std::string_view w) {
  size_t next;
  return !w.empty() && IsWordCodePoint(CodePointAt(w, 0, &next));
}

bool IsLetterCodePoint(UChar32 c) {
  if (c < 0) return false;
  if (c < 0x80) return IsAsciiAlpha(static_cast<char>(c));
  return u_isalpha(c) != 0;
}

bool WordCharBefore(std::string_view t, size_t i) {
  size_t p;
  return i > 0 && IsWordCodePoint(CodePointBefore(t, i, &p));
}

bool WordCharAt(std::string_view t, size_t i) {
  size_t n;
  return i < t.size() && IsWordCodePoint(CodePointAt(t, i, &n));
}

// Lowercase in every script (per code point, no normalization): enough to
// compare a word with a short list of cue words.
std::string FoldWord(std::string_view w) {
  std::string out;
  out.reserve(w.size());
  for (size_t i = 0; i < w.size();) {
    size_t next;
    UChar32 c = CodePointAt(w, i, &next);
    if (c < 0) {
      out.append(w.substr(i, next - i));
    } else {
      c = u_tolower(c);
      char buf[4];
      int32_t len = 0;
      U8_APPEND_UNSAFE(buf, len, c);  // c is a valid code point here
      out.append(buf, static_cast<size_t>(len));
    }
    i = next;
  }
  return out;
}

bool OneOf(std::string_view w, std::initializer_list<const char*> words) {
  for (const char* x : words) {
    if (w == x) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// E-mail addresses as written: local@domain.tld.

// Characters of a local part: word characters of any script and ._%+-
bool IsLocalChar(UChar32 c) {
  return IsWordCodePoint(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

// Characters of a domain, IDN included (müller.de, почта.рф).
bool IsDomainChar(UChar32 c) { return IsWordCodePoint(c) || c == '.' || c == '-'; }

// A top-level domain: two or more letters (ASCII or not: .рф).
bool IsTld(std::string_view s) {
  size_t letters = 0;
  for (size_t i = 0; i < s.size(); ++letters) {
    size_t next;
    if (!IsLetterCodePoint(CodePointAt(s, i, &next))) return false;
    i = next;
  }
  return letters >= 2;
}

void FindEmails(std::string_view t, std::vector<PiiSpan>* out) {
  for (size_t at = t.find('@'); at != std::string_view::npos; at = t.find('@', at + 1)) {
    size_t b = at;
    for (size_t p; b > 0 && IsLocalChar(CodePointBefore(t, b, &p));) b = p;
    while (b < at && t[b] == '.') ++b;  // "…see.john@x.com" never starts with a dot
    size_t e = at + 1;
    for (size_t n; e < t.size() && IsDomainChar(CodePointAt(t, e, &n));) e = n;
    while (e > at + 1 && (t[e - 1] == '.' || t[e - 1] == '-')) --e;
    if (b == at || e == at + 1) continue;
    std::string_view domain = t.substr(at + 1, e - at - 1);
    size_t dot = domain.rfind('.');
    if (dot == std::string_view::npos || !IsTld(domain.substr(dot + 1))) continue;
    out->push_back({b, e, "[EMAIL]"});
  }
}

// ---------------------------------------------------------------------------
// Obfuscated and spoken e-mail addresses: "john dot doe at gmail dot com",
// "john.doe [at] gmail [dot] com", "juan arroba gmail punto com",
// "ola krøllalfa online punktum no", "anna snabel-a telia punkt se",
// "ivan собака yandex точка ru".

// ASCII lowercase without a locale call: the sniffing pass below runs over
// every byte of every text.
inline char FoldAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// Whether `cue` (lowercase ASCII, or exact bytes) is at t[i], ASCII case-folded.
bool CueAt(std::string_view t, size_t i, std::string_view cue) {
  if (t.size() - i < cue.size()) return false;
  for (size_t k = 0; k < cue.size(); ++k) {
    if (FoldAscii(t[i + k]) != cue[k]) return false;
  }
  return true;
}

// What one pass over the bytes says is worth looking for: a digit (IBANs,
// cards, phones) and anything that can start an obfuscated address. Nearly
// every turn has neither, and then no detector below runs.
struct Sniff {
  bool digit = false;
  bool obfuscated = false;
};

// Each cue is anchored on one of its rarer bytes ("b" of arroba and
// snabel-a, "f" of krøllalfa and alfakrøll, the second byte of Cyrillic "б"),
// so the loop skips nearly every byte with one table look-up. The check at an
// anchor may be loose: the tokenizer decides.
enum : unsigned char { kSkip, kDigitByte, kAnchor };

const unsigned char* SniffTable() {
  static const unsigned char* table = [] {
    static unsigned char t[256] = {};
    for (char c = '0'; c <= '9'; ++c) t[static_cast<unsigned char>(c)] = kDigitByte;
    for (unsigned char c : std::string_view("@[({<dDbBfF\xB1\x91")) t[c] = kAnchor;
    return t;
  }();
  return table;
}

// Whether `cue` is at t[i - back] (false if that is before the text).
bool CueBefore(std::string_view t, size_t i, size_t back, std::string_view cue) {
  return i >= back && CueAt(t, i - back, cue);
}

bool ObfuscationAnchor(std::string_view t, size_t i) {
  switch (t[i]) {
    case 'd':
    case 'D':  // "dot": the weak "at" form needs it anyway
      return CueAt(t, i, "dot");
    case '[':
    case '(':
    case '{':
    case '<': {  // [at], ( at ), {AT}, <at>
      size_t j = i + 1;
      while (j < t.size() && t[j] == ' ') ++j;
      return CueAt(t, j, "at");
    }
    case 'b':
    case 'B':
      return CueBefore(t, i, 4, "arroba") || CueBefore(t, i, 3, "snabel");
    case 'f':
    case 'F':
      return CueBefore(t, i, 2, "alfakr") || CueBefore(t, i, 4, "llalfa");
    case '@':  // "john @ gmail.com": the plain detector wants no spaces
      return (i > 0 && t[i - 1] == ' ') || (i + 1 < t.size() && t[i + 1] == ' ');
    case '\xB1':  // собака, Собака (б is D0 B1)
      return CueBefore(t, i, 5, "соб") || CueBefore(t, i, 5, "Соб");
    case '\x91':  // СОБАКА (Б is D0 91)
      return CueBefore(t, i, 5, "СОБ");
    default:
      return false;
  }
}

// Bit k set: t[k] (k < 16) may be a digit or an anchor (a superset: each
// candidate is looked up in the table after). SSE2 only.
#if defined(__SSE2__)
unsigned SniffCandidates16(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  auto eq = [&](__m128i x, char c) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(c)); };
  // Setting 0x20 folds D/d, B/b, F/f and '[' onto '{' (and a few controls
  // onto '(' and '<', which the table then skips).
  const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
  const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                      _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
  const __m128i letters =
      _mm_or_si128(_mm_or_si128(eq(folded, 'd'), eq(folded, 'b')), eq(folded, 'f'));
  const __m128i brackets =
      _mm_or_si128(_mm_or_si128(eq(folded, '{'), eq(folded, '(')), eq(folded, '<'));
  const __m128i other = _mm_or_si128(_mm_or_si128(eq(v, '@'), eq(v, '\xB1')), eq(v, '\x91'));
  return static_cast<unsigned>(
      _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(digit, letters), _mm_or_si128(brackets, other))));
}
#endif

Sniff SniffText(std::string_view t) {
  Sniff s;
  const unsigned char* table = SniffTable();
  const size_t n = t.size();
  // Returns whether both are known (nothing more to look for).
  auto look = [&](size_t i) {
    const unsigned char kind = table[static_cast<unsigned char>(t[i])];
    if (kind == kDigitByte) {
      s.digit = true;
    } else if (kind == kAnchor && !s.obfuscated) {
      s.obfuscated = ObfuscationAnchor(t, i);
    }
    return s.digit && s.obfuscated;
  };
  size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time: most turns are words without a digit or anchor.
  for (; i + 16 <= n; i += 16) {
    for (unsigned m = SniffCandidates16(t.data() + i); m != 0; m &= m - 1) {
      if (look(i + static_cast<size_t>(std::countr_zero(m)))) return s;
    }
  }
#endif
  for (; i < n; ++i) {
    if (look(i)) break;
  }
  return s;
}

enum class Tok {
  kWord,       // a word: letters, digits, _ % + - (a local part or a domain label)
  kAt,         // @, [at], (at), arroba, krøllalfa, alfakrøll, snabel-a, собака
  kWeakAt,     // the English word "at": an address only with a spoken dot
  kDot,        // "." between two words, no space around it
  kSpokenDot,  // dot, [dot], (dot), punto, punkt, punktum, точка
  kOther,      // anything else: ends an address
};

struct Token {
  Tok kind;
  size_t begin, end;
  std::string folded;  // kWord only
};

Tok ClassifyWord(const std::string& w) {
  if (w == "at") return Tok::kWeakAt;
  if (OneOf(w, {"arroba", "krøllalfa", "alfakrøll", "snabel-a", "собака"})) {
    return Tok::kAt;
  }
  if (OneOf(w, {"dot", "punto", "punkt", "punktum", "точка"})) {
    return Tok::kSpokenDot;
  }
  return Tok::kWord;
}

// The end of a word starting at t[i] (letters, digits, _ % + and inner -).
size_t WordEnd(std::string_view t, size_t i) {
  size_t e = i;
  while (e < t.size()) {
    size_t next;
    UChar32 c = CodePointAt(t, e, &next);
    bool inner_dash = c == '-' && WordCharAt(t, next);
    if (!(IsWordCodePoint(c) || c == '_' || c == '%' || c == '+' || inner_dash)) break;
    e = next;
  }
  return e;
}

// "[at]", "( dot )", "{at}", "<at>" at t[i]: the folded inner word and the end.
bool BracketedCue(std::string_view t, size_t i, Tok* kind, size_t* end) {
  static const char kOpen[] = "[({<", kClose[] = "])}>";
  const char* o = std::strchr(kOpen, t[i]);
  if (o == nullptr || *o == '\0') return false;
  size_t j = i + 1;
  while (j < t.size() && t[j] == ' ') ++j;
  size_t we = WordEnd(t, j);
  if (we == j) return false;
  Tok k = ClassifyWord(FoldWord(t.substr(j, we - j)));
  if (k == Tok::kWord) return false;
  while (we < t.size() && t[we] == ' ') ++we;
  if (we >= t.size() || t[we] != kClose[o - kOpen]) return false;
  *kind = k == Tok::kWeakAt ? Tok::kAt : k;  // a bracketed "at" is deliberate
  *end = we + 1;
  return true;
}

std::vector<Token> TokenizeForEmails(std::string_view t) {
  std::vector<Token> toks;
  for (size_t i = 0; i < t.size();) {
    const char c = t[i];
    size_t next;
    Tok bracket;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (BracketedCue(t, i, &bracket, &next)) {
      toks.push_back({bracket, i, next, {}});
      i = next;
    } else if (c == '@') {
      toks.push_back({Tok::kAt, i, i + 1, {}});
      ++i;
    } else if (c == '.' && WordCharBefore(t, i) && WordCharAt(t, i + 1)) {
      toks.push_back({Tok::kDot, i, i + 1, {}});  // "john.doe", not a sentence end
      ++i;
    } else if (size_t we = WordEnd(t, i); we > i) {
      std::string w = FoldWord(t.substr(i, we - i));
      Tok k = ClassifyWord(w);
      toks.push_back({k, i, we, k == Tok::kWord ? std::move(w) : std::string()});
      i = we;
    } else {
      CodePointAt(t, i, &next);
      toks.push_back({Tok::kOther, i, std::max(next, i + 1), {}});
      i = std::max(next, i + 1);
    }
  }
  return toks;
}

// Words that end a sentence's "at"/"dot" rather than name a mailbox or a
// domain: "look at the dot com bubble", "visit us at example dot com".
bool IsStopWord(const std::string& w) {
  // clang-format off
  return OneOf(w, {
      "the", "a", "an", "this", "that", "my", "your", "our", "their", "his", "her", "its", "it",
      "me", "us", "you", "him", "them", "we", "they", "i", "is", "are", "was", "be", "to", "in",
      "on", "of", "for", "and", "or", "from", "with", "by",
      "el", "la", "los", "las", "un", "una", "mi", "tu", "su", "en", "de", "del", "y", "que", "es",
      "den", "det", "ett", "et", "min", "din", "på", "og", "och", "er", "är", "som",
      "в", "на", "и", "у", "это", "мой", "моя"});
  // clang-format on
}

// Top-level domains people spell out, in Latin and Cyrillic ("точка ру").
bool IsSpokenTld(const std::string& w) {
  // clang-format off
  return OneOf(w, {"com", "net", "org", "edu", "gov", "info", "biz", "io", "co", "me", "us", "uk",
                   "es", "no", "se", "ru", "de", "fr", "it", "nl", "eu", "dk", "fi", "is", "be",
                   "ch", "at", "pl", "pt", "ie", "ca", "au", "mx", "ar", "cl", "su", "online",
                   "app", "dev", "ру", "рф", "ком"});
  // clang-format on
}

bool IsDotTok(Tok k) { return k == Tok::kDot || k == Tok::kSpokenDot; }

// Call only when SniffText() found a cue.
void FindObfuscatedEmails(std::string_view t, std::vector<PiiSpan>* out) {
  const std::vector<Token> toks = TokenizeForEmails(t);
  const size_t n = toks.size();
  for (size_t k = 1; k + 1 < n; ++k) {
    if (toks[k].kind != Tok::kAt && toks[k].kind != Tok::kWeakAt) continue;
    // The local part: word (dot word)* right before the at.
    if (toks[k - 1].kind != Tok::kWord) continue;
    size_t first = k - 1;
    while (first >= 2 && IsDotTok(toks[first - 1].kind) && toks[first - 2].kind == Tok::kWord)
      first -= 2;
    // The domain: word (dot word)+ ending at the last label that is a TLD.
    if (toks[k + 1].kind != Tok::kWord) continue;
    size_t last = 0;
    for (size_t m = k + 1;
         m + 2 < n && IsDotTok(toks[m + 1].kind) && toks[m + 2].kind == Tok::kWord; m += 2) {
      const Token& label = toks[m + 2];
      // A written dot ends on a real TLD; a spoken one on a TLD people say.
      bool tld = toks[m + 1].kind == Tok::kDot
                     ? IsTld(t.substr(label.begin, label.end - label.begin))
                     : IsSpokenTld(label.folded);
      if (tld) last = m + 2;
    }
    if (last == 0) continue;
    bool spoken_dot = false, stop = false;
    for (size_t m = first; m < last; ++m) {
      spoken_dot |= toks[m].kind == Tok::kSpokenDot;
      stop |= toks[m].kind == Tok::kWord && IsStopWord(toks[m].folded);
    }
    // "at" is everywhere in English: only with a spoken dot is it an address
    // ("find it at help.example.com" is a web site).
    if (stop || (toks[k].kind == Tok::kWeakAt && !spoken_dot)) continue;
    out->push_back({toks[first].begin, toks[last].end, "[EMAIL]"});
    k = last;
  }
}

// ---------------------------------------------------------------------------
// IBANs: two letters, two check digits, the country's length, mod 97.

void FindIbans(std::string_view t, std::vector<PiiSpan>* out) {
  for (size_t i = 0; i + 15 <= t.size(); ++i) {
    if (!IsDigit(t[i + 2]) || !IsDigit(t[i + 3]) || !IsAsciiAlpha(t[i]) ||
        !IsAsciiAlpha(t[i + 1]) || WordCharBefore(t, i)) {
      continue;
    }
    const size_t len = IbanLength(t[i], t[i + 1]);
    if (len == 0) continue;
    // Collect alphanumerics, allowing single spaces between groups.
    std::string compact;
    size_t j = i, e = i;
    while (j < t.size() && compact.size() < len) {
      char c = t[j];
      if (IsAlnum(c)) {
        compact.push_back(c);
        e = ++j;
      } else if (c == ' ' && j + 1 < t.size() && IsAlnum(t[j + 1])) {
        ++j;
      } else {
        break;
      }
    }
    // The IBAN must end where a group ends: "NO93 8601 1117 947 er", not "…9475".
    if (compact.size() == len && !WordCharAt(t, e) && IbanValid(compact)) {
      out->push_back({i, e, "[IBAN]"});
      i = e;
    }
  }
}

// ---------------------------------------------------------------------------
// Numbers: phones and cards, told apart from order numbers, dates, amounts…

// Up to `n` bytes before `pos`, normalized (case-folded in every script).
std::string Before(std::string_view t, size_t pos, size_t n) {
  const std::string_view head = t.substr(0, pos);
  const size_t b = text::Utf8Boundary(head, pos > n ? pos - n : 0, text::Toward::kEnd);
  return text::Normalize(head.substr(b));
}

// The cue kinds before a number, which NumberContext keeps a hit of each.
constexpr size_t kCueKinds = static_cast<size_t>(PiiCueKind::kMoney) + 1;

struct CueHit {
  size_t begin = 0, end = 0;  // in the normalized text before the number; end 0: none
};

// What the words before a number say it is: the last hit of each cue kind.
struct NumberContext {
  std::string before;  // the normalized text the hits point into
  CueHit hit[kCueKinds];
  const CueHit& of(PiiCueKind k) const { return hit[static_cast<size_t>(k)]; }
  const CueHit& id() const { return of(PiiCueKind::kId); }
  const CueHit& phone() const { return of(PiiCueKind::kPhone); }
  const CueHit& weak() const { return of(PiiCueKind::kWeak); }
  const CueHit& card() const { return of(PiiCueKind::kCard); }
  const CueHit& money() const { return of(PiiCueKind::kMoney); }
};

// Whether only spaces and ". : #" separate hay[e..] from the number.
bool OnlyGlueAfter(const std::string& hay, size_t e) {
  for (size_t k = e; k < hay.size(); ++k) {
    const char c = hay[k];
    if (c != ' ' && c != '.' && c != ':' && c != '#') return false;
  }
  return true;
}

NumberContext ReadContext(std::string_view t, size_t b, const CueIndex& cues) {
  NumberContext c;
  c.before = Before(t, b, 40);
  const std::string& hay = c.before;
  for (size_t p = 0; p < hay.size(); ++p) {
    const auto& bucket = cues.before[static_cast<unsigned char>(hay[p])];
    if (bucket.empty()) continue;
    const bool word_start = !WordCharBefore(hay, p);
    for (const IndexedCue& cue : bucket) {
      const size_t len = cue.word.size();
      if (hay.compare(p, len, cue.word) != 0) continue;
      const size_t e = p + len;
      if (cue.word_first && !word_start) continue;
      if (cue.whole && WordCharAt(hay, e)) continue;
      if (cue.adjacent && !OnlyGlueAfter(hay, e)) continue;
      CueHit& h = c.hit[static_cast<size_t>(cue.kind)];
      if (e > h.end || (e == h.end && p < h.begin)) h = {p, e};
    }
  }
  return c;
}

// Does the closest cue say "phone", "id" or nothing?
enum class Says { kNothing, kPhone, kId };

Says Decide(const NumberContext& c) {
  if (c.phone().end > 0 && c.phone().end >= c.id().end) return Says::kPhone;
  if (c.id().end > 0) {
    // "order number 123", "pedido número 123", "трек-номер": the weak word
    // belongs to the id word right before it; "I ordered a router and my
    // number is …" has other words between them.
    size_t k = c.id().end;  // from the end of the id word ("серийный", not "серийн")
    for (size_t next; WordCharAt(c.before, k); k = next) CodePointAt(c.before, k, &next);
    for (; k < c.weak().begin; ++k) {
      if (WordCharAt(c.before, k)) return Says::kPhone;
    }
    return Says::kId;
  }
  return c.weak().end > 0 ? Says::kPhone : Says::kNothing;
}

// A run of digits with phone/card separators, e.g. "+47 412 34 567" or
// "(555) 123-4567", split into its digit groups.
struct Group {
  size_t begin, end;  // bytes of the digits
  std::string sep;    // the separator characters before it ("" for the first)
  size_t size() const { return end - begin; }
};

struct NumberRun {
  size_t begin = 0, end = 0;
  std::string digits;
  std::vector<Group> groups;
  bool plus = false, paren = false;
};

bool IsSeparator(char c) {
  return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/';
}

// Whether the separator at t[e] continues a run: it is followed by a digit,
// or it is the ") " / " (" around an area code.
bool SeparatorContinues(std::string_view t, size_t e) {
  const char c = t[e];
  return IsSeparator(c) && e + 1 < t.size() &&
         (IsDigit(t[e + 1]) || (c == ')' && t[e + 1] == ' ') || (c == ' ' && t[e + 1] == '('));
}

// The end of the run starting at t[i] and its digit count, without building
// it: most runs ("2 days", "#899313") are too short to matter.
size_t SkimRun(std::string_view t, size_t i, size_t* digits) {
  size_t e = i + (IsDigit(t[i]) ? 0 : 1), end = e;
  *digits = 0;
  while (e < t.size()) {
    if (IsDigit(t[e])) {
      ++*digits;
      end = ++e;
    } else if (SeparatorContinues(t, e)) {
      ++e;
    } else {
      break;
    }
  }
  return end;
}

NumberRun ScanRun(std::string_view t, size_t i) {
  NumberRun r;
  r.begin = i;
  r.plus = t[i] == '+';
  r.paren = t[i] == '(';
  size_t e = i + (r.plus || r.paren ? 1 : 0);
  std::string sep;
  bool in_group = false;
  while (e < t.size()) {
    const char c = t[e];
    if (IsDigit(c)) {
      if (!in_group) r.groups.push_back({e, e, std::move(sep)});
      sep.clear();
      in_group = true;
      r.digits.push_back(c);
      r.groups.back().end = ++e;
    } else if (SeparatorContinues(t, e)) {
      sep.push_back(c);
      in_group = false;
      ++e;
    } else {
      break;
    }
  }
  r.end = r.groups.empty() ? i + 1 : r.groups.back().end;
  if (r.paren && r.end < t.size() && t[r.end] == ')') ++r.end;
  return r;
}

int GroupValue(std::string_view t, const Group& g) {
  int v = 0;
  for (size_t k = g.begin; k < g.end && k < g.begin + 6; ++k) v = v * 10 + (t[k] - '0');
  return v;
}

bool IsYear(std::string_view t, const Group& g) {
  int v = GroupValue(t, g);
  return g.size() == 4 && v >= 1900 && v <= 2099;
}

// How many leading groups of `r` are a date, a year range, an IPv4 address or
// a US ZIP+4 (0 if none). Those are never phones, even when a time or another
// number follows them after a space ("2024-05-12 10:30").
size_t LeadingNonPhone(std::string_view t, const NumberRun& r) {
  const auto& g = r.groups;
  if (r.plus || r.paren || g.empty()) return 0;
  auto sep = [&](size_t k) { return g[k].sep.size() == 1 ? g[k].sep[0] : '\0'; };
  if (g.size() >= 3 && sep(1) == sep(2) && (sep(1) == '.' || sep(1) == '-' || sep(1) == '/')) {
    // 12.05.2024, 05/12/2024, 12-05-24 (day and month in either order) or 2024-05-12.
    int a = GroupValue(t, g[0]), b = GroupValue(t, g[1]), c = GroupValue(t, g[2]);
    bool dmy = g[0].size() <= 2 && g[1].size() <= 2 && (g[2].size() == 2 || g[2].size() == 4) &&
               a >= 1 && b >= 1 && std::min(a, b) <= 12 && std::max(a, b) <= 31;
    bool ymd = IsYear(t, g[0]) && g[1].size() <= 2 && g[2].size() <= 2 && b >= 1 && b <= 12 &&
               c >= 1 && c <= 31;
    if (dmy || ymd) return 3;
  }
  if (g.size() >= 4 && sep(1) == '.' && sep(2) == '.' && sep(3) == '.') {
    bool ip = true;
    for (size_t k = 0; k < 4; ++k) ip &= g[k].size() <= 3 && GroupValue(t, g[k]) <= 255;
    if (ip) return 4;
  }
  if (g.size() >= 2 && sep(1) == '-') {
    if (IsYear(t, g[0]) && IsYear(t, g[1])) return 2;    // 2019-2024
    if (g[0].size() == 5 && g[1].size() == 4) return 2;  // 94103-1234
  }
  return 0;
}

// A North American number without its country code: area code and exchange
// start 2-9 (4155550123).
bool IsNanp(const std::string& d) { return d.size() == 10 && d[0] >= '2' && d[3] >= '2'; }

// Digit strings written without separators that are phones in one of the
// five countries even with no cue word: mobiles and trunk-prefixed numbers.
bool IsPlainNationalPhone(const std::string& d) {
  const size_t n = d.size();
  if (d[0] == '0' && d[1] != '0' && (n == 10 || n == 11)) return true;      // UK 07…, SE 07…
  if ((d[0] == '8' || d[0] == '7') && d[1] == '9' && n == 11) return true;  // RU 89…, 79…
  if (n == 8 && (d[0] == '4' || d[0] == '9')) return true;                  // NO mobile
  if (n == 9 && (d[0] == '6' || d[0] == '7')) return true;                  // ES mobile
  return IsNanp(d);                                                         // US
}

// "00" is the international prefix in Europe: 0047 91234567, 0034 612 345 678.
bool HasInternationalPrefix(const std::string& d) {
  return d.size() >= 11 && d.size() <= 15 && d[0] == '0' && d[1] == '0' && d[2] != '0';
}

// Numbers followed by a currency, a percent sign or decimals are amounts.
bool AmountAfter(std::string_view t, size_t e, const CueIndex& cues) {
  if (e + 2 < t.size() && (t[e] == ',' || t[e] == '.') && IsDigit(t[e + 1]) && IsDigit(t[e + 2]) &&
      !(e + 3 < t.size() && IsDigit(t[e + 3]))) {
    return true;  // 91234567,50
  }
  std::string after = text::Normalize(t.substr(e, std::min<size_t>(16, t.size() - e)));
  if (!after.empty() && after[0] == ' ') after.erase(0, 1);
  // Symbols and "руб…" as prefixes; currency words whole ("kring" is no "kr").
  for (const std::string& w : cues.after_prefix) {
    if (after.rfind(w, 0) == 0) return true;
  }
  size_t word_end = 0;
  while (word_end < after.size() && WordCharAt(after, word_end)) {
    size_t next;
    CodePointAt(after, word_end, &next);
    word_end = next;
  }
  return cues.after_whole.find(std::string_view(after).substr(0, word_end)) !=
         cues.after_whole.end();
}

// Decides what one run of digits is and records it.
void ClassifyRun(std::string_view t, const NumberRun& r, const CueIndex& cues,
                 std::vector<PiiSpan>* out) {
  const std::string& digits = r.digits;
  const size_t d = digits.size(), b = r.begin, e = r.end;
  if (d < 8 || WordCharAt(t, e)) return;
  bool separators = r.groups.size() > 1 || r.paren;
  bool dots = false, slashes = false;
  for (const Group& g : r.groups) {
    dots |= g.sep.find('.') != std::string::npos;
    slashes |= g.sep.find('/') != std::string::npos;
  }
  const NumberContext ctx = ReadContext(t, b, cues);
  if (ctx.money().end > 0 || AmountAfter(t, e, cues)) return;
  const Says says = Decide(ctx);
  // Cards first: 13-19 digits passing Luhn with a card network's first digit
  // (2 Mir/Mastercard, 3 Amex/JCB/Diners, 4 Visa, 5 Mastercard, 6 Discover/
  // Maestro/UnionPay); an id word closer than any card word keeps an IMEI.
  if (!r.plus && d >= 13 && d <= 19 && digits[0] >= '2' && digits[0] <= '6' && LuhnValid(digits)) {
    if (!(says == Says::kId && ctx.id().end > ctx.card().end)) out->push_back({b, e, "[CARD]"});
    return;
  }
  if (d > 15 || slashes) return;         // 12/05/2024-style dates were taken above; others too long
  if (dots && !r.plus && d < 9) return;  // 1.234.567, 10.2.3.4.5
  bool phone = false;
  if (r.plus) {
    phone = d >= 8;
  } else if (says == Says::kPhone) {
    phone = true;
  } else if (says == Says::kId) {
    phone = false;
  } else if (HasInternationalPrefix(digits)) {
    phone = true;
  } else if (separators) {
    // National formats with groups: 8 digits (NO), 9 (ES), 10 (US/UK/SE/RU),
    // 11 (UK/RU with trunk prefix), 12 (0047 …).
    phone = d <= 12;
  } else {
    phone = IsPlainNationalPhone(digits);
  }
  if (phone) out->push_back({b, e, "[PHONE]"});
}

// Digit runs with phone/card separators: [+](digits|space|-|.|(|))*
void FindNumbers(std::string_view t, const CueIndex& cues, std::vector<PiiSpan>* out) {
  size_t i = 0;
  while (i < t.size()) {
    bool plus = t[i] == '+' && i + 1 < t.size() && IsDigit(t[i + 1]);
    bool paren = t[i] == '(' && i + 1 < t.size() && IsDigit(t[i + 1]);
    if (!(IsDigit(t[i]) || plus || paren) ||
        (i > 0 && (WordCharBefore(t, i) || t[i - 1] == '.' || t[i - 1] == ','))) {
      ++i;
      continue;
    }
    size_t digits;
    size_t end = SkimRun(t, i, &digits);
    if (digits < 8) {  // no phone or card; a date in it hides nothing either
      i = std::max(end, i + 1);
      continue;
    }
    NumberRun r = ScanRun(t, i);
    if (size_t k = LeadingNonPhone(t, r)) {
      i = r.groups[k - 1].end;  // skip the date; what follows is its own number
      continue;
    }
    i = std::max(r.end, i + 1);
    ClassifyRun(t, r, cues, out);
  }
}

}  // namespace

std::vector<PiiSpan> Redactor::Find(std::string_view text) const {
  std::vector<PiiSpan> found;
  FindEmails(text, &found);
  // IBANs, cards and phone numbers all have digits, obfuscated addresses a
  // cue word; most texts have neither, and one pass over the bytes is far
  // cheaper than the detectors.
  const Sniff sniff = SniffText(text);
  if (sniff.obfuscated) FindObfuscatedEmails(text, &found);
  std::vector<PiiSpan> more;
  if (sniff.digit) {
    FindIbans(text, &more);
    FindNumbers(text, *cues_, &more);
  }
  for (const auto& x : extra_) {
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece m;
    size_t pos = 0;
    while (pos <= text.size() && x->re->Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
      size_t b = static_cast<size_t>(m.data() - text.data());
      size_t e = b + m.size();
      if (e > b) more.push_back({b, e, x->placeholder});
      pos = e > b ? e : b + 1;
    }
  }
  // Earlier detectors win overlaps (e-mail, then IBAN/card/phone/patterns).
  std::vector<PiiSpan> out;
  auto overlaps = [&](const PiiSpan& s) {
    for (const auto& o : out) {
      if (s.begin < o.end && o.begin < s.end) return true;
    }
    return false;
  };
  for (auto& s : found) {
    if (!overlaps(s)) out.push_back(s);
  }
  for (auto& s : more) {
    if (!overlaps(s)) out.push_back(s);
  }
  std::sort(out.begin(), out.end(),
            [](const PiiSpan& a, const PiiSpan& b) { return a.begin < b.begin; });
  return out;
}

std::string Redactor::Redact(std::string_view text, size_t* begin, size_t* end) const {
  return Apply(text, Find(text), begin, end);
}

std::string Redactor::Apply(std::string_view text, const std::vector<PiiSpan>& spans, size_t* begin,
                            size_t* end) {
  if (spans.empty()) return std::string(text);
  std::string out;
  size_t pos = 0;
  auto map = [&](size_t x, bool is_end) {
    // Where original offset x lands in the output.
    size_t shift_out = 0, last = 0;
    for (const auto& s : spans) {
      if (x <= s.begin) break;
      if (x < s.end) return shift_out + (s.begin - last) + (is_end ? s.placeholder.size() : 0);
      shift_out += (s.begin - last) + s.placeholder.size();
      last = s.end;
    }
    return shift_out + (x - last);
  };
  size_t nb = begin ? map(*begin, false) : 0, ne = end ? map(*end, true) : 0;
  for (const auto& s : spans) {
    out.append(text.substr(pos, s.begin - pos));
    out.append(s.placeholder);
    pos = s.end;
  }
  out.append(text.substr(pos));
  if (begin) *begin = nb;
  if (end) *end = ne;
  return out;
}

}  // namespace tact::report
