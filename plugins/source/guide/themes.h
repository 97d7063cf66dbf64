// Themes (decks/README.md: incident, performance, scaling, ...) inferred from what a question or
// story is about, so that questions and the user's stories find each other.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rehearse::guide {

// `title` (the question or the story's title) and `labels` (a category line such as
// "conflict_resolution") weigh more than `body`. At most three themes, the strongest first.
std::vector<std::string> infer_themes(std::string_view title, std::string_view labels, std::string_view body);

}  // namespace rehearse::guide
