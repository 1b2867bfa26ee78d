// libFuzzer target for the path of `tact check -`: the input is stdin, so no
// extension names the format and ReadInput() sniffs it (encoding checks, the
// byte order mark, SniffFormat, then the reader it picks), reading stdin in
// chunks. The input bytes are put behind file descriptor 0 (a temporary file,
// rewound each run) and read as "-". Any bytes must give conversations or
// located errors, never a crash.
#include <fcntl.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "input/reader.h"
#include "run/vocabulary.h"

namespace {
int stdin_file = -1;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  char path[] = "/tmp/tact-fuzz-sniff-XXXXXX";
  stdin_file = mkstemp(path);
  if (stdin_file < 0) abort();
  unlink(path);
  if (dup2(stdin_file, STDIN_FILENO) < 0) abort();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // fd 0 shares the file (and its offset) with stdin_file.
  if (ftruncate(stdin_file, 0) != 0 || pwrite(stdin_file, data, size, 0) != ssize_t(size) ||
      lseek(STDIN_FILENO, 0, SEEK_SET) != 0)
    abort();
  std::string_view head(reinterpret_cast<const char*>(data), size < 4096 ? size : 4096);
  (void)tact::input::ForeignEncoding(head);
  const std::string format = tact::input::SniffFormat(head);
  if (format.empty()) __builtin_trap();
  tact::input::ReadOptions options;  // format "": sniffed, as for stdin
  options.roles.vocabulary = tact::run::BuiltinVocabulary().roles;
  options.limits.max_line_bytes = 1 << 16;
  options.limits.max_document_bytes = 1 << 20;
  options.limits.max_turns = 2000;
  uint64_t progress = 0;
  options.progress = [&](uint64_t n) { progress += n; };
  tact::input::ReadInput(
      "-", options,
      [](tact::Conversation&& c) {
        for (const auto& t : c.turns) {
          if (t.start && !(*t.start >= -1e18)) __builtin_trap();
        }
      },
      [](const tact::Diagnostic& d) { (void)d.Format(); });
  if (progress > size) __builtin_trap();
  return 0;
}
