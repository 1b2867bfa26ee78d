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

}  // namespace

std::string DecodeEntities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back('&');
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    if (!name.empty() && name[0] == '#') {
      bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
      // Digits only (strtoul would take "&# 65;" and "&#+65;"), and a value
      // past U+10FFFF is U+FFFD before it is narrowed: "&#4294967356;" must
      // not wrap around to '<'.
      const std::string_view digits = name.substr(hex ? 2 : 1);
      const bool ok = !digits.empty() && std::all_of(digits.begin(), digits.end(), [&](char c) {
        return hex ? std::isxdigit(static_cast<unsigned char>(c)) != 0 : c >= '0' && c <= '9';
      });
      if (ok) {
        uint64_t cp = 0;
        for (char c : digits) {
          const int d =
              c <= '9' ? c - '0' : (std::tolower(static_cast<unsigned char>(c)) - 'a' + 10);
          cp = std::min<uint64_t>(cp * (hex ? 16 : 10) + static_cast<uint64_t>(d), 0x110000);
        }
        AppendCodePoint(static_cast<uint32_t>(cp), &out);
        i = semi;
        continue;
      }
    }
    static const struct {
      const char* name;
      const char* text;
    } kNamed[] = {{"amp", "&"},   {"lt", "<"},    {"gt", ">"},    {"quot", "\""},  {"apos", "'"},
                  {"nbsp", " "},  {"lrm", ""},    {"rlm", ""},    {"hellip", "…"}, {"mdash", "—"},
                  {"ndash", "–"}, {"rsquo", "’"}, {"lsquo", "‘"}, {"ldquo", "“"},  {"rdquo", "”"}};
    bool done = false;
    for (const auto& e : kNamed) {
      if (name == e.name) {
        out += e.text;
        i = semi;
        done = true;
        break;
      }
    }
    if (!done) out.push_back('&');
  }
  return out;
}

std::string HtmlToText(std::string_view html) {
  std::string raw;
  raw.reserve(html.size());
  for (size_t i = 0; i < html.size(); ++i) {
    if (html[i] != '<') {
      raw.push_back(html[i]);
      continue;
    }
    size_t close = html.find('>', i);
    if (close == std::string_view::npos) {
      raw.append(html.substr(i));
      break;
    }
    std::string tag;
    for (size_t k = i + 1; k < close && tag.size() < 12; ++k) {
      char c = html[k];
      if (c == '/' && tag.empty()) continue;
      if (!std::isalnum(static_cast<unsigned char>(c))) break;
      tag.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    if (tag == "br" || tag == "p" || tag == "div" || tag == "li" || tag == "tr" || tag == "h1" ||
        tag == "h2" || tag == "h3" || tag == "blockquote") {
      raw.push_back('\n');
    }
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
