#include "report/writer.h"

#include "report/html_writer.h"
#include "report/json_writer.h"
#include "report/text_writer.h"

namespace tact::report {

std::unique_ptr<Writer> MakeWriter(const std::string& format, const WriterOptions& options) {
  if (format == "text") return std::make_unique<TextReportWriter>(options);
  if (format == "json") return std::make_unique<JsonReportWriter>(options, false);
  if (format == "jsonl") return std::make_unique<JsonReportWriter>(options, true);
  if (format == "html") return std::make_unique<HtmlReportWriter>(options);
  return nullptr;
}

std::vector<std::string> WriterFormats() { return {"text", "json", "jsonl", "html"}; }

}  // namespace tact::report
