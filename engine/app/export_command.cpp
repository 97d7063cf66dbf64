// `rehearse export DECK FILE.md [--force]`: writes a deck in rehearse's native Markdown format
// (decks/README.md), so that an imported page or CSV can be edited by hand and imported again.
// Every card gets its `id:`, so its progress stays with it whatever is edited. A card the user
// edited (rehearse edit) is written as the user's version.
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

  std::vector<CardContent> contents;
  for (const auto& card : cards) contents.push_back(card.content);
  // The markdown source writes its own format: one writer for export, edit and write-back.
  const std::string text = markdown_writer(engine).write_deck(deck, contents);

  if (file == "-") {
    std::cout << text;
    return 0;
  }
  std::error_code ec;
  if (std::filesystem::exists(file, ec) && !args.flag("--force"))
    throw Error(fmt::format("{} already exists; use --force to replace it", file.string()));
  // Written beside the target and renamed over it, so a failed write leaves the old file whole.
  const std::filesystem::path temporary = file.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary);
    out << text;
    out.close();
    if (!out) throw Error(fmt::format("{}: cannot be written", temporary.string()));
  }
  std::filesystem::rename(temporary, file, ec);
  if (ec) throw Error(fmt::format("{}: cannot be written: {}", file.string(), ec.message()));
  fmt::print("wrote {} cards of '{}' to {}\n", cards.size(), deck, file.string());
  return 0;
}

}  // namespace rehearse::app
