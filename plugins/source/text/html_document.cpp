#include "html_document.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

#include "text_util.h"

namespace rehearse::text {

namespace {

// Elements that have no end tag, or whose end tag may be left out (an <li> ends at the next
// <li>): they do not count towards the depth of a page's nesting.
bool is_void_or_implied(std::string_view name) {
  static const char* const kNames[] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                       "source", "track", "wbr", "li", "p", "dt", "dd", "tr", "td", "th", "option",
                                       "optgroup", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp", "html",
                                       "head", "body"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// Where `lowered_needle` next occurs in `text` from `from` on, ignoring ASCII case; npos if not.
size_t find_ci(std::string_view text, std::string_view lowered_needle, size_t from) {
  for (size_t at = text.find('<', from); at != std::string_view::npos; at = text.find('<', at + 1)) {
    if (text.size() - at < lowered_needle.size()) return std::string_view::npos;
    size_t i = 0;
    while (i < lowered_needle.size() &&
           std::tolower(static_cast<unsigned char>(text[at + i])) == static_cast<unsigned char>(lowered_needle[i]))
      ++i;
    if (i == lowered_needle.size()) return at;
  }
  return std::string_view::npos;
}

// `html` with the start tags nested deeper than `max_depth` (and their end tags) taken out, so that
// their content sits at that depth: what browsers do with such pages, and what keeps the parser's
// work linear (HTML5 tree building looks through the open elements for each tag). Pages that nest
// less, every real page, come back unchanged. The count is an estimate made without parsing:
// elements whose end tag may be left out are not counted, so it errs on the side of depth.
std::string limit_nesting(std::string_view html, int max_depth) {
  std::string out;
  int depth = 0;
  bool changed = false;
  std::map<std::string, int, std::less<>> dropped;  // start tags taken out, by name, whose end tag is still to come
  size_t copied = 0, pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    if (html.compare(pos, 4, "<!--") == 0) {
      const size_t end = html.find("-->", pos + 4);
      pos = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const bool closing = pos + 1 < html.size() && html[pos + 1] == '/';
    size_t name_end = pos + (closing ? 2 : 1);
    const size_t name_start = name_end;
    while (name_end < html.size() && std::isalnum(static_cast<unsigned char>(html[name_end]))) ++name_end;
    if (name_end == name_start || !std::isalpha(static_cast<unsigned char>(html[name_start]))) {
      ++pos;
      continue;
    }
    const std::string name = lower(html.substr(name_start, name_end - name_start));
    const size_t tag_end = html.find('>', name_end);
    if (tag_end == std::string_view::npos) break;
    const bool self_closing = html[tag_end - 1] == '/';
    // Raw text: nothing inside <script> or <style> is a tag.
    if (!closing && (name == "script" || name == "style")) {
      const size_t end = find_ci(html, "</" + name, tag_end);
      pos = end == std::string_view::npos ? html.size() : end;
      continue;
    }
    bool drop = false;
    if (!is_void_or_implied(name) && !self_closing) {
      if (!closing) {
        if (depth >= max_depth) {
          drop = true;
          ++dropped[name];
        } else {
          ++depth;
        }
      } else if (auto it = dropped.find(name); it != dropped.end() && it->second > 0) {
        drop = true;
        --it->second;
      } else if (depth > 0) {
        --depth;
      }
    }
    if (drop) {
      out.append(html.substr(copied, pos - copied));
      copied = tag_end + 1;
      changed = true;
    }
    pos = tag_end + 1;
  }
  if (!changed) return std::string(html);
  out.append(html.substr(copied));
  return out;
}

const GumboNode* find_element(const GumboNode* root, GumboTag tag) {
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    if (node->v.element.tag == tag) return node;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = children.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
  }
  return nullptr;
}

std::string_view tag_name(const GumboNode* node) {
  if (node->v.element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(node->v.element.tag);
  // An element HTML does not define (<my-widget>): its name as written, in the source.
  GumboStringPiece piece = node->v.element.original_tag;
  gumbo_tag_from_original_text(&piece);
  return std::string_view(piece.data, piece.length);
}

}  // namespace

HtmlDocument::HtmlDocument(std::string_view html) : source_(limit_nesting(html, kMaxDepth)) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // the parse errors are not reported: do not collect them
  output_ = gumbo_parse_with_options(&options, source_.data(), source_.size());
}

HtmlDocument::~HtmlDocument() { gumbo_destroy_output(&kGumboDefaultOptions, output_); }

std::string HtmlDocument::title() const {
  const GumboNode* title = find_element(output_->root, GUMBO_TAG_TITLE);
  if (!title) return {};
  std::string text;
  const GumboVector& children = title->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) text += child->v.text.text;
  }
  return collapse_spaces(text);
}

void HtmlDocument::walk(const std::function<bool(const Step&)>& visit) const {
  struct Frame {
    const GumboNode* node;
    unsigned next_child;
  };
  std::vector<Frame> stack;
  auto enter = [&](const GumboNode* node) {
    switch (node->type) {
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const std::string_view name = tag_name(node);
        if (visit({Step::opening, name, {}, node}))
          stack.push_back({node, 0});
        else
          visit({Step::closing, name, {}, node});
        break;
      }
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        visit({Step::characters, {}, node->v.text.text, node});
        break;
      default:  // the document node is never a child; comments are not text
        break;
    }
  };
  enter(output_->root);
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const GumboVector& children = frame.node->v.element.children;
    if (frame.next_child < children.length) {
      const auto* child = static_cast<const GumboNode*>(children.data[frame.next_child++]);
      enter(child);  // may push, which moves `frame`: it is not used after this
      continue;
    }
    const GumboNode* node = frame.node;
    stack.pop_back();
    visit({Step::closing, tag_name(node), {}, node});
  }
}

std::string HtmlDocument::attribute(const GumboInternalNode* element, const char* name) {
  if (element->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* found = gumbo_get_attribute(&element->v.element.attributes, name);
  return found ? std::string(found->value) : std::string();
}

}  // namespace rehearse::text
