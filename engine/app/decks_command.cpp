#include <fmt/format.h>

#include <iostream>

#include "command_support.h"
#include "commands.h"
#include "rehearse/errors.h"

namespace rehearse::app {

using nlohmann::json;

int run_decks(const Arguments& args) {
  args.allow_only(with_globals({"--json"}));
  require_operands(args, 0, 0, "no operands");
  Engine engine(engine_config(args));
  const auto decks = engine.collection().decks();
  if (args.flag("--json")) {
    json out = json::array();
    for (const auto& d : decks)
      out.push_back({{"name", d.name}, {"cards", d.cards}, {"due", d.due}, {"new", d.new_cards}, {"suspended", d.suspended}});
    print_json(out);
    return 0;
  }
  if (decks.empty()) {
    fmt::print("No decks yet. Import one with: rehearse import FILE.md\n");
    return 0;
  }
  size_t width = 4;
  for (const auto& d : decks) width = std::max(width, d.name.size());
  fmt::print("{:<{}}  {:>5}  {:>4}  {:>4}\n", "Deck", width, "Cards", "Due", "New");
  for (const auto& d : decks) fmt::print("{:<{}}  {:>5}  {:>4}  {:>4}\n", d.name, width, d.cards, d.due, d.new_cards);
  return 0;
}

}  // namespace rehearse::app
