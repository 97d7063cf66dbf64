// What this plugin reads from an Anki collection (the SQLite database inside a package): note
// types (with their fields and card templates), decks, notes, cards and the review log, in one shape for both of Anki's layouts.
//
// Schema 11 (collection.anki2/.anki21) keeps note types and decks as JSON in the `col` table.
// Schema 18 (collection.anki21b) moved them to the `notetypes`, `fields` and `decks` tables, with
// protobuf settings and deck names whose levels are separated by 0x1f instead of "::".
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace rehearse::anki {

// One of a note type's card templates: what the front and the back of its cards show, in Anki's
// template language ("{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}").
struct CardTemplate {
  std::string name;
  std::string front;
  std::string back;
};

struct NoteType {
  std::string name;
  bool cloze = false;            // one card per cloze number ({{c1::...}}) instead of per template
  bool image_occlusion = false;  // a cloze over an image; nothing to show as text
  std::vector<std::string> fields;  // field names, in order
  std::map<int, CardTemplate> templates;  // by ord (the cards' ord): a note has a card per template
};

struct Note {
  std::int64_t id = 0;
  std::string guid;  // stable across exports: Anki's own identity for updates
  std::int64_t note_type = 0;
  std::vector<std::string> fields;  // HTML, in the note type's order
  std::vector<std::string> tags;
};

struct AnkiCard {
  std::int64_t id = 0;
  std::int64_t note = 0;
  std::int64_t deck = 0;  // the card's home deck (the original one while it sits in a filtered deck)
  int ord = 0;            // template number, or cloze number - 1
};

// One revlog row.
struct RevlogEntry {
  std::int64_t id = 0;  // when it happened, Unix ms
  std::int64_t card = 0;
  int ease = 0;         // button 1-4; 0 for entries that were not an answer
  int type = 0;         // 0 learn, 1 review, 2 relearn, 3 filtered (cram), 4 manual, 5 rescheduled
  int factor = 0;       // ease x10 (0 for a reset, or a cram answer that did not reschedule)
  std::int64_t taken_ms = 0;
};

struct CollectionContents {
  int schema = 0;  // col.ver
  std::map<std::int64_t, NoteType> note_types;
  std::map<std::int64_t, std::string> decks;  // id -> name, levels joined with "::"
  std::vector<Note> notes;                    // by id (the order they were added)
  std::vector<AnkiCard> cards;                // by note, then ord
  std::vector<RevlogEntry> revlog;            // by card, then time
};

// Reads the collection database `database` (the bytes of an SQLite file). `file` names the package
// in messages. Throws ParseError when it is not an SQLite database, is damaged, or is not laid out
// like an Anki collection. The review log is read only when `with_revlog` is set.
CollectionContents read_collection(std::string database, const std::string& file, bool with_revlog);

}  // namespace rehearse::anki
