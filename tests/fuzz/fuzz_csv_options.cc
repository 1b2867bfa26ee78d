// libFuzzer target for CSV and TSV with the options `tact check` passes to
// the reader: the first byte picks the delimiter (bit 0: tab), --csv-unsorted
// (bit 1), a small --csv-unsorted buffer (bit 2) and --channel call (bit 3);
// the line after it is a --csv-columns value (ROLE=COLUMN,...; a malformed one
// is a usage error in tact check, so such inputs are dropped), and the rest is
// the file, written to a temporary file and read by its path as tact check
// reads it (--csv-unsorted reads a regular file again in passes when its
// conversations outgrow the buffer). Any file must give conversations or
// located errors, never a crash.
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "common/strings.h"
#include "input/reader.h"
#include "input/stream.h"
#include "run/vocabulary.h"

namespace {
std::filesystem::path* dir = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  char path[] = "/tmp/tact-fuzz-csv-XXXXXX";
  if (!mkdtemp(path)) abort();
  dir = new std::filesystem::path(path);
  atexit([] {
    std::error_code ec;
    std::filesystem::remove_all(*dir, ec);
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const uint8_t flags = data[0];
  std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  size_t nl = rest.find('\n');
  if (nl == std::string::npos) return 0;
  const std::string columns = rest.substr(0, nl);
  rest.erase(0, nl + 1);

  tact::input::ReadOptions options;
  options.roles.vocabulary = tact::run::BuiltinVocabulary().roles;
  options.format = flags & 1 ? "tsv" : "csv";
  options.csv_unsorted = flags & 2;
  if (flags & 4) options.limits.max_buffered_bytes = 1 << 10;
  if (flags & 8) options.channel = "call";
  options.limits.max_line_bytes = 1 << 16;
  options.limits.max_turns = 2000;
  // As check_command.cc splits --csv-columns (SplitList: on commas, trimmed, empty parts dropped).
  static const std::vector<std::string> kRoles = {"id",   "time",     "end",     "speaker", "role",
                                                  "text", "language", "channel", "agent"};
  for (const auto& spec : tact::Split(columns, ',')) {
    if (spec.empty()) continue;
    size_t eq = spec.find('=');
    if (eq == std::string::npos) return 0;
    std::string role = spec.substr(0, eq);
    if (std::find(kRoles.begin(), kRoles.end(), role) == kRoles.end()) return 0;
    options.csv_columns.emplace_back(role, spec.substr(eq + 1));
  }

  const std::string path = (*dir / ("fuzz." + options.format)).string();
  std::ofstream(path, std::ios::binary | std::ios::trunc) << rest;
  std::string open_error;
  auto in = tact::input::InputStream::Open(path, &open_error);
  if (!in) abort();
  tact::input::ReadContext ctx{path, options,
                               [](tact::Conversation&& c) {
                                 if (c.turns.empty()) __builtin_trap();
                                 for (const auto& t : c.turns) {
                                   if (t.start && !(*t.start >= -1e18)) __builtin_trap();
                                 }
                               },
                               [](const tact::Diagnostic& d) { (void)d.Format(); }};
  tact::input::ReadCsv(*in, ctx, flags & 1 ? '\t' : ',');
  return 0;
}
