#include "html_text.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <vector>

#include "text_util.h"

namespace rehearse::text {

namespace {

const std::map<std::string, char32_t, std::less<>>& named_entities() {
  static const std::map<std::string, char32_t, std::less<>> names = {
      {"amp", '&'},      {"lt", '<'},        {"gt", '>'},        {"quot", '"'},      {"apos", '\''},
      {"nbsp", ' '},     {"ensp", ' '},      {"emsp", ' '},      {"thinsp", ' '},    {"ndash", 0x2013},
      {"mdash", 0x2014}, {"hellip", 0x2026}, {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"ldquo", 0x201C},
      {"rdquo", 0x201D}, {"sbquo", 0x201A},  {"bdquo", 0x201E},  {"bull", 0x2022},   {"middot", 0x00B7},
      {"copy", 0x00A9},  {"reg", 0x00AE},    {"trade", 0x2122},  {"times", 0x00D7},  {"divide", 0x00F7},
      {"laquo", 0x00AB}, {"raquo", 0x00BB},  {"larr", 0x2190},   {"rarr", 0x2192},   {"uarr", 0x2191},
      {"darr", 0x2193},  {"harr", 0x2194},   {"rArr", 0x21D2},   {"le", 0x2264},     {"ge", 0x2265},
      {"ne", 0x2260},    {"asymp", 0x2248},  {"plusmn", 0x00B1}, {"deg", 0x00B0},    {"micro", 0x00B5},
      {"para", 0x00B6},  {"sect", 0x00A7},   {"cent", 0x00A2},   {"pound", 0x00A3},  {"euro", 0x20AC},
      {"yen", 0x00A5},   {"check", 0x2713},  {"cross", 0x2717},  {"star", 0x2606},   {"starf", 0x2605},
      {"eacute", 0x00E9}, {"egrave", 0x00E8}, {"agrave", 0x00E0}, {"ccedil", 0x00E7}, {"uuml", 0x00FC},
      {"ouml", 0x00F6},  {"auml", 0x00E4},   {"szlig", 0x00DF},  {"ntilde", 0x00F1}, {"shy", 0},
      {"zwj", 0},        {"zwnj", 0},        {"lrm", 0},         {"rlm", 0},
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

struct Tag {
  std::string name;  // lower case, without '/'
  bool closing = false;
};

// Reads the tag starting at html[pos] == '<'; returns false when it is not a tag (a lone '<').
bool read_tag(std::string_view html, size_t& pos, Tag& tag) {
  if (html.compare(pos, 4, "<!--") == 0) {
    const size_t end = html.find("-->", pos + 4);
    pos = end == std::string_view::npos ? html.size() : end + 3;
    tag = {"!--", false};
    return true;
  }
  size_t i = pos + 1;
  tag.closing = i < html.size() && html[i] == '/';
  if (tag.closing) ++i;
  if (i >= html.size() || !(is_ascii_alnum(html[i]) || html[i] == '!')) return false;
  const size_t name_start = i;
  while (i < html.size() && (is_ascii_alnum(html[i]) || html[i] == '-' || html[i] == '!')) ++i;
  tag.name = lower(html.substr(name_start, i - name_start));
  char quote = 0;
  for (; i < html.size(); ++i) {
    if (quote) {
      if (html[i] == quote) quote = 0;
    } else if (html[i] == '"' || html[i] == '\'') {
      quote = html[i];
    } else if (html[i] == '>') {
      break;
    }
  }
  pos = i < html.size() ? i + 1 : html.size();
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

std::string convert(std::string_view html, bool page) {
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
    Tag tag;
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
    if (kDropped.count(tag.name) && (page || tag.name == "script" || tag.name == "style")) {
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
      if (!page) {
        out.line_break();
      } else if (!tag.closing) {
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
        out.raw(std::string(page ? depth * 2 : 0, ' ') + marker);
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
      if (page) {
        out.block_break();
        out.raw("```\n");
        if (tag.closing) out.block_break();
      } else {
        out.line_break();
      }
      pre += tag.closing ? -1 : 1;
      if (pre < 0) pre = 0;
    } else if (page && (name == "details" || name == "summary")) {
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
    } else if (page && (name == "strong" || name == "b") && heading.empty()) {
      out.raw("**");
    } else if (name == "td" || name == "th") {
      if (!tag.closing) out.raw(" | ");
    } else if (name == "title" && page) {
      // The document title is in <head>, which is dropped; <title> elsewhere is rare.
    } else if (kBlocks.count(name) || name == "summary" || name == "details") {
      if (page)
        out.block_break();
      else
        out.line_break();
    }
  }
  return out.finish();
}

}  // namespace

std::string decode_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    const size_t semicolon = text.find(';', i + 1);
    if (semicolon == std::string_view::npos || semicolon - i > 12) {
      out += '&';
      continue;
    }
    const std::string_view name = text.substr(i + 1, semicolon - i - 1);
    char32_t cp = 0;
    bool known = false;
    if (name.size() >= 2 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string digits(name.substr(hex ? 2 : 1));
      char* end = nullptr;
      const unsigned long value = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
      known = !digits.empty() && end && *end == '\0' && value > 0 && value <= 0x10FFFF;
      cp = static_cast<char32_t>(value);
      if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
    } else if (auto it = named_entities().find(name); it != named_entities().end()) {
      known = true;
      cp = it->second;
    }
    if (!known) {
      out += '&';
      continue;
    }
    if (cp != 0) append_utf8(out, cp);
    i = semicolon;
  }
  return out;
}

std::string html_to_text(std::string_view html) { return convert(html, false); }

std::string html_page_to_markdown(std::string_view html) { return convert(html, true); }

bool looks_like_html(std::string_view text) {
  static const char* const kTags[] = {"<br", "<div", "<p>", "<p ", "<li", "<ul", "<ol", "<b>", "<i>", "<span",
                                      "<strong", "<em>", "<table", "<img", "<a ", "<h1", "<h2", "<h3", "<pre", "<code"};
  const std::string lowered = lower(text);
  for (const char* tag : kTags)
    if (lowered.find(tag) != std::string::npos) return true;
  return lowered.find("&nbsp;") != std::string::npos || lowered.find("&amp;") != std::string::npos;
}

}  // namespace rehearse::text
