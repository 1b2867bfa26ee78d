#include "tact/rule_set.h"

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "common/pages.h"
#include "rules/builtin.h"
#include "rules/pack.h"
#include "rules/pack_image.h"
#include "rules/parser.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TACT_HAS_ASAN 1
#endif
#endif
#ifndef TACT_HAS_ASAN
#define TACT_HAS_ASAN 0
#endif

namespace tact {
namespace fs = std::filesystem;

namespace {

struct SourceFile {
  std::string path;
  // A built-in file's text is the binary's own (not copied: with the pack
  // image it is rarely read at all); a file from disk is held in `owned`.
  std::string_view content;
  std::shared_ptr<const std::string> owned;
  std::string root;      // the pack folder: includes may not leave it
  bool builtin = false;  // from the binary, not from disk
};

bool ParseWithIncludes(const SourceFile& f, std::vector<std::string>* stack,
                       std::vector<rules::RuleFile>* parsed, Diagnostics* diags);

// Parses the files of one language (and what they include) and compiles them.
std::unique_ptr<rules::LanguagePack> ParseAndCompile(const std::string& lang,
                                                     const std::vector<const SourceFile*>& files,
                                                     const rules::CompileLimits& limits,
                                                     Diagnostics* diags);

}  // namespace

struct RuleSet::Impl {
  struct Entry {
    std::unique_ptr<rules::LanguagePack> pack;      // compiled (eagerly, or on first use)
    std::unique_ptr<rules::LanguagePack> settings;  // pack.rules alone, for a deferred pack
    std::vector<SourceFile> deferred;               // built-in sources not compiled yet
    std::string_view image;  // the pack compiled at build time, when deferred
    std::once_flag once;
  };
  std::map<std::string, Entry> packs;
  rules::CompileLimits limits;
  bool examples = true;
  bool builtin_only = false;
};

RuleSet::RuleSet() : impl_(std::make_unique<Impl>()) {}
RuleSet::~RuleSet() = default;

std::vector<std::string> RuleSet::languages() const {
  std::vector<std::string> out;
  for (const auto& [code, p] : impl_->packs) out.push_back(code);
  return out;
}

bool RuleSet::has(const std::string& code) const { return impl_->packs.count(code) > 0; }

const rules::LanguagePack* RuleSet::pack(const std::string& code) const {
  auto it = impl_->packs.find(code);
  if (it == impl_->packs.end()) return nullptr;
  Impl::Entry& e = it->second;
  std::call_once(e.once, [&] {
    if (e.pack) return;
    if (!e.image.empty()) {
      std::string error;
      e.pack = rules::LoadPackImage(e.image, rules::ImageLoad::kFull, /*borrow=*/true, &error,
                                    impl_->examples);
      if (e.pack) {
        // Loading read the whole part; matching reads a few of its pages.
        ReleaseReadOnlyPages(e.image.data(), e.image.size());
        return;
      }
      fprintf(stderr, "tact: warning: %s; compiling the '%s' pack from its rules\n", error.c_str(),
              code.c_str());
    }
    std::vector<const SourceFile*> files;
    for (const auto& f : e.deferred) files.push_back(&f);
    Diagnostics diags;
    e.pack = ParseAndCompile(code, files, impl_->limits, &diags);
    if (!e.pack) {  // cannot happen for packs that passed 'tact rules test' at build time
      for (const auto& d : diags) fprintf(stderr, "%s\n", d.Format().c_str());
      fprintf(stderr, "tact: internal error: the built-in '%s' pack does not compile\n",
              code.c_str());
      std::abort();
    }
    // e.deferred stays: Catalogue() may read it from another thread.
    // Compiling freed several times the pack's size in small blocks: give
    // them back to the system, so a run of five languages does not keep
    // the high-water mark of each compile. (Not under AddressSanitizer,
    // whose allocator does not support it while other threads allocate.)
#if !defined(__SANITIZE_ADDRESS__) && !TACT_HAS_ASAN
    malloc_trim(0);
#endif
  });
  return e.pack.get();
}

std::map<std::string, BehaviourKind> RuleSet::Catalogue() const {
  std::map<std::string, BehaviourKind> out;
  for (const auto& [code, e] : impl_->packs) {
    if (e.deferred.empty()) {  // compiled at Load
      for (const auto& b : e.pack->behaviours) out.emplace(b.id, *b.kind);
      continue;
    }
    if (!e.image.empty()) {
      std::string error;
      auto c = rules::LoadPackImage(e.image, rules::ImageLoad::kCatalogue, false, &error, false);
      if (c) {
        for (const auto& b : c->behaviours)
          if (b.kind) out.emplace(b.id, *b.kind);
        continue;
      }
    }
    // Built-in files passed 'tact rules test' at build time: they parse.
    for (const auto& f : e.deferred) {
      std::vector<rules::RuleFile> parsed;
      std::vector<std::string> stack = {fs::path(f.path).lexically_normal().generic_string()};
      Diagnostics ignored;
      ParseWithIncludes(f, &stack, &parsed, &ignored);
      for (const auto& rf : parsed)
        for (const auto& b : rf.behaviours)
          if (b.kind) out.emplace(b.id, *b.kind);
    }
  }
  return out;
}

const rules::LanguagePack* RuleSet::settings(const std::string& code) const {
  auto it = impl_->packs.find(code);
  if (it == impl_->packs.end()) return nullptr;
  // Never reads `pack` of a deferred entry: another thread may be compiling it.
  if (it->second.settings) return it->second.settings.get();
  return pack(code);
}

namespace {

bool ReadFile(const fs::path& p, SourceFile* out);

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
    out->content = std::string_view(it->second->data, it->second->size);
    return true;
  }
  std::error_code ec;
  fs::path real = fs::weakly_canonical(target, ec), real_root = fs::weakly_canonical(root, ec);
  fs::path real_inside = real.lexically_relative(real_root);
  if (real_inside.empty() || *real_inside.begin() == "..") {
    return fail("include '" + inc.path + "' leaves the pack folder '" + root.generic_string() +
                "' (symbolic link)");
  }
  if (!ReadFile(target, out)) return fail("cannot read included file '" + inc.path + "'");
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

std::unique_ptr<rules::LanguagePack> ParseAndCompile(const std::string& lang,
                                                     const std::vector<const SourceFile*>& files,
                                                     const rules::CompileLimits& limits,
                                                     Diagnostics* diags) {
  // The files parse independently: the second half on another thread (a
  // pack's parse is a fifth of a one-chat run), joined in file order.
  struct Part {
    std::vector<rules::RuleFile> parsed;
    Diagnostics diags;
    std::string dir;
    bool ok = true;
  };
  auto parse = [&files](size_t begin, size_t end, Part* part) {
    for (size_t i = begin; i < end; ++i) {
      const SourceFile* f = files[i];
      std::vector<std::string> stack = {fs::path(f->path).lexically_normal().generic_string()};
      if (!ParseWithIncludes(*f, &stack, &part->parsed, &part->diags)) {
        part->ok = false;
        continue;
      }
      part->dir = fs::path(f->path).parent_path().string();
    }
  };
  Part first, second;
  const size_t half = files.size() >= 8 ? files.size() / 2 : files.size();
  {
    std::thread helper;
    if (half < files.size()) helper = std::thread(parse, half, files.size(), &second);
    parse(0, half, &first);
    if (helper.joinable()) helper.join();
  }
  diags->insert(diags->end(), first.diags.begin(), first.diags.end());
  diags->insert(diags->end(), second.diags.begin(), second.diags.end());
  if (!first.ok || !second.ok) return nullptr;
  std::vector<rules::RuleFile> parsed = std::move(first.parsed);
  for (auto& rf : second.parsed) parsed.push_back(std::move(rf));
  const std::string dir = second.dir.empty() ? first.dir : second.dir;
  return rules::CompilePack(lang, dir, std::move(parsed), limits, diags);
}

// language -> file name -> file
using Sources = std::map<std::string, std::map<std::string, SourceFile>>;

bool LooksLikeLanguage(const std::string& s) {
  return s.size() >= 2 && s.size() <= 3 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool ReadFile(const fs::path& p, SourceFile* out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out->owned = std::make_shared<const std::string>(ss.str());
  out->content = *out->owned;
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
    std::istringstream in{std::string(f.content)};
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
    std::error_code canon_ec;
    const fs::path real_dir = fs::weakly_canonical(pack_dir, canon_ec);
    for (const auto& p : RuleFilesIn(pack_dir)) {
      SourceFile f{p.string(), {}, nullptr};
      // As for 'include': a rule file is read only from inside its pack
      // folder, also through symbolic links (a link to /etc/passwd would be
      // read and quoted in errors).
      const fs::path inside = fs::weakly_canonical(p, canon_ec).lexically_relative(real_dir);
      if (inside.empty() || *inside.begin() == "..") {
        diags->push_back(MakeError(f.path, 0, 0,
                                   "rule file is a symbolic link out of the pack folder '" +
                                       pack_dir.generic_string() + "'; refused"));
        return false;
      }
      if (!ReadFile(p, &f)) {
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
          SourceFile{f.path, std::string_view(f.data, f.size), nullptr,
                     p.parent_path().generic_string(), true};
    }
  }
  bool ok = true;
  for (const auto& d : options.directories) ok &= AddDirectory(d, &sources, diags);
  if (!ok) return nullptr;
  std::unique_ptr<RuleSet> set(new RuleSet());
  rules::CompileLimits& limits = set->impl_->limits;
  limits.max_patterns = options.max_patterns;
  limits.regex_max_mem = options.regex_max_mem;
  limits.max_gap = options.max_gap;
  set->impl_->examples = options.examples;
  set->impl_->builtin_only = options.builtin && options.directories.empty();
  // Built-in packs compile without error under the default limits (CTest runs
  // 'tact rules test'), so they can wait for their first use; anything read
  // from disk, or stricter limits, is checked now.
  const RuleSetOptions defaults;
  const bool default_limits = options.max_patterns >= defaults.max_patterns &&
                              options.regex_max_mem >= defaults.regex_max_mem &&
                              options.max_gap >= defaults.max_gap;
  // The built-in packs as compiled when tact was built, if this binary has
  // them (the tool that makes the image does not).
  std::map<std::string, std::string_view> images;
  std::string image_error;
  if (options.builtin && !rules::BuiltinPackImage().empty() &&
      !rules::ReadImageIndex(rules::BuiltinPackImage(), &images, &image_error)) {
    fprintf(stderr, "tact: warning: %s; compiling the built-in packs from their rules\n",
            image_error.c_str());
  }
  for (auto& [lang, files] : sources) {
    Impl::Entry& e = set->impl_->packs[lang];
    bool builtin_only = default_limits && !options.eager;
    for (const auto& [name, f] : files) builtin_only = builtin_only && f.builtin;
    auto image = images.find(lang);
    if (builtin_only && image != images.end()) {
      std::string error;
      e.settings = rules::LoadPackImage(image->second, rules::ImageLoad::kSettings, false, &error);
      if (e.settings) {
        e.image = image->second;
        for (auto& [name, f] : files) e.deferred.push_back(std::move(f));
        continue;
      }
    }
    auto settings_file = files.find("pack.rules");
    if (builtin_only && settings_file != files.end()) {
      Diagnostics ignored;
      e.settings = ParseAndCompile(lang, {&settings_file->second}, limits, &ignored);
      if (e.settings) {
        for (auto& [name, f] : files) e.deferred.push_back(std::move(f));
        continue;
      }
    }
    std::vector<const SourceFile*> list;
    for (const auto& [name, f] : files) list.push_back(&f);
    e.pack = ParseAndCompile(lang, list, limits, diags);
    if (!e.pack) ok = false;
  }
  if (!ok) return nullptr;
  if (set->impl_->packs.empty()) {
    diags->push_back(MakeError("", 0, 0, "no rule packs loaded"));
    return nullptr;
  }
  return set;
}

bool RuleSet::builtin_only() const { return impl_->builtin_only; }

}  // namespace tact
