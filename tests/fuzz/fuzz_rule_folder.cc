// libFuzzer target for rule folders, loaded as `--rules DIR --no-builtin-rules`
// loads them: the input is split on lines "%%" into up to 8 files, written
// into a fresh temporary pack folder (the first as pack.rules, the others
// alternately as NAME.rules beside it and as lists/NAME.rules, which is read
// only through an 'include'), and the folder is loaded as a RuleSet: 'pack'
// metadata, includes (cycles, paths out of the folder, missing files),
// parsing and compiling. Any files must load or give located errors, never a
// crash. When a pack loads, its inline examples are matched.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "eval/example_check.h"
#include "rules/pack.h"
#include "tact/rule_set.h"

namespace fs = std::filesystem;

namespace {
fs::path* base = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  char path[] = "/tmp/tact-fuzz-rules-XXXXXX";
  if (!mkdtemp(path)) abort();
  base = new fs::path(path);
  // Removed when the fuzzer exits normally (a crash leaves it for a look).
  atexit([] {
    std::error_code ec;
    fs::remove_all(*base, ec);
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> files;
  size_t pos = 0;
  while (pos <= input.size() && files.size() < 8) {
    size_t sep = input.find("\n%%\n", pos);
    if (sep == std::string::npos) sep = input.size();
    files.push_back(input.substr(pos, sep - pos));
    pos = sep + 4;
  }
  const fs::path dir = *base / "pack";
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::create_directories(dir / "lists");
  for (size_t i = 0; i < files.size(); ++i) {
    const fs::path p = i == 0       ? dir / "pack.rules"
                       : i % 2 == 1 ? dir / ("b" + std::to_string(i) + ".rules")
                                    : dir / "lists" / ("l" + std::to_string(i) + ".rules");
    std::ofstream(p, std::ios::binary) << files[i];
  }
  tact::RuleSetOptions options;
  options.builtin = false;
  options.directories = {dir.string()};
  options.max_patterns = 2000;
  options.regex_max_mem = 1 << 16;
  tact::Diagnostics diags;
  auto set = tact::RuleSet::Load(options, &diags);
  for (const auto& d : diags) (void)d.Format();
  if (!set) {
    if (diags.empty()) __builtin_trap();
  } else {
    (void)set->Catalogue();
    for (const auto& code : set->languages()) {
      const tact::rules::LanguagePack* pack = set->pack(code);
      if (!pack) __builtin_trap();
      if (pack->nodes.size() < 500)
        tact::eval::CheckExamples(*pack, [](const tact::eval::ExampleFailure&) {});
    }
  }
  fs::remove_all(dir, ec);
  return 0;
}
