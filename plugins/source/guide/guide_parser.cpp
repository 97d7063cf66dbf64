#include "guide_parser.h"

#include <fmt/format.h>

#include "card_maker.h"
#include "entry_builder.h"
#include "html_text.h"
#include "page_reader.h"
#include "rehearse/errors.h"
#include "text_encoding.h"
#include "text_util.h"

namespace rehearse::guide {

namespace {

// "5, 9, 12 and 3 more": the first few of a list of line numbers.
std::string summarize_lines(const std::vector<int>& lines) {
  constexpr size_t kShown = 8;
  std::string out;
  for (size_t i = 0; i < lines.size() && i < kShown; ++i) out += fmt::format("{}{}", i ? ", " : "", lines[i]);
  if (lines.size() > kShown) out += fmt::format(" and {} more", lines.size() - kShown);
  return out;
}

}  // namespace

ParseResult parse_guide(std::string_view bytes, const std::string& file, const std::string& default_deck, PageFormat format) {
  text::DecodedText decoded = text::decode_text_file(bytes, file);
  std::string content = std::move(decoded.text);
  const std::string lowered_head = text::lower(std::string_view(content).substr(0, 2048));
  if (format == PageFormat::html || lowered_head.find("<!doctype html") != std::string::npos ||
      lowered_head.find("<html") != std::string::npos) {
    text::HtmlPage html = text::html_page_to_markdown(content);
    content = std::move(html.markdown);
    // The <title> names the deck when the page has no heading of its own.
    const std::string& title = html.title;
    if (!title.empty() && content.find("\n# ") == std::string::npos && !content.starts_with("# "))
      content = "# " + title + "\n\n" + content;
    format = PageFormat::markdown;
  }

  const Page page = read_page(content, format == PageFormat::markdown);
  const PageEntries entries = build_entries(page);
  const std::string deck = page.title.empty() ? default_deck : page.title;
  PageCards made = make_cards(entries, file, deck);

  ParseResult result;
  if (decoded.repaired > 0)
    result.warnings.push_back({file, decoded.first_repaired_line,
                               fmt::format("repaired {} characters saved with the wrong encoding (UTF-8 read as "
                                           "Windows-1252 or Windows-874)",
                                           decoded.repaired)});
  // What was guessed, for the user to check: notes are not written for a reader like this one.
  for (const auto& guess : page.guesses) result.warnings.push_back({file, guess.line, guess.message});
  if (!entries.guessed_prompts.empty()) {
    const size_t n = entries.guessed_prompts.size();
    result.warnings.push_back(
        {file, entries.guessed_prompts.front(),
         fmt::format("{} without a question mark {} read as {}, being worded as {} (\"Tell me about a time...\", "
                     "\"Give me an example of...\"); check {} {}",
                     n == 1 ? "1 line" : fmt::format("{} lines", n), n == 1 ? "was" : "were",
                     n == 1 ? "a question" : "questions", n == 1 ? "an interview prompt" : "interview prompts",
                     n == 1 ? "line" : "lines", summarize_lines(entries.guessed_prompts))});
  }
  for (auto& warning : made.warnings) result.warnings.push_back(std::move(warning));
  if (made.cards.empty())
    throw ParseError(file, 0,
                     "has no interview questions, STAR stories or key terms that the guide source can read (questions "
                     "end with '?' or start a heading or list item; stories have Situation/Task/Action/Result)");
  result.decks.push_back({deck, page.tags, std::move(made.cards)});
  return result;
}

bool is_native_deck(std::string_view head) {
  for (const auto& line : text::split_lines(head)) {
    if (line.size() >= 5 && line.starts_with("## ") && line[4] == ':' &&
        std::string_view("QKSqks").find(line[3]) != std::string_view::npos)
      return true;
  }
  return false;
}

}  // namespace rehearse::guide
