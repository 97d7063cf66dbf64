#include "html_tag.h"

#include <cctype>

#include "text_util.h"

namespace rehearse::text {

std::optional<HtmlTag> parse_html_tag(std::string_view html, size_t at) {
  size_t i = at + 1;
  HtmlTag tag;
  if (i < html.size() && html[i] == '/') {
    tag.closing = true;
    ++i;
  }
  const size_t name_start = i;
  if (i < html.size() && html[i] == '!' && !tag.closing) ++i;  // <!DOCTYPE ...>
  const size_t letters = i;
  while (i < html.size() && (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == '-' || html[i] == ':')) ++i;
  if (i == letters || !std::isalpha(static_cast<unsigned char>(html[letters]))) return std::nullopt;
  tag.name = lower(html.substr(name_start, i - name_start));
  const size_t attributes_start = i;
  char quote = 0;
  for (; i < html.size(); ++i) {
    if (quote) {
      if (html[i] == quote) quote = 0;
    } else if (html[i] == '"' || html[i] == '\'') {
      quote = html[i];
    } else if (html[i] == '>') {
      tag.attributes = html.substr(attributes_start, i - attributes_start);
      tag.end = i + 1;
      return tag;
    }
  }
  return std::nullopt;
}

std::string html_attribute(std::string_view attributes, std::string_view name) {
  const std::string lowered = lower(attributes);
  for (size_t at = lowered.find(name); at != std::string_view::npos; at = lowered.find(name, at + 1)) {
    if (at > 0 && !std::isspace(static_cast<unsigned char>(lowered[at - 1]))) continue;
    size_t i = at + name.size();
    while (i < lowered.size() && lowered[i] == ' ') ++i;
    if (i >= lowered.size() || lowered[i] != '=') continue;
    ++i;
    while (i < lowered.size() && lowered[i] == ' ') ++i;
    if (i < attributes.size() && (attributes[i] == '"' || attributes[i] == '\'')) {
      const size_t close = attributes.find(attributes[i], i + 1);
      return std::string(attributes.substr(i + 1, close == std::string_view::npos ? std::string_view::npos : close - i - 1));
    }
    const size_t stop = attributes.find_first_of(" \t\n/", i);
    return std::string(attributes.substr(i, stop == std::string_view::npos ? std::string_view::npos : stop - i));
  }
  return {};
}

}  // namespace rehearse::text
