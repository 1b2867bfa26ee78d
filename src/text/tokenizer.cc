#include "text/tokenizer.h"

#include "text/address.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>

namespace tact::text {
namespace {

enum class CharClass : uint8_t {
  kSpace,
  kNewline,
  kLetter,
  kDigit,
  kMark,
  kApostrophe,
  kHyphen,
  kNumberJoiner,
  kPunct,
  kSymbol,
  kInvalid
};

constexpr CharClass ClassifyAscii(int c) {
  if (c == '\n' || c == '\r') return CharClass::kNewline;
  if (c == ' ' || c == '\t' || c == '\f' || c == '\v') return CharClass::kSpace;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharClass::kLetter;
  if (c >= '0' && c <= '9') return CharClass::kDigit;
  if (c == '\'') return CharClass::kApostrophe;
  if (c == '-') return CharClass::kHyphen;
  if (c == '.' || c == ',' || c == ':') return CharClass::kNumberJoiner;
  if (c < 0x20 || c == 0x7F) return CharClass::kSpace;
  return CharClass::kPunct;
}

// ClassifyAscii() of every ASCII byte, looked up instead of tested.
constexpr std::array<CharClass, 128> kAsciiClass = [] {
  std::array<CharClass, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = ClassifyAscii(c);
  return t;
}();

// A code point past ASCII, by its Unicode properties.
CharClass ClassifyByProperties(UChar32 c) {
  if (c == 0x2019 || c == 0x02BC) return CharClass::kApostrophe;
  if (c == 0x2010 || c == 0x2011) return CharClass::kHyphen;
  if (c == 0x2028 || c == 0x2029 || c == 0x0085) return CharClass::kNewline;
  if (u_isUWhiteSpace(c)) return CharClass::kSpace;
  int8_t type = u_charType(c);
  switch (type) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
      return CharClass::kLetter;
    case U_DECIMAL_DIGIT_NUMBER:
      return CharClass::kDigit;
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK:
      return CharClass::kMark;
    case U_FORMAT_CHAR:  // zero-width joiners and the like: part of whatever surrounds them
      return CharClass::kMark;
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
      return CharClass::kPunct;
    default:
      return CharClass::kSymbol;
  }
}

// ClassifyByProperties() of every code point written in two UTF-8 bytes
// (Latin letters with diacritics, Cyrillic, Greek...), computed once.
const std::array<CharClass, 0x800>& TwoByteClasses() {
  static const std::array<CharClass, 0x800> table = [] {
    std::array<CharClass, 0x800> t{};
    for (UChar32 c = 0x80; c < 0x800; ++c) t[c] = ClassifyByProperties(c);
    return t;
  }();
  return table;
}

CharClass Classify(UChar32 c) {
  if (c < 0) return CharClass::kInvalid;
  if (c < 0x80) return kAsciiClass[c];
  if (c < 0x800) return TwoByteClasses()[c];
  return ClassifyByProperties(c);
}

struct Cursor {
  const uint8_t* s;
  int32_t len;
  // Decodes the code point at `i` without advancing the caller's index.
  CharClass Peek(int32_t i, UChar32* cp = nullptr, int32_t* next = nullptr) const {
    if (i >= len) return CharClass::kSpace;
    if (s[i] < 0x80) {  // ASCII: no decoding
      if (cp) *cp = s[i];
      if (next) *next = i + 1;
      return kAsciiClass[s[i]];
    }
    UChar32 c;
    int32_t j = i;
    U8_NEXT(s, j, len, c);
    if (cp) *cp = c;
    if (next) *next = j;
    return Classify(c);
  }
};

bool IsWordChar(CharClass k) {
  return k == CharClass::kLetter || k == CharClass::kDigit || k == CharClass::kMark;
}

bool EndsSentence(UChar32 c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x203C || c == 0x2047 ||
         c == 0x2048 || c == 0x2049 || c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
}

// Question and exclamation marks: a run mixing them ("?!", "!?!") is one token.
bool IsQuestionOrExclamation(UChar32 c) {
  return c == '!' || c == '?' || c == 0x203C || c == 0x2047 || c == 0x2048 || c == 0x2049 ||
         c == 0xFF01 || c == 0xFF1F;
}

// Dashes that join two numbers into a range: "3-5", "3–5", "10:00–12:00".
bool IsRangeDash(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2013; }

// The state of one Tokenize() call. Each Take*() is given a token that
// starts at `i` with code point `c` of class `k` (the next one at `next`);
// when the token is of its kind it sets the token's end and kind, appends it,
// moves `i` past it and returns true.
struct Scan {
  std::string_view text;
  Cursor cur;
  std::vector<RawToken>* out;
  size_t no_email_before = 0;
  // The next '@' and where the run of local-part bytes before it starts: only
  // a token starting in that run can start an e-mail address.
  size_t next_at = 0, local_start = 0;

