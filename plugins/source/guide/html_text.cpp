#include "html_text.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "html_tag.h"
#include "text_util.h"

namespace rehearse::text {

namespace {

// The named references that turn up in pages and card fields; others are left as written. 0
// stands for an invisible character (a soft hyphen, a joiner): it decodes to nothing.
const std::map<std::string, char32_t, std::less<>>& named_entities() {
  static const std::map<std::string, char32_t, std::less<>> names = {
      {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", ' '}, {"ensp", ' '},
      {"emsp", ' '}, {"thinsp", ' '}, {"shy", 0}, {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026},
      {"bull", 0x2022}, {"middot", 0xB7}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C},
      {"rdquo", 0x201D}, {"sbquo", 0x201A}, {"bdquo", 0x201E}, {"laquo", 0xAB}, {"raquo", 0xBB},
      {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"copy", 0xA9}, {"reg", 0xAE}, {"trade", 0x2122}, {"deg", 0xB0},
      {"plusmn", 0xB1}, {"times", 0xD7}, {"divide", 0xF7}, {"minus", 0x2212}, {"le", 0x2264}, {"ge", 0x2265},
      {"ne", 0x2260}, {"asymp", 0x2248}, {"equiv", 0x2261}, {"infin", 0x221E}, {"sum", 0x2211},
      {"prod", 0x220F}, {"radic", 0x221A}, {"part", 0x2202}, {"isin", 0x2208}, {"notin", 0x2209},
      {"cap", 0x2229}, {"cup", 0x222A}, {"sub", 0x2282}, {"sup", 0x2283}, {"and", 0x2227}, {"or", 0x2228},
      {"not", 0xAC}, {"forall", 0x2200}, {"exist", 0x2203}, {"empty", 0x2205}, {"larr", 0x2190},
      {"uarr", 0x2191}, {"rarr", 0x2192}, {"darr", 0x2193}, {"harr", 0x2194}, {"lArr", 0x21D0},
      {"rArr", 0x21D2}, {"hArr", 0x21D4}, {"micro", 0xB5}, {"para", 0xB6}, {"sect", 0xA7}, {"cent", 0xA2},
      {"pound", 0xA3}, {"yen", 0xA5}, {"euro", 0x20AC}, {"frac12", 0xBD}, {"frac14", 0xBC}, {"frac34", 0xBE},
      {"sup2", 0xB2}, {"sup3", 0xB3}, {"iexcl", 0xA1}, {"iquest", 0xBF}, {"check", 0x2713}, {"alpha", 0x3B1},
      {"beta", 0x3B2}, {"gamma", 0x3B3}, {"delta", 0x3B4}, {"epsilon", 0x3B5}, {"lambda", 0x3BB},
      {"mu", 0x3BC}, {"pi", 0x3C0}, {"sigma", 0x3C3}, {"tau", 0x3C4}, {"phi", 0x3C6}, {"omega", 0x3C9},
      {"Delta", 0x394}, {"Sigma", 0x3A3}, {"Omega", 0x3A9}, {"auml", 0xE4}, {"ouml", 0xF6}, {"uuml", 0xFC},
      {"Auml", 0xC4}, {"Ouml", 0xD6}, {"Uuml", 0xDC}, {"szlig", 0xDF}, {"eacute", 0xE9}, {"egrave", 0xE8},
      {"ecirc", 0xEA}, {"aacute", 0xE1}, {"agrave", 0xE0}, {"ccedil", 0xE7}, {"ntilde", 0xF1},
      {"oacute", 0xF3}, {"iacute", 0xED}, {"uacute", 0xFA}, {"cross", 0x2717}, {"star", 0x2606},
      {"starf", 0x2605}, {"zwj", 0}, {"zwnj", 0}, {"lrm", 0}, {"rlm", 0},
  };
  return names;
}

// Elements whose content is never text of the page.
const std::set<std::string, std::less<>> kDropped = {"script", "style", "noscript", "template", "svg", "head",
                                                      "nav", "footer", "iframe", "button", "select", "form"};
// Elements that start and end a line.
const std::set<std::string, std::less<>> kBlocks = {
    "p",      "div",  "section", "article", "main",  "header", "aside", "blockquote", "ul",  "ol",  "dl",
    "dt",     "dd",   "table",   "thead",   "tbody", "tr",     "hr",    "figure",     "figcaption", "address"};

// Reads the tag starting at html[pos] == '<' and moves pos past it; false when it is not a tag
// (a lone '<'). A comment is a tag named "!--".
bool read_tag(std::string_view html, size_t& pos, HtmlTag& tag) {
  if (html.compare(pos, 4, "<!--") == 0) {
    const size_t end = html.find("-->", pos + 4);
    pos = end == std::string_view::npos ? html.size() : end + 3;
    tag = {"!--", false, {}, pos};
    return true;
  }
  auto parsed = parse_html_tag(html, pos);
  if (!parsed) return false;
  tag = std::move(*parsed);
  pos = tag.end;
  return true;
}

// Builds the output text line by line, so that block breaks, indentation and collapsed spaces
// come out right whatever the markup looked like.
class TextBuilder {
 public:
  void text(std::string_view piece, bool preformatted) {
    if (preformatted) {
      out_.append(piece);
      space_ = false;
      return;
    }
    for (char c : piece) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        space_ = true;
        continue;
      }
      if (space_ && !at_line_start()) out_ += ' ';
      space_ = false;
      out_ += c;
    }
  }
  void raw(std::string_view piece) {
    if (space_ && !at_line_start() && !piece.empty() && piece.front() != ' ') out_ += ' ';
    space_ = false;
    out_.append(piece);
  }
  void line_break() {
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    out_ += '\n';
    space_ = false;
  }
  void block_break() {
    line_break();
    if (out_.size() >= 2 && out_[out_.size() - 2] != '\n') out_ += '\n';
  }
  bool at_line_start() const { return out_.empty() || out_.back() == '\n' || only_indent_since_newline(); }
  std::string finish() {
    // Trim each line's end and keep at most one empty line in a row.
    std::string result;
    int blank = 0;
    for (const auto& line : split_lines(out_)) {
      std::string l = line;
      while (!l.empty() && (l.back() == ' ' || l.back() == '\t')) l.pop_back();
      if (trim(l).empty()) {
        if (++blank > 1 || result.empty()) continue;
        result += '\n';
        continue;
      }
      blank = 0;
      result += l;
      result += '\n';
    }
    while (!result.empty() && result.back() == '\n') result.pop_back();
    return result;
  }

