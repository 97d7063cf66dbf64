// Reads a page (plain text or Markdown) into classified lines: headings, list items, paragraphs,
// separators and <details> markers, with list markers, emphasis and inline HTML removed.
//
// Pages saved from a browser have no markup: every paragraph is one line and headings are just
// short capitalised lines. Markdown pages say what is a heading. The reader handles both and
// hands the entry builder the same kind of lines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rehearse::guide {

enum class LineKind {
  blank,
  heading,        // a Markdown heading, or in plain text a short capitalised line
  item,           // a list item
  text,           // a paragraph (or a line of one)
  code,           // a line of a fenced code block, as written
  separator,      // a horizontal rule or a lone '/' between entries
  details_open,   // <details>
  details_close,  // </details>
  summary,        // the text of a <summary>
};

struct PageLine {
  LineKind kind = LineKind::text;
  int number = 0;           // 1-based line in the file
  int level = 0;            // heading level (1-6; 0 for a plain-text heading); item indentation
  bool numbered = false;    // an item with a number ("1.") rather than a bullet
  bool introduced = false;  // an item of a list a paragraph ending in ':' introduces
  std::string intro;        // that paragraph
  std::string text;
};

// Something the reader guessed about the page, for a warning: a person should check it.
struct PageGuess {
  int line = 0;
  std::string message;
};

struct Page {
  std::vector<PageLine> lines;
  std::vector<PageGuess> guesses;
  std::string title;              // front matter title/deck, else the first heading of the page
  std::vector<std::string> tags;  // front matter tags
  bool markdown = false;
};

// `markdown_hint`: the file name says Markdown. Markdown is also recognised by its content
// (front matter, '#' headings, fences).
Page read_page(std::string_view text, bool markdown_hint);

// Lines that are part of a web page's chrome rather than its content ("Share your feedback on this
// answer", "Join the waitlist", "Ready to practice?").
bool is_boilerplate(std::string_view text);

}  // namespace rehearse::guide
