#include "common/print.h"

#include <cstdio>

namespace tact {

void PrintError(const std::string& message) {
  fprintf(stderr, "tact: error: %s\n", message.c_str());
}

}  // namespace tact