 private:
  // Remembers where the current line starts: scanning back over it for every word made a long
  // paragraph take time in the square of its length. (Only spaces are ever taken back off the
  // end, so the line start stays right.)
  bool only_indent_since_newline() const {
    for (; scanned_ < out_.size(); ++scanned_)
      if (out_[scanned_] == '\n') line_start_ = scanned_ + 1;
    scanned_ = out_.size();
    return out_.find_first_not_of(' ', line_start_) == std::string::npos;
  }
  std::string out_;
  bool space_ = false;
  mutable size_t scanned_ = 0;     // out_ is scanned for line ends up to here
  mutable size_t line_start_ = 0;  // where the current line starts in out_
};

// A whole page as Markdown-like text (see html_page_to_markdown in the header).
std::string page_to_markdown(std::string_view html) {
  TextBuilder out;
  std::vector<std::string> lists;  // "ul" or "ol", innermost last
  std::vector<int> numbers;
  int dropped = 0;                 // depth inside elements whose content is dropped
  std::string dropped_name;
  int pre = 0;
  std::string heading;             // the heading element being read ("h2"), if any
  size_t pos = 0;
  while (pos < html.size()) {
    const size_t lt = html.find('<', pos);
    const std::string_view chunk = html.substr(pos, lt == std::string_view::npos ? std::string_view::npos : lt - pos);
    if (dropped == 0 && !chunk.empty()) out.text(decode_entities(chunk), pre > 0);
    if (lt == std::string_view::npos) break;
    pos = lt;
    HtmlTag tag;
    if (!read_tag(html, pos, tag)) {
      if (dropped == 0) out.text("<", pre > 0);
      ++pos;
      continue;
    }
    if (tag.name == "!--" || tag.name.starts_with("!")) continue;
    if (dropped > 0) {
      if (tag.name == dropped_name) dropped += tag.closing ? -1 : 1;
      continue;
    }
    if (kDropped.count(tag.name)) {
      if (!tag.closing) {
        dropped = 1;
        dropped_name = tag.name;
      }
      continue;
    }
    const std::string& name = tag.name;
    if (name == "br") {
      out.line_break();
    } else if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
      if (!tag.closing) {
        out.block_break();
        out.raw(std::string(static_cast<size_t>(name[1] - '0'), '#') + " ");
        heading = name;
      } else {
        out.block_break();
        heading.clear();
      }
    } else if (name == "li") {
      if (!tag.closing) {
        out.line_break();
        // Indentation stops deepening at some point: a page nested thousands of lists deep would
        // otherwise indent its items by as many spaces each.
        constexpr size_t kDeepestIndent = 16;
        const size_t depth = std::min(lists.empty() ? 0 : lists.size() - 1, kDeepestIndent);
        std::string marker = "- ";
        if (!lists.empty() && lists.back() == "ol") marker = std::to_string(++numbers.back()) + ". ";
        out.raw(std::string(depth * 2, ' ') + marker);
      } else {
        out.line_break();
      }
    } else if (name == "ul" || name == "ol") {
      if (!tag.closing) {
        lists.push_back(name);
        numbers.push_back(0);
      } else if (!lists.empty()) {
        lists.pop_back();
        numbers.pop_back();
      }
      out.line_break();
    } else if (name == "pre") {
      out.block_break();
      out.raw("```\n");
      if (tag.closing) out.block_break();
      pre += tag.closing ? -1 : 1;
      if (pre < 0) pre = 0;
    } else if (name == "details" || name == "summary") {
      if (name == "details") {
        out.block_break();
        out.raw(tag.closing ? "</details>" : "<details>");
        out.block_break();
      } else if (!tag.closing) {
        out.block_break();
        out.raw("<summary>");
      } else {
        out.raw("</summary>");
        out.block_break();
      }
    } else if ((name == "strong" || name == "b") && heading.empty()) {
      out.raw("**");
    } else if (name == "td" || name == "th") {
      if (!tag.closing) out.raw(" | ");
    } else if (name == "title") {
      // The document title is in <head>, which is dropped; <title> elsewhere is rare.
    } else if (kBlocks.count(name)) {
      out.block_break();
    }
  }
  return out.finish();
}

}  // namespace

