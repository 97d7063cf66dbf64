#include "entry_builder.h"

#include <algorithm>
#include <optional>
#include <set>

#include "prompts.h"
#include "term_list.h"
#include "text_util.h"

namespace rehearse::guide {

namespace {

// Section titles whose content is never a card: navigation, licences, credits, links.
bool is_skipped_section(const std::string& title) {
  static const std::set<std::string, std::less<>> exact = {
      "contents", "toc", "index", "license", "licence", "licensing", "copyright", "contributing", "contribute",
      "how to contribute", "contributors", "contribution", "contributions", "links", "useful links", "resources",
      "references", "reference", "credits", "acknowledgements", "acknowledgments", "sponsors", "sponsor", "support",
      "donate", "about", "about the author", "author", "authors", "changelog", "change log", "see also", "share",
      "stargazers", "star history", "disclaimer", "code of conduct", "footnotes", "bibliography", "sources",
      "installation", "usage", "getting started", "table of content", "roadmap", "faq about this repo"};
  static const char* const prefixes[] = {"table of contents", "related ", "further reading", "additional resources",
                                         "external links", "more resources", "useful resources", "license",
                                         "licence", "recommended reading", "other resources"};
  std::string key = text::lower(text::trim(title));
  while (!key.empty() && !text::is_ascii_alnum(key.front())) key.erase(0, 1);
  while (!key.empty() && (key.back() == ':' || key.back() == ' ')) key.pop_back();
  if (exact.count(key)) return true;
  for (const char* prefix : prefixes)
    if (key.starts_with(prefix)) return true;
  return false;
}

// The lower-case ASCII words of a heading ("Questions to Ask (the Interviewer)" -> questions, to,
// ask, the, interviewer).
std::vector<std::string> heading_words(const std::string& heading) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text::lower(heading) + " ") {
    if (text::is_ascii_alnum(c)) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  return words;
}

// Whether the heading tells the candidate what to ask: "Questions to ask (the interviewer)", "What
// should I ask?", "Ask your interviewer", "Questions for the hiring manager". Not when the
// interviewer is the one asking ("Questions interviewers ask", "What they might ask you").
bool heading_names_questions_to_ask(const std::vector<std::string>& words) {
  using Words = std::set<std::string, std::less<>>;
  static const Words asker = {"interviewer", "interviewers", "they",     "we",      "employer", "employers",
                              "recruiter",   "recruiters",   "manager", "managers", "company",  "companies"};
  static const Words candidate_asks = {"to", "you", "should", "can", "could", "might", "must", "candidate", "candidates", "i"};
  static const Words asked = {"interviewer", "interviewers", "employer", "recruiter", "hiring", "manager", "them", "panel"};
  const size_t n = words.size();
  for (size_t i = 0; i < n; ++i) {
    if (words[i] == "reverse" && i + 1 < n && words[i + 1].starts_with("interview")) return true;
    if (words[i] == "questions" && i + 1 < n && words[i + 1] == "for")
      for (size_t k = i + 2; k < n && k <= i + 4; ++k)
        if (asked.count(words[k])) return true;
    if (words[i] != "ask") continue;
    bool by_interviewer = false, by_candidate = false;
    for (size_t k = i >= 3 ? i - 3 : 0; k < i; ++k) by_interviewer = by_interviewer || asker.count(words[k]) > 0;
    for (size_t k = i >= 2 ? i - 2 : 0; k < i; ++k) by_candidate = by_candidate || candidate_asks.count(words[k]) > 0;
    for (size_t k = i + 1; k < n && k <= i + 3; ++k) by_candidate = by_candidate || asked.count(words[k]) > 0;
    if (by_candidate && !by_interviewer) return true;
  }
  return false;
}

// The question type a section heading names for the questions under it: "Behavioral questions",
// "System design", "Technical interview questions", "Questions to ask the interviewer".
// "Behavioral", "situational" and "system design" say it wherever they stand; "technical",
// "design" and the like only when they end the heading or come just before what they describe
// (questions, interview, round), so that "Set the technical context" or "Design patterns" name no
// type. A heading that names two ("Behavioral and technical questions") names none.
std::optional<QuestionType> type_named_by_heading(const std::string& heading) {
  const std::vector<std::string> words = heading_words(heading);
  if (words.empty() || words.size() > 12) return std::nullopt;
  if (heading_names_questions_to_ask(words)) return QuestionType::ask;
  static const std::set<std::string, std::less<>> described = {"question", "questions", "interview", "interviews", "round",
                                                               "rounds",   "prompts",   "screen",    "screening",  "section"};
  struct TypeWord {
    QuestionType type;
    bool anywhere;  // names the type wherever it stands in the heading
  };
  static const std::map<std::string, TypeWord, std::less<>> type_words = {
      {"behavioral", {QuestionType::behavioural, true}},   {"behavioural", {QuestionType::behavioural, true}},
      {"situational", {QuestionType::behavioural, true}},  {"behavior", {QuestionType::behavioural, false}},
      {"behaviour", {QuestionType::behavioural, false}},   {"competency", {QuestionType::behavioural, false}},
      {"design", {QuestionType::design, false}},           {"technical", {QuestionType::technical, false}},
      {"conceptual", {QuestionType::technical, false}},
  };
  std::set<QuestionType> named;
  for (size_t i = 0; i < words.size(); ++i) {
    const auto it = type_words.find(words[i]);
    if (it == type_words.end()) continue;
    const QuestionType type = it->second.type;
    const bool system_design =
        type == QuestionType::design && i > 0 && (words[i - 1] == "system" || words[i - 1] == "systems");
    const bool last = i + 1 == words.size();
    bool describes = false;
    for (size_t k = i + 1; k < words.size() && k <= i + 2; ++k) describes = describes || described.count(words[k]) > 0;
    // "Technical design questions": the design is what is technical.
    const bool qualifies_design = type == QuestionType::technical && i + 1 < words.size() && words[i + 1] == "design";
    if ((it->second.anywhere || system_design || last || describes) && !qualifies_design) named.insert(type);
  }
  if (named.size() != 1) return std::nullopt;
  return *named.begin();
}

std::string strip_quotes(std::string text) {
  static const std::pair<std::string, std::string> pairs[] = {
      {"\"", "\""}, {"\xE2\x80\x9C", "\xE2\x80\x9D"}, {"'", "'"}, {"\xE2\x80\x98", "\xE2\x80\x99"}, {"`", "`"}};
  text = text::trim(text);
  for (const auto& [open, close] : pairs) {
    if (text.size() <= open.size() + close.size() || !text.starts_with(open) || !text.ends_with(close)) continue;
    const std::string inner = text.substr(open.size(), text.size() - open.size() - close.size());
    if (inner.find(open) == std::string::npos && inner.find(close) == std::string::npos) return text::trim(inner);
  }
  return text;
}

// The items of a list written on the label's line: "a, b, c" or "a; b; c".
std::vector<std::string> split_inline_list(const std::string& text) {
  const char separator = text.find(';') != std::string::npos ? ';' : ',';
  std::vector<std::string> items;
  int depth = 0;
  std::string current;
  for (char c : text + separator) {
    if (c == '(') ++depth;
    if (c == ')') depth = depth > 0 ? depth - 1 : 0;
    if (c == separator && depth == 0) {
      if (!text::trim(current).empty()) items.push_back(text::trim(current));
      current.clear();
    } else {
      current += c;
    }
  }
  return items;
}

bool mentions_question(const std::string& text) { return text::lower(text).find("question") != std::string::npos; }

struct QuestionLine {
  std::string prompt;
  std::string number;
  bool is_question = false;
  bool number_only = false;
  bool guessed = false;  // a paragraph read as a question by its wording alone (is_spoken_prompt)
};

enum class LineRole { heading, paragraph, item };

// Reads "Question 3: ...", "Q3. ...", "3) ...", "#3 ..." prefixes and decides whether the rest asks
// something.
QuestionLine parse_question_line(const std::string& raw, LineRole role) {
  QuestionLine out;
  std::string text = text::trim(raw);
  bool explicit_question = false;  // "Question 3:" or "Q:" says so outright
  auto take_number = [&](size_t at) {
    size_t end = at;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
    if (end == at || end - at > 4) return false;
    out.number = text.substr(at, end - at);
    size_t next = end;
    if (next < text.size() && (text[next] == ':' || text[next] == '.' || text[next] == ')' || text[next] == '-')) ++next;
    if (next < text.size() && text[next] != ' ') return false;
    text = text::trim(std::string_view(text).substr(next));
    return true;
  };
  const std::string lowered = text::lower(text);
  if (lowered.starts_with("question ") || lowered.starts_with("question#")) {
    const std::string saved = text;
    text = text::trim(std::string_view(text).substr(9));
    if (!text.empty() && text[0] == '#') text.erase(0, 1);
    if (take_number(0))
      explicit_question = true;
    else
      text = saved;
  } else if (lowered.size() >= 2 && lowered[0] == 'q' && lowered[1] >= '0' && lowered[1] <= '9') {
    const std::string saved = text;
    if (take_number(1))
      explicit_question = true;
    else
      text = saved;
  } else if (lowered.starts_with("q:") || lowered.starts_with("q.") || lowered.starts_with("q)")) {
    text = text::trim(std::string_view(text).substr(2));
    explicit_question = true;
  } else if (!text.empty() && (text[0] == '#' || (text[0] >= '0' && text[0] <= '9'))) {
    const std::string saved = text;
    if (!take_number(text[0] == '#' ? 1 : 0)) text = saved;
  }
  text = strip_quotes(text);
  if (text.empty()) {
    out.number_only = !out.number.empty();
    return out;
  }
  if (text.size() > 300) return out;
  std::string ending = text;
  while (!ending.empty() && std::string_view("\"'*_)`").find(ending.back()) != std::string_view::npos) ending.pop_back();
  while (ending.ends_with("\xE2\x80\x9D") || ending.ends_with("\xE2\x80\x99")) ending.resize(ending.size() - 3);
  const bool asks = ending.ends_with("?");
  bool cue = false;
  const std::string low = text::lower(text) + " ";
  for (const auto& prefix : question_cues())
    if (low.starts_with(prefix)) cue = true;
  // A title in capitals ("How To Structure A STAR Answer") is a section, not a question.
  if (role == LineRole::paragraph) {
    out.is_question = asks || (explicit_question && !text.empty());
    if (!out.is_question && is_spoken_prompt(text)) out.is_question = out.guessed = true;
  } else
    out.is_question = asks || explicit_question || (cue && !looks_like_title(text));
  if (out.is_question) out.prompt = text;
  return out;
}

class Builder {
 public:
  explicit Builder(const Page& page) : page_(page) {
    // The page's title speaks for the whole page ("Behavioral Questions for Backend Engineers"),
    // unless it is a Markdown page's "# Heading": that one holds until the next "# ", as any
    // heading does.
    const bool title_is_a_heading =
        page.markdown && std::any_of(page.lines.begin(), page.lines.end(), [&](const PageLine& line) {
          return line.kind == LineKind::heading && line.level == 1 && line.text == page.title;
        });
    if (!title_is_a_heading)
      if (auto type = type_named_by_heading(page.title)) section_types_.push_back({-1, type});
  }

