// Readers: formats -> Conversation.
//
// ReadInput() opens one input (a file or "-" for stdin), picks the reader by
// --input-format, else by extension, else by sniffing the content (the table
// of formats is in formats.h), and calls
// `emit` for each conversation as soon as it is complete, so multi-conversation
// inputs (JSONL, CSV) stream in constant memory. Problems are reported through
// `error` as located diagnostics ("file:line: error: ..."): an error skips the
// conversation it belongs to (or the whole input when nothing can be read) and
// reading goes on; a warning keeps the conversation. Readers never throw.
//
// Every conversation passes through Finish() before it is emitted: invalid
// UTF-8 is replaced by U+FFFD (with a warning), NUL bytes and exceeded limits
// are errors, absolute times become seconds from the first turn, and speakers
// get roles (flags, role words, format fields, then the greeting heuristic).
#ifndef TACT_INPUT_READER_H_
#define TACT_INPUT_READER_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "input/roles.h"
#include "tact/conversation.h"
#include "tact/diagnostic.h"

namespace tact::input {

class InputStream;

struct Limits {
  size_t max_line_bytes = 8u << 20;        // a JSONL/CSV line; longer lines are errors
  size_t max_document_bytes = 256u << 20;  // a whole .json/.txt/.vtt/.srt input
  size_t max_turn_bytes = 1u << 20;        // one turn's text
  size_t max_turns = 20000;                // turns per conversation
  size_t max_buffered_bytes = 512u << 20;  // --csv-unsorted grouping
};

struct ReadOptions {
  RoleOptions roles;
  std::string format;                                            // "" = by extension, then sniffing
  std::vector<std::pair<std::string, std::string>> csv_columns;  // role -> column name
  bool csv_unsorted = false;  // group non-contiguous CSV rows in memory
  std::string channel;        // "chat" or "call" for inputs that do not say
  bool allow_empty = false;   // an empty file is a warning, not an error (--allow-empty)
  // Called with the number of input bytes consumed since the last call.
  std::function<void(uint64_t)> progress;
  Limits limits;
};

using EmitFn = std::function<void(Conversation&&)>;
using ErrorFn = std::function<void(const Diagnostic&)>;

// What a reader needs: where it reads from, the label for diagnostics and
// sources (the path as given), and where results and problems go.
struct ReadContext {
  std::string label;
  const ReadOptions& options;
  EmitFn emit;
  ErrorFn error;
  InputStream* stream = nullptr;  // for progress
  mutable uint64_t reported = 0;  // bytes already reported

  void Error(int line, std::string message) const;
  void Warning(int line, std::string message) const;
  // Validates and completes `c`, then emits it; returns false (after an
  // error) when it was skipped.
  bool Finish(Conversation&& c) const;

  // The input's file name without folder and extension ("stdin" for "-"):
  // what conversations are called when the input does not name them.
  std::string Stem() const;
  // A conversation that is the whole input (its source, line 1, the stem as id).
  Conversation WholeInput(std::string format) const;
  // Reads all of a document format's input (.json, .txt, .vtt, .srt) into
  // *content. False when it could not: an input over the size limit is
  // reported here, a stream error by ReadInput().
  bool ReadDocument(InputStream& in, std::string* content) const;
};

// The names of the formats tact reads (formats.h has the table).
const std::vector<std::string>& InputFormats();
// The same as a list for help texts: "text, json, ...".
std::string InputFormatList();

// The reader for a path by its extension; "" when the extension says nothing.
std::string FormatForPath(std::string_view path);
// Whether a folder walk reads this file (by its extension).
bool IsWalkedInput(std::string_view path);

// Guesses the format from the first bytes of an input.
std::string SniffFormat(std::string_view head);

// What an input's first bytes say about an encoding tact does not read
// ("UTF-16 (it starts with a byte order mark)"), or null for UTF-8 (with or
// without its byte order mark) and anything else.
const char* ForeignEncoding(std::string_view head);

// Reads one input. Returns false when the input itself could not be read
// (after reporting why).
bool ReadInput(const std::string& path, const ReadOptions& options, const EmitFn& emit,
               const ErrorFn& error);

// Readers, one per file under src/input/, and the content sniffers of the
// formats that have one (given the trimmed first bytes, see formats.h).
void ReadText(InputStream& in, const ReadContext& ctx);
void ReadJson(InputStream& in, const ReadContext& ctx);
bool SniffJson(std::string_view head);
void ReadJsonl(InputStream& in, const ReadContext& ctx);
bool SniffJsonl(std::string_view head);
void ReadCsv(InputStream& in, const ReadContext& ctx, char delimiter);
void ReadVtt(InputStream& in, const ReadContext& ctx);
bool SniffVtt(std::string_view head);
void ReadSrt(InputStream& in, const ReadContext& ctx);
bool SniffSrt(std::string_view head);

// Whole-text helpers for tests.
void ReadTextContent(std::string_view content, const ReadContext& ctx);

}  // namespace tact::input

#endif  // TACT_INPUT_READER_H_
