#include "labels.h"

#include <map>
#include <set>
#include <vector>

#include "text_util.h"

namespace rehearse::guide {

namespace {

const std::map<std::string, Role, std::less<>>& label_table() {
  static const std::map<std::string, Role, std::less<>> table = [] {
    std::map<std::string, Role, std::less<>> t;
    auto add = [&](Role role, std::initializer_list<const char*> names) {
      for (const char* name : names) t.emplace(name, role);
    };
    add(Role::question, {"question", "q", "interview question", "the question", "prompt"});
    add(Role::why, {"why it is asked", "why it's asked", "why this is asked", "why this question is asked", "why they ask",
                    "why they ask this", "why interviewers ask this", "why interviewers ask this question",
                    "why the interviewer asks", "why you might be asked this", "purpose", "what it tests",
                    "what this question tests", "what they want to know", "intent"});
    add(Role::framework, {"answer framework", "framework", "how to approach", "how to approach it", "approach",
                          "answer structure", "structure", "how to structure your answer"});
    add(Role::answer, {"answer", "a", "suggested answer", "sample answer", "example answer", "model answer",
                       "possible answer", "good answer", "strong answer", "best answer", "sample answer structure",
                       "sample response", "example response", "response", "solution", "explanation", "how to answer",
                       "how to answer it", "how to respond", "short answer", "long answer", "detailed answer",
                       "show answer", "click to expand", "click to show", "reveal answer", "expand"});
    add(Role::star_example, {"star example", "example", "star answer", "story", "example story", "sample story",
                             "example star answer", "sample star answer", "real example", "star example answer"});
    add(Role::situation, {"situation", "s"});
    add(Role::task, {"task", "t", "tasks"});
    add(Role::action, {"action", "actions", "actions taken"});
    add(Role::result, {"result", "results", "r", "outcome", "outcomes"});
    add(Role::lesson, {"key takeaway", "key takeaways", "takeaway", "takeaways", "lesson", "lessons", "lesson learned",
                       "lessons learned", "learnings", "what i learned", "reflection"});
    add(Role::key_points, {"key points", "key points to mention", "key points to emphasize", "key points to emphasise",
                           "key points to cover", "key points to include", "points to mention", "points to cover",
                           "what to emphasize", "what to emphasise", "what to mention", "what to include",
                           "must mention", "talking points", "why this works", "key ideas", "main points"});
    add(Role::pitfalls, {"what to avoid", "avoid", "pitfalls", "common pitfalls", "pitfalls to avoid", "common mistakes",
                         "common mistakes to avoid", "mistakes to avoid", "mistakes", "red flags", "don'ts", "donts",
                         "what not to say", "what not to do", "anti-patterns", "bad answers"});
    add(Role::dos, {"dos and don'ts", "do's and don'ts", "dos and donts", "do's and donts", "tips", "tip", "pro tip",
                    "advice"});
    add(Role::look_for, {"what interviewers look for", "what the interviewer looks for", "what interviewers are looking for",
                         "what they look for", "what they're looking for", "what they are looking for",
                         "what the interviewer is looking for", "evaluation criteria", "what good looks like"});
    add(Role::follow_up, {"follow-up questions", "follow up questions", "follow-up", "follow-ups", "follow ups",
                          "possible follow-ups", "possible follow-up questions", "related questions"});
    add(Role::terms, {"key terminology", "terminology", "key terms", "terms", "glossary", "key concepts", "concepts",
                      "vocabulary", "keywords", "definitions"});
    add(Role::notes, {"notes", "note"});
    return t;
  }();
  return table;
}

// Lower case, typographic apostrophes made plain, emphasis markers and surrounding symbols gone.
std::string normalise(std::string_view text) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t at = pos;
    const char32_t cp = text::next_code_point(text, pos);
    if (cp == 0x2019 || cp == 0x2018 || cp == '`') {
      out += '\'';
    } else if (cp == '*' || (cp == '_' && (out.empty() || at + 1 >= text.size()))) {
      continue;
    } else {
      out.append(text.substr(at, pos - at));
    }
  }
  out = text::lower(text::collapse_spaces(out));
  // Leading symbols (check marks, stars, emoji, '#') and trailing colons are decoration.
  size_t start = 0;
  while (start < out.size() && !text::is_ascii_alnum(out[start]) && out[start] != '\'') {
    if (static_cast<unsigned char>(out[start]) >= 0x80) {
      size_t p = start;
      text::next_code_point(out, p);
      start = p;
    } else {
      ++start;
    }
  }
  out = text::trim(out.substr(start));
  while (!out.empty() && (out.back() == ':' || out.back() == ' ' || out.back() == '-')) out.pop_back();
  return out;
}

