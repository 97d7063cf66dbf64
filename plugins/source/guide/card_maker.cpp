#include "card_maker.h"

#include <fmt/format.h>

#include <set>

#include "term_list.h"
#include "text_util.h"
#include "themes.h"

namespace rehearse::guide {

namespace {

bool starts_with_quote(const std::string& text) {
  return text.starts_with("\"") || text.starts_with("\xE2\x80\x9C") || text.starts_with("'");
}
bool ends_with_quote(const std::string& text) {
  return text.ends_with("\"") || text.ends_with("\xE2\x80\x9D") || (text.ends_with("'") && !text.ends_with("s'"));
}
void drop_front_quote(std::string& text) { text.erase(0, text.starts_with("\xE2\x80\x9C") ? 3 : 1); }
void drop_back_quote(std::string& text) { text.resize(text.size() - (text.ends_with("\xE2\x80\x9D") ? 3 : 1)); }

// Quotes around a whole sample answer ("During a major launch, ...") are the page's typography.
std::string unquote(std::string text) {
  text = text::trim(text);
  // 'better NFRs': single quotes at both ends and none between (ends_with_quote alone would read
  // the closing one as a plural possessive).
  if (text.size() >= 2 && text.front() == '\'' && text.back() == '\'' &&
      text.find('\'', 1) == text.size() - 1)
    return text::trim(std::string_view(text).substr(1, text.size() - 2));
  if (text.size() >= 2 && starts_with_quote(text) && ends_with_quote(text)) {
    std::string inner = text;
    drop_front_quote(inner);
    drop_back_quote(inner);
    if (inner.find('"') == std::string::npos) return text::trim(inner);
  }
  return text;
}

// A quote opened on the first item of a list and closed on the last one.
void unquote_list(std::vector<std::string>& items) {
  if (items.empty()) return;
  if (items.size() == 1) {
    items[0] = unquote(items[0]);
    return;
  }
  if (starts_with_quote(items.front()) && ends_with_quote(items.back()) && !ends_with_quote(items.front()) &&
      !starts_with_quote(items.back())) {
    drop_front_quote(items.front());
    drop_back_quote(items.back());
  }
  for (auto& item : items) item = text::trim(item);
}

std::string without_final_period(std::string text) {
  text = text::trim(text);
  if (text.ends_with(".") && !text.ends_with("..") && !text.ends_with("etc.")) text.pop_back();
  return text;
}

// Pieces as text: paragraphs as they are, items as "- item" (indented when nested).
std::string render(const std::vector<Piece>& pieces) {
  std::vector<std::string> lines;
  for (const auto& piece : pieces)
    lines.push_back(piece.item ? std::string(static_cast<size_t>(piece.depth) * 2, ' ') + "- " + piece.text : piece.text);
  return text::join(lines, "\n");
}

std::string paragraphs(const std::vector<Piece>& pieces) {
  std::vector<std::string> lines;
  for (const auto& piece : pieces) lines.push_back(piece.item ? "- " + piece.text : piece.text);
  return unquote(text::join(lines, "\n"));
}

std::vector<std::string> sentences(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    bool end = c == '\n';
    if ((c == '.' || c == '?' || c == '!') && i + 2 < text.size() && text[i + 1] == ' ') {
      const char next = text[i + 2];
      const std::string before = text::lower(text.substr(i >= 3 ? i - 3 : 0, i >= 3 ? 3 : i));
      // "1. Identify" numbers a step; it does not end a sentence.
      size_t digits = 0;
      while (digits < i && digits < 3 && text[i - 1 - digits] >= '0' && text[i - 1 - digits] <= '9') ++digits;
      const bool step_number = digits > 0 && (digits == i || text[i - 1 - digits] == ' ');
      end = (text::is_ascii_upper(next) || (next >= '0' && next <= '9') || next == '*' || next == '"') && !step_number &&
            !before.ends_with("e.g") && !before.ends_with("i.e") && !before.ends_with("vs");
    }
    if (end) {
      std::string sentence = text::trim(text.substr(start, i + 1 - start));
      if (!sentence.empty()) out.push_back(sentence);
      start = i + 1;
    }
  }
  std::string last = text::trim(text.substr(start));
  if (!last.empty()) out.push_back(last);
  return out;
}

bool contains_phrase(const std::string& haystack_lower, const std::string& needle_lower) {
  if (needle_lower.size() < 2) return false;
  for (size_t at = haystack_lower.find(needle_lower); at != std::string::npos;
       at = haystack_lower.find(needle_lower, at + 1)) {
    const size_t end = at + needle_lower.size();
    const bool left = at == 0 || !text::is_ascii_alnum(haystack_lower[at - 1]);
    const bool right = end >= haystack_lower.size() || !text::is_ascii_alnum(haystack_lower[end]) ||
                       haystack_lower[end] == 's';  // "API Gateway" in "API Gateways"
    if (left && right) return true;
  }
  return false;
}

// "a, b, c" as trimmed items, empty ones left out.
std::vector<std::string> comma_list(const std::string& text) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string item = text::trim(std::string_view(text).substr(start, comma - start));
    if (!item.empty()) items.push_back(std::move(item));
    start = comma + 1;
  }
  return items;
}

