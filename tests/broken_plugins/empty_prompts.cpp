// A source whose cards have ids but empty prompts: the engine must refuse the import, naming the
// plugin, and import nothing (not even the good card beside them).
#include <memory>

#include "rehearse/plugin.h"

namespace {

using namespace rehearse;

class EmptyPromptsSource final : public Source {
 public:
  std::string_view name() const override { return "empty-prompts"; }
  bool accepts(const std::filesystem::path& path, std::string_view) const override { return path.extension() == ".blank"; }
  ParseResult parse(const std::filesystem::path&, std::string_view, const Options&) const override {
    ParsedDeck deck{"Blank prompts", {}, {}};
    CardContent good;
    good.uid = "good";
    good.prompt = "A card with a prompt";
    good.line = 1;
    CardContent blank;
    blank.uid = "blank";
    blank.prompt = " \n";
    blank.answer = "an answer to nothing";
    blank.line = 2;
    deck.cards = {good, blank};
    return {{deck}, {}, {}};
  }
};

void register_components(Registry& registry) { registry.add(std::make_unique<EmptyPromptsSource>()); }

}  // namespace

REHEARSE_PLUGIN("empty-prompts", "1.0.0", "source", "returns cards with empty prompts", register_components)
