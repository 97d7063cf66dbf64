// The source interface: turn a file (a Markdown deck, a CSV list, an Anki package, a saved page)
// into decks of cards.
//
// Called: by `rehearse import` and by front ends that accept uploads, once per file, on the calling
// thread. A source only parses: it never touches the collection. The engine applies the result in
// one transaction, so a file either imports completely or not at all. On input it cannot read, a
// source throws ParseError with the file and line; any other exception becomes a PluginError.
//
// Ownership: the registry owns the Source (a plugin hands it over with Registry::add) and keeps it
// until the process ends. `bytes` and `options` are borrowed for the length of the call; the
// ParseResult returned belongs to the caller, so copy whatever it needs out of `bytes`.
//
// Threads: the member functions are const and may be called from any thread, but never from two
// threads at once for the same Source unless it says otherwise; keep parse() free of mutable
// state (a parse that needs scratch space makes it locally) and it is safe either way.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "rehearse/api.h"
#include "rehearse/card.h"
#include "rehearse/options.h"
#include "rehearse/scheduling.h"

namespace rehearse {

struct ParseWarning {
  std::string file;
  int line = 0;
  std::string message;
};

struct ParsedDeck {
  std::string name;
  std::vector<std::string> tags;  // added to every card of the deck
  std::vector<CardContent> cards;
};

// One past answer of a card, from a source that carries review history (an Anki package).
struct ImportedReview {
  std::int64_t reviewed_ms = 0;
  Rating rating = Rating::good;
  std::int64_t taken_ms = 0;
};

// The review history of one card, oldest first. The engine adds it to the review log of a card
// that has none yet, and replays it through the deck's scheduler to get the card's state.
struct ImportedHistory {
  std::string deck;
  std::string uid;  // the card's uid (as in CardContent; derived from the prompt when empty)
  std::string prompt;
  std::vector<ImportedReview> reviews;
};

struct ParseResult {
  std::vector<ParsedDeck> decks;
  std::vector<ParseWarning> warnings;  // things skipped or repaired; the import goes on
  std::vector<ImportedHistory> history;
};

class REHEARSE_API Source {
 public:
  virtual ~Source();

  // The name users select it by, e.g. "markdown", "csv".
  virtual std::string_view name() const = 0;

  virtual std::vector<OptionSpec> options() const { return {}; }

  // Whether this source reads `path`, judging by its name and its first bytes. When several
  // sources accept a file, the first registered wins unless the user names one (--source).
  virtual bool accepts(const std::filesystem::path& path, std::string_view head) const = 0;

  // Parses `bytes`, the whole content of the file named `path` (which may not exist on disk, as
  // for an upload). `path` is only for messages and for a default deck name. `options` holds this
  // source's declared options, from the collection's settings and the import command.
  virtual ParseResult parse(const std::filesystem::path& path, std::string_view bytes, const Options& options) const = 0;
};

}  // namespace rehearse