  void FindAt(size_t from) {
    next_at = text.find('@', from);
    if (next_at == std::string_view::npos) return;
    local_start = next_at;
    while (local_start > from && next_at - local_start < 64 &&
           IsEmailLocalByte(static_cast<uint8_t>(text[local_start - 1])))
      --local_start;
  }

  inline void Emit(RawToken& tok, int32_t end, TokenKind kind) {
    tok.end = static_cast<uint32_t>(end);
    tok.kind = kind;
    out->push_back(tok);
  }

  inline bool TakeUrl(int32_t& i, RawToken& tok) {
    const size_t n = UrlLength(text, static_cast<size_t>(i));
    if (n == 0) return false;
    i += static_cast<int32_t>(n);
    Emit(tok, i, TokenKind::kUrl);
    return true;
  }

  inline bool TakeEmail(int32_t& i, RawToken& tok) {
    const auto at = static_cast<size_t>(i);
    if (next_at != std::string_view::npos && next_at < at) FindAt(at);
    // A local part is at most 64 bytes (RFC 5321).
    const size_t n = next_at != std::string_view::npos && at >= local_start && at < next_at
                         ? EmailLength(text, at, &no_email_before)
                         : 0;
    if (n == 0) return false;
    i += static_cast<int32_t>(n);
    Emit(tok, i, TokenKind::kEmail);
    return true;
  }

  // "@name", "#tag" (a hashtag has a letter: "order #123" is a number).
  inline bool TakeHandle(UChar32 c, int32_t next, int32_t& i, RawToken& tok) {
    int32_t e = next;
    bool letter = false;
    while (e < cur.len) {
      UChar32 c2;
      int32_t j;
      CharClass k2 = cur.Peek(e, &c2, &j);
      if (!IsWordChar(k2) && c2 != '_') break;
      letter |= k2 == CharClass::kLetter;
      e = j;
    }
    if (e <= next || (c != '@' && !letter)) return false;
    i = e;
    Emit(tok, i, c == '@' ? TokenKind::kHandle : TokenKind::kHashtag);
    return true;
  }

  // Whether the joiner `c2` (class `k2`, followed by the character at `j`)
  // stays inside a word or number that so far ends with a `prev`.
  inline bool Joins(CharClass k2, UChar32 c2, int32_t j, CharClass prev, bool has_letter,
                    bool only_digits) const {
    // Joiners stay inside a token only between two word characters.
    CharClass after = cur.Peek(j);
    bool join = false;
    if (k2 == CharClass::kApostrophe) {
      // A clitic starts its own token ("I'll" -> I 'll), so patterns may
      // write either "i'll" or "i ('ll|will)".
      join = false;
    } else if (k2 == CharClass::kHyphen) {
      join = IsWordChar(prev) && IsWordChar(after) && !only_digits;
    } else if (k2 == CharClass::kNumberJoiner) {
      join = prev == CharClass::kDigit && after == CharClass::kDigit;
      // A Swedish ordinal: "8:e", "1:a", "21:a".
      if (!join && c2 == ':' && prev == CharClass::kDigit && !has_letter) {
        UChar32 l;
        int32_t after_l;
        cur.Peek(j, &l, &after_l);
        join = (l == 'a' || l == 'e' || l == 'A' || l == 'E') && !IsWordChar(cur.Peek(after_l));
      }
    }
    // A range of numbers: "3-5", "3–5", "10:00–12:00".
    if (!join && !has_letter && prev == CharClass::kDigit && after == CharClass::kDigit &&
        IsRangeDash(c2)) {
      join = true;
    }
    return join;
  }

