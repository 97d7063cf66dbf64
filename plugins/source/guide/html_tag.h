// Reading one HTML tag, for the page and fragment readers of html_text.h.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rehearse::text {

struct HtmlTag {
  std::string name;  // lower case, without '/'; "!doctype" for a declaration
  bool closing = false;
  std::string_view attributes;  // the text between the name and '>'
  std::size_t end = 0;          // index just past '>'
};

// The tag starting at html[at] == '<': a name that starts with a letter (or '!', for <!DOCTYPE>),
// then attributes up to the first '>' outside quotes. Nothing when no tag starts there or it never
// ends: such a '<' is text. Comments (<!-- -->) are for the caller.
std::optional<HtmlTag> parse_html_tag(std::string_view html, std::size_t at);

// The value of attribute `name` (lower case) in `attributes`, quoted or not; empty when absent.
std::string html_attribute(std::string_view attributes, std::string_view name);

}  // namespace rehearse::text
