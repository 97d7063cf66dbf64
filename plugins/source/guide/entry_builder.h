// Groups the lines of a page into entries: a question with its labelled sections, an example
// story (Situation, Task, Action, Result), a terminology list, a term and its definition.
//
// An entry starts at a question (a heading, a paragraph or a list item that asks something, a
// <summary>), at a bare entry number ("7"), at a STAR block with no question open, or at a "Term:
// definition" item outside any question. It ends at the next entry, at a heading of its level or
// above, or at a separator. Sections that are never content (licence, contributing, links, table
// of contents) are skipped whole.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "labels.h"
#include "page_reader.h"
#include "rehearse/card.h"

namespace rehearse::guide {

struct Piece {
  std::string text;
  int line = 0;
  bool item = false;
  int depth = 0;  // nesting below the section's first level of items
};

struct Entry {
  enum class Origin {
    heading,     // "### What is idempotency?"
    paragraph,   // a line of its own that asks a question
    item,        // "- What is idempotency?" in a list of questions
    number,      // a bare "7" that starts an entry whose question the page does not show
    summary,     // <summary>What is idempotency?</summary>
    story,       // a STAR block under a title
    terms,       // a terminology list outside any question
    definition,  // "Term: what it means" outside any question
  };
  Origin origin = Origin::paragraph;
  int line = 0;
  std::string title;    // the question, the story's or the section's title, or the term
  std::string number;   // the entry's number on the page, when it shows one
  std::string context;  // text between the section heading and the entry (category badges)
  std::string section;  // the heading of the section the entry sits under ("Conflict"), if any
  // The question was read from its wording alone: a prompt without its question mark
  // ("Tell me about a time when you were wrong"), as notes write them.
  bool worded_as_prompt = false;
  // What the entry's section says its questions are ("## System design", "Questions to ask"); empty
  // when no heading says, and the card's wording decides.
  std::optional<QuestionType> type;
  std::vector<Piece> preamble;  // text before any label
  std::map<Role, std::vector<Piece>> sections;
  std::vector<Role> order;  // the sections in page order

  bool has(Role role) const { return sections.count(role) > 0 && !sections.at(role).empty(); }
  bool empty() const { return preamble.empty() && sections.empty(); }
};

struct PageEntries {
  std::vector<Entry> entries;
  std::vector<Piece> prose;  // text outside entries, for the page's vocabulary
  // Lines read as questions although they do not end with '?': prompts on lines of their own, as
  // notes write them ("Tell me about a time when you were wrong"). The import warns about them.
  std::vector<int> guessed_prompts;
};

PageEntries build_entries(const Page& page);

}  // namespace rehearse::guide
