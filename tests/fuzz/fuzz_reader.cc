// libFuzzer target for one input reader (FUZZ_FORMAT, set by CMake): any
// bytes must give conversations or located errors, never a crash, a hang or
// unbounded memory. (Matching is fuzzed by fuzz_pattern.)
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "input/formats.h"
#include "input/reader.h"
#include "input/stream.h"
#include "run/vocabulary.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tact::input::ReadOptions options;
  options.roles.vocabulary = tact::run::BuiltinVocabulary().roles;  // as a check reads
  options.format = FUZZ_FORMAT;
  options.limits.max_line_bytes = 1 << 16;
  options.limits.max_document_bytes = 1 << 20;
  auto in =
      tact::input::InputStream::FromString(std::string(reinterpret_cast<const char*>(data), size));
  tact::input::ReadContext ctx{"fuzz." FUZZ_FORMAT, options,
                               [&](tact::Conversation&& c) {
                                 for (const auto& t : c.turns) {
                                   if (t.start && !(*t.start >= -1e18)) __builtin_trap();
                                 }
                               },
                               [](const tact::Diagnostic& d) { (void)d.Format(); }};
  tact::input::FindInputFormat(FUZZ_FORMAT)->read(*in, ctx);
  return 0;
}