// "Observability (logging, monitoring, tracing)": the point, and its examples as other ways of
// saying it that a scorer accepts.
KeyPoint key_point(const std::string& raw) {
  KeyPoint point{without_final_period(unquote(raw)), {}};
  std::string& text = point.text;
  // "version column | row version, compare-and-set": aliases written as in rehearse's own decks.
  if (const auto bar = text.find(" | "); bar != std::string::npos) {
    point.aliases = comma_list(text.substr(bar + 3));
    for (auto& alias : point.aliases) alias = unquote(alias);
    text = text::trim(text.substr(0, bar));
    return point;
  }
  if (!text.ends_with(")")) return point;
  int depth = 0;
  size_t open = std::string::npos;
  for (size_t i = text.size(); i-- > 0;) {
    if (text[i] == ')') ++depth;
    if (text[i] == '(' && --depth == 0) {
      open = i;
      break;
    }
  }
  if (open == std::string::npos || open == 0) return point;
  std::string inner = text::trim(std::string_view(text).substr(open + 1, text.size() - open - 2));
  for (const char* lead : {"e.g.,", "e.g.", "eg.", "i.e.,", "i.e.", "such as", "like", "for example,", "for example"})
    if (text::starts_with_ci(inner, lead)) inner = text::trim(std::string_view(inner).substr(std::string_view(lead).size()));
  std::vector<std::string> aliases = comma_list(inner);
  for (auto& alias : aliases) alias = unquote(alias);  // ('shift-left testing', 'better NFRs')
  std::erase_if(aliases, [](const std::string& alias) { return alias == "etc" || alias == "etc."; });
  const std::string head = text::trim(std::string_view(text).substr(0, open));
  if (head.empty() || aliases.empty()) return point;
  point.text = head;
  point.aliases = std::move(aliases);
  return point;
}

class Maker {
 public:
  Maker(const PageEntries& page, std::string file, std::string page_title)
      : page_(page), file_(std::move(file)), page_title_(std::move(page_title)) {}

  PageCards make() {
    learn_vocabulary();
    for (size_t i = 0; i < page_.entries.size(); ++i) {
      const Entry& entry = page_.entries[i];
      switch (entry.origin) {
        case Entry::Origin::story:
          story(entry);
          break;
        case Entry::Origin::terms:
          terms(entry, "");
          break;
        case Entry::Origin::definition:
          definition(entry);
          break;
        default:
          if (entry.empty() && entry.origin == Entry::Origin::paragraph && !entry.worded_as_prompt && isolated(i)) {
            // A lone question with nothing after it is a call to action, not a card; an interview
            // prompt without an answer is a question to rehearse.
            warn(entry.line, fmt::format("'{}' has no answer and stands alone; skipped", entry.title));
            break;
          }
          question(entry);
      }
    }
    if (!unanswered_.empty())
      warn(unanswered_.front(),
           fmt::format("{} question{} no answer on the page (lines {}); the cards show only the question",
                       unanswered_.size(), unanswered_.size() == 1 ? " has" : "s have", line_list(unanswered_)));
    return {std::move(cards_), std::move(warnings_)};
  }

