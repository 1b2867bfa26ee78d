// The input formats tact reads, as one table. A new format is one reader file
// (its Read and, if its content can tell it, Sniff function) plus one row in
// formats.cc: ReadInput() picks the reader from the table (by --input-format,
// by extension, by content), the CLI offers its names for --input-format and
// folder walks collect its extensions.
#ifndef TACT_INPUT_FORMATS_H_
#define TACT_INPUT_FORMATS_H_

#include <string>
#include <string_view>
#include <vector>

namespace tact::input {

class InputStream;
struct ReadContext;

struct InputFormat {
  std::string_view name;  // the --input-format value (also Conversation::input_format)
  std::vector<std::string_view> aliases;  // other names ReadInput() takes ("txt", "ndjson")
  // Lowercase extensions with the dot. `extensions` are read by this reader
  // and collected by folder walks; `named_extensions` only when a file is
  // named (".log" files in a folder are seldom transcripts).
  std::vector<std::string_view> extensions;
  std::vector<std::string_view> named_extensions;
  // Whether an input's first bytes (byte order mark removed, trimmed) are of
  // this format; null for a format that content alone does not tell (CSV).
  // The sniffers exclude each other; an input no sniffer takes is text.
  bool (*sniff)(std::string_view head);
  void (*read)(InputStream& in, const ReadContext& ctx);
  // Lines ending in a carriage return alone are an error before reading
  // (false for JSON, where line ends do not matter).
  bool needs_line_ends;
  std::string_view description;  // one line for help texts
};

// Every format, in the order help texts list them.
const std::vector<InputFormat>& InputFormatTable();

// The format with this name or alias; null for an unknown name.
const InputFormat* FindInputFormat(std::string_view name);

// The format read when content says nothing else ("text").
const InputFormat& DefaultInputFormat();

}  // namespace tact::input

#endif  // TACT_INPUT_FORMATS_H_
