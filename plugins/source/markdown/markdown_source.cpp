// The `markdown` source plugin: reads decks in rehearse's native Markdown format, and writes it
// (CardWriter): `rehearse export`, `rehearse edit` and edits written back into a user's deck file.
#include <memory>

#include "markdown_parser.h"
#include "markdown_writer.h"
#include "rehearse/card_writer.h"
#include "rehearse/plugin.h"

namespace {

class MarkdownSource final : public rehearse::Source, public rehearse::CardWriter {
 public:
  std::string_view name() const override { return "markdown"; }

  bool accepts(const std::filesystem::path& path, std::string_view) const override {
    const auto ext = path.extension();
    return ext == ".md" || ext == ".markdown";
  }

  rehearse::ParseResult parse(const std::filesystem::path& path, std::string_view bytes,
                              const rehearse::Options&) const override {
    return rehearse::markdown::parse_deck(bytes, path.string(), path.stem().string());
  }

  std::string write_card(const rehearse::CardContent& card) const override { return rehearse::markdown::write_card(card); }

  std::string write_deck(const std::string& deck, const std::vector<rehearse::CardContent>& cards) const override {
    return rehearse::markdown::write_deck(deck, cards);
  }

  std::optional<std::string> replace_card(const std::filesystem::path& path, std::string_view bytes, const std::string& uid,
                                          const rehearse::CardContent& card) const override {
    return rehearse::markdown::replace_card(bytes, path.string(), path.stem().string(), uid, card);
  }
};

void register_components(rehearse::Registry& registry) { registry.add(std::make_unique<MarkdownSource>()); }

}  // namespace

REHEARSE_PLUGIN("markdown", "1.1.0", "source", "Decks in rehearse's native Markdown format (## Q:, ## K:, ## S:)",
                register_components)
