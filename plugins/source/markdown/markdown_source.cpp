// The `markdown` source plugin: reads decks in rehearse's native Markdown format.
#include <memory>

#include "markdown_parser.h"
#include "rehearse/plugin.h"

namespace {

class MarkdownSource final : public rehearse::Source {
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
};

void register_components(rehearse::Registry& registry) { registry.add(std::make_unique<MarkdownSource>()); }

}  // namespace

REHEARSE_PLUGIN("markdown", "1.0.0", "source", "Decks in rehearse's native Markdown format (## Q:, ## K:, ## S:)",
                register_components)
