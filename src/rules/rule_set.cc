#include "tact/rule_set.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "rules/builtin.h"
#include "rules/pack.h"
#include "rules/parser.h"

namespace tact {
namespace fs = std::filesystem;

struct RuleSet::Impl {
  std::map<std::string, std::unique_ptr<rules::LanguagePack>> packs;
};

RuleSet::RuleSet() : impl_(std::make_unique<Impl>()) {}
RuleSet::~RuleSet() = default;

std::vector<std::string> RuleSet::languages() const {
  std::vector<std::string> out;
  for (const auto& [code, p] : impl_->packs) out.push_back(code);
  return out;
}

const rules::LanguagePack* RuleSet::pack(const std::string& code) const {
  auto it = impl_->packs.find(code);
  return it == impl_->packs.end() ? nullptr : it->second.get();
}

namespace {

struct SourceFile {
  std::string path;
  std::string content;
};

// language -> file name -> file
using Sources = std::map<std::string, std::map<std::string, SourceFile>>;

bool LooksLikeLanguage(const std::string& s) {
  return s.size() >= 2 && s.size() <= 3 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool ReadFile(const fs::path& p, std::string* out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

std::vector<fs::path> RuleFilesIn(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.is_regular_file() && e.path().extension() == ".rules") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The language of a pack folder: its name when it looks like a code, else the
// code of a 'pack' line in one of its files.
std::string PackLanguage(const fs::path& dir, const std::vector<SourceFile>& files) {
  std::string name = dir.filename().string();
  if (name.empty()) name = dir.parent_path().filename().string();
  if (LooksLikeLanguage(name)) return name;
  for (const auto& f : files) {
    std::istringstream in(f.content);
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream ls(line);
      std::string kw, code;
      if (ls >> kw >> code && kw == "pack" && LooksLikeLanguage(code)) return code;
    }
  }
  return "";
}

bool AddDirectory(const std::string& dir, Sources* sources, Diagnostics* diags) {
  std::error_code ec;
  fs::path root(dir);
  if (!fs::is_directory(root, ec)) {
    diags->push_back(MakeError(dir, 0, 0, "rules directory not found"));
    return false;
  }
  auto add_pack = [&](const fs::path& pack_dir) {
    std::vector<SourceFile> files;
    for (const auto& p : RuleFilesIn(pack_dir)) {
      SourceFile f{p.string(), ""};
      if (!ReadFile(p, &f.content)) {
        diags->push_back(MakeError(f.path, 0, 0, "cannot read rule file"));
        return false;
      }
      files.push_back(std::move(f));
    }
    std::string lang = PackLanguage(pack_dir, files);
    if (lang.empty()) {
      diags->push_back(MakeError(pack_dir.string(), 0, 0,
                                 "cannot tell the language of this pack: name the folder after "
                                 "it (e.g. 'en') or add 'pack en' to one of its files"));
      return false;
    }
    for (auto& f : files) {
      std::string name = fs::path(f.path).filename().string();
      (*sources)[lang][name] = std::move(f);
    }
    return true;
  };
  if (!RuleFilesIn(root).empty()) return add_pack(root);
  std::vector<fs::path> subdirs;
  for (const auto& e : fs::directory_iterator(root, ec)) {
    if (e.is_directory() && !RuleFilesIn(e.path()).empty()) subdirs.push_back(e.path());
  }
  std::sort(subdirs.begin(), subdirs.end());
  if (subdirs.empty()) {
    diags->push_back(MakeError(dir, 0, 0, "no '.rules' files here nor in its language folders"));
    return false;
  }
  bool ok = true;
  for (const auto& d : subdirs) ok &= add_pack(d);
  return ok;
}

}  // namespace

std::unique_ptr<RuleSet> RuleSet::Load(const RuleSetOptions& options, Diagnostics* diags) {
  Sources sources;
  if (options.builtin) {
    for (const auto& f : rules::BuiltinRuleFiles()) {
      fs::path p(f.path);  // rules/<lang>/<name>.rules
      if (p.extension() != ".rules") continue;
      std::string lang = p.parent_path().filename().string();
      sources[lang][p.filename().string()] = SourceFile{f.path, std::string(f.data, f.size)};
    }
  }
  bool ok = true;
  for (const auto& d : options.directories) ok &= AddDirectory(d, &sources, diags);
  if (!ok) return nullptr;
  std::unique_ptr<RuleSet> set(new RuleSet());
  rules::CompileLimits limits;
  limits.max_patterns = options.max_patterns;
  limits.regex_max_mem = options.regex_max_mem;
  limits.max_gap = options.max_gap;
  for (auto& [lang, files] : sources) {
    std::vector<rules::RuleFile> parsed;
    std::string dir;
    for (auto& [name, f] : files) {
      rules::RuleFile rf;
      if (!rules::ParseRuleFile(f.path, f.content, &rf, diags)) {
        ok = false;
        continue;
      }
      dir = fs::path(f.path).parent_path().string();
      parsed.push_back(std::move(rf));
    }
    if (!ok) continue;
    auto pack = rules::CompilePack(lang, dir, std::move(parsed), limits, diags);
    if (!pack) {
      ok = false;
      continue;
    }
    set->impl_->packs[lang] = std::move(pack);
  }
  if (!ok) return nullptr;
  if (set->impl_->packs.empty()) {
    diags->push_back(MakeError("", 0, 0, "no rule packs loaded"));
    return nullptr;
  }
  return set;
}

}  // namespace tact
