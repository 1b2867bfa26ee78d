// HTML message bodies (Intercom, Zendesk html_body) to plain text: tags
// removed, block tags and <br> become line breaks, entities decoded.
#ifndef TACT_INPUT_HTML_H_
#define TACT_INPUT_HTML_H_

#include <string>
#include <string_view>

namespace tact::input {

std::string HtmlToText(std::string_view html);

// Decodes &amp; &lt; &gt; &quot; &apos; &#39; &nbsp; &lrm; &rlm; and numeric
// references (&#233; &#xE9;); unknown entities stay as written.
std::string DecodeEntities(std::string_view s);

// Removes <...> tags (an unclosed '<' drops the rest) and decodes entities:
// the text of a caption line (WebVTT, SRT).
std::string StripTags(std::string_view s);

}  // namespace tact::input

#endif  // TACT_INPUT_HTML_H_
