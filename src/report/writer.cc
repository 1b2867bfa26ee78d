#include "report/writer.h"

#include "report/csv_writer.h"
#include "report/html_writer.h"
#include "report/json_writer.h"
#include "report/junit_writer.h"
#include "report/markdown_writer.h"
#include "report/sarif_writer.h"
#include "report/text_writer.h"

namespace tact::report {

std::unique_ptr<Writer> MakeWriter(const std::string& format, const WriterOptions& options) {
  if (format == "text") return std::make_unique<TextReportWriter>(options);
  if (format == "json") return std::make_unique<JsonReportWriter>(options, false);
  if (format == "jsonl") return std::make_unique<JsonReportWriter>(options, true);
  if (format == "csv") return std::make_unique<CsvReportWriter>(options);
  if (format == "markdown" || format == "md")
    return std::make_unique<MarkdownReportWriter>(options);
  if (format == "junit") return std::make_unique<JunitReportWriter>(options);
  if (format == "sarif") return std::make_unique<SarifReportWriter>(options);
  if (format == "html") return std::make_unique<HtmlReportWriter>(options);
  return nullptr;
}

std::vector<std::string> WriterFormats() {
  return {"text", "json", "jsonl", "csv", "markdown", "junit", "sarif", "html"};
}

}  // namespace tact::report
