#include "rehearse/story_draft.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include "rehearse/engine.h"
#include "rehearse/errors.h"
#include "rehearse/review_session.h"
#include "rehearse/story_bank.h"

namespace rehearse {

namespace fs = std::filesystem;

namespace {

// What the file says under its front matter the first time it is written: plain prose.
const char* const kIntro =
    "Your own STAR stories, told in 60-90 seconds each. `rehearse story new` adds one here; edit them\n"
    "freely and `rehearse import` this file again (progress stays with each story's id).\n";

std::string trim(const std::string& text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

StoryStep make_step(const char* name, std::string question, bool required, std::vector<std::string> criteria) {
  StoryStep step;
  step.name = name;
  step.question = std::move(question);
  const auto colon = step.question.find(": ");
  step.what = colon == std::string::npos ? step.question : step.question.substr(colon + 2);
  step.required = required;
  step.criteria = std::move(criteria);
  return step;
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

// The star scorer's findings on `card`, limited to `criteria` (all, with the score, when null).
StoryFindings judge(const Engine& engine, const CardContent& card, const std::vector<std::string>* criteria) {
  StoryFindings out;
  const Scorer* star = engine.registry().scorer("star");
  if (!star) {
    out.scorer_loaded = false;
    return out;
  }
  if (criteria && criteria->empty()) return out;
  const CombinedScore score = score_answer(engine, {star}, card, Attempt{told(card.story), 0, {}});
  out.errors = score.errors;
  for (const auto& part : score.parts) {
    for (const auto& finding : part.findings)
      if (!criteria || std::find(criteria->begin(), criteria->end(), finding.criterion) != criteria->end())
        out.findings.push_back(finding);
    if (!criteria && part.score) {
      out.score = part.score;
      out.summary = part.summary;
    }
  }
  return out;
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
  std::error_code error;
  fs::rename(temporary, path, error);
  if (error) {
    fs::remove(temporary, error);
    throw Error(fmt::format("{}: cannot write: {}", path.string(), error.message()));
  }
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(fmt::format("{}: cannot read: {}", path.string(), std::strerror(errno)));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::vector<std::string> story_action_lines(const std::string& text) {
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

std::vector<std::string> story_theme_list(const std::string& text) {
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

StoryDraft::StoryDraft(Engine& engine) : engine_(engine) {}

const std::vector<StoryStep>& StoryDraft::steps() {
  static const std::vector<StoryStep> all = {
      make_step("title", "Title: a few words you will recognise it by (\"Checkout outage I led\")", true, {}),
      make_step("situation", "Situation: the system, its scale, what was at stake; two sentences", true, {}),
      make_step("task", "Task: what you owned, in one sentence", true, {}),
      make_step("action", "Action: what you did, one step a line, each starting with \"I\"; say what you weighed", true,
                {"ownership", "action is the largest part", "tradeoff or alternative", "no vague filler", "no blame"}),
      // The context's share of the answer means something only once the rest is beside it.
      make_step("result", "Result: what changed, with numbers (before and after, time, money, errors)", true,
                {"quantified result", "all four STAR parts", "situation and task kept short"}),
      make_step("lesson", "Lesson: what you learned or now do differently, one sentence (optional)", false,
                {"lesson at the end", "length"}),
      make_step("themes", "Themes: the questions this story can answer, comma separated", false, {}),
  };
  return all;
}

const StoryStep& StoryDraft::step(std::string_view name) {
  for (const StoryStep& step : steps())
    if (step.name == name) return step;
  throw Error(fmt::format("a story has no step '{}' (title, situation, task, action, result, lesson, themes)", name));
}

std::string StoryDraft::question(std::string_view name) const {
  const StoryStep& asked = step(name);
  if (asked.name != "themes") return asked.question;
  std::string list;
  for (const auto& theme : available_themes()) list += (list.empty() ? "" : ", ") + theme;
  return fmt::format("{} ({})", asked.question, list);
}

void StoryDraft::set(std::string_view name, const std::string& text) {
  const std::string value = trim(text);
  const StoryStep& changed = step(name);
  if (changed.name == "title") title_ = value;
  else if (changed.name == "situation") story_.situation = value;
  else if (changed.name == "task") story_.task = value;
  else if (changed.name == "action") story_.actions = story_action_lines(value);
  else if (changed.name == "result") story_.result = value;
  else if (changed.name == "lesson") story_.lesson = value;
  else themes_ = story_theme_list(value);
}

std::string StoryDraft::text(std::string_view name) const {
  const StoryStep& asked = step(name);
  auto joined = [](const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
    return out;
  };
  if (asked.name == "title") return title_;
  if (asked.name == "situation") return story_.situation;
  if (asked.name == "task") return story_.task;
  if (asked.name == "action") return joined(story_.actions, "\n");
  if (asked.name == "result") return story_.result;
  if (asked.name == "lesson") return story_.lesson;
  return joined(themes_, ", ");
}

CardContent StoryDraft::card() const {
  CardContent card;
  card.kind = CardKind::story;
  card.type = QuestionType::story;
  card.prompt = title_;
  card.story = story_;
  card.themes = themes_;
  return card;
}

StoryFindings StoryDraft::findings(std::string_view name) const { return judge(engine_, card(), &step(name).criteria); }

StoryFindings StoryDraft::findings() const { return judge(engine_, card(), nullptr); }

std::vector<std::string> StoryDraft::missing() const {
  std::vector<std::string> names;
  for (const StoryStep& step : steps())
    if (step.required && text(step.name).empty()) names.push_back(step.name);
  return names;
}

std::string StoryDraft::missing_message() const {
  const std::vector<std::string> names = missing();
  if (names.empty()) return "";
  return fmt::format("a story needs its {} ({})", names.front(), step(names.front()).what);
}

std::vector<std::string> StoryDraft::available_themes() const {
  std::set<std::string> known;
  for (const auto& essential : essential_themes())
    for (const auto& theme : essential.themes) known.insert(theme);
  for (const auto& theme : engine_.collection().story_bank().themes) known.insert(theme.name);
  return {known.begin(), known.end()};
}

fs::path StoryDraft::file() const { return engine_.collection().path().parent_path() / "decks" / "my-stories.md"; }

SavedStory StoryDraft::save() {
  if (const std::string message = missing_message(); !message.empty()) throw Error(message + "; nothing was written");
  const CardWriter* writer = engine_.card_writer("markdown");
  if (!writer) throw Error("the markdown source plugin, which writes deck files, is not loaded (`rehearse plugins` says why)");

  SavedStory saved;
  saved.title = title_;
  saved.deck = kDeck;
  saved.file = file();
  CardContent entry = card();
  const std::string base = "story-" + slugify(title_);
  entry.uid = base;
  for (int n = 2; !engine_.collection().cards_with_uid(entry.uid).empty(); ++n) entry.uid = fmt::format("{}-{}", base, n);
  saved.id = entry.uid;

  const bool existed = fs::exists(saved.file);
  saved.created_file = !existed;
  const std::string before = existed ? read_file(saved.file) : std::string();
  // A new file opens as the writer opens a deck of its format, then says what the file is for.
  std::string after = existed ? before : writer->write_deck(kDeck, {}) + kIntro;
  if (!after.empty() && after.back() != '\n') after += '\n';
  after += "\n" + writer->write_card(entry);
  fs::create_directories(saved.file.parent_path());
  write_file_atomically(saved.file, after);
  try {
    engine_.import_paths({saved.file});
  } catch (...) {
    // The import is all or nothing; so is the story: the file goes back to what it was.
    std::error_code ignored;
    if (existed) write_file_atomically(saved.file, before);
    else fs::remove(saved.file, ignored);
    throw;
  }
  return saved;
}

}  // namespace rehearse
