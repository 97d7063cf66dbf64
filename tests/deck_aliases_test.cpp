// The bundled decks' key points, read as the keypoints scorer reads them: every point and alias
// must be something an answer can say. An alias that is one ordinary English word ("data",
// "option", "minutes") can never count (rehearse::is_ordinary_word), so a deck that has one
// promises a match it will never make.
#include <fmt/format.h>

#include "rehearse/text.h"
#include "test_support.h"

using namespace rehearse;
namespace fs = std::filesystem;

TEST_CASE("every key point and alias of the bundled decks can be matched", "[decks][scorers]") {
  test::TempDir dir;
  auto engine = test::make_engine(dir);
  std::vector<fs::path> decks;
  for (const auto& entry : fs::directory_iterator(fs::path(REHEARSE_SOURCE_DIR) / "decks"))
    if (entry.path().extension() == ".md" && entry.path().filename() != "README.md") decks.push_back(entry.path());
  engine->import_paths(decks);
  std::vector<std::string> dead;
  int checked = 0;
  for (const auto& card : engine->collection().find_cards("", "", 100000)) {
    for (const auto& point : card.content.key_points) {
      std::vector<std::string> ways{point.text};
      ways.insert(ways.end(), point.aliases.begin(), point.aliases.end());
      for (const auto& way : ways) {
        ++checked;
        const auto term = Term::parse(way);
        if (!term || !term->usable) dead.push_back(fmt::format("{} / {}: '{}'", card.deck, point.text, way));
      }
    }
  }
  INFO(fmt::format("{} can never match:\n  {}", dead.size(), fmt::join(dead, "\n  ")));
  CHECK(checked > 100);
  CHECK(dead.empty());
}
