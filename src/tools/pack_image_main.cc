// tact_pack_image OUT: compiles tact's built-in rule packs (embedded from
// rules/) and writes them as one pack image (rules/pack_image.h), which the
// build links into tact. Exit 0 on success, 2 when a pack does not compile,
// 1 when OUT cannot be written.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "rules/pack.h"
#include "rules/pack_image.h"
#include "tact/rule_set.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s OUT\n", argv[0]);
    return 2;
  }
  tact::RuleSetOptions options;
  options.eager = true;  // compile from the rules, and report every error now
  tact::Diagnostics diags;
  auto set = tact::RuleSet::Load(options, &diags);
  if (!set) {
    for (const auto& d : diags) fprintf(stderr, "%s\n", d.Format().c_str());
    return 2;
  }
  std::vector<const tact::rules::LanguagePack*> packs;
  for (const auto& code : set->languages()) packs.push_back(set->pack(code));
  const std::string image = tact::rules::WritePackImage(packs);
  // Written beside and renamed, so a failed build never leaves half an image.
  const std::string out = argv[1], tmp = out + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f.write(image.data(), static_cast<std::streamsize>(image.size()));
    if (!f.flush()) {
      fprintf(stderr, "%s: error: cannot write\n", tmp.c_str());
      return 1;
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, out, ec);
  if (ec) {
    fprintf(stderr, "%s: error: %s\n", out.c_str(), ec.message().c_str());
    return 1;
  }
  return 0;
}