  PageEntries build() {
    for (const auto& line : page_.lines) take(line);
    close();
    return std::move(out_);
  }

 private:
  void take(const PageLine& line) {
    if (skipping_) {
      if (line.kind != LineKind::heading || (page_.markdown && line.level > skip_level_)) return;
      skipping_ = false;
    }
    switch (line.kind) {
      case LineKind::blank:
      case LineKind::details_open:
        return;
      case LineKind::code:
        if (open_) add({line.text, line.number, false, 0});
        return;
      case LineKind::separator:
        close();
        heading_.clear();
        context_.clear();
        question_list_ = true;
        return;
      case LineKind::details_close:
        if (open_ && opened_by_summary_) close();
        return;
      case LineKind::summary:
        on_summary(line);
        return;
      case LineKind::heading:
        on_heading(line);
        return;
      case LineKind::item:
        on_item(line);
        return;
      case LineKind::text:
        on_text(line);
        return;
    }
  }

  void on_heading(const PageLine& line) {
    const std::string& text = line.text;
    if (is_skipped_section(text)) {
      close();
      enter_section(line);
      skipping_ = true;
      skip_level_ = line.level;
      heading_.clear();
      return;
    }
    // A heading at the level of the question that opened the entry, or above, ends it, unless
    // it labels the question's first section ("## Answer" right under "## What is X?").
    if (open_ && open_->origin == Entry::Origin::heading && page_.markdown && line.level <= open_level_ && !open_->empty())
      close();
    if (auto label = match_label(text); label && take_label(*label, line, true)) return;
    const QuestionLine q = parse_question_line(text, LineRole::heading);
    if (q.is_question || q.number_only) {
      close();
      leave_sections(line);
      open(q.is_question ? Entry::Origin::heading : Entry::Origin::number, line, q.prompt, q.number);
      open_level_ = line.level;
      return;
    }
    // A sub-heading inside a question opened by a heading belongs to the question.
    if (open_ && open_->origin == Entry::Origin::heading && page_.markdown && line.level > open_level_) {
      add({text, line.number, false, 0});
      return;
    }
    close();
    enter_section(line);
    heading_ = text;
    context_.clear();
    question_list_ = true;
  }

