// `rehearse story new`: writes one of the user's own STAR stories, a step at a time (title,
// situation, task, action, result, lesson, themes), with the STAR rubric's findings as it grows.
// The story goes into the user's own deck file, decks/my-stories.md beside the collection, plain
// Markdown they own, and is imported at once.
//
// Piped, each step is read up to an empty line, as review answers are, and a last `y` confirms.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <cstring>
#include <set>
#include <sstream>

#include "command_support.h"
#include "commands.h"
#include "rehearse/errors.h"
#include "rehearse/review_session.h"
#include "rehearse/story_bank.h"

namespace rehearse::app {

namespace fs = std::filesystem;

namespace {

constexpr const char* kMyStoriesDeck = "My stories";

// One step of the walk-through: what it asks, and the rubric's criteria that can be judged once
// it is written (the rest would only say "not yet").
struct Step {
  const char* name;
  const char* question;
  bool required;
  std::vector<std::string> criteria;
};

const std::vector<Step>& steps() {
  static const std::vector<Step> all = {
      {"title", "Title: a few words you will recognise it by (\"Checkout outage I led\")", true, {}},
      {"situation", "Situation: the system, its scale, what was at stake; two sentences", true, {}},
      {"task", "Task: what you owned, in one sentence", true, {}},
      {"action",
       "Action: what you did, one step a line, each starting with \"I\"; say what you weighed",
       true,
       {"ownership", "action is the largest part", "tradeoff or alternative", "no vague filler", "no blame"}},
      {"result", "Result: what changed, with numbers (before and after, time, money, errors)", true,
       // The context's share of the answer means something only once the rest is beside it.
       {"quantified result", "all four STAR parts", "situation and task kept short"}},
      {"lesson", "Lesson: what you learned or now do differently, one sentence (optional)", false, {"lesson at the end", "length"}},
      {"themes", "", false, {}},
  };
  return all;
}

// Lines up to an empty line or the end of input; nothing when the input has ended before any.
std::optional<std::string> read_block(std::istream& in) {
  std::string text, line;
  bool any = false;
  while (std::getline(in, line)) {
    any = true;
    if (line.find_first_not_of(" \t\r") == std::string::npos) break;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    text += (text.empty() ? "" : "\n") + line;
  }
  if (!any) return std::nullopt;
  return text;
}

std::string trim(const std::string& text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

// One action a line; list markers ("- ", "* ", "1. ") are the user's habit, not their words.
std::vector<std::string> action_lines(const std::string& text) {
  std::vector<std::string> actions;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    line = trim(line);
    if (line.starts_with("- ") || line.starts_with("* ")) line = trim(line.substr(2));
    const auto digits = line.find_first_not_of("0123456789");
    if (digits > 0 && digits != std::string::npos && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
        line[digits + 1] == ' ')
      line = trim(line.substr(digits + 2));
    if (!line.empty()) actions.push_back(line);
  }
  return actions;
}

std::vector<std::string> theme_list(const std::string& text) {
  std::vector<std::string> themes;
  std::string item;
  std::istringstream in(text);
  while (std::getline(in, item, ',')) {
    item = trim(item);
    std::transform(item.begin(), item.end(), item.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (!item.empty() && std::find(themes.begin(), themes.end(), item) == themes.end()) themes.push_back(item);
  }
  return themes;
}

// The story told in STAR order, as the user would say it: what the rubric scores.
std::string told(const Story& story) {
  std::string text = story.situation;
  auto add = [&](const std::string& part) {
    if (!part.empty()) text += (text.empty() ? "" : "\n\n") + part;
  };
  add(story.task);
  std::string actions;
  for (const auto& action : story.actions) actions += (actions.empty() ? "" : " ") + action;
  add(actions);
  add(story.result);
  add(story.lesson);
  return text;
}

CardContent story_card(const std::string& title, const Story& story, const std::vector<std::string>& themes) {
  CardContent card;
  card.kind = CardKind::story;
  card.type = QuestionType::story;
  card.prompt = title;
  card.story = story;
  card.themes = themes;
  return card;
}

// The star scorer's findings on the story so far, limited to `criteria` (all when empty).
void show_findings(std::ostream& out, const Engine& engine, const CardContent& card, const std::vector<std::string>& criteria) {
  const Scorer* star = engine.registry().scorer("star");
  if (!star) return;
  const CombinedScore score = score_answer(engine, {star}, card, Attempt{told(card.story), 0, {}});
  for (const auto& error : score.errors) out << "  (the STAR rubric failed: " << error << ")\n";
  for (const auto& part : score.parts) {
    for (const auto& finding : part.findings) {
      if (!criteria.empty() && std::find(criteria.begin(), criteria.end(), finding.criterion) == criteria.end()) continue;
      if (finding.met)
        out << fmt::format("  ok       {}{}\n", finding.criterion, finding.evidence.empty() ? "" : ": \"" + finding.evidence + "\"");
      else
        out << fmt::format("  work on  {}: {}\n", finding.criterion, finding.advice);
    }
    if (criteria.empty() && part.score) out << fmt::format("  STAR rubric: {:.0f}/100. {}\n", *part.score, part.summary);
  }
}

// decks/my-stories.md beside the collection: the user's own deck file.
fs::path my_stories_file(const Arguments& args) { return collection_path(args).parent_path() / "decks" / "my-stories.md"; }

// An id for the story that no card of the collection uses yet.
std::string free_story_id(const Collection& collection, const std::string& title) {
  const std::string base = "story-" + slugify(title);
  std::string id = base;
  for (int n = 2; !collection.cards_with_uid(id).empty(); ++n) id = fmt::format("{}-{}", base, n);
  return id;
}

// Writes `text` to `path` whole or not at all: a temporary file beside it, renamed over it.
void write_file_atomically(const fs::path& path, const std::string& text) {
  const fs::path temporary = path.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(fmt::format("{}: cannot write: {}", temporary.string(), std::strerror(errno)));
    out << text;
    out.flush();
    if (!out) throw Error(fmt::format("{}: cannot write: {}", temporary.string(), std::strerror(errno)));
  }
  fs::rename(temporary, path);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const char* const kNewFileHeader =
    "---\n"
    "deck: My stories\n"
    "---\n"
    "# My stories\n"
    "\n"
    "Your own STAR stories, told in 60-90 seconds each. `rehearse story new` adds one here; edit them\n"
    "freely and `rehearse import` this file again (progress stays with each story's id).\n";

int story_new(const Arguments& args) {
  Engine engine(engine_config(args));
  std::istream& in = std::cin;
  std::ostream& out = std::cout;
  const fs::path file = my_stories_file(args);
  const bool on_terminal = isatty(STDIN_FILENO) != 0;
  out << "A story of your own, step by step. End each step with an empty line.\n";

  std::string title;
  Story story;
  std::vector<std::string> themes;
  for (const Step& step : steps()) {
    const std::string name = step.name;
    if (name == "themes") {
      std::set<std::string> known;
      for (const auto& essential : essential_themes())
        for (const auto& theme : essential.themes) known.insert(theme);
      for (const auto& theme : engine.collection().story_bank().themes) known.insert(theme.name);
      std::string list;
      for (const auto& theme : known) list += (list.empty() ? "" : ", ") + theme;
      out << "\nThemes: the questions this story can answer, comma separated (" << list << ")\n> " << std::flush;
    } else {
      out << "\n" << step.question << "\n> " << std::flush;
    }
    std::string text;
    for (;;) {
      const std::optional<std::string> block = read_block(in);
      if (!block) {
        out << "\n";
        throw Error(fmt::format("the input ended before the {}; nothing was written", name));
      }
      text = trim(*block);
      if (!step.required || !text.empty()) break;
      const std::string what = std::string(step.question).substr(std::string_view(step.question).find(": ") + 2);
      // At a terminal the user can still write it; piped input cannot, so nothing is written.
      if (!on_terminal) throw Error(fmt::format("a story needs its {} ({}); nothing was written", name, what));
      out << fmt::format("A story needs its {}: {}.\n> ", name, what) << std::flush;
    }
    if (name == "title") title = text;
    else if (name == "situation") story.situation = text;
    else if (name == "task") story.task = text;
    else if (name == "action") story.actions = action_lines(text);
    else if (name == "result") story.result = text;
    else if (name == "lesson") story.lesson = text;
    else if (name == "themes") themes = theme_list(text);
    if (!step.criteria.empty()) show_findings(out, engine, story_card(title, story, themes), step.criteria);
  }

  CardContent card = story_card(title, story, themes);
  card.uid = free_story_id(engine.collection(), title);
  out << "\nThe whole story, as the STAR rubric reads it:\n";
  show_findings(out, engine, card, {});
  if (themes.empty()) out << "  note     no themes: `rehearse stories` cannot match it to questions until it has some.\n";

  out << fmt::format("\nAdd it to {}? (y/n) ", file.string()) << std::flush;
  std::string answer;
  std::getline(in, answer);
  answer = trim(answer);
  if (answer != "y" && answer != "yes") {
    out << "\nNothing was written.\n";
    return 1;
  }

  const std::string entry = markdown_writer(engine).write_card(card);
  const bool existed = fs::exists(file);
  const std::string before = existed ? read_file(file) : std::string();
  std::string after = existed ? before : std::string(kNewFileHeader);
  if (!after.empty() && after.back() != '\n') after += '\n';
  after += "\n" + entry;
  fs::create_directories(file.parent_path());
  write_file_atomically(file, after);
  try {
    engine.import_paths({file});
  } catch (...) {
    // The import is all or nothing; so is the story: the file goes back to what it was.
    if (existed) write_file_atomically(file, before);
    else fs::remove(file);
    throw;
  }
  out << fmt::format("\nAdded '{}' (id: {}) to {}, deck '{}'.\n", title, card.uid, file.string(), kMyStoriesDeck);
  out << "`rehearse stories` shows which themes still have no story of yours.\n";
  return 0;
}

}  // namespace

int run_story(const Arguments& args) {
  args.allow_only(with_globals({"--deck"}));
  const auto& ops = args.operands();
  if (ops.empty()) throw UsageError("'story' needs an action: story new, or story edit ID");
  if (ops[0] == "new") {
    require_operands(args, 1, 1, "only 'new'");
    return story_new(args);
  }
  if (ops[0] == "edit") {
    require_operands(args, 2, 2, "'edit' and a story's id (as `rehearse stories` lists it)");
    return edit_card_in_editor(args, ops[1], true);
  }
  throw UsageError(fmt::format("unknown story action '{}' (new, edit)", ops[0]));
}

}  // namespace rehearse::app
