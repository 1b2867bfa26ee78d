#include "tact/diagnostic.h"

#include <string>

namespace tact {

Diagnostic MakeError(std::string file, int line, int column, std::string message) {
  Diagnostic d;
  d.file = std::move(file);
  d.line = line;
  d.column = column;
  d.message = std::move(message);
  return d;
}

std::string Diagnostic::Format() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) {
      out += ':' + std::to_string(line);
      if (column > 0) out += ':' + std::to_string(column);
    }
    out += ": ";
  }
  out += severity == Severity::kError     ? "error: "
         : severity == Severity::kWarning ? "warning: "
                                          : "note: ";
  out += message;
  if (!source_line.empty() && column > 0) {
    out += '\n';
    out += source_line;
    out += '\n';
    // Caret under the column (tabs kept so it lines up).
    for (int i = 0; i + 1 < column && i < static_cast<int>(source_line.size()); ++i) {
      char c = source_line[static_cast<size_t>(i)];
      if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;  // UTF-8 continuation
      out += c == '\t' ? '\t' : ' ';
    }
    out += '^';
  }
  return out;
}

}  // namespace tact