bool is_small_word(const std::string& word) {
  static const std::set<std::string, std::less<>> words = {
      "a", "an", "the", "and", "or", "but", "nor", "of", "for", "to", "in", "on", "at", "by", "with", "vs", "vs.",
      "via", "from", "as", "into", "onto", "per", "your", "you", "is", "are", "be", "it", "its", "not", "than", "if"};
  return words.count(text::lower(word)) > 0;
}

}  // namespace

std::optional<Label> match_label(std::string_view line) {
  const std::string trimmed = text::trim(line);
  if (trimmed.empty()) return std::nullopt;
  const auto& table = label_table();
  // The label and the rest are split at the first colon within the first few words.
  const size_t colon = trimmed.find(':');
  std::string head = colon == std::string::npos ? trimmed : trimmed.substr(0, colon);
  std::string rest = colon == std::string::npos ? std::string() : trimmed.substr(colon + 1);
  // "**Label:** rest": the closing emphasis belongs to the label.
  while (!rest.empty() && (rest.front() == '*' || rest.front() == '_')) rest.erase(0, 1);
  rest = text::trim(rest);
  if (head.size() > 60) return std::nullopt;
  const std::string key = normalise(head);
  const auto it = table.find(key);
  if (it == table.end()) return std::nullopt;
  // A one-letter label needs its colon ("S: ..."), or it is just a letter.
  const bool letter = key.size() == 1;
  if (letter && colon == std::string::npos) return std::nullopt;
  // "Example of a good answer" is text; a label is followed by a colon or stands alone.
  if (colon == std::string::npos && normalise(trimmed) != key) return std::nullopt;
  return Label{it->second, rest, letter};
}

bool is_star_part(Role role) {
  return role == Role::situation || role == Role::task || role == Role::action || role == Role::result;
}

bool is_list_role(Role role) {
  return role == Role::key_points || role == Role::pitfalls || role == Role::terms || role == Role::look_for ||
         role == Role::follow_up;
}

bool looks_like_title(std::string_view raw) {
  const std::string text = text::trim(raw);
  if (text.empty() || text.size() > 100) return false;
  if (text.find('%') != std::string::npos) return false;
  // Closing punctuation marks a sentence, not a title.
  static const std::string kClosers = ".,;:!?\"')";
  if (kClosers.find(text.back()) != std::string::npos) return false;
  if (text.ends_with("\xE2\x80\x9D") || text.ends_with("\xE2\x80\x99")) return false;  // ” ’
  std::vector<std::string> words;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  if (words.empty() || words.size() > 14) return false;
  const char first = words.front().front();
  if (!text::is_ascii_upper(first) && !(first >= '0' && first <= '9')) return false;
  int significant = 0, capitalised = 0;
  for (const auto& word : words) {
    const char c = word.front();
    if (!text::is_ascii_alnum(c) || is_small_word(word)) continue;
    ++significant;
    if (text::is_ascii_upper(c) || (c >= '0' && c <= '9')) ++capitalised;
  }
  return significant > 0 && capitalised * 4 >= significant * 3;
}

}  // namespace rehearse::guide