  // A section heading ends the sections at its level and below: in Markdown the ones its level
  // says; in plain text, where headings have no levels, the one before it.
  void enter_section(const PageLine& line) {
    const int level = page_.markdown ? line.level : 0;
    while (!section_types_.empty() && section_types_.back().level >= level) section_types_.pop_back();
    section_types_.push_back({level, type_named_by_heading(line.text)});
  }

  // A question heading is inside the sections above its level, and ends those at its level and
  // below ("## What is Y?" after "## Technical questions" is not one of them). Plain text has no
  // levels to tell: there a question's heading stays in the section before it.
  void leave_sections(const PageLine& line) {
    if (!page_.markdown) return;
    while (!section_types_.empty() && section_types_.back().level >= line.level) section_types_.pop_back();
  }

  // The type the innermost section that names one gives its questions.
  std::optional<QuestionType> section_type() const {
    for (auto it = section_types_.rbegin(); it != section_types_.rend(); ++it)
      if (it->type) return it->type;
    return std::nullopt;
  }

  void on_text(const PageLine& line) {
    const std::string& text = line.text;
    if (auto label = match_label(text)) {
      if (take_label(*label, line, false)) return;
      if (!open_) {
        note_prose(line);
        return;
      }
    }
    if (prompt_next_) {
      prompt_next_ = false;
      close();
      open(Entry::Origin::paragraph, line, strip_quotes(text), "");
      return;
    }
    const QuestionLine q = parse_question_line(text, LineRole::paragraph);
    if (q.number_only) {
      close();
      open(Entry::Origin::number, line, "", q.number);
      return;
    }
    // The first paragraph under a label is that label's content, even when it asks something
    // (a STAR template's "What was your task?").
    if (q.is_question && !(open_ && fresh_)) {
      close();
      open(Entry::Origin::paragraph, line, q.prompt, q.number);
      if (q.guessed) {
        open_->worded_as_prompt = true;
        out_.guessed_prompts.push_back(line.number);
      }
      return;
    }
    if (open_) {
      // A paragraph after the items of a list section is a remark about them, not an item.
      if (is_list_role(role_) && std::any_of(open_->sections[role_].begin(), open_->sections[role_].end(),
                                             [](const Piece& piece) { return piece.item; }))
        switch_to(Role::notes);
      add({text, line.number, false, line.level});
      return;
    }
    note_prose(line);
  }

