// The section labels interview guides use ("Suggested answer:", "Key Points to Mention", "What to
// Avoid", "Situation", ...), mapped to what the section holds.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rehearse::guide {

enum class Role {
  none,
  question,      // "Question: ..."
  why,           // why the question is asked
  framework,     // how to structure the answer
  answer,        // a sample / suggested / model answer, "how to answer"
  star_example,  // "STAR example": the parts follow, or a paragraph
  situation,
  task,
  action,
  result,
  lesson,        // key takeaway, lessons learned
  key_points,    // what to mention or emphasise
  pitfalls,      // what to avoid, common mistakes
  dos,           // dos and don'ts, tips
  look_for,      // what interviewers look for
  follow_up,     // follow-up questions
  terms,         // key terminology, glossary
  notes,
};

struct Label {
  Role role = Role::none;
  std::string rest;     // text after the label on the same line ("" for a label on its own)
  bool letter = false;  // written as one letter ("S:", "A:"), which is ambiguous for 'A'
};

// Recognises a label at the start of `line` (list markers already removed): "Label", "Label:",
// "Label: rest", "**Label**: rest", "**Label:** rest", with leading symbols such as check marks
// ignored. Returns nothing for ordinary text.
std::optional<Label> match_label(std::string_view line);

bool is_star_part(Role role);
// Sections whose content is a list of items rather than prose.
bool is_list_role(Role role);

// Whether a line reads like a title: short, capitalised words, no closing punctuation
// ("Set The Technical Context Fast", "Leading a Critical Microservice Migration").
bool looks_like_title(std::string_view text);

}  // namespace rehearse::guide
