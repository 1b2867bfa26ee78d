// Turning command-line operands into inputs: files as given, directories
// walked recursively for transcript files (sorted, so runs are repeatable),
// and '-' for stdin.
#ifndef TACT_RUN_INPUTS_H_
#define TACT_RUN_INPUTS_H_

#include <functional>
#include <string>
#include <vector>

#include "tact/diagnostic.h"

namespace tact::run {

struct Input {
  std::string path;  // as it will appear in reports; "-" for stdin
};

// Whether a folder walk reads this file (.txt .json .jsonl .ndjson .csv .tsv .vtt .srt).
bool IsTranscript(const std::string& path);

// Expands operands; unreadable ones are reported through `error` and left out.
std::vector<Input> ExpandInputs(const std::vector<std::string>& operands,
                                const std::function<void(const Diagnostic&)>& error);

// Reads a whole input (a file or stdin). Returns false with `*message` set.
bool ReadInput(const Input& in, std::string* content, std::string* message);

}  // namespace tact::run

#endif  // TACT_RUN_INPUTS_H_
