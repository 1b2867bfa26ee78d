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

std::vector<int> ArrayElementLines(std::string_view text) {
  std::vector<int> lines;
  int line = 1, depth = 0;
  bool in_string = false, escape = false, expect_value = false;
  for (char c : text) {
    if (c == '\n') ++line;
    if (in_string) {
      if (escape)
        escape = false;
      else if (c == '\\')
        escape = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (depth == 1 && expect_value) {
      lines.push_back(line);
      expect_value = false;
    }
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
        break;
      case ',':
        if (depth == 1) expect_value = true;
        break;
      default:
        break;
    }
  }
  return lines;
}

}  // namespace tact::input::json
