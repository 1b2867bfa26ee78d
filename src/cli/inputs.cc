#include "cli/inputs.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace tact::cli {
namespace fs = std::filesystem;

bool IsTranscript(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  static const char* const kExt[] = {".txt", ".json", ".jsonl", ".ndjson",
                                     ".csv", ".tsv",  ".vtt",   ".srt"};
  for (const char* e : kExt) {
    if (ext == e) return true;
  }
  return false;
}

std::vector<Input> ExpandInputs(const std::vector<std::string>& operands,
                                const std::function<void(const Diagnostic&)>& error) {
  std::vector<Input> out;
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
      fs::recursive_directory_iterator it(op, fs::directory_options::skip_permission_denied, ec),
          end;
      for (; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && IsTranscript(it->path().string()))
          found.push_back(it->path().string());
      }
      if (ec) error(MakeError(op, 0, 0, "cannot list directory: " + ec.message()));
      std::sort(found.begin(), found.end());
      if (found.empty()) {
        Diagnostic d = MakeError(
            op, 0, 0, "no transcript files (.txt .json .jsonl .csv .vtt .srt) in this directory");
        d.severity = Severity::kWarning;
        error(d);
      }
      for (auto& f : found) out.push_back({std::move(f)});
      continue;
    }
    out.push_back({op});
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

}  // namespace tact::cli
