#include "report/writer.h"

#include "report/csv_writer.h"
#include "report/html_writer.h"
#include "report/json_writer.h"
#include "report/junit_writer.h"
#include "report/markdown_writer.h"
#include "report/sarif_writer.h"
#include "report/text_writer.h"

namespace tact::report {
namespace {

template <typename W>
std::unique_ptr<Writer> Make(const WriterOptions& o) {
  return std::make_unique<W>(o);
}

std::unique_ptr<Writer> MakeJson(const WriterOptions& o) {
  return std::make_unique<JsonReportWriter>(o, false);
}

std::unique_ptr<Writer> MakeJsonLines(const WriterOptions& o) {
  return std::make_unique<JsonReportWriter>(o, true);
}

}  // namespace

const std::vector<WriterFormat>& WriterTable() {
  static const std::vector<WriterFormat> kTable = {
      {"text", "for people at a terminal, coloured there", Make<TextReportWriter>, true},
      {"json", "one document: conversations, summary, totals, checks", MakeJson},
      {"jsonl", "one conversation per line, as they finish", MakeJsonLines},
      {"csv", "one row per behaviour of a conversation (or of a group)", Make<CsvReportWriter>},
      {"markdown", "summary tables for a wiki page or a merge request", Make<MarkdownReportWriter>},
      {"md", "markdown", Make<MarkdownReportWriter>, false, false, true},
      {"junit", "JUnit XML for CI test views", Make<JunitReportWriter>},
      {"sarif", "SARIF 2.1.0 for code-scanning views", Make<SarifReportWriter>},
      {"html", "one self-contained page with charts", Make<HtmlReportWriter>, false, true},
  };
  return kTable;
}

const WriterFormat* FindWriterFormat(std::string_view name) {
  for (const auto& f : WriterTable()) {
    if (name == f.name) return &f;
  }
  return nullptr;
}

std::unique_ptr<Writer> MakeWriter(const std::string& format, const WriterOptions& options) {
  const WriterFormat* f = FindWriterFormat(format);
  return f == nullptr ? nullptr : f->make(options);
}

std::vector<std::string> WriterFormats() {
  std::vector<std::string> names;
  for (const auto& f : WriterTable()) {
    if (!f.alias) names.emplace_back(f.name);
  }
  return names;
}

}  // namespace tact::report
