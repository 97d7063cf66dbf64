#include "rehearse/story_bank.h"

#include <algorithm>

#include "ascii.h"

namespace rehearse {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& item) { return std::find(list.begin(), list.end(), item) != list.end(); }

}  // namespace

const std::vector<EssentialTheme>& essential_themes() {
  // The themes a backend story bank is built around (production work: incidents, performance,
  // design, disagreements, migrations, reliability, deadline tradeoffs), plus the classic
  // behavioural ones. "conflict" is usually tagged "disagreement" in decks, so both count.
  static const std::vector<EssentialTheme> themes = {
      {"production incident", {"incident"}},
      {"performance or scaling", {"performance", "scaling"}},
      {"design or refactor", {"design", "refactoring", "refactor"}},
      {"architecture disagreement", {"disagreement"}},
      {"migration or risky rollout", {"migration", "rollout"}},
      {"reliability or observability", {"reliability", "observability"}},
      {"tradeoff under time pressure", {"tradeoff"}},
      {"failure", {"failure", "mistake"}},
      {"conflict", {"conflict", "disagreement"}},
      {"mentoring", {"mentoring"}},
      {"leadership without authority", {"leadership", "influence"}},
  };
  return themes;
}

bool covers(const std::vector<std::string>& story_themes, const EssentialTheme& essential) {
  return std::any_of(story_themes.begin(), story_themes.end(), [&](const std::string& theme) { return contains(essential.themes, ascii_lower(theme)); });
}

std::vector<Collection::StoryBank::StoryCard> stories_for(const Collection::StoryBank& bank, const CardContent& question) {
  std::vector<std::string> wanted;
  for (const auto& theme : question.themes) wanted.push_back(ascii_lower(theme));
  std::vector<std::pair<int, const Collection::StoryBank::StoryCard*>> matches;
  for (const auto& story : bank.stories) {
    int shared = 0;
    for (const auto& theme : story.themes) shared += contains(wanted, ascii_lower(theme)) ? 1 : 0;
    if (shared > 0) matches.emplace_back(shared, &story);
  }
  std::stable_sort(matches.begin(), matches.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<Collection::StoryBank::StoryCard> stories;
  for (const auto& [shared, story] : matches) stories.push_back(*story);
  return stories;
}

}  // namespace rehearse