  // A word or number (k is a word character).
  inline void TakeWord(CharClass k, int32_t next, int32_t& i, RawToken& tok) {
    bool has_letter = (k == CharClass::kLetter);
    bool only_digits = (k == CharClass::kDigit);
    CharClass prev = k;
    i = next;
    while (i < cur.len) {
      int32_t j;
      UChar32 c2;
      CharClass k2 = cur.Peek(i, &c2, &j);
      if (IsWordChar(k2)) {
        has_letter |= (k2 == CharClass::kLetter);
        only_digits &= (k2 == CharClass::kDigit);
        prev = k2;
        i = j;
        continue;
      }
      if (!Joins(k2, c2, j, prev, has_letter, only_digits)) break;
      prev = k2;
      i = j;
    }
    Emit(tok, i, has_letter ? TokenKind::kWord : TokenKind::kNumber);
  }

  // The clitic after a word: "'ll", "'s". Negation splits before the n, as
  // in the Penn Treebank: "isn't" -> is n't, "can't" -> ca n't.
  inline bool TakeClitic(int32_t next, int32_t& i, RawToken& tok) {
    if (out->empty() || out->back().end != static_cast<uint32_t>(i) ||
        out->back().kind != TokenKind::kWord || !IsWordChar(cur.Peek(next)))
      return false;
    UChar32 t1;
    int32_t after_t;
    cur.Peek(next, &t1, &after_t);
    RawToken& prev = out->back();
    if ((t1 == 't' || t1 == 'T') && !IsWordChar(cur.Peek(after_t)) && prev.end - prev.begin >= 2 &&
        (text[prev.end - 1] == 'n' || text[prev.end - 1] == 'N')) {
      --prev.end;
      tok.begin = prev.end;
    }
    i = next;
    while (i < cur.len) {
      int32_t j;
      CharClass k2 = cur.Peek(i, nullptr, &j);
      if (!IsWordChar(k2)) break;
      i = j;
    }
    Emit(tok, i, TokenKind::kWord);
    return true;
  }

  // Punctuation or symbol: a run of the same code point is one token, and so
  // is a run mixing question and exclamation marks ("?!", "!?!").
  inline void TakeRun(UChar32 c, CharClass k, int32_t next, int32_t& i, RawToken& tok) {
    bool punct = k != CharClass::kSymbol;
    i = next;
    while (i < cur.len) {
      UChar32 c2;
      int32_t j;
      cur.Peek(i, &c2, &j);
      if (c2 != c && !(IsQuestionOrExclamation(c) && IsQuestionOrExclamation(c2))) break;
      i = j;
    }
    Emit(tok, i, punct ? TokenKind::kPunct : TokenKind::kSymbol);
  }

  // The token starting at `i` (not a space): appended, and `i` moved past it.
  inline void TakeToken(UChar32 c, CharClass k, int32_t next, int32_t& i, RawToken& tok) {
    // Written addresses are one token each: URLs, e-mail addresses, @handles
    // and #hashtags.
    const bool boundary = i == 0 || !IsAsciiAlnumByte(cur.s[i - 1]);
    if (boundary && (c == 'h' || c == 'H' || c == 'w' || c == 'W') && TakeUrl(i, tok)) return;
    if (boundary && c < 0x80 && IsAsciiAlnumByte(static_cast<uint8_t>(c)) &&
        static_cast<size_t>(i) >= no_email_before && TakeEmail(i, tok))
      return;
    if (boundary && (c == '@' || c == '#') && TakeHandle(c, next, i, tok)) return;
    if (IsWordChar(k)) return TakeWord(k, next, i, tok);
    if (k == CharClass::kApostrophe && TakeClitic(next, i, tok)) return;
    if (k == CharClass::kInvalid) {
      Emit(tok, next, TokenKind::kSymbol);
      i = next;
      return;
    }
    TakeRun(c, k, next, i, tok);
  }
};

}  // namespace

