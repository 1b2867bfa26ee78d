// Picks the reader for an input and finishes every conversation it reads.
#include "input/reader.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>

#include "common/interrupt.h"
#include "common/strings.h"
#include "input/formats.h"
#include "input/stream.h"
#include "input/timestamp.h"
#include "text/utf8.h"

namespace tact::input {

void ReadContext::Error(int line, std::string message) const {
  error(MakeError(label, line, 0, std::move(message)));
}

void ReadContext::Warning(int line, std::string message) const {
  Diagnostic d = MakeError(label, line, 0, std::move(message));
  d.severity = Severity::kWarning;
  error(d);
}

bool ReadContext::Finish(Conversation&& c) const {
  const int line = c.line;
  if (c.turns.empty()) {
    Error(line, "conversation '" + c.id + "' has no turns");
    return false;
  }
  if (c.turns.size() > options.limits.max_turns) {
    Error(line, "conversation '" + c.id + "' has " + std::to_string(c.turns.size()) +
                    " turns, over the limit of " + std::to_string(options.limits.max_turns));
    return false;
  }
  if (!c.channel_known && !options.channel.empty()) {
    c.channel_known = ParseChannel(options.channel, &c.channel);
  }
  bool repaired = false;
  for (auto& t : c.turns) {
    if (t.text.find('\0') != std::string::npos || t.speaker.find('\0') != std::string::npos) {
      Error(t.line ? t.line : line, "NUL byte in conversation '" + c.id + "' (binary data?)");
      return false;
    }
    if (t.text.size() > options.limits.max_turn_bytes) {
      Error(t.line ? t.line : line,
            "a turn of " + std::to_string(t.text.size()) + " bytes in conversation '" + c.id +
                "' is over the limit of " + std::to_string(options.limits.max_turn_bytes));
      return false;
    }
    repaired |= text::RepairUtf8(&t.text);
    repaired |= text::RepairUtf8(&t.speaker);
  }
  repaired |= text::RepairUtf8(&c.id);
  repaired |= text::RepairUtf8(&c.agent);
  for (auto& [k, v] : c.metadata) {
    repaired |= text::RepairUtf8(&k);
    repaired |= text::RepairUtf8(&v);
  }
  if (repaired) Warning(line, "invalid UTF-8 in conversation '" + c.id + "' replaced with U+FFFD");
  // Absolute times (epoch seconds) become seconds from the conversation's start.
  double first = INFINITY;
  for (const auto& t : c.turns) {
    if (t.start) first = std::min(first, *t.start);
  }
  if (std::isfinite(first) && first >= 1e6) {
    c.metadata.emplace_back("started_at", FormatIso8601(first));
    for (auto& t : c.turns) {
      if (t.start) *t.start -= first;
      if (t.end) *t.end -= first;
    }
  }
  if (auto w = ResolveRoles(&c, options.roles)) Warning(line, "conversation '" + c.id + "': " + *w);
  if (options.progress && stream != nullptr) {
    options.progress(stream->bytes_read() - reported);
    reported = stream->bytes_read();
  }
  emit(std::move(c));
  return true;
}

std::string ReadContext::Stem() const {
  return label == "-" ? "stdin" : std::filesystem::path(label).stem().string();
}

Conversation ReadContext::WholeInput(std::string format) const {
  Conversation c;
  c.input_format = std::move(format);
  c.source = label;
  c.line = 1;
  c.id = Stem();
  return c;
}

bool ReadContext::ReadDocument(InputStream& in, std::string* content) const {
  InputStream::Status st = in.ReadAll(content, options.limits.max_document_bytes);
  if (st == InputStream::Status::kTooLong) {
    Error(0, "input is larger than the limit of " +
                 std::to_string(options.limits.max_document_bytes) + " bytes");
    return false;
  }
  return st == InputStream::Status::kOk;  // else ReadInput() reports the stream error
}

const std::vector<std::string>& InputFormats() {
  static const std::vector<std::string> k = [] {
    std::vector<std::string> names;
    for (const InputFormat& f : InputFormatTable()) names.emplace_back(f.name);
    return names;
  }();
  return k;
}

std::string InputFormatList() {
  std::string out;
  for (const std::string& name : InputFormats()) out += (out.empty() ? "" : ", ") + name;
  return out;
}

namespace {

std::string LowerExtension(std::string_view path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (auto& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return ext;
}

bool Contains(const std::vector<std::string_view>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

}  // namespace

std::string FormatForPath(std::string_view path) {
  const std::string ext = LowerExtension(path);
  for (const InputFormat& f : InputFormatTable()) {
    if (Contains(f.extensions, ext) || Contains(f.named_extensions, ext))
      return std::string(f.name);
  }
  return "";
}

bool IsWalkedInput(std::string_view path) {
  const std::string ext = LowerExtension(path);
  for (const InputFormat& f : InputFormatTable()) {
    if (Contains(f.extensions, ext)) return true;
  }
  return false;
}

const char* ForeignEncoding(std::string_view head) {
  auto starts = [&](std::string_view bom) { return head.substr(0, bom.size()) == bom; };
  if (starts(std::string_view("\xFF\xFE\0\0", 4)) || starts(std::string_view("\0\0\xFE\xFF", 4)))
    return "UTF-32 (it starts with a byte order mark)";
  if (starts("\xFF\xFE") || starts("\xFE\xFF")) return "UTF-16 (it starts with a byte order mark)";
  // Text in UTF-16 without a mark: every other byte of ASCII text is zero.
  size_t zeros = 0, n = std::min<size_t>(head.size(), 512);
  for (size_t i = 0; i < n; ++i) zeros += head[i] == '\0';
  if (n >= 8 && zeros * 3 >= n) return "UTF-16 or UTF-32 (every other byte is zero)";
  return nullptr;
}

std::string SniffFormat(std::string_view head) {
  if (head.size() >= 3 && head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  const std::string_view t = Trim(head);
  for (const InputFormat& f : InputFormatTable()) {
    if (f.sniff != nullptr && f.sniff(t)) return std::string(f.name);
  }
  return std::string(DefaultInputFormat().name);
}

bool ReadInput(const std::string& path, const ReadOptions& options, const EmitFn& emit,
               const ErrorFn& error_in) {
  // After an interruption nothing more is reported: the input was cut short on purpose.
  ErrorFn error = [&](const Diagnostic& d) {
    if (!Interrupted()) error_in(d);
  };
  std::string open_error;
  auto in = InputStream::Open(path, &open_error);
  if (!in) {
    error(MakeError(path, 0, 0, open_error));
    return false;
  }
  ReadContext ctx{path, options, emit, error};
  ctx.stream = in.get();
  std::string format = options.format;
  if (format.empty()) format = FormatForPath(path);
  if (format.empty()) format = SniffFormat(in->Peek(4096));
  if (in->Peek(1).empty()) {
    // An export of a quiet day may be empty; --allow-empty says that is fine.
    if (options.allow_empty) {
      ctx.Warning(1, "empty input: no conversations");
      return true;
    }
    ctx.Error(1, "empty input: no conversations");
    return false;
  }
  // Encodings tact does not read get an error that says so, not a parse
  // error from deep inside a reader.
  const std::string head = in->Peek(4096);
  if (const char* why = ForeignEncoding(head)) {
    ctx.Error(1, std::string("the input is ") + why +
                     "; tact reads UTF-8: convert it first (e.g. iconv -f UTF-16 -t UTF-8)");
    return false;
  }
  const InputFormat* reader = FindInputFormat(format);
  if ((reader == nullptr || reader->needs_line_ends) && head.find('\n') == std::string::npos &&
      std::count(head.begin(), head.end(), '\r') >= 2) {
    ctx.Error(1,
              "lines end with a carriage return alone (classic Mac line ends); convert them "
              "first (e.g. tr '\\r' '\\n')");
    return false;
  }
  in->SkipBom();  // allowed before any format, JSON included
  if (reader == nullptr) {
    ctx.Error(0, "unknown input format '" + format + "'");
    return false;
  }
  reader->read(*in, ctx);
  if (options.progress) options.progress(in->bytes_read() - ctx.reported);
  if (!in->error().empty()) {
    ctx.Error(in->line(), in->error());
    return false;
  }
  return true;
}

}  // namespace tact::input