 private:
  void learn_vocabulary() {
    auto learn = [&](const std::vector<Piece>& pieces) {
      for (const auto& piece : pieces) {
        vocabulary_.add_text(piece.text);
        corpus_.push_back(piece.text);
      }
    };
    for (const auto& entry : page_.entries) {
      vocabulary_.add_text(entry.title);
      learn(entry.preamble);
      for (const auto& [role, pieces] : entry.sections)
        if (role != Role::key_points && role != Role::terms) learn(pieces);
    }
    learn(page_.prose);
  }

  bool isolated(size_t index) const {
    auto bare_question = [&](size_t i) {
      const Entry& e = page_.entries[i];
      return e.origin == Entry::Origin::paragraph && e.empty();
    };
    const Entry& entry = page_.entries[index];
    const bool before = index > 0 && bare_question(index - 1) && entry.line - page_.entries[index - 1].line <= 3;
    const bool after = index + 1 < page_.entries.size() && bare_question(index + 1) &&
                       page_.entries[index + 1].line - entry.line <= 3;
    return !before && !after;
  }

  void question(const Entry& entry) {
    CardContent card;
    card.kind = CardKind::question;
    card.type = entry.type;
    card.line = entry.line;
    card.prompt = text::collapse_spaces(entry.title);
    if (card.prompt.empty()) {
      const std::string number = entry.number.empty() ? std::to_string(++untitled_) : entry.number;
      card.prompt = fmt::format("{} #{} (no question text on the page)", page_title_.empty() ? "Interview question" : page_title_,
                                number);
      card.uid = unique_uid("question-" + number);
      warn(entry.line, fmt::format("entry {} has no question text; it was imported as '{}'. Export the deck "
                                   "(rehearse export DECK FILE.md), write the question and import that file",
                                   number, card.prompt));
    } else {
      card.uid = unique_uid(slugify(card.prompt));
    }
    card.answer = answer_text(entry);
    card.key_points = key_points(entry);
    card.pitfalls = list_of(entry, Role::pitfalls, false);
    card.story = star(entry);
    if (entry.has(Role::lesson)) card.story.lesson = paragraphs(entry.sections.at(Role::lesson));
    const std::string about = entry.title.empty() ? card.answer : render(entry.preamble) + "\n" + section(entry, Role::why);
    card.themes = infer_themes(entry.title, entry.context + "\n" + entry.section, about + "\n" + card.story.situation + "\n" + card.story.task);
    if (card.answer.empty() && card.key_points.empty() && card.story.empty()) unanswered_.push_back(entry.line);
    if (entry.has(Role::terms)) card.group = card.uid;
    const std::string group = card.group;
    cards_.push_back(std::move(card));
    if (!group.empty()) terms(entry, group);
  }

