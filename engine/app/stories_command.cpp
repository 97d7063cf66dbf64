// `rehearse stories`: the story bank as a matrix of themes against the user's stories, with what
// is missing: themes questions ask about that no story answers, themes resting on a single
// story, and the themes every backend candidate should be able to cover.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "command_support.h"
#include "commands.h"
#include "rehearse/story_bank.h"

namespace rehearse::app {

using nlohmann::json;

namespace {

using StoryCard = Collection::StoryBank::StoryCard;

struct Story {
  std::string id;  // the card's `id:` (its number when the deck gave none)
  const StoryCard* card;
};

std::vector<Story> identify(const Collection& collection, const Collection::StoryBank& bank) {
  std::vector<Story> stories;
  for (const auto& card : bank.stories) {
    const auto full = collection.card(card.card_id);
    stories.push_back({full && !full->content.uid.empty() ? full->content.uid : std::to_string(card.card_id), &card});
  }
  return stories;
}

bool has_theme(const StoryCard& story, const std::string& theme) {
  return std::find(story.themes.begin(), story.themes.end(), theme) != story.themes.end();
}

std::vector<std::string> ids_with_theme(const std::vector<Story>& stories, const std::string& theme) {
  std::vector<std::string> ids;
  for (const auto& story : stories)
    if (has_theme(*story.card, theme)) ids.push_back(story.id);
  return ids;
}

std::vector<const Story*> covering(const std::vector<Story>& stories, const EssentialTheme& essential) {
  std::vector<const Story*> out;
  for (const auto& story : stories)
    if (covers(story.card->themes, essential)) out.push_back(&story);
  return out;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

json bank_json(const Collection::StoryBank& bank, const std::vector<Story>& stories) {
  json themes = json::array(), story_list = json::array(), essentials = json::array();
  for (const auto& theme : bank.themes)
    themes.push_back({{"theme", theme.name}, {"questions", theme.questions}, {"stories", ids_with_theme(stories, theme.name)}});
  for (const auto& story : stories)
    story_list.push_back({{"id", story.id}, {"title", story.card->prompt}, {"deck", story.card->deck}, {"themes", story.card->themes}});
  for (const auto& essential : essential_themes()) {
    json ids = json::array();
    for (const Story* story : covering(stories, essential)) ids.push_back(story->id);
    essentials.push_back({{"name", essential.name}, {"themes", essential.themes}, {"stories", ids}});
  }
  return {{"themes", themes}, {"stories", story_list}, {"essential", essentials}};
}

void print_bank(const Collection::StoryBank& bank, const std::vector<Story>& stories) {
  if (stories.empty()) {
    fmt::print("You have no stories of your own yet. Write one with `rehearse story new`: it walks through\n"
               "situation, task, action, result and lesson, and files it under the themes it answers. (The\n"
               "stories of 'My story bank' are templates to start from, not yours.)\n\n");
  } else {
    fmt::print("Your story bank: {} stor{}.\n\n", stories.size(), stories.size() == 1 ? "y" : "ies");
  }

  fmt::print("Themes every backend candidate needs a story for:\n");
  for (const auto& essential : essential_themes()) {
    const auto found = covering(stories, essential);
    std::vector<std::string> titles;
    for (const Story* story : found) titles.push_back(story->card->prompt);
    const std::string note = found.empty() ? "no story yet: `rehearse story new`" : found.size() == 1 ? "only one: " + titles.front() : join(titles);
    fmt::print("  {:<30} {:>2}  {}\n", essential.name, found.size(), note);
  }
  if (bank.themes.empty()) return;

  // The matrix: one row per theme, one column per story (numbered, named below).
  std::size_t width = 5;
  for (const auto& theme : bank.themes) width = std::max(width, theme.name.size());
  fmt::print("\nThemes against your stories (x: the story covers the theme; questions: how many ask for it):\n");
  std::string header = fmt::format("  {:<{}}", "", width);
  for (std::size_t i = 0; i < stories.size(); ++i) header += fmt::format(" {:>2}", i + 1);
  fmt::print("{}  questions\n", header);
  for (const auto& theme : bank.themes) {
    std::string row = fmt::format("  {:<{}}", theme.name, width);
    for (const auto& story : stories) row += fmt::format(" {:>2}", has_theme(*story.card, theme.name) ? "x" : ".");
    fmt::print("{}  {:>5}\n", row, theme.questions);
  }
  fmt::print("\n");
  for (std::size_t i = 0; i < stories.size(); ++i)
    fmt::print("  {:>2}  {}  ({})\n", i + 1, stories[i].card->prompt, stories[i].id);

  std::vector<std::string> none, one;
  for (const auto& theme : bank.themes) {
    if (theme.stories == 0) none.push_back(fmt::format("{} ({} question{})", theme.name, theme.questions, theme.questions == 1 ? "" : "s"));
    if (theme.stories == 1) one.push_back(theme.name);
  }
  std::vector<const Story*> broad;
  for (const auto& story : stories)
    if (story.card->themes.size() >= 3) broad.push_back(&story);
  std::stable_sort(broad.begin(), broad.end(), [](const Story* a, const Story* b) { return a->card->themes.size() > b->card->themes.size(); });
  fmt::print("\nThemes with no story: {}\n", none.empty() ? "none" : join(none) + " (`rehearse story new` writes one)");
  fmt::print("Themes with only one story: {}\n", one.empty() ? "none" : join(one));
  std::vector<std::string> broad_names;
  for (std::size_t i = 0; i < broad.size() && i < 5; ++i)
    broad_names.push_back(fmt::format("{} ({} themes)", broad[i]->card->prompt, broad[i]->card->themes.size()));
  fmt::print("Stories that cover the most themes: {}\n", broad_names.empty() ? "none with three or more" : join(broad_names));
}

}  // namespace

int run_stories(const Arguments& args) {
  args.allow_only(with_globals({"--json"}));
  require_operands(args, 0, 0, "no operands");
  Engine engine(engine_config(args));
  const Collection::StoryBank bank = engine.collection().story_bank();
  const std::vector<Story> stories = identify(engine.collection(), bank);
  if (args.flag("--json"))
    print_json(bank_json(bank, stories));
  else
    print_bank(bank, stories);
  return 0;
}

}  // namespace rehearse::app
