// Errors as values. A Diagnostic names a location and says what went wrong;
// it is formatted the way compilers do so editors and CI logs can jump to it:
//
//   rules/en/empathy.rules:12:9: error: expected ')' to close the group opened at column 3
//
// Functions that can fail return false (or an empty optional) and append one or
// more Diagnostics to a caller-owned vector; exceptions never cross a module
// boundary.
#ifndef TACT_DIAGNOSTIC_H_
#define TACT_DIAGNOSTIC_H_

#include <string>
#include <vector>

namespace tact {

enum class Severity { kError, kWarning, kNote };

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;         // may be empty ("<stdin>", "<rules>", ...)
  int line = 0;             // 1-based; 0 = whole file
  int column = 0;           // 1-based; 0 = whole line
  std::string message;      // lowercase, no trailing period, names in 'quotes'
  std::string source_line;  // optional: the offending line, printed with a caret

  // "file:line:col: error: message" (+ source line and caret when known).
  std::string Format() const;
};

using Diagnostics = std::vector<Diagnostic>;

Diagnostic MakeError(std::string file, int line, int column, std::string message);

}  // namespace tact

#endif  // TACT_DIAGNOSTIC_H_
