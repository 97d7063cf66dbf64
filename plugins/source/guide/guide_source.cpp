// The `guide` source plugin: interview-guide pages saved as text, Markdown or HTML (question lists,
// Q&A pages with sample answers, STAR example pages, answer-framework pages) become question,
// key-point and story cards.
#include <memory>

#include "guide_parser.h"
#include "rehearse/plugin.h"
#include "text_util.h"

namespace {

using rehearse::guide::PageFormat;

PageFormat format_of(const std::filesystem::path& path) {
  const std::string ext = rehearse::text::lower(path.extension().string());
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return PageFormat::html;
  if (ext == ".md" || ext == ".markdown" || ext == ".mdx") return PageFormat::markdown;
  return PageFormat::text;
}

class GuideSource final : public rehearse::Source {
 public:
  std::string_view name() const override { return "guide"; }

  // Pages by their extension, except rehearse's own decks, which the markdown source reads (it is
  // registered after this one, so a native deck must be refused here). Without a known extension,
  // a page is recognised by its first lines.
  bool accepts(const std::filesystem::path& path, std::string_view head) const override {
    if (rehearse::guide::is_native_deck(head)) return false;
    const std::string ext = rehearse::text::lower(path.extension().string());
    for (const char* known : {".txt", ".text", ".md", ".markdown", ".mdx", ".html", ".htm", ".xhtml"})
      if (ext == known) return true;
    if (!ext.empty()) return false;
    const std::string lowered = rehearse::text::lower(head);
    return lowered.find("<!doctype html") != std::string::npos || lowered.find("<html") != std::string::npos;
  }

  rehearse::ParseResult parse(const std::filesystem::path& path, std::string_view bytes,
                              const rehearse::Options&) const override {
    return rehearse::guide::parse_guide(bytes, path.string(), path.stem().string(), format_of(path));
  }
};

void register_components(rehearse::Registry& registry) { registry.add(std::make_unique<GuideSource>()); }

}  // namespace

REHEARSE_PLUGIN("guide", "1.0.0", "source",
                "Interview-guide pages (text, Markdown, HTML): questions, sample answers, STAR stories, key terms",
                register_components)
