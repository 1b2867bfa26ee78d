// .json inputs: a tact conversation, an array of them, or a vendor export
// recognized by its shape (Amazon Transcribe, Amazon Connect Contact Lens,
// Google CCAI Insights, Zendesk, Intercom).
#include <filesystem>

#include "input/json_util.h"
#include "input/reader.h"
#include "input/stream.h"
#include "input/tact_json.h"
#include "input/vendor_json.h"

namespace tact::input {

void ReadJson(InputStream& in, const ReadContext& ctx) {
  std::string content;
  InputStream::Status st = in.ReadAll(&content, ctx.options.limits.max_document_bytes);
  if (st == InputStream::Status::kTooLong) {
    ctx.Error(0, "input is larger than the limit of " +
                     std::to_string(ctx.options.limits.max_document_bytes) + " bytes");
    return;
  }
  if (st != InputStream::Status::kOk) return;
  simdjson::dom::parser parser;
  json::Element doc;
  if (auto err = parser.parse(content).get(doc)) {
    ctx.Error(1, std::string("invalid JSON: ") + simdjson::error_message(err));
    return;
  }
  const std::string stem =
      ctx.label == "-" ? "stdin" : std::filesystem::path(ctx.label).stem().string();
  if (doc.is_array()) {
    std::vector<int> lines = json::ArrayElementLines(content);
    size_t i = 0;
    simdjson::dom::array list1 = doc.get_array().value_unsafe();
    for (json::Element e : list1) {
      int line = i < lines.size() ? lines[i] : 0;
      ++i;
      Conversation c;
      c.input_format = "json";
      c.line = line;
      c.source = ctx.label + ":" + std::to_string(line);
      c.id = stem + "-" + std::to_string(i);
      std::string error;
      if (!ConversationFromJson(e, &c, &error)) {
        // The element's number too: in a one-line array every line is 1.
        ctx.Error(line, "element " + std::to_string(i) + ": " + error);
        continue;
      }
      ctx.Finish(std::move(c));
    }
    if (i == 0) ctx.Error(1, "empty array: no conversations");
    return;
  }
  if (IsTactConversation(doc)) {
    Conversation c;
    c.input_format = "json";
    c.line = 1;
    c.source = ctx.label;
    c.id = stem;
    std::string error;
    if (!ConversationFromJson(doc, &c, &error)) {
      ctx.Error(1, error);
      return;
    }
    ctx.Finish(std::move(c));
    return;
  }
  if (ReadVendorJson(doc, stem, ctx)) return;
  ctx.Error(1,
            "unrecognized JSON: expected a tact conversation (an object with \"turns\"), an array "
            "of them, or an "
            "Amazon Transcribe, Amazon Connect Contact Lens, Google CCAI Insights, Zendesk or "
            "Intercom export");
}

}  // namespace tact::input