  void story(const Entry& entry) {
    CardContent card;
    card.kind = CardKind::story;
    card.line = entry.line;
    card.story = star(entry);
    // A STAR block whose parts ask questions is a blank template to fill in, not a story.
    bool template_only = true;
    for (const std::string* part : {&card.story.situation, &card.story.task, &card.story.result})
      if (!part->empty() && part->find('?') == std::string::npos) template_only = false;
    for (const auto& action : card.story.actions)
      if (action.find('?') == std::string::npos) template_only = false;
    if (template_only) {
      warn(entry.line, fmt::format("'{}' is a blank STAR template, not a story; skipped",
                                   entry.title.empty() ? "the STAR block" : entry.title));
      return;
    }
    card.prompt = text::collapse_spaces(entry.title);
    if (card.prompt.empty()) {
      card.prompt = fmt::format("Story at line {}", entry.line);
      warn(entry.line, fmt::format("the story has no title; it was imported as '{}'", card.prompt));
    }
    card.uid = unique_uid(slugify(card.prompt));
    if (entry.has(Role::lesson)) card.story.lesson = paragraphs(entry.sections.at(Role::lesson));
    card.key_points = key_points(entry);
    card.pitfalls = list_of(entry, Role::pitfalls, false);
    // The narrative of the action goes with the card when the steps are listed separately.
    if (entry.has(Role::action)) {
      std::vector<std::string> narrative;
      bool has_items = false;
      for (const auto& piece : entry.sections.at(Role::action)) {
        if (piece.item)
          has_items = true;
        else
          narrative.push_back(piece.text);
      }
      if (has_items) card.answer = text::join(narrative, "\n");
    }
    card.themes = infer_themes(entry.title, entry.context + "\n" + entry.section,
                               card.story.situation + "\n" + card.story.task + "\n" + card.story.result + "\n" + card.story.lesson);
    std::vector<std::string> missing;
    if (card.story.situation.empty()) missing.push_back("situation");
    if (card.story.task.empty()) missing.push_back("task");
    if (card.story.actions.empty()) missing.push_back("action");
    if (card.story.result.empty()) missing.push_back("result");
    if (!missing.empty()) warn(entry.line, fmt::format("the story '{}' has no {}", card.prompt, text::join(missing, ", ")));
    cards_.push_back(std::move(card));
  }

  // Key-point cards for the terms an entry lists, siblings of its question (`group`).
  // A term the page names but never explains gets no card: it would have nothing on its back.
  void terms(const Entry& entry, const std::string& group) {
    std::vector<std::string> unexplained;
    for (const auto& term : list_of(entry, Role::terms, true)) {
      CardContent card;
      card.kind = CardKind::keypoint;
      card.line = entry.line;
      card.group = group;
      if (auto definition = split_definition(term)) {
        card.prompt = definition->first;
        card.answer = definition->second;
      } else {
        card.prompt = term;
        card.answer = explanation(term, entry);
        if (card.answer.empty()) {
          unexplained.push_back(term);
          continue;
        }
      }
      add_term(std::move(card));
    }
    if (!unexplained.empty())
      warn(entry.line, fmt::format("{} key term{} the page does not explain got no card: {}", unexplained.size(),
                                   unexplained.size() == 1 ? "" : "s", text::join(unexplained, ", ")));
  }

  void definition(const Entry& entry) {
    CardContent card;
    card.kind = CardKind::keypoint;
    card.line = entry.line;
    card.prompt = unquote(entry.title);
    card.answer = paragraphs(entry.preamble);
    add_term(std::move(card));
  }

  void add_term(CardContent card) {
    card.prompt = without_final_period(text::collapse_spaces(card.prompt));
    const std::string slug = slugify(card.prompt);
    if (slug.empty() || !uids_.insert(slug).second) return;  // the same term from another entry
    card.uid = slug;
    card.themes = {};
    cards_.push_back(std::move(card));
  }

  std::string unique_uid(const std::string& base) {
    std::string uid = base.empty() ? "entry" : base;
    for (int n = 2; !uids_.insert(uid).second; ++n) uid = fmt::format("{}-{}", base, n);
    return uid;
  }

  static std::string section(const Entry& entry, Role role) {
    return entry.has(role) ? render(entry.sections.at(role)) : std::string();
  }

  // The answer text: the page's answer and the advice around it, each part introduced by what it is.
  static std::string answer_text(const Entry& entry) {
    std::vector<std::string> blocks;
    auto block = [&](const char* label, const std::string& body) {
      const std::string text = unquote(body);
      if (text.empty()) return;
      if (!label)
        blocks.push_back(text);
      else if (text.find('\n') == std::string::npos && !text.starts_with("- "))
        blocks.push_back(fmt::format("{}: {}", label, text));
      else
        blocks.push_back(fmt::format("{}:\n{}", label, text));
    };
    block(nullptr, render(entry.preamble));
    for (Role role : entry.order) {
      const std::string body = section(entry, role);
      switch (role) {
        case Role::why: block("Why it is asked", body); break;
        case Role::framework: block("Framework", body); break;
        case Role::answer:
        case Role::notes: block(nullptr, body); break;
        case Role::star_example: block("Example", body); break;
        case Role::dos: block("Dos and don'ts", body); break;
        case Role::look_for: block("Interviewers look for", body); break;
        case Role::follow_up: block("Follow-up questions", body); break;
        default: break;
      }
    }
    return text::join(blocks, "\n");
  }

