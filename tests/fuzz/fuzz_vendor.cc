// libFuzzer target for the vendor JSON exports (Amazon Transcribe, Amazon
// Connect Contact Lens, Google CCAI Insights, Zendesk, Intercom): any JSON
// document must give conversations or located errors, never a crash. Every
// shape test runs on the document; ReadVendorJson() then dispatches to the
// reader it picks, as a .json input does. (fuzz_json covers the tact JSON
// shapes; this target only sees the vendor ones, seeded with their samples.)
#include <cstddef>
#include <cstdint>
#include <string>

#include "input/json_util.h"
#include "input/reader.h"
#include "input/vendor_json.h"
#include "run/vocabulary.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string content(reinterpret_cast<const char*>(data), size);
  simdjson::dom::parser parser;
  tact::input::json::Element doc;
  if (parser.parse(content).get(doc)) return 0;
  tact::input::ReadOptions options;
  options.roles.vocabulary = tact::run::BuiltinVocabulary().roles;
  options.limits.max_turns = 2000;
  tact::input::ReadContext ctx{"fuzz.json", options,
                               [](tact::Conversation&& c) {
                                 for (const auto& t : c.turns) {
                                   if (t.start && !(*t.start >= -1e18)) __builtin_trap();
                                   if (t.text.find('\0') != std::string::npos) __builtin_trap();
                                 }
                               },
                               [](const tact::Diagnostic& d) { (void)d.Format(); }};
  const int shapes = tact::input::IsTranscribe(doc) + tact::input::IsContactLens(doc) +
                     tact::input::IsCcai(doc) + tact::input::IsIntercom(doc) +
                     tact::input::IsZendesk(doc);
  const bool read = tact::input::ReadVendorJson(doc, "fuzz", ctx);
  if (read != (shapes > 0)) __builtin_trap();
  return 0;
}
