// HTML fragments, such as card fields, as the text a reader of the rendered fragment sees.
#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

#include "html_tag.h"
#include "html_text.h"
#include "text_util.h"

namespace rehearse::text {

namespace {

// Builds the text, applying HTML's white-space rules: runs of spaces become one, and line
// breaks come only from the markup.
class TextWriter {
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
  bool at_line_start() const { return out_.empty() || out_.back() == '\n'; }

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

bool is_one_of(const std::string& name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::string html_to_text(std::string_view html) {
  TextWriter out;
  struct List {
    bool ordered = false;
    int next = 1;
  };
  std::vector<List> lists;
  int cell = 0;      // cells seen in the current table row
  int preformatted = 0;
  for (size_t i = 0; i < html.size();) {
    const char c = html[i];
    if (c == '<') {
      if (html.compare(i, 4, "<!--") == 0) {
        const size_t end = html.find("-->", i + 4);
        i = end == std::string_view::npos ? html.size() : end + 3;
        continue;
      }
      const auto tag = parse_html_tag(html, i);
      if (!tag) {
        out.text("<");
        ++i;
        continue;
      }
      i = tag->end;
      const std::string& name = tag->name;
      if (!tag->closing && (name == "script" || name == "style")) {
        const size_t end = lower(html.substr(i)).find("</" + name);
        i = end == std::string_view::npos ? html.size() : html.find('>', i + end) + 1;
        if (i == 0) i = html.size();
        continue;
      }
      if (name == "br") {
        out.forced_break();
      } else if (name == "img" && !tag->closing) {
        const std::string source = html_attribute(tag->attributes, "src");
        out.text(source.empty() ? "[image]" : "[image: " + source + "]");
      } else if (is_one_of(name, {"ul", "ol"})) {
        if (tag->closing) {
          if (!lists.empty()) lists.pop_back();
        } else {
          lists.push_back({name == "ol", 1});
        }
        out.line_break();
      } else if (name == "li") {
        out.line_break();
        if (!tag->closing) {
          std::string marker = "- ";
          if (!lists.empty() && lists.back().ordered) marker = std::to_string(lists.back().next++) + ". ";
          // Indentation stops deepening at some point, or a field nested thousands of lists deep
          // would grow with the square of its depth.
          constexpr size_t kDeepestIndent = 16;
          out.text(std::string(2 * std::min(lists.empty() ? 0 : lists.size() - 1, kDeepestIndent), ' ') + marker);
        }
      } else if (name == "tr") {
        out.line_break();
        cell = 0;
      } else if (is_one_of(name, {"td", "th"})) {
        if (!tag->closing && cell++ > 0) out.text("|");
        out.space();
      } else if (name == "pre") {
        preformatted += tag->closing ? (preformatted > 0 ? -1 : 0) : 1;
        out.paragraph_break();
      } else if (is_one_of(name, {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr"})) {
        out.paragraph_break();
      } else if (is_one_of(name, {"div", "table", "section", "article", "header", "footer", "dl", "dt", "dd", "figure",
                                  "figcaption", "address", "center", "details", "summary"})) {
        out.line_break();
      }
      continue;
    }
    if (c == '&') {
      if (const auto entity = decode_entity(html, i)) {
        // A reference to white space ("&#13;", "&Tab;") is white space, collapsed like the rest.
        if (entity->first == ' ' || entity->first == '\t' || entity->first == '\n' || entity->first == '\r' ||
            entity->first == '\f') {
          out.space();
        } else if (entity->first != 0) {  // 0: an invisible character
          std::string decoded;
          append_utf8(decoded, entity->first);
          out.text(decoded);
        }
        i += entity->second;
        continue;
      }
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      if (preformatted > 0 && c == '\n')
        out.forced_break();
      else
        out.space();
      ++i;
      continue;
    }
    // Copy a run of ordinary characters at once. The character at i is always part of it: it may
    // be a '<' or '&' that starts no tag or entity, and must not stop the run it begins.
    const size_t stop = html.find_first_of("<& \t\n\r\f", i + 1);
    out.text(std::string_view(html).substr(i, (stop == std::string_view::npos ? html.size() : stop) - i));
    i = stop == std::string_view::npos ? html.size() : stop;
  }
  return out.finish();
}

}  // namespace rehearse::text
