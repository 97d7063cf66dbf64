// An HTML document parsed by a real HTML5 parser (Gumbo, Debian's libgumbo-dev): the tree a browser
// builds from the same bytes, with its error recovery (unclosed tags, stray end tags, misnested
// formatting, implied <p> and <li> ends, character references). The readers in html_text.h walk
// it to get a page's or a field's text.
#pragma once

#include <functional>
#include <string>
#include <string_view>

struct GumboInternalNode;
struct GumboInternalOutput;

namespace rehearse::text {

class HtmlDocument {
 public:
  // Parses `html`. Elements nested deeper than kMaxDepth are kept as siblings at that depth, as
  // browsers do (Chromium stops at 512): a page of lists nested 100,000 deep reads in linear
  // time and shows its text.
  explicit HtmlDocument(std::string_view html);
  ~HtmlDocument();
  HtmlDocument(const HtmlDocument&) = delete;
  HtmlDocument& operator=(const HtmlDocument&) = delete;

  static constexpr int kMaxDepth = 512;

  // The text of the document's <title>, white space collapsed; empty without one.
  std::string title() const;

  // One step of a walk through the tree, in document order.
  struct Step {
    enum Kind { opening, closing, characters } kind;
    std::string_view tag;   // an element's name in lower case ("li", "h2"); for text, empty
    std::string_view text;  // a text node's characters, references decoded
    const GumboInternalNode* node;
  };
  // Calls `visit` for each element's opening and closing and each text node (characters), depth
  // first and without recursion, so that no nesting overflows the stack. Returning false from an
  // `opening` step skips that element's content (its `closing` step still comes). Comments are
  // not visited.
  void walk(const std::function<bool(const Step&)>& visit) const;

  // The value of attribute `name` of an element reached by walk(); empty when absent.
  static std::string attribute(const GumboInternalNode* element, const char* name);

 private:
  std::string source_;  // the bytes Gumbo parsed; its tree points into them
  GumboInternalOutput* output_;
};

}  // namespace rehearse::text
