// Picks the reader for an input and finishes every conversation it reads.
#include "input/reader.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>

#include "common/interrupt.h"
#include "common/strings.h"
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

const std::vector<std::string>& InputFormats() {
  static const std::vector<std::string> k = {"text", "json", "jsonl", "csv", "tsv", "vtt", "srt"};
  return k;
}

std::string FormatForPath(std::string_view path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (auto& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (ext == ".txt" || ext == ".text" || ext == ".log") return "text";
  if (ext == ".json") return "json";
  if (ext == ".jsonl" || ext == ".ndjson") return "jsonl";
  if (ext == ".csv") return "csv";
  if (ext == ".tsv") return "tsv";
  if (ext == ".vtt") return "vtt";
  if (ext == ".srt") return "srt";
  return "";
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
  std::string_view t = Trim(head);
  if (StartsWith(t, "WEBVTT")) return "vtt";
  if (!t.empty() && (t[0] == '{' || t[0] == '[')) {
    // JSON Lines: a complete object on the first line and another after it.
    size_t nl = t.find('\n');
    if (t[0] == '{' && nl != std::string_view::npos) {
      std::string_view first = Trim(t.substr(0, nl));
      std::string_view rest = Trim(t.substr(nl + 1));
      if (!first.empty() && first.back() == '}' && (rest.empty() || rest[0] == '{')) return "jsonl";
    }
    return "json";
  }
  // SRT: a cue number, then a timing line.
  size_t nl = t.find('\n');
  if (nl != std::string_view::npos) {
    std::string_view first = Trim(t.substr(0, nl));
    std::string_view second = t.substr(nl + 1, 64);
    if (!first.empty() && std::all_of(first.begin(), first.end(), ::isdigit) &&
        second.find("-->") != std::string_view::npos) {
      return "srt";
    }
  }
  return "text";
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
  if (format != "json" && head.find('\n') == std::string::npos &&
      std::count(head.begin(), head.end(), '\r') >= 2) {
    ctx.Error(1,
              "lines end with a carriage return alone (classic Mac line ends); convert them "
              "first (e.g. tr '\\r' '\\n')");
    return false;
  }
  in->SkipBom();  // allowed before any format, JSON included
  if (format == "text" || format == "txt")
    ReadText(*in, ctx);
  else if (format == "json")
    ReadJson(*in, ctx);
  else if (format == "jsonl" || format == "ndjson")
    ReadJsonl(*in, ctx);
  else if (format == "csv")
    ReadCsv(*in, ctx, ',');
  else if (format == "tsv")
    ReadCsv(*in, ctx, '\t');
  else if (format == "vtt")
    ReadVtt(*in, ctx);
  else if (format == "srt")
    ReadSrt(*in, ctx);
  else {
    ctx.Error(0, "unknown input format '" + format + "'");
    return false;
  }
  if (options.progress) options.progress(in->bytes_read() - ctx.reported);
  if (!in->error().empty()) {
    ctx.Error(in->line(), in->error());
    return false;
  }
  return true;
}

}  // namespace tact::input
