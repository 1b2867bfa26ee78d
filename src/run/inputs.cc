#include "run/inputs.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <utility>

#include <sys/stat.h>

#include "input/reader.h"

namespace tact::run {
namespace fs = std::filesystem;

bool IsTranscript(const std::string& path) { return input::IsWalkedInput(path); }

namespace {

// Walks `dir` depth first, in sorted order, collecting transcript files.
// Nothing is skipped silently: an unreadable folder, a dangling link or a
// special file (FIFO, socket, device) named like a transcript is an error
// (counted as skipped); a link to a folder is not followed (no loops).
void Walk(const fs::path& dir, std::vector<std::string>* found,
          const std::function<void(const Diagnostic&)>& error) {
  std::error_code ec;
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    entries.push_back(*it);
  if (ec) {
    error(MakeError(dir.string(), 0, 0, "cannot read folder: " + ec.message() + "; skipped"));
    return;
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path() < b.path(); });
  for (const auto& e : entries) {
    const std::string path = e.path().string();
    std::error_code sec;
    const fs::file_status link = e.symlink_status(sec);
    if (fs::is_directory(link)) {
      Walk(e.path(), found, error);
      continue;
    }
    if (!IsTranscript(path)) continue;
    const fs::file_status st = e.status(sec);
    if (fs::is_symlink(link) && !fs::exists(st)) {
      error(MakeError(path, 0, 0, "dangling symbolic link; skipped"));
    } else if (fs::is_directory(st)) {
      continue;  // a link to a folder named like a file: not followed
    } else if (!fs::is_regular_file(st)) {
      error(MakeError(path, 0, 0, "not a regular file (a FIFO, socket or device); skipped"));
    } else {
      found->push_back(path);
    }
  }
}

}  // namespace

std::vector<Input> ExpandInputs(const std::vector<std::string>& operands,
                                const std::function<void(const Diagnostic&)>& error) {
  std::vector<Input> out;
  // The same file twice (named twice, or also found in a walked folder) is
  // read once: its conversations would otherwise count twice.
  std::vector<std::pair<std::pair<uintmax_t, uintmax_t>, std::string>> seen;  // (dev, ino)
  auto add = [&](std::string path) {
    struct stat sb;
    if (::stat(path.c_str(), &sb) == 0 && S_ISREG(sb.st_mode)) {
      const std::pair<uintmax_t, uintmax_t> id{static_cast<uintmax_t>(sb.st_dev),
                                               static_cast<uintmax_t>(sb.st_ino)};
      for (const auto& [other, name] : seen) {
        if (other == id) {
          Diagnostic d = MakeError(path, 0, 0, "the same file as '" + name + "'; read once");
          d.severity = Severity::kWarning;
          error(d);
          return;
        }
      }
      seen.push_back({id, path});
    }
    out.push_back({std::move(path)});
  };
  for (const auto& op : operands) {
    if (op == "-") {
      out.push_back({"-"});
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(op, ec);
    if (ec || !fs::exists(st)) {
      error(MakeError(op, 0, 0, "no such file or directory"));
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<std::string> found;
      Walk(op, &found, error);
      std::sort(found.begin(), found.end());  // one order for the whole tree
      if (found.empty()) {
        Diagnostic d = MakeError(
            op, 0, 0, "no transcript files (.txt .json .jsonl .csv .vtt .srt) in this directory");
        d.severity = Severity::kWarning;
        error(d);
      }
      for (auto& f : found) add(std::move(f));
      continue;
    }
    add(op);
  }
  return out;
}

bool ReadInput(const Input& in, std::string* content, std::string* message) {
  if (in.path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    *content = ss.str();
    return true;
  }
  std::ifstream f(in.path, std::ios::binary);
  if (!f) {
    *message = std::string("cannot open: ") + std::strerror(errno);
    return false;
  }
  std::ostringstream ss;
  ss << f.rdbuf();
  if (f.bad()) {
    *message = "read error";
    return false;
  }
  *content = ss.str();
  return true;
}

}  // namespace tact::run