void Tokenize(std::string_view text, std::vector<RawToken>* out) {
  out->clear();
  Scan scan{
      text,
      Cursor{reinterpret_cast<const uint8_t*>(text.data()), static_cast<int32_t>(text.size())},
      out};
  scan.FindAt(0);
  bool newline = false;
  int32_t i = 0;
  while (i < scan.cur.len) {
    UChar32 c;
    int32_t next;
    CharClass k = scan.cur.Peek(i, &c, &next);
    if (k == CharClass::kSpace || k == CharClass::kNewline) {
      newline |= k == CharClass::kNewline;
      i = next;
      continue;
    }
    RawToken tok;
    tok.begin = static_cast<uint32_t>(i);
    tok.newline_before = newline && !out->empty();
    newline = false;
    scan.TakeToken(c, k, next, i, tok);
  }
}

void AssignSentences(std::string_view text, std::vector<RawToken>* tokens,
                     const std::function<bool(size_t)>& is_abbreviation) {
  uint16_t sentence = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t len = static_cast<int32_t>(text.size());
  bool break_pending = false;
  for (size_t t = 0; t < tokens->size(); ++t) {
    RawToken& tok = (*tokens)[t];
    if ((break_pending || tok.newline_before) && t > 0 && sentence < UINT16_MAX) ++sentence;
    break_pending = false;
    tok.sentence = sentence;
    if (tok.kind != TokenKind::kPunct) continue;
    UChar32 c;
    int32_t i = static_cast<int32_t>(tok.begin);
    U8_NEXT(s, i, len, c);
    if (!EndsSentence(c)) continue;
    // "example.com", "site.ru/a?b=1", "v1.2": a mark glued to the next letter or
    // digit is not an end.
    if (tok.end < text.size()) {
      UChar32 n;
      int32_t j = static_cast<int32_t>(tok.end);
      U8_NEXT(s, j, len, n);
      CharClass nk = Classify(n);
      if (nk == CharClass::kLetter || nk == CharClass::kDigit) continue;
    }
    if (c == '.' && tok.end - tok.begin == 1 && t > 0) {
      const RawToken& prev = (*tokens)[t - 1];
      if (prev.kind == TokenKind::kWord && prev.end == tok.begin) {
        int32_t p = static_cast<int32_t>(prev.begin);
        UChar32 pc;
        U8_NEXT(s, p, len, pc);
        if (static_cast<uint32_t>(p) == prev.end) continue;  // single letter: "e.g." "J."
        if (is_abbreviation && is_abbreviation(t - 1)) continue;
      }
      // An ordinal dot ("2. mai", "den 20. mars"): a number of one or two
      // digits, then a word in lowercase on the same line.
      if (prev.kind == TokenKind::kNumber && prev.end == tok.begin && prev.end - prev.begin <= 2 &&
          t + 1 < tokens->size()) {
        const RawToken& next = (*tokens)[t + 1];
        UChar32 nc;
        int32_t ni = static_cast<int32_t>(next.begin);
        U8_NEXT(s, ni, len, nc);
        if (next.kind == TokenKind::kWord && !next.newline_before && nc >= 0 && u_islower(nc))
          continue;
      }
    }
    // Closing quotes and brackets right after the end belong to this sentence.
    size_t u = t + 1;
    while (u < tokens->size() && (*tokens)[u].kind == TokenKind::kPunct &&
           !(*tokens)[u].newline_before) {
      UChar32 q;
      int32_t qi = static_cast<int32_t>((*tokens)[u].begin);
      U8_NEXT(s, qi, len, q);
      int8_t type = u_charType(q);
      bool closing = q == '"' || q == '\'' || type == U_END_PUNCTUATION ||
                     type == U_FINAL_PUNCTUATION || type == U_INITIAL_PUNCTUATION ||
                     EndsSentence(q);
      if (!closing) break;
      (*tokens)[u].sentence = sentence;
      ++u;
    }
    t = u - 1;
    break_pending = true;
  }
}

}  // namespace tact::text
