// libFuzzer target for HTML message bodies (Intercom, Zendesk html_body) to
// plain text: any bytes must give text, never a crash. Valid UTF-8 stays
// valid, and decoding never grows a text: the shortest reference ("&#0;", 4
// bytes) gives at most 3 bytes (U+FFFD), a 4-byte code point needs 8 ("&#65536;").
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "input/html.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  const bool valid = tact::text::IsValidUtf8(in);
  std::string text = tact::input::HtmlToText(in);
  std::string decoded = tact::input::DecodeEntities(in);
  if (valid && !tact::text::IsValidUtf8(decoded)) __builtin_trap();
  if (decoded.size() > size) __builtin_trap();
  if (valid && !tact::text::IsValidUtf8(text)) __builtin_trap();
  return 0;
}
