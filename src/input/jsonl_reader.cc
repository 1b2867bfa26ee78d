// .jsonl / .ndjson: one tact conversation object per line, streamed in
// constant memory (one line at a time).
#include "common/strings.h"
#include "input/json_util.h"
#include "input/reader.h"
#include "input/stream.h"
#include "input/tact_json.h"

namespace tact::input {

// A complete object on the first line and another (or nothing) after it.
bool SniffJsonl(std::string_view head) {
  if (head.empty() || head[0] != '{') return false;
  const size_t nl = head.find('\n');
  if (nl == std::string_view::npos) return false;
  const std::string_view first = Trim(head.substr(0, nl));
  const std::string_view rest = Trim(head.substr(nl + 1));
  return !first.empty() && first.back() == '}' && (rest.empty() || rest[0] == '{');
}

void ReadJsonl(InputStream& in, const ReadContext& ctx) {
  simdjson::dom::parser parser;
  std::string line;
  const std::string stem = ctx.Stem();
  size_t conversations = 0;
  while (true) {
    size_t skipped = 0;
    InputStream::Status st = in.NextLine(&line, ctx.options.limits.max_line_bytes, &skipped);
    if (st == InputStream::Status::kEof || st == InputStream::Status::kError) break;
    const int n = in.line();
    if (st == InputStream::Status::kTooLong) {
      ++conversations;
      ctx.Error(n, "line of " + std::to_string(skipped) + " bytes is over the limit of " +
                       std::to_string(ctx.options.limits.max_line_bytes) + " bytes; skipped");
      continue;
    }
    if (Trim(line).empty()) continue;
    ++conversations;
    // simdjson reads past the end: with room for its padding the line is
    // parsed where it is, not copied first.
    if (line.capacity() - line.size() < simdjson::SIMDJSON_PADDING)
      line.reserve(line.size() + simdjson::SIMDJSON_PADDING);
    json::Element doc;
    if (auto err = parser.parse(line).get(doc)) {
      ctx.Error(n, std::string("invalid JSON: ") + simdjson::error_message(err));
      continue;
    }
    Conversation c;
    c.input_format = "jsonl";
    c.line = n;
    c.source = ctx.label + ":" + std::to_string(n);
    c.id = stem + "-" + std::to_string(n);
    std::string error;
    if (!ConversationFromJson(doc, ctx.options.roles.vocabulary, &c, &error)) {
      ctx.Error(n, error);
      continue;
    }
    ctx.Finish(std::move(c));
  }
  if (conversations == 0 && in.error().empty()) ctx.Error(1, "no conversations (only blank lines)");
}

}  // namespace tact::input