std::optional<std::pair<char32_t, size_t>> decode_entity(std::string_view text, size_t at) {
  const size_t semicolon = text.find(';', at + 1);
  if (semicolon == std::string_view::npos || semicolon - at > 32) return std::nullopt;
  const std::string_view name = text.substr(at + 1, semicolon - at - 1);
  const size_t length = semicolon - at + 1;
  if (name.size() >= 2 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string digits(name.substr(hex ? 2 : 1));
    if (digits.empty() || digits.size() > 8) return std::nullopt;
    char* end = nullptr;
    const unsigned long value = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
    if (!end || *end != '\0' || value == 0) return std::nullopt;
    const bool valid = value <= 0x10FFFF && !(value >= 0xD800 && value <= 0xDFFF);
    return std::make_pair(valid ? static_cast<char32_t>(value) : char32_t{0xFFFD}, length);
  }
  if (auto it = named_entities().find(name); it != named_entities().end()) return std::make_pair(it->second, length);
  return std::nullopt;
}

std::string decode_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto entity = text[i] == '&' ? decode_entity(text, i) : std::nullopt;
    if (!entity) {
      out += text[i];
      continue;
    }
    if (entity->first != 0) append_utf8(out, entity->first);
    i += entity->second - 1;
  }
  return out;
}

std::string html_page_to_markdown(std::string_view html) { return page_to_markdown(html); }

bool looks_like_html(std::string_view text) {
  static const char* const kTags[] = {"<br", "<div", "<p>", "<p ", "<li", "<ul", "<ol", "<b>", "<i>", "<span",
                                      "<strong", "<em>", "<table", "<img", "<a ", "<h1", "<h2", "<h3", "<pre", "<code"};
  const std::string lowered = lower(text);
  for (const char* tag : kTags)
    if (lowered.find(tag) != std::string::npos) return true;
  return lowered.find("&nbsp;") != std::string::npos || lowered.find("&amp;") != std::string::npos;
}

}  // namespace rehearse::text
