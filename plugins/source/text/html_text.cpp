#include "html_text.h"

#include <algorithm>
#include <set>
#include <vector>

#include "html_document.h"
#include "text_util.h"

namespace rehearse::text {

namespace {

// White space as HTML lays it out, and the characters that read as it: a no-break space and the
// typographic spaces are ordinary spaces in a card's text.
bool is_space_code_point(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0 || c == 0x2002 || c == 0x2003 ||
         c == 0x2009;
}

// Characters that show nothing: a soft hyphen, joiners, direction marks.
bool is_invisible(char32_t c) { return c == 0xAD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x200E || c == 0x200F; }

// Calls on_space(is_newline) for each white-space character and on_text(run) for each run of
// other characters of `text`, leaving out invisible ones.
template <class Space, class Text>
void split_text(std::string_view text, Space on_space, Text on_text) {
  std::string run;
  size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {  // the common case, without decoding
      ++pos;
      if (byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r' || byte == '\f') {
        if (!run.empty()) on_text(run), run.clear();
        on_space(byte == '\n');
      } else {
        run += static_cast<char>(byte);
      }
      continue;
    }
    const size_t start = pos;
    const char32_t c = next_code_point(text, pos);
    if (is_space_code_point(c)) {
      if (!run.empty()) on_text(run), run.clear();
      on_space(false);
    } else if (!is_invisible(c)) {
      run.append(text.substr(start, pos - start));
    }
  }
  if (!run.empty()) on_text(run);
}

// Builds a field's text, applying HTML's white-space rules: runs of spaces become one, and line
// breaks come only from the markup.
class FieldText {
 public:
  void text(std::string_view piece) {
    if (piece.empty()) return;
    if (space_ && !out_.empty() && out_.back() != '\n') out_ += ' ';
    space_ = false;
    out_ += piece;
  }
  void space() { space_ = true; }
  void line_break() {
    trim_trailing_spaces();
    if (!out_.empty() && out_.back() != '\n') out_ += '\n';
    space_ = false;
  }
  void paragraph_break() {
    line_break();
    if (!out_.empty() && !out_.ends_with("\n\n")) out_ += '\n';
  }
  // A <br> always breaks, even twice in a row (an empty line); only leading ones are dropped.
  void forced_break() {
    trim_trailing_spaces();
    if (!out_.empty() && !out_.ends_with("\n\n")) out_ += '\n';
    space_ = false;
  }
  std::string finish() {
    trim_trailing_spaces();
    while (!out_.empty() && out_.back() == '\n') out_.pop_back();
    return out_;
  }

 private:
  void trim_trailing_spaces() {
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
  }

