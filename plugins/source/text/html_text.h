// HTML to text, for saved web pages and for fields of decks exported from other tools. Both read
// the tree an HTML5 parser builds (html_document.h), so a page imports as a browser shows it.
#pragma once

#include <string>
#include <string_view>

namespace rehearse::text {

// Replaces character references (&amp;, &nbsp;, &#8217;, &#x2022;, &copy without its ';'...) with
// the characters, as a browser reads them in text: every reference HTML5 defines.
std::string decode_entities(std::string_view text);

// The text of an HTML fragment, such as a card field, as a browser lays it out: tags dropped,
// runs of white space collapsed, line breaks where <br> and blocks (<div>, <p>, <li>, ...) put
// them, list items marked "- " or "1. ", table cells joined by " | ", images as "[image: name]",
// references decoded. Scripts, styles and comments are dropped with their content.
std::string html_to_text(std::string_view html);

// A whole HTML page as Markdown-like text for the guide reader, and its <title>: headings become
// "#" lines, list items "- " lines, <pre> blocks fences, <b>/<strong> "**"; <details> and
// <summary> stay as tags on lines of their own; scripts, styles, navigation and footers are
// dropped.
struct HtmlPage {
  std::string title;
  std::string markdown;
};
HtmlPage html_page_to_markdown(std::string_view html);

// Whether `text` contains HTML markup worth converting (tags such as <br>, <div>, <p>, <li>).
bool looks_like_html(std::string_view text);

}  // namespace rehearse::text
