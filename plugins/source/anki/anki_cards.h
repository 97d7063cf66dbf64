// Turns the notes of an Anki collection into rehearse cards, and Anki's review log into imported
// review history.
//
// A note becomes a card per card it has in Anki. The first is a question card: the note's first
// field is the prompt, its second the answer, and further fields are added to the answer under
// their names (fields named like "Key points" or "Pitfalls" fill those parts of the card instead).
// A note type with several templates (Basic (and reversed card)) gives its other cards what their
// templates show, front and back. A cloze note becomes one card per deletion, as in Anki. Cards
// of one note are siblings (one group), not shown on the same day, as Anki buries them; each brings
// its own review history. The note's guid is the first card's uid, so importing a newer export of
// the same deck updates the cards and keeps their progress; the other cards are "<guid>#card<N>"
// (template N) and "<guid>#c<N>" (deletion N). What is skipped is said in the warnings.
#pragma once

#include <string>

#include "anki_collection.h"
#include "rehearse/source.h"

namespace rehearse::anki {

struct ConvertOptions {
  std::string file;           // the package, for warnings
  std::string fallback_deck;  // for cards whose deck the collection does not name
  bool with_history = false;  // bring the review log along
};

ParseResult make_cards(const CollectionContents& contents, const ConvertOptions& options);

// The answers in a card's review log (oldest first) that a scheduler can replay: ratings 1-4 since
// the card was last reset to new, without manual rescheduling and cram answers that did not
// reschedule, as FSRS's optimizer reads the log.
std::vector<ImportedReview> replayable_reviews(const std::vector<const RevlogEntry*>& revlog);

}  // namespace rehearse::anki
