#include "text/address.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace tact::text {
namespace {

bool LowerAsciiStartsWith(std::string_view text, size_t i, std::string_view prefix) {
  if (text.size() - i < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    char c = text[i + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[k]) return false;
  }
  return true;
}

// Sentence punctuation, quotes and closing brackets that end a written
// address are not part of it ("see www.example.com." -> the dot ends the sentence).
bool TrailsAnAddress(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
         c == '"' || c == ')' || c == ']' || c == '}' || c == '>';
}

}  // namespace

bool IsAsciiAlnumByte(uint8_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool IsEmailLocalByte(uint8_t c) {
  return IsAsciiAlnumByte(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

size_t UrlLength(std::string_view text, size_t i) {
  size_t start;
  if (LowerAsciiStartsWith(text, i, "https://"))
    start = i + 8;
  else if (LowerAsciiStartsWith(text, i, "http://"))
    start = i + 7;
  else if (LowerAsciiStartsWith(text, i, "www."))
    start = i + 4;
  else
    return 0;
  if (start >= text.size() || !IsAsciiAlnumByte(static_cast<uint8_t>(text[start]))) return 0;
  size_t e = start;
  int open = 0;  // a ')' may close a '(' of the URL itself ("wiki/Foo_(bar)")
  while (e < text.size()) {
    auto c = static_cast<uint8_t>(text[e]);
    if (c <= ' ' || c == 0x7F || c == '<' || c == '"') break;
    if (c >= 0x80) {  // non-ASCII letters and digits may appear in paths; spaces and marks end it
      UChar32 cp;
      int32_t j = static_cast<int32_t>(e);
      U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), j, static_cast<int32_t>(text.size()),
              cp);
      if (cp < 0 || !(u_isalnum(cp) || (U_GET_GC_MASK(cp) & U_GC_M_MASK) != 0)) break;
      e = static_cast<size_t>(j);
      continue;
    }
    if (c == '(') ++open;
    if (c == ')' && open-- == 0) break;
    ++e;
  }
  // A ')' still inside closes a '(' of the URL (the loop stops at an unmatched one).
  while (e > start && TrailsAnAddress(text[e - 1]) && text[e - 1] != ')') --e;
  return e > start ? e - i : 0;
}

size_t EmailLength(std::string_view text, size_t i, size_t* local_end) {
  size_t e = i;
  while (e < text.size() && IsEmailLocalByte(static_cast<uint8_t>(text[e]))) ++e;
  *local_end = e;
  if (e == i || e >= text.size() || text[e] != '@' || text[i] == '.') return 0;
  size_t d = ++e;
  size_t last_dot = 0;
  while (e < text.size()) {
    auto c = static_cast<uint8_t>(text[e]);
    if (c == '.') {
      if (e + 1 >= text.size() || !IsAsciiAlnumByte(static_cast<uint8_t>(text[e + 1]))) break;
      last_dot = e;
    } else if (!IsAsciiAlnumByte(c) && c != '-') {
      break;
    }
    ++e;
  }
  if (last_dot <= d) return 0;
  for (size_t k = last_dot + 1; k < e; ++k) {
    char c = text[k];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return 0;  // a top-level domain
  }
  return e - last_dot > 2 ? e - i : 0;
}

}  // namespace tact::text