  void on_item(const PageLine& line) {
    const std::string& text = line.text;
    if (auto label = match_label(text)) {
      if (label_allowed_in_item(*label) && take_label(*label, line, false)) return;
      if (!open_) return;  // "Key points: ..." in a list outside any question
    }
    if (open_ && open_->origin == Entry::Origin::item && line.level <= open_depth_) {
      // The next item of a list of questions, the end of that list, or an item of a section a
      // label opened inside the entry ("**Key points**" and its list in a <details> block).
      const bool next_question = parse_question_line(text, LineRole::item).is_question;
      if (!next_question && role_ != Role::none) {
        add({text, line.number, true, line.level});
        return;
      }
      close();
    } else if (open_) {
      add({text, line.number, true, line.level});
      return;
    }
    const QuestionLine q = parse_question_line(text, LineRole::item);
    const bool in_question_list = line.introduced ? mentions_question(line.intro) : question_list_;
    if (q.is_question && in_question_list) {
      open(Entry::Origin::item, line, q.prompt, q.number);
      open_depth_ = line.level;
      return;
    }
    if (auto definition = split_definition(text)) {
      Entry entry;
      entry.origin = Entry::Origin::definition;
      entry.line = line.number;
      entry.title = definition->first;
      entry.preamble.push_back({definition->second, line.number, false, 0});
      out_.entries.push_back(std::move(entry));
      return;
    }
    out_.prose.push_back({text, line.number, true, 0});
  }

