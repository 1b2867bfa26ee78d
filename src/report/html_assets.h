// The HTML report's style sheet, src/report/html_report.css, built into tact
// (cmake/embed_file.cmake) so the page stays self-contained.
#ifndef TACT_REPORT_HTML_ASSETS_H_
#define TACT_REPORT_HTML_ASSETS_H_

#include <string_view>

namespace tact::report {

std::string_view HtmlReportCss();

}  // namespace tact::report

#endif  // TACT_REPORT_HTML_ASSETS_H_
