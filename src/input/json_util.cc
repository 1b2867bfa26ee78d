#include "input/json_util.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

#include "input/timestamp.h"

namespace tact::input::json {

std::optional<Element> Get(Element e, std::string_view key) {
  simdjson::dom::object obj;
  if (e.get_object().get(obj)) return std::nullopt;
  Element v;
  if (obj.at_key(key).get(v)) return std::nullopt;
  return v;
}

std::string ScalarText(Element e) {
  switch (e.type()) {
    case simdjson::dom::element_type::STRING:
      return std::string(std::string_view(e.get_string().value_unsafe()));
    case simdjson::dom::element_type::INT64:
      return std::to_string(e.get_int64().value_unsafe());
    case simdjson::dom::element_type::UINT64:
      return std::to_string(e.get_uint64().value_unsafe());
    case simdjson::dom::element_type::DOUBLE: {
      char buf[32];
      snprintf(buf, sizeof buf, "%.17g", e.get_double().value_unsafe());
      return buf;
    }
    case simdjson::dom::element_type::BOOL:
      return e.get_bool().value_unsafe() ? "true" : "false";
    default:
      return "";
  }
}

std::optional<std::string> String(Element e, std::string_view key) {
  auto v = Get(e, key);
  if (!v || v->is_null() || v->is_array() || v->is_object()) return std::nullopt;
  return ScalarText(*v);
}

std::optional<double> Number(Element e, std::string_view key) {
  auto v = Get(e, key);
  if (!v) return std::nullopt;
  double d;
  if (!v->get_double().get(d)) return d;
  std::string_view s;
  if (!v->get_string().get(s)) {
    auto r = std::from_chars(s.data(), s.data() + s.size(), d);
    if (r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(d)) return d;
  }
  return std::nullopt;
}

bool Time(Element e, std::string_view key, std::optional<double>* out, std::string* error) {
  auto v = Get(e, key);
  if (!v || v->is_null()) return true;
  double d;
  if (!v->get_double().get(d)) {
    if (!std::isfinite(d) || d < 0) {
      *error = "'" + std::string(key) + "' is not a valid time";
      return false;
    }
    *out = d > 1e11 ? d / 1000.0 : d;
    return true;
  }
  std::string_view s;
  if (!v->get_string().get(s) && ParseTimeString(s, &d)) {
    *out = d;
    return true;
  }
  *error = "cannot parse time '" + std::string(key) + "': " + ScalarText(*v);
  return false;
}

ArrayScan ScanArray(std::string_view text) {
  ArrayScan scan;
  int line = 1, depth = 0;
  bool in_string = false, escape = false, expect_value = false, closed = false, trailing = false;
  size_t last = 0;  // one past the last non-space byte of the current element
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (in_string) {
      if (escape)
        escape = false;
      else if (c == '\\')
        escape = true;
      else if (c == '"')
        in_string = false;
      last = i + 1;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (closed) {
      trailing = true;
      break;
    }
    if (depth == 1 && expect_value && c != ']') {
      scan.elements.push_back({i, i, line});
      expect_value = false;
    }
    // The element ends at the ',' or ']' that closes it at depth 1.
    if (depth == 1 && (c == ',' || c == ']') && !scan.elements.empty() &&
        scan.elements.back().end == scan.elements.back().begin)
      scan.elements.back().end = last;
    switch (c) {
      case '"':
        in_string = true;
        break;
      case '[':
      case '{':
        ++depth;
        if (depth == 1 && c == '[') expect_value = true;
        break;
      case ']':
      case '}':
        --depth;
        if (depth == 0) closed = true;
        break;
      case ',':
        if (depth == 1) expect_value = true;
        break;
      default:
        break;
    }
    last = i + 1;
  }
  scan.end_line = line;
  scan.complete = closed && !trailing && !in_string;
  // An element the text ends inside runs to the end.
  if (!scan.elements.empty() && scan.elements.back().end == scan.elements.back().begin)
    scan.elements.back().end = last;
  return scan;
}

}  // namespace tact::input::json