  void on_summary(const PageLine& line) {
    const QuestionLine q = parse_question_line(line.text, LineRole::heading);
    if (q.is_question) {
      close();
      open(Entry::Origin::summary, line, q.prompt, q.number);
      opened_by_summary_ = true;
      return;
    }
    if (open_) {
      // "Answer", "Show solution", "Click to expand": the hidden part is the answer.
      const auto label = match_label(line.text);
      switch_to(label ? label->role : Role::answer);
      fresh_ = true;
      return;
    }
    heading_ = line.text;
  }

  static bool label_allowed_in_item(const Label& label) {
    return label.role != Role::lesson && label.role != Role::notes && label.role != Role::framework &&
           label.role != Role::star_example;
  }

  // Applies a label; false when the line is not used as one (a title that starts like a label, a
  // label outside any entry, a STAR part already given).
  bool take_label(Label label, const PageLine& line, bool heading) {
    Role role = label.role;
    const std::string& rest = label.rest;
    const bool titled = !rest.empty() && looks_like_title(rest);
    if (role == Role::question) {
      close();
      if (rest.empty())
        prompt_next_ = true;
      else
        open(Entry::Origin::paragraph, line, strip_quotes(rest), "");
      return true;
    }
    if (role == Role::star_example && !rest.empty()) {
      // In a question, "Example: ..." is its example; elsewhere "Example: Production Latency
      // Incident" or "Story: ..." names the story that follows.
      if (open_ && open_->origin != Entry::Origin::story) {
        switch_to(Role::star_example);
        if (!titled) add({rest, line.number, false, 0});
        fresh_ = titled;
        return true;
      }
      close();
      heading_ = rest;
      context_.clear();
      return true;
    }
    // "Situation: Set The Technical Context Fast" is a section title, not a STAR part.
    if (titled && (heading || is_star_part(role))) return false;
    if (label.letter && role == Role::answer && open_ && (open_->has(Role::situation) || open_->has(Role::task)))
      role = Role::action;
    if (!open_) {
      if (is_star_part(role)) {
        open(Entry::Origin::story, line, heading_, "");
      } else if (role == Role::terms) {
        open(Entry::Origin::terms, line, heading_, "");
      } else {
        return false;  // a label outside any entry titles a section ("Common Pitfalls to Avoid")
      }
    } else if (is_star_part(role) && open_->has(role)) {
      // The parts come in order. A part seen again after the action, with no result yet, is the
      // result under the wrong name; in a story, a whole new S-T-A-R run is the next story.
      if (role == Role::task && open_->has(Role::action) && !open_->has(Role::result)) {
        role = Role::result;
      } else if (open_->origin == Entry::Origin::story) {
        const std::string title = open_->title;
        close();
        open(Entry::Origin::story, line, heading_ == title ? std::string() : heading_, "");
      } else if (line.kind == LineKind::item) {
        return false;  // "- **Situation:** ..." inside an answer that already has its STAR parts
      }
    }
    switch_to(role);
    if (is_list_role(role)) {
      // "Key points: lazy loading, batching, joins"
      for (auto& item : split_inline_list(rest)) add({std::move(item), line.number, true, 0});
    } else if (!rest.empty()) {
      add({rest, line.number, false, 0});
    }
    fresh_ = rest.empty();
    return true;
  }

