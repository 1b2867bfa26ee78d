// Readers: formats -> Conversation.
//
// A reader turns the bytes of one input (a file or stdin) into conversations,
// calling `emit` for each one as soon as it is complete, so multi-conversation
// inputs stream. Problems are reported through `error` as located diagnostics
// ("file:line: error: ..."): an error skips the conversation it belongs to and
// reading goes on with the next; a warning keeps it. Readers never throw.
#ifndef TACT_INPUT_READER_H_
#define TACT_INPUT_READER_H_

#include <functional>
#include <string>
#include <string_view>

#include "input/roles.h"
#include "tact/conversation.h"
#include "tact/diagnostic.h"

namespace tact::input {

struct ReadOptions {
  RoleOptions roles;
  std::string format;  // "" = by extension / content
};

using EmitFn = std::function<void(Conversation&&)>;
using ErrorFn = std::function<void(const Diagnostic&)>;

// The format name for a path by its extension ("text" for .txt and unknown).
std::string FormatForPath(std::string_view path);

// Reads `content` (all of one input) in the given format. `label` is the path
// as given on the command line, used in sources and diagnostics. Returns false
// when `format` is unknown.
bool ReadContent(std::string_view format, const std::string& label, std::string_view content,
                 const ReadOptions& options, const EmitFn& emit, const ErrorFn& error);

// Plain text transcripts: one "Speaker: text" turn per line (text_reader.cc).
void ReadText(const std::string& label, std::string_view content, const ReadOptions& options,
              const EmitFn& emit, const ErrorFn& error);

}  // namespace tact::input

#endif  // TACT_INPUT_READER_H_
