// The one form of a command-line error on stderr: "tact: error: MESSAGE".
#ifndef TACT_COMMON_PRINT_H_
#define TACT_COMMON_PRINT_H_

#include <string>

namespace tact {

void PrintError(const std::string& message);

}  // namespace tact

#endif  // TACT_COMMON_PRINT_H_
