#include "input/html.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>

#include "common/strings.h"

namespace tact::input {
namespace {

void AppendCodePoint(uint32_t cp, std::string* out) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  char buf[4];
  int32_t n = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, static_cast<UChar32>(cp), err);
  if (!err) out->append(buf, static_cast<size_t>(n));
}

// Appends s[from, next `stop`) to *out; returns where the `stop` is (npos: none).
size_t AppendUntil(std::string_view s, size_t from, char stop, std::string* out) {
  const size_t at = s.find(stop, from);
  out->append(s.substr(from, at == std::string_view::npos ? std::string_view::npos : at - from));
  return at;
}

// A numeric reference's value ("#233", "#xE9"), or false when `name` is none.
// Digits only (strtoul would take "&# 65;" and "&#+65;"), and a value past
// U+10FFFF is U+FFFD before it is narrowed: "&#4294967356;" must not wrap
// around to '<'.
bool NumericReference(std::string_view name, uint32_t* cp) {
  if (name.empty() || name[0] != '#') return false;
  const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
  const std::string_view digits = name.substr(hex ? 2 : 1);
  const bool ok = !digits.empty() && std::all_of(digits.begin(), digits.end(), [&](char c) {
    return hex ? std::isxdigit(static_cast<unsigned char>(c)) != 0 : c >= '0' && c <= '9';
  });
  if (!ok) return false;
  uint64_t v = 0;
  for (char c : digits) {
    const int d = c <= '9' ? c - '0' : (std::tolower(static_cast<unsigned char>(c)) - 'a' + 10);
    v = std::min<uint64_t>(v * (hex ? 16 : 10) + static_cast<uint64_t>(d), 0x110000);
  }
  *cp = static_cast<uint32_t>(v);
  return true;
}

// The text of a named entity ("amp" -> "&"), or null for one not known.
const char* NamedEntity(std::string_view name) {
  static const struct {
    const char* name;
    const char* text;
  } kNamed[] = {{"amp", "&"},   {"lt", "<"},    {"gt", ">"},    {"quot", "\""},  {"apos", "'"},
                {"nbsp", " "},  {"lrm", ""},    {"rlm", ""},    {"hellip", "…"}, {"mdash", "—"},
                {"ndash", "–"}, {"rsquo", "’"}, {"lsquo", "‘"}, {"ldquo", "“"},  {"rdquo", "”"}};
  for (const auto& e : kNamed) {
    if (name == e.name) return e.text;
  }
  return nullptr;
}

// Decodes the entity at s[amp] ('&') onto *out; returns the index of its
// last byte (the ';'), or `amp` when it is none and the '&' stays.
size_t DecodeEntityAt(std::string_view s, size_t amp, std::string* out) {
  const size_t semi = s.find(';', amp);
  if (semi != std::string_view::npos && semi - amp <= 10) {
    const std::string_view name = s.substr(amp + 1, semi - amp - 1);
    uint32_t cp;
    if (NumericReference(name, &cp)) {
      AppendCodePoint(cp, out);
      return semi;
    }
    if (const char* text = NamedEntity(name)) {
      *out += text;
      return semi;
    }
  }
  out->push_back('&');
  return amp;
}

// Whether a tag breaks the line it is in (<br>, <p>, <div>, ...): reads the
// name of the tag that starts at html[lt] and ends at html[gt].
bool BreaksLine(std::string_view html, size_t lt, size_t gt) {
  std::string tag;
  for (size_t k = lt + 1; k < gt && tag.size() < 12; ++k) {
    char c = html[k];
    if (c == '/' && tag.empty()) continue;
    if (!std::isalnum(static_cast<unsigned char>(c))) break;
    tag.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return tag == "br" || tag == "p" || tag == "div" || tag == "li" || tag == "tr" || tag == "h1" ||
         tag == "h2" || tag == "h3" || tag == "blockquote";
}

}  // namespace

std::string DecodeEntities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = AppendUntil(s, 0, '&', &out); i != std::string_view::npos;
       i = AppendUntil(s, i + 1, '&', &out)) {
    i = DecodeEntityAt(s, i, &out);
  }
  return out;
}

std::string StripTags(std::string_view s) {
  std::string out;
  for (size_t i = AppendUntil(s, 0, '<', &out); i != std::string_view::npos;
       i = AppendUntil(s, i + 1, '<', &out)) {
    i = s.find('>', i);
    if (i == std::string_view::npos) break;
  }
  return DecodeEntities(out);
}

std::string HtmlToText(std::string_view html) {
  std::string raw;
  raw.reserve(html.size());
  for (size_t i = AppendUntil(html, 0, '<', &raw); i != std::string_view::npos;
       i = AppendUntil(html, i + 1, '<', &raw)) {
    const size_t close = html.find('>', i);
    if (close == std::string_view::npos) {
      raw.append(html.substr(i));
      break;
    }
    if (BreaksLine(html, i, close)) raw.push_back('\n');
    i = close;
  }
  std::string text = DecodeEntities(raw);
  // Collapse runs of blank lines and trim each line.
  std::string out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line = Trim(std::string_view(text).substr(pos, nl - pos));
    if (!line.empty()) {
      if (!out.empty()) out.push_back('\n');
      out.append(line);
    }
    pos = nl + 1;
  }
  return out;
}

}  // namespace tact::input