  // The items of a list section; paragraphs in it are split as lists that lost their markup.
  std::vector<std::string> list_of(const Entry& entry, Role role, bool commas) const {
    std::vector<std::string> items;
    if (!entry.has(role)) return items;
    for (const auto& piece : entry.sections.at(role)) {
      if (piece.item) {
        items.push_back(piece.text);
      } else {
        for (auto& item : split_list_line(piece.text, commas, vocabulary_)) items.push_back(std::move(item));
      }
    }
    unquote_list(items);
    for (auto& item : items) item = without_final_period(item);
    std::erase_if(items, [](const std::string& item) { return item.empty(); });
    return items;
  }

  std::vector<KeyPoint> key_points(const Entry& entry) const {
    std::vector<KeyPoint> points;
    for (const auto& item : list_of(entry, Role::key_points, false)) points.push_back(key_point(item));
    return points;
  }

  static Story star(const Entry& entry) {
    Story story;
    auto text_of = [&](Role role) { return entry.has(role) ? paragraphs(entry.sections.at(role)) : std::string(); };
    story.situation = text_of(Role::situation);
    story.task = text_of(Role::task);
    story.result = text_of(Role::result);
    if (entry.has(Role::action)) {
      std::vector<std::string> items, texts;
      for (const auto& piece : entry.sections.at(Role::action)) (piece.item ? items : texts).push_back(piece.text);
      story.actions = items.empty() ? texts : items;
      unquote_list(story.actions);
    }
    return story;
  }

  // A sentence of the page that uses `term`: its own entry first, then anywhere on the page.
  std::string explanation(const std::string& term, const Entry& entry) const {
    std::vector<std::string> needles = {text::lower(term)};
    if (const auto open = term.find(" ("); open != std::string::npos && term.ends_with(")")) {
      needles.push_back(text::lower(term.substr(0, open)));
      needles.push_back(text::lower(term.substr(open + 2, term.size() - open - 3)));
    }
    std::vector<std::string> own;
    for (const auto& piece : entry.preamble) own.push_back(piece.text);
    for (const auto& [role, pieces] : entry.sections)
      if (role != Role::terms && role != Role::key_points)
        for (const auto& piece : pieces) own.push_back(piece.text);
    const std::vector<std::string>* places[] = {&own, &corpus_};
    for (const auto* texts : places) {
      for (const auto& needle : needles) {
        for (const auto& text : *texts) {
          if (!contains_phrase(text::lower(text), needle)) continue;
          for (const auto& sentence : sentences(text))
            if (contains_phrase(text::lower(sentence), needle)) return sentence;
        }
      }
    }
    return {};
  }

  void warn(int line, std::string message) { warnings_.push_back({file_, line, std::move(message)}); }

  static std::string line_list(const std::vector<int>& lines) {
    std::vector<std::string> shown;
    for (size_t i = 0; i < lines.size() && i < 8; ++i) shown.push_back(std::to_string(lines[i]));
    if (lines.size() > 8) shown.push_back("...");
    return text::join(shown, ", ");
  }

  const PageEntries& page_;
  std::string file_;
  std::string page_title_;
  Vocabulary vocabulary_;
  std::vector<std::string> corpus_;  // every text of the page, for finding what a term means
  std::set<std::string> uids_;
  std::vector<CardContent> cards_;
  std::vector<ParseWarning> warnings_;
  std::vector<int> unanswered_;
  int untitled_ = 0;
};

}  // namespace

PageCards make_cards(const PageEntries& page, const std::string& file, const std::string& page_title) {
  return Maker(page, file, page_title).make();
}

}  // namespace rehearse::guide
