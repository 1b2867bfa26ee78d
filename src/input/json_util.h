// Lenient field access over simdjson's DOM for the JSON readers: exports put
// numbers in strings and strings in numbers, so getters convert where the
// meaning is unambiguous and return nullopt otherwise.
#ifndef TACT_INPUT_JSON_UTIL_H_
#define TACT_INPUT_JSON_UTIL_H_

#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>

namespace tact::input::json {

using Element = simdjson::dom::element;

// The member `key` of an object, or nullopt (also when `e` is no object).
std::optional<Element> Get(Element e, std::string_view key);
// A string member; numbers and booleans are converted to text.
std::optional<std::string> String(Element e, std::string_view key);
// A number member; a string holding a number is accepted.
std::optional<double> Number(Element e, std::string_view key);
// A time member: seconds as a number, or any string ParseTimeString accepts.
// Returns false (with *error) when present but unparsable.
bool Time(Element e, std::string_view key, std::optional<double>* out, std::string* error);
// Converts a scalar element to text ("" for objects, arrays and null).
std::string ScalarText(Element e);

// The top-level elements of a JSON array document, found by a structural
// scan (strings and nesting, not validated: each element is parsed on its
// own), so a big array is never parsed whole. `complete` is false when the
// array does not close, or something follows it.
struct ArrayElement {
  size_t begin = 0, end = 0;  // bytes of the element's text
  int line = 0;               // 1-based line it starts on
};
struct ArrayScan {
  std::vector<ArrayElement> elements;
  bool complete = false;
  int end_line = 1;  // the last line of the text
};
ArrayScan ScanArray(std::string_view text);

}  // namespace tact::input::json

#endif  // TACT_INPUT_JSON_UTIL_H_
