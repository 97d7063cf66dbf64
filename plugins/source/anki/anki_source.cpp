// The `anki` source plugin: imports Anki packages (.apkg decks and .colpkg collections).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "anki_cards.h"
#include "anki_collection.h"
#include "anki_package.h"
#include "rehearse/plugin.h"

namespace {

class AnkiSource final : public rehearse::Source {
 public:
  std::string_view name() const override { return "anki"; }

  std::vector<rehearse::OptionSpec> options() const override {
    return {{.name = "with_history",
             .type = rehearse::OptionType::boolean,
             .default_value = "false",
             .help = "bring Anki's review log along, so scheduling goes on from where Anki left it (import --with-history)"}};
  }

  bool accepts(const std::filesystem::path& path, std::string_view head) const override {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".apkg" || ext == ".colpkg" || rehearse::anki::looks_like_package(head);
  }

  rehearse::ParseResult parse(const std::filesystem::path& path, std::string_view bytes,
                              const rehearse::Options& options) const override {
    const std::string file = path.string();
    const bool with_history = options.get_bool("with_history");
    rehearse::anki::Package package = rehearse::anki::read_package(bytes, file);
    const auto contents = rehearse::anki::read_collection(std::move(package.database), file, with_history);
    rehearse::ParseResult result = rehearse::anki::make_cards(contents, {file, path.stem().string(), with_history});
    if (package.media_files > 0)
      result.warnings.push_back({file, 0, fmt::format("the package holds {} media file{} (images, sounds); rehearse "
                                                      "imports text only, so they were left out",
                                                      package.media_files, package.media_files == 1 ? "" : "s")});
    return result;
  }
};

void register_components(rehearse::Registry& registry) { registry.add(std::make_unique<AnkiSource>()); }

}  // namespace

REHEARSE_PLUGIN("anki", "1.0.0", "source", "Anki packages (.apkg decks, .colpkg collections), with their review history on request",
                register_components)
