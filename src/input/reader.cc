// Picks the reader for an input.
#include "input/reader.h"

#include <cctype>
#include <filesystem>

namespace tact::input {

std::string FormatForPath(std::string_view path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (auto& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return "text";
}

bool ReadContent(std::string_view format, const std::string& label, std::string_view content,
                 const ReadOptions& options, const EmitFn& emit, const ErrorFn& error) {
  if (format == "text" || format == "txt") {
    ReadText(label, content, options, emit, error);
    return true;
  }
  return false;
}

}  // namespace tact::input
