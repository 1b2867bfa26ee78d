// .json inputs: a tact conversation, an array of them, or a vendor export
// recognized by its shape (Amazon Transcribe, Amazon Connect Contact Lens,
// Google CCAI Insights, Zendesk, Intercom).
#include "input/json_util.h"
#include "input/reader.h"
#include "input/stream.h"
#include "input/tact_json.h"
#include "input/vendor_json.h"

namespace tact::input {

bool SniffJson(std::string_view head) {
  return !head.empty() && (head[0] == '{' || head[0] == '[') && !SniffJsonl(head);
}

void ReadJson(InputStream& in, const ReadContext& ctx) {
  std::string content;
  if (!ctx.ReadDocument(in, &content)) return;
  const std::string stem = ctx.Stem();
  simdjson::dom::parser parser;
  const size_t first = content.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && content[first] == '[') {
    // An array of conversations: each element parsed on its own, so memory
    // holds the text and one element's tree, not the whole file's (a parsed
    // 100 MB array took 400 MB), and one bad element does not lose the rest.
    const json::ArrayScan scan = json::ScanArray(content);
    size_t i = 0;
    for (const json::ArrayElement& el : scan.elements) {
      ++i;
      Conversation c;
      c.input_format = "json";
      c.line = el.line;
      c.source = ctx.label + ":" + std::to_string(el.line);
      c.id = stem + "-" + std::to_string(i);
      // (The element names its number too: in a one-line array every line is 1.)
      const std::string where = "element " + std::to_string(i) + ": ";
      json::Element e;
      if (el.end <= el.begin) {
        ctx.Error(el.line, where + "invalid JSON: no value between commas");
        continue;
      }
      if (auto err = parser.parse(content.data() + el.begin, el.end - el.begin).get(e)) {
        ctx.Error(el.line, where + "invalid JSON: " + simdjson::error_message(err));
        continue;
      }
      std::string error;
      if (!ConversationFromJson(e, ctx.options.roles.vocabulary, &c, &error)) {
        ctx.Error(el.line, where + error);
        continue;
      }
      ctx.Finish(std::move(c));
    }
    if (!scan.complete) {
      ctx.Error(scan.end_line, "invalid JSON: the array does not end with ']' (" +
                                   std::to_string(i) + " element(s) read before)");
    } else if (i == 0) {
      ctx.Error(1, "empty array: no conversations");
    }
    return;
  }
  json::Element doc;
  if (auto err = parser.parse(content).get(doc)) {
    ctx.Error(1, std::string("invalid JSON: ") + simdjson::error_message(err));
    return;
  }
  if (IsTactConversation(doc)) {
    Conversation c = ctx.WholeInput("json");
    std::string error;
    if (!ConversationFromJson(doc, ctx.options.roles.vocabulary, &c, &error)) {
      ctx.Error(1, error);
      return;
    }
    ctx.Finish(std::move(c));
    return;
  }
  if (ReadVendorJson(doc, stem, ctx)) return;
  ctx.Error(1,
            "unrecognized JSON: expected a tact conversation (an object with \"turns\"), an array "
            "of them, or an " +
                VendorJsonNames() + " export");
}

}  // namespace tact::input