  void note_prose(const PageLine& line) {
    out_.prose.push_back({line.text, line.number, false, 0});
    context_.push_back(line.text);
    if (context_.size() > 3) context_.erase(context_.begin());
    question_list_ = line.text.ends_with(":") && mentions_question(line.text);
  }

  void open(Entry::Origin origin, const PageLine& line, const std::string& title, const std::string& number) {
    open_ = Entry{};
    open_->origin = origin;
    open_->line = line.number;
    open_->title = title;
    open_->number = number;
    open_->context = text::join(context_, " ");
    open_->section = heading_;
    open_->type = section_type();
    role_ = Role::none;
    fresh_ = false;
    opened_by_summary_ = false;
    section_indent_ = -1;
  }

  void switch_to(Role role) {
    if (!open_->sections.count(role)) open_->order.push_back(role);
    open_->sections[role];
    role_ = role;
    section_indent_ = -1;
  }

  void add(Piece piece) {
    if (piece.item) {
      // Depth below the first item of the section.
      if (section_indent_ < 0) section_indent_ = piece.depth;
      piece.depth = std::clamp((piece.depth - section_indent_) / 2, 0, 3);
    } else {
      piece.depth = 0;
    }
    if (role_ == Role::none)
      open_->preamble.push_back(std::move(piece));
    else
      open_->sections[role_].push_back(std::move(piece));
    fresh_ = false;
  }

  void close() {
    if (!open_) return;
    out_.entries.push_back(std::move(*open_));
    open_.reset();
    role_ = Role::none;
    fresh_ = false;
    opened_by_summary_ = false;
    context_.clear();
  }

  const Page& page_;
  PageEntries out_;
  std::optional<Entry> open_;
  Role role_ = Role::none;
  bool fresh_ = false;               // a label on its own line just opened its section
  bool prompt_next_ = false;         // "Question:" on its own line: the next paragraph is the prompt
  bool opened_by_summary_ = false;   // the open entry ends with its </details>
  int open_level_ = 0;               // heading level of an entry opened by a heading
  int open_depth_ = 0;               // indentation of an entry opened by a list item
  int section_indent_ = -1;          // indentation of the first item of the current section
  bool skipping_ = false;
  int skip_level_ = 0;
  bool question_list_ = true;        // items here are a list of questions (right under a heading)
  std::string heading_;              // the last section heading: a story's title
  std::vector<std::string> context_; // text since that heading
  // The question type each open section's heading names (or none), outermost first; level -1 is
  // the page's title.
  struct SectionType {
    int level = 0;
    std::optional<QuestionType> type;
  };
  std::vector<SectionType> section_types_;
};

}  // namespace

PageEntries build_entries(const Page& page) { return Builder(page).build(); }

}  // namespace rehearse::guide