  std::string out_;
  bool space_ = false;
};

// Builds a page's Markdown-like text line by line, so that block breaks, indentation and
// collapsed spaces come out right whatever the markup looked like.
class PageText {
 public:
  void text(std::string_view piece, bool preformatted) {
    if (preformatted) {
      out_.append(piece);
      space_ = false;
      return;
    }
    split_text(
        piece, [&](bool) { space_ = true; },
        [&](const std::string& run) {
          if (space_ && !at_line_start()) out_ += ' ';
          space_ = false;
          out_ += run;
        });
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
  // Whether only indentation follows the last line end. Remembers where the current line starts:
  // scanning back over it for every word made a long paragraph take time in the square of its
  // length. (Only spaces are ever taken back off the end, so the line start stays right.)
  bool at_line_start() const {
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

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_heading(std::string_view name) { return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6'; }

// List nesting stops indenting at some depth: a page nested hundreds of lists deep would otherwise
// indent its items by as many spaces each.
constexpr size_t kDeepestIndent = 16;

// The lists an element sits in: `<ul>`/`<ol>` open and close them, and each `<li>` asks for its
// marker ("- ", "3. "), indented by its depth.
class ListNesting {
 public:
  void open_or_close(std::string_view name, bool open) {
    if (open)
      lists_.push_back({name == "ol", 1});
    else if (!lists_.empty())
      lists_.pop_back();
  }

  std::string next_item_marker() {
    const size_t depth = std::min(lists_.empty() ? 0 : lists_.size() - 1, kDeepestIndent);
    std::string marker = "- ";
    if (!lists_.empty() && lists_.back().ordered) marker = std::to_string(lists_.back().next++) + ". ";
    return std::string(depth * 2, ' ') + marker;
  }

 private:
  struct List {
    bool ordered = false;
    int next = 1;
  };
  std::vector<List> lists_;
};

}  // namespace

std::string decode_entities(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  // In a <textarea> references are decoded and nothing else is markup; its end tag is the only
  // thing that could end it early, so the text is read in pieces between any such tags. A line
  // break right after the start tag is dropped by HTML, hence the one added.
  const std::string lowered = lower(text);
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    const size_t stop = lowered.find("</textarea", start);
    const std::string_view piece = text.substr(start, stop == std::string::npos ? std::string_view::npos : stop - start);
    if (piece.find('&') == std::string_view::npos) {
      out.append(piece);
    } else {
      const HtmlDocument document("<textarea>\n" + std::string(piece) + "</textarea>");
      document.walk([&](const HtmlDocument::Step& step) {
        if (step.kind == HtmlDocument::Step::characters) out.append(step.text);
        return true;
      });
    }
    if (stop == std::string::npos) break;
    out += '<';  // the end tag's '<', as text; the rest of it follows in the next piece
    start = stop + 1;
  }
  return out;
}

std::string html_to_text(std::string_view html) {
  const HtmlDocument document(html);
  FieldText out;
  ListNesting lists;
  int cell = 0;  // cells seen in the current table row
  int preformatted = 0;
  document.walk([&](const HtmlDocument::Step& step) {
    const std::string_view name = step.tag;
    const bool open = step.kind == HtmlDocument::Step::opening;
    if (step.kind == HtmlDocument::Step::characters) {
      split_text(
          step.text, [&](bool newline) { preformatted > 0 && newline ? out.forced_break() : out.space(); },
          [&](const std::string& run) { out.text(run); });
      return true;
    }
    if (is_one_of(name, {"script", "style", "title", "template", "noscript"})) return false;
    if (name == "br") {
      if (open) out.forced_break();
    } else if (name == "img") {
      if (open) {
        const std::string source = HtmlDocument::attribute(step.node, "src");
        out.text(source.empty() ? "[image]" : "[image: " + source + "]");
      }
    } else if (name == "ul" || name == "ol") {
      lists.open_or_close(name, open);
      out.line_break();
    } else if (name == "li") {
      out.line_break();
      if (open) out.text(lists.next_item_marker());
    } else if (name == "tr") {
      out.line_break();
      cell = 0;
    } else if (name == "td" || name == "th") {
      if (open && cell++ > 0) out.text("|");
      out.space();
    } else if (name == "pre") {
      preformatted += open ? 1 : (preformatted > 0 ? -1 : 0);
      out.paragraph_break();
    } else if (is_heading(name) || is_one_of(name, {"p", "blockquote", "hr"})) {
      out.paragraph_break();
    } else if (is_one_of(name, {"div", "table", "section", "article", "header", "footer", "dl", "dt", "dd", "figure",
                                "figcaption", "address", "center", "details", "summary"})) {
      out.line_break();
    }
    return true;
  });
  return out.finish();
}

HtmlPage html_page_to_markdown(std::string_view html) {
  const HtmlDocument document(html);
  // Elements whose content is never text of the page.
  static const std::set<std::string_view> kDropped = {"script", "style", "noscript", "template", "svg",
                                                       "head",   "nav",   "footer",   "iframe",   "button",
                                                       "select", "form",  "title"};
  // Elements that start and end a line.
  static const std::set<std::string_view> kBlocks = {"p",     "div",   "section", "article", "main",       "header",
                                                      "aside", "blockquote", "ul", "ol",    "dl",         "dt",
                                                      "dd",    "table", "thead",   "tbody",   "tr",         "hr",
                                                      "figure", "figcaption", "address"};
  PageText out;
  ListNesting lists;
  int pre = 0;
  int heading = 0;  // depth inside headings, where <b> adds nothing
  document.walk([&](const HtmlDocument::Step& step) {
    const std::string_view name = step.tag;
    const bool open = step.kind == HtmlDocument::Step::opening;
    if (step.kind == HtmlDocument::Step::characters) {
      out.text(step.text, pre > 0);
      return true;
    }
    if (kDropped.count(name)) return false;
    if (name == "br") {
      if (open) out.line_break();
    } else if (is_heading(name)) {
      out.block_break();
      if (open) out.raw(std::string(static_cast<size_t>(name[1] - '0'), '#') + " ");
      heading += open ? 1 : -1;
    } else if (name == "li") {
      out.line_break();
      if (open) out.raw(lists.next_item_marker());
    } else if (name == "ul" || name == "ol") {
      lists.open_or_close(name, open);
      out.line_break();
    } else if (name == "pre") {
      out.block_break();
      out.raw("```\n");
      if (!open) out.block_break();
      pre = std::max(0, pre + (open ? 1 : -1));
    } else if (name == "details") {
      out.block_break();
      out.raw(open ? "<details>" : "</details>");
      out.block_break();
    } else if (name == "summary") {
      if (open) {
        out.block_break();
        out.raw("<summary>");
      } else {
        out.raw("</summary>");
        out.block_break();
      }
    } else if ((name == "strong" || name == "b") && heading == 0) {
      out.raw("**");
    } else if (name == "td" || name == "th") {
      if (open) out.raw(" | ");
    } else if (kBlocks.count(name)) {
      out.block_break();
    }
    return true;
  });
  return {document.title(), out.finish()};
}

bool looks_like_html(std::string_view text) {
  static const char* const kTags[] = {"<br", "<div", "<p>", "<p ", "<li", "<ul", "<ol", "<b>", "<i>", "<span",
                                      "<strong", "<em>", "<table", "<img", "<a ", "<h1", "<h2", "<h3", "<pre", "<code"};
  const std::string lowered = lower(text);
  for (const char* tag : kTags)
    if (lowered.find(tag) != std::string::npos) return true;
  return lowered.find("&nbsp;") != std::string::npos || lowered.find("&amp;") != std::string::npos;
}

}  // namespace rehearse::text
