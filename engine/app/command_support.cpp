#include "command_support.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "rehearse/engine.h"
#include "rehearse/errors.h"

namespace rehearse::app {

const std::vector<std::string> kGlobalOptions = {"--collection", "--plugin-path", "--now", "--help", "--version"};

using nlohmann::json;

std::vector<std::string> with_globals(std::vector<std::string> options) {
  options.insert(options.end(), kGlobalOptions.begin(), kGlobalOptions.end());
  return options;
}

std::optional<std::int64_t> fixed_now(const Arguments& args) {
  std::optional<std::string> text = args.value("--now");
  if (!text) {
    if (const char* env = std::getenv("REHEARSE_NOW"); env && *env) text = env;
  }
  if (!text) return std::nullopt;
  auto ms = parse_iso8601(*text);
  if (!ms) throw UsageError(fmt::format("'{}' is not an ISO 8601 date and time (like 2026-11-28T09:30)", *text));
  return ms;
}

std::filesystem::path collection_path(const Arguments& args) {
  if (auto path = args.value("--collection")) return *path;
  return Collection::default_path();
}

EngineConfig engine_config(const Arguments& args) {
  EngineConfig config;
  if (auto path = args.value("--collection")) config.collection = *path;
  for (const auto& dir : args.values("--plugin-path")) config.plugin_dirs.emplace_back(dir);
  config.now_ms = fixed_now(args);
  // A new collection starts with the bundled decks, so the first review has cards.
  if (auto decks = Engine::bundled_decks_dir(); !decks.empty()) config.starter_decks.push_back(decks);
  return config;
}

// Invalid UTF-8 in what a user typed or a file held (a pasted binary) is printed as U+FFFD, so that
// --json output is always valid JSON rather than an error.
void print_json(const json& value) { std::cout << value.dump(2, ' ', false, json::error_handler_t::replace) << "\n"; }

json warnings_json(const std::vector<ParseWarning>& warnings) {
  json out = json::array();
  for (const auto& w : warnings) out.push_back({{"file", w.file}, {"line", w.line}, {"message", w.message}});
  return out;
}

long whole_number_option(const Arguments& args, const std::string& option, long fallback, long low, long high, const char* what) {
  const auto text = args.value(option);
  if (!text) return fallback;
  long value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (text->empty() || error != std::errc() || end != text->data() + text->size() || value < low || value > high)
    throw UsageError(fmt::format("{}: '{}' is not {} from {} to {}", option, *text, what, low, high));
  return value;
}

void require_operands(const Arguments& args, size_t min, size_t max, const char* what) {
  if (args.operands().size() < min) throw UsageError(fmt::format("'{}' needs {}", args.command(), what));
  if (args.operands().size() > max)
    throw UsageError(fmt::format("'{}' takes {}; unexpected '{}'", args.command(), what, args.operands()[max]));
}

Card find_card(const Collection& collection, const std::string& id, const std::optional<std::string>& deck) {
  if (!id.empty() && id.find_first_not_of("0123456789") == std::string::npos) {
    if (auto card = collection.card(std::stoll(id))) return *card;
    throw Error(fmt::format("there is no card with the number {}", id));
  }
  std::vector<Card> cards = collection.cards_with_uid(id);
  if (deck) std::erase_if(cards, [&](const Card& card) { return card.deck != *deck; });
  if (cards.size() == 1) return cards.front();
  if (cards.size() > 1) {
    std::string decks;
    for (const auto& card : cards) decks += (decks.empty() ? "'" : ", '") + card.deck + "'";
    throw Error(fmt::format("the id '{}' is used in several decks ({}); say which with --deck NAME", id, decks));
  }
  // Perhaps the words of the id are in a prompt: "production-outage" finds "... production outage".
  std::string words = id;
  std::replace(words.begin(), words.end(), '-', ' ');
  std::string hint;
  for (const auto& card : collection.find_cards(deck.value_or(""), words, 3))
    if (!card.content.uid.empty()) hint += fmt::format("\n  {}   {}", card.content.uid, card.content.prompt);
  throw Error(fmt::format("there is no card with the id '{}'{}{}", id, deck ? " in deck '" + *deck + "'" : "",
                          hint.empty() ? " (ids are the `id:` lines of the deck files)" : "; did you mean:" + hint));
}

const CardWriter& markdown_writer(const Engine& engine) {
  if (const CardWriter* writer = engine.card_writer("markdown")) return *writer;
  throw Error("the markdown source plugin, which writes deck files, is not loaded (`rehearse plugins` says why)");
}

}  // namespace rehearse::app
