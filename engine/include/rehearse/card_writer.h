// A source that also writes its format (plugin API 3.1): a card as the text of a deck file, and a
// card's block in a file replaced by new text. `rehearse export` writes decks with it, `rehearse
// edit` shows a card to the user's editor with it, and an edited card that came from a file of
// this format is written back into that file with it.
//
// A source offers it by deriving from both Source and CardWriter; the engine finds it with
// dynamic_cast, so sources built for 3.0 (which do not) simply cannot write.
//
// Threads and ownership: as for Source (source.h). Every member is const and keeps no state.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rehearse/api.h"
#include "rehearse/card.h"

namespace rehearse {

class REHEARSE_API CardWriter {
 public:
  virtual ~CardWriter();

  // The text of one card as it stands in a file of this format, with its uid, so that the card
  // keeps its identity (and so its progress) when the text is read back.
  virtual std::string write_card(const CardContent& card) const = 0;

  // A whole file holding the deck `deck` with `cards`, in their order.
  virtual std::string write_deck(const std::string& deck, const std::vector<CardContent>& cards) const = 0;

  // `bytes`, the content of the file `path`, with the text of the card whose uid is `uid` replaced
  // by `card` written as write_card() writes it; every other byte stays as it was. Nothing when
  // the file does not hold that card. Throws ParseError when `bytes` cannot be read.
  virtual std::optional<std::string> replace_card(const std::filesystem::path& path, std::string_view bytes,
                                                  const std::string& uid, const CardContent& card) const = 0;
};

}  // namespace rehearse
