// HTML to text, for saved web pages and for fields of decks exported from other tools.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace rehearse::text {

// The character reference at text[at] == '&' (&amp;, &#8217;, &#x2022;): its code point (0 for
// an invisible one such as &shy;) and its length, or nothing when it is not a known reference.
std::optional<std::pair<char32_t, std::size_t>> decode_entity(std::string_view text, std::size_t at);

// Replaces character references (&amp;, &nbsp;, &#8217;, &#x2022;, ...) with the characters.
std::string decode_entities(std::string_view text);

// The text of an HTML fragment, such as a card field, as a browser lays it out: tags dropped,
// runs of white space collapsed, line breaks where <br> and blocks (<div>, <p>, <li>, ...) put
// them, list items marked "- " or "1. ", table cells joined by " | ", images as "[image: name]",
// references decoded. Scripts, styles and comments are dropped with their content.
// (html_fragment.cpp)
std::string html_to_text(std::string_view html);

// A whole HTML page as Markdown-like text for the guide reader: headings become "#" lines, list
// items "- " lines, <pre> blocks fences, <b>/<strong> "**"; <details> and <summary> stay as
// tags on lines of their own; scripts, styles, navigation and footers are dropped.
std::string html_page_to_markdown(std::string_view html);

// Whether `text` contains HTML markup worth converting (tags such as <br>, <div>, <p>, <li>).
bool looks_like_html(std::string_view text);

}  // namespace rehearse::text
