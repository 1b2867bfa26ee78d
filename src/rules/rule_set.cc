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
  std::string root;      // the pack folder: includes may not leave it
  bool builtin = false;  // from the binary, not from disk
};

bool ReadFile(const fs::path& p, std::string* out);

const std::map<std::string, const rules::EmbeddedFile*>& EmbeddedByPath() {
  static const auto* k = [] {
    auto* m = new std::map<std::string, const rules::EmbeddedFile*>();
    for (const auto& f : rules::BuiltinRuleFiles()) (*m)[f.path] = &f;
    return m;
  }();
  return *k;
}

// Reads the file an 'include' names, relative to the including file, refusing
// anything outside the pack folder (also through symbolic links).
bool ResolveInclude(const SourceFile& from, const rules::Include& inc, SourceFile* out,
                    Diagnostics* diags) {
  auto fail = [&](std::string msg) {
    diags->push_back(MakeError(inc.loc.file, inc.loc.line, inc.loc.column, std::move(msg)));
    return false;
  };
  fs::path rel(inc.path);
  if (rel.is_absolute())
    return fail("include path '" + inc.path + "' must be relative to the including file");
  fs::path root = fs::path(from.root).lexically_normal();
  fs::path target = (fs::path(from.path).parent_path() / rel).lexically_normal();
  fs::path inside = target.lexically_relative(root);
  if (inside.empty() || *inside.begin() == "..") {
    return fail("include '" + inc.path + "' leaves the pack folder '" + root.generic_string() +
                "'");
  }
  out->root = from.root;
  out->builtin = from.builtin;
  out->path = target.generic_string();
  if (from.builtin) {
    auto it = EmbeddedByPath().find(out->path);
    if (it == EmbeddedByPath().end()) return fail("included file '" + inc.path + "' not found");
    out->content.assign(it->second->data, it->second->size);
    return true;
  }
  std::error_code ec;
  fs::path real = fs::weakly_canonical(target, ec), real_root = fs::weakly_canonical(root, ec);
  fs::path real_inside = real.lexically_relative(real_root);
  if (real_inside.empty() || *real_inside.begin() == "..") {
    return fail("include '" + inc.path + "' leaves the pack folder '" + root.generic_string() +
                "' (symbolic link)");
  }
  if (!ReadFile(target, &out->content)) return fail("cannot read included file '" + inc.path + "'");
  return true;
}

// Parses a file and, depth first, everything it includes.
bool ParseWithIncludes(const SourceFile& f, std::vector<std::string>* stack,
                       std::vector<rules::RuleFile>* parsed, Diagnostics* diags) {
  rules::RuleFile rf;
  if (!rules::ParseRuleFile(f.path, f.content, &rf, diags)) return false;
  std::vector<rules::Include> includes = rf.includes;
  parsed->push_back(std::move(rf));
  bool ok = true;
  for (const auto& inc : includes) {
    SourceFile child;
    if (!ResolveInclude(f, inc, &child, diags)) {
      ok = false;
      continue;
    }
    if (std::find(stack->begin(), stack->end(), child.path) != stack->end() || stack->size() > 16) {
      diags->push_back(
          MakeError(inc.loc.file, inc.loc.line, inc.loc.column,
                    "include '" + inc.path + "' forms a cycle (or nests deeper than 16)"));
      ok = false;
      continue;
    }
    stack->push_back(child.path);
    ok &= ParseWithIncludes(child, stack, parsed, diags);
    stack->pop_back();
  }
  return ok;
}

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
      f.root = pack_dir.string();
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
      fs::path p(f.path);  // rules/<lang>/<name>.rules; deeper files only by include
      if (p.extension() != ".rules" || std::distance(p.begin(), p.end()) != 3) continue;
      std::string lang = p.parent_path().filename().string();
      sources[lang][p.filename().string()] =
          SourceFile{f.path, std::string(f.data, f.size), p.parent_path().generic_string(), true};
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
      std::vector<std::string> stack = {fs::path(f.path).lexically_normal().generic_string()};
      if (!ParseWithIncludes(f, &stack, &parsed, diags)) {
        ok = false;
        continue;
      }
      dir = fs::path(f.path).parent_path().string();
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
