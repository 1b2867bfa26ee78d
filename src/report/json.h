// A minimal streaming JSON writer: correct escaping (UTF-8 passed through,
// control characters and invalid bytes escaped), no pretty printing, keys in
// the order written, so output is deterministic.
#ifndef TACT_REPORT_JSON_H_
#define TACT_REPORT_JSON_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tact::report {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view k);
  JsonWriter& String(std::string_view s);
  JsonWriter& Number(double v);  // integers print without a fraction; NaN/inf as null
  JsonWriter& Int(long long v);
  JsonWriter& Uint(unsigned long long v);  // counts: all of uint64, never negative
  JsonWriter& Bool(bool b);
  JsonWriter& Null();
  JsonWriter& OptNumber(const std::optional<double>& v) { return v ? Number(*v) : Null(); }

 private:
  void Separate();
  std::string* out_;
  std::vector<bool> first_;  // per open container: nothing written yet
  bool after_key_ = false;
};

// Appends `s` as a quoted JSON string.
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace tact::report

#endif  // TACT_REPORT_JSON_H_
