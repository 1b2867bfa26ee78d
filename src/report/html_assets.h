// The HTML report's style sheet and script, src/report/html_report.css and
// html_report.js, built into tact (cmake/embed_file.cmake) so the page stays
// self-contained.
#ifndef TACT_REPORT_HTML_ASSETS_H_
#define TACT_REPORT_HTML_ASSETS_H_

#include <string_view>

namespace tact::report {

std::string_view HtmlReportCss();
std::string_view HtmlReportScript();

}  // namespace tact::report

#endif  // TACT_REPORT_HTML_ASSETS_H_
