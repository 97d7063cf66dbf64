// The container of an Anki package (.apkg, .colpkg): a zip holding one SQLite collection, a
// `meta` entry with the package format, a `media` index and the media files named 0, 1, 2...
//
// Three layouts are in use, told apart by `meta` (a protobuf with the format version):
//   1  collection.anki2    schema 11, no meta (Anki before 2.1.50, and most tools that write decks)
//   2  collection.anki21   schema 11, meta 2 or no meta (Anki 2.1, or "Support older Anki versions")
//   3  collection.anki21b  schema 18, zstd-compressed, meta 3 (Anki 23.10 and later by default)
// Anki's own exports also hold a dummy collection.anki2 whose only note asks the reader to update
// Anki, so the collection named by `meta` must be read, never simply the first one found.
#pragma once

#include <string>
#include <string_view>

namespace rehearse::anki {

struct Package {
  std::string collection_entry;  // the zip entry the collection came from, e.g. "collection.anki21b"
  std::string database;          // the SQLite collection, decompressed
  int media_files = 0;           // images and sounds in the package (not imported)
};

// Reads the package in `bytes`. `file` names it in messages. Throws ParseError for a file that is
// not a zip or is cut short, a zip without a collection, and a package from an Anki newer than
// this reader understands.
Package read_package(std::string_view bytes, const std::string& file);

// Whether `head` (the first bytes of a file) looks like an Anki package: a zip whose entry names
// include an Anki collection.
bool looks_like_package(std::string_view head);

}  // namespace rehearse::anki
