// `rehearse export DECK FILE.md [--force]`: writes a deck in rehearse's native Markdown format
// (decks/README.md), so that an imported page or CSV can be edited by hand and imported again.
// Every card gets its `id:`, so its progress stays with it whatever is edited.
#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <fstream>
#include <iostream>
#include <sstream>

#include "command_support.h"
#include "commands.h"
#include "rehearse/errors.h"

namespace rehearse::app {

namespace {

// Field labels of the deck format: a line of a value that starts like one must not be read as one.
bool starts_like_label(const std::string& line) {
  static const char* const kLabels[] = {"id:",    "type:",      "themes:", "tags:",   "group:",   "template:", "answer:", "key points:",
                                        "avoid:", "situation:", "task:",   "action:", "actions:", "result:", "lesson:"};
  for (const char* label : kLabels)
    if (line.starts_with(label)) return true;
  return line.starts_with("## ") || line.starts_with("# ");
}

std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\r', ' ');
  return text;
}

// A field holding text: the label on its own line, then the text, with lines that would read as a
// label or a heading indented.
void write_text(std::ostream& out, const char* label, const std::string& text) {
  if (text.empty()) return;
  out << label << ":\n";
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) out << (starts_like_label(line) ? "  " : "") << line << "\n";
}

void write_list(std::ostream& out, const char* label, const std::vector<std::string>& items) {
  if (items.empty()) return;
  out << label << ":\n";
  for (const auto& item : items) out << "- " << one_line(item) << "\n";
}

void write_words(std::ostream& out, const char* label, const std::vector<std::string>& words) {
  if (words.empty()) return;
  out << label << ": ";
  for (size_t i = 0; i < words.size(); ++i) out << (i ? ", " : "") << words[i];
  out << "\n";
}


}  // namespace

void write_card(std::ostream& out, const CardContent& card) {
  const char marker = card.kind == CardKind::question ? 'Q' : card.kind == CardKind::keypoint ? 'K' : 'S';
  out << "## " << marker << ": " << one_line(card.prompt) << "\n";
  out << "id: " << card.uid << "\n";
  // Only a type the card's file gave: one inferred from the wording stays inferred, so that a
  // better rule still reaches it after the round trip.
  if (card.type) out << "type: " << to_string(*card.type) << "\n";
  write_words(out, "themes", card.themes);
  write_words(out, "tags", card.tags);
  if (!card.group.empty()) out << "group: " << card.group << "\n";
  write_text(out, "answer", card.answer);
  std::vector<std::string> points;
  for (const auto& point : card.key_points) {
    std::string line = one_line(point.text);
    for (size_t i = 0; i < point.aliases.size(); ++i) line += (i ? ", " : " | ") + one_line(point.aliases[i]);
    points.push_back(line);
  }
  write_list(out, "key points", points);
  write_list(out, "avoid", card.pitfalls);
  write_text(out, "situation", card.story.situation);
  write_text(out, "task", card.story.task);
  write_list(out, "action", card.story.actions);
  write_text(out, "result", card.story.result);
  write_text(out, "lesson", card.story.lesson);
  out << "\n";
}

int run_export(const Arguments& args) {
  args.allow_only(with_globals({"--force"}));
  require_operands(args, 2, 2, "a deck name and a file to write (or - for standard output)");
  const std::string& deck = args.operands()[0];
  const std::filesystem::path file = args.operands()[1];
  Engine engine(engine_config(args));
  const auto names = engine.collection().deck_names();
  if (std::find(names.begin(), names.end(), deck) == names.end())
    throw Error(fmt::format("there is no deck named '{}' (`rehearse decks` lists them)", deck));
  // find_cards takes sub-decks along; a file is one deck.
  std::vector<Card> cards = engine.collection().find_cards(deck, "", INT_MAX);
  std::erase_if(cards, [&](const Card& card) { return card.deck != deck; });
  std::sort(cards.begin(), cards.end(), [](const Card& a, const Card& b) { return a.id < b.id; });

  std::ostringstream text;
  text << "---\ndeck: " << deck << "\n---\n\n";
  for (const auto& card : cards) write_card(text, card.content);

  if (file == "-") {
    std::cout << text.str();
    return 0;
  }
  std::error_code ec;
  if (std::filesystem::exists(file, ec) && !args.flag("--force"))
    throw Error(fmt::format("{} already exists; use --force to replace it", file.string()));
  // Written beside the target and renamed over it, so a failed write leaves the old file whole.
  const std::filesystem::path temporary = file.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary);
    out << text.str();
    out.close();
    if (!out) throw Error(fmt::format("{}: cannot be written", temporary.string()));
  }
  std::filesystem::rename(temporary, file, ec);
  if (ec) throw Error(fmt::format("{}: cannot be written: {}", file.string(), ec.message()));
  fmt::print("wrote {} cards of '{}' to {}\n", cards.size(), deck, file.string());
  return 0;
}

}  // namespace rehearse::app
