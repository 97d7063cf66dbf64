#include "anki_fixture.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <zip.h>
#include <zstd.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <stdexcept>

#include "test_support.h"

namespace rehearse::test {

namespace {

// Anki's tables as in its schema11.sql: what every layout keeps.
constexpr const char* kSchema11 = R"(
  CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
    ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL,
    models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
  CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
    usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL,
    flags integer NOT NULL, data text NOT NULL);
  CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
    mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL,
    ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL,
    odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
  CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
    ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
  CREATE INDEX ix_cards_nid ON cards (nid);
  CREATE INDEX ix_revlog_cid ON revlog (cid);
)";

// The tables schema 14, 15 and 18 add, with their unicase collations.
constexpr const char* kSchema18Tables = R"(
  CREATE TABLE graves (oid integer NOT NULL, type integer NOT NULL, usn integer NOT NULL, PRIMARY KEY (oid, type)) WITHOUT ROWID;
  CREATE TABLE deck_config (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE unicase,
    mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
  CREATE TABLE config (KEY text NOT NULL PRIMARY KEY, usn integer NOT NULL, mtime_secs integer NOT NULL,
    val blob NOT NULL) WITHOUT ROWID;
  CREATE TABLE tags (tag text NOT NULL PRIMARY KEY COLLATE unicase, usn integer NOT NULL) WITHOUT ROWID;
  CREATE TABLE fields (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE unicase,
    config blob NOT NULL, PRIMARY KEY (ntid, ord)) WITHOUT ROWID;
  CREATE UNIQUE INDEX idx_fields_name_ntid ON fields (name, ntid);
  CREATE TABLE templates (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE unicase,
    mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL, PRIMARY KEY (ntid, ord)) WITHOUT ROWID;
  CREATE TABLE notetypes (id integer NOT NULL PRIMARY KEY, name text NOT NULL COLLATE unicase,
    mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
  CREATE UNIQUE INDEX idx_notetypes_name ON notetypes (name);
  CREATE TABLE decks (name text NOT NULL PRIMARY KEY COLLATE unicase, id integer NOT NULL,
    mtime_secs integer NOT NULL, usn integer NOT NULL, common bytes NOT NULL, kind bytes NOT NULL);
  CREATE UNIQUE INDEX idx_decks_id ON decks (id);
)";

int unicase(void*, int left_size, const void* left, int right_size, const void* right) {
  const int n = std::min(left_size, right_size);
  const int diff = sqlite3_strnicmp(static_cast<const char*>(left), static_cast<const char*>(right), n);
  return diff != 0 ? diff : left_size - right_size;
}

void put_varint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out += static_cast<char>((value & 0x7F) | 0x80);
    value >>= 7;
  }
  out += static_cast<char>(value);
}

// Protobuf fields, written by hand: the few messages the fixtures need.
std::string varint_field(std::uint32_t field, std::uint64_t value) {
  std::string out;
  put_varint(out, (static_cast<std::uint64_t>(field) << 3) | 0);
  put_varint(out, value);
  return out;
}

std::string bytes_field(std::uint32_t field, const std::string& value) {
  std::string out;
  put_varint(out, (static_cast<std::uint64_t>(field) << 3) | 2);
  put_varint(out, value.size());
  return out + value;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
  return text;
}

}  // namespace

AnkiPackageBuilder::AnkiPackageBuilder(Layout layout) : layout_(layout) { decks_[1] = "Default"; }

std::int64_t AnkiPackageBuilder::deck(const std::string& name) {
  for (const auto& [id, existing] : decks_)
    if (existing == name) return id;
  const std::int64_t id = next_id_++;
  decks_[id] = name;
  return id;
}

std::int64_t AnkiPackageBuilder::note_type(const std::string& name, const std::vector<std::string>& fields, bool cloze,
                                           std::vector<Template> templates) {
  const std::int64_t id = next_id_++;
  if (templates.empty()) {
    if (cloze)
      templates.push_back({"Cloze", "{{cloze:" + fields.at(0) + "}}", "{{cloze:" + fields.at(0) + "}}"});
    else
      templates.push_back({"Card 1", "{{" + fields.at(0) + "}}",
                           "{{FrontSide}}\n\n<hr id=answer>\n\n{{" + (fields.size() > 1 ? fields[1] : fields[0]) + "}}"});
  }
  note_types_[id] = {name, fields, cloze, std::move(templates)};
  return id;
}

std::vector<std::int64_t> AnkiPackageBuilder::note(std::int64_t type, const std::string& deck_name, const std::string& guid,
                                                   const std::vector<std::string>& fields, const std::string& tags) {
  const std::int64_t note_id = next_id_++;
  std::string joined;
  for (size_t i = 0; i < fields.size(); ++i) joined += (i ? "\x1f" : "") + fields[i];
  notes_.push_back({note_id, guid, type, joined, tags.empty() ? "" : " " + tags + " "});
  std::set<int> ords;
  for (size_t ord = 0; ord < note_types_.at(type).templates.size(); ++ord) ords.insert(static_cast<int>(ord));
  if (note_types_.at(type).cloze) {
    ords.clear();
    static const std::regex cloze(R"(\{\{c(\d+)::)");
    for (std::sregex_iterator it(fields.at(0).begin(), fields.at(0).end(), cloze), end; it != end; ++it)
      ords.insert(std::stoi((*it)[1]) - 1);
  }
  const std::int64_t deck_id = deck(deck_name);
  std::vector<std::int64_t> card_ids;
  for (int ord : ords) {
    card_ids.push_back(next_id_++);
    cards_.push_back({card_ids.back(), note_id, deck_id, ord, 0});
  }
  return card_ids;
}

std::int64_t AnkiPackageBuilder::sibling(std::int64_t card, int ord) {
  for (const auto& row : cards_)
    if (row.id == card) {
      const std::int64_t id = next_id_++;
      cards_.push_back({id, row.note, row.deck, ord, 0});
      return id;
    }
  throw std::runtime_error("no such card");
}

void AnkiPackageBuilder::move_to_filtered(std::int64_t card, const std::string& filtered_deck) {
  for (auto& row : cards_)
    if (row.id == card) {
      row.home_deck = row.deck;
      row.deck = deck(filtered_deck);
    }
}

void AnkiPackageBuilder::review(std::int64_t card, std::int64_t when_ms, int ease, int type, int factor, int taken_ms) {
  reviews_.push_back({when_ms, card, ease, type, factor, taken_ms});
}

void AnkiPackageBuilder::media(const std::string& name, const std::string& bytes) { media_.emplace_back(name, bytes); }

std::string AnkiPackageBuilder::database() const {
  const bool tables = layout_ == Layout::latest;
  TempDir dir;
  const auto path = dir / "collection";
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    sqlite3_create_collation(db.getHandle(), "unicase", SQLITE_UTF8, nullptr, unicase);
    db.exec(kSchema11);
    nlohmann::json models = nlohmann::json::object(), decks = nlohmann::json::object();
    if (tables) {
      db.exec("DROP TABLE IF EXISTS graves");
      db.exec(kSchema18Tables);
      for (const auto& [id, type] : note_types_) {
        // Notetype.Config: the kind (1 = cloze), and CSS the reader has to skip.
        const std::string config = varint_field(1, type.cloze ? 1 : 0) + bytes_field(3, ".card { font-family: arial; }");
        SQLite::Statement add(db, "INSERT INTO notetypes VALUES (?, ?, 0, 0, ?)");
        add.bind(1, id);
        add.bind(2, type.name);
        add.bind(3, config.data(), static_cast<int>(config.size()));
        add.exec();
        for (size_t ord = 0; ord < type.fields.size(); ++ord) {
          SQLite::Statement field(db, "INSERT INTO fields VALUES (?, ?, ?, x'')");
          field.bind(1, id);
          field.bind(2, static_cast<int>(ord));
          field.bind(3, type.fields[ord]);
          field.exec();
        }
        // CardTemplate.Config: the front (1) and the back (2).
        for (size_t ord = 0; ord < type.templates.size(); ++ord) {
          const std::string template_config = bytes_field(1, type.templates[ord].front) + bytes_field(2, type.templates[ord].back);
          SQLite::Statement add_template(db, "INSERT INTO templates VALUES (?, ?, ?, 0, 0, ?)");
          add_template.bind(1, id);
          add_template.bind(2, static_cast<int>(ord));
          add_template.bind(3, type.templates[ord].name);
          add_template.bind(4, template_config.data(), static_cast<int>(template_config.size()));
          add_template.exec();
        }
      }
      // Anki's exporter leaves the fields of note types it did not export behind.
      db.exec("INSERT INTO fields VALUES (42, 0, 'Orphan', x'')");
      for (const auto& [id, name] : decks_) {
        SQLite::Statement add(db, "INSERT INTO decks VALUES (?, ?, 0, 0, x'', x'')");
        add.bind(1, replace_all(name, "::", "\x1f"));
        add.bind(2, id);
        add.exec();
      }
    } else {
      for (const auto& [id, type] : note_types_) {
        nlohmann::json fields = nlohmann::json::array();
        for (size_t ord = 0; ord < type.fields.size(); ++ord) fields.push_back({{"name", type.fields[ord]}, {"ord", ord}});
        nlohmann::json templates = nlohmann::json::array();
        for (size_t ord = 0; ord < type.templates.size(); ++ord)
          templates.push_back({{"name", type.templates[ord].name}, {"ord", ord}, {"qfmt", type.templates[ord].front},
                               {"afmt", type.templates[ord].back}});
        models[std::to_string(id)] = {{"id", id},       {"name", type.name}, {"type", type.cloze ? 1 : 0},
                                      {"flds", fields}, {"tmpls", templates}, {"sortf", 0}, {"did", 1}};
      }
      for (const auto& [id, name] : decks_) decks[std::to_string(id)] = {{"id", id}, {"name", name}, {"dyn", 0}};
    }
    SQLite::Statement col(db, "INSERT INTO col VALUES (1, 1600000000, 0, 0, ?, 0, 0, 0, '{}', ?, ?, '{}', '{}')");
    col.bind(1, tables ? 18 : 11);
    col.bind(2, tables ? std::string() : models.dump());
    col.bind(3, tables ? std::string() : decks.dump());
    col.exec();
    for (const auto& note : notes_) {
      SQLite::Statement add(db, "INSERT INTO notes VALUES (?, ?, ?, 0, -1, ?, ?, '', 0, 0, '')");
      add.bind(1, note.id);
      add.bind(2, note.guid);
      add.bind(3, note.type);
      add.bind(4, note.tags);
      add.bind(5, note.fields);
      add.exec();
    }
    for (const auto& card : cards_) {
      SQLite::Statement add(db, "INSERT INTO cards VALUES (?, ?, ?, ?, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?, 0, '')");
      add.bind(1, card.id);
      add.bind(2, card.note);
      add.bind(3, card.deck);
      add.bind(4, static_cast<std::int64_t>(card.ord));
      add.bind(5, card.home_deck);
      add.exec();
    }
    for (const auto& review : reviews_) {
      SQLite::Statement add(db, "INSERT INTO revlog VALUES (?, ?, 0, ?, 1, 0, ?, ?, ?)");
      add.bind(1, review.id);
      add.bind(2, review.card);
      add.bind(3, review.ease);
      add.bind(4, review.factor);
      add.bind(5, review.taken_ms);
      add.bind(6, review.type);
      add.exec();
    }
  }
  return read_text(path);
}

std::string AnkiPackageBuilder::package() const {
  std::vector<std::pair<std::string, std::string>> entries;
  if (layout_ != Layout::legacy1) {
    // Since Anki 2.1.50 every export has a format version and, for older readers, a dummy
    // collection.anki2 whose only note asks them to update.
    AnkiPackageBuilder dummy(Layout::legacy1);
    dummy.note(dummy.note_type("Basic", {"Front", "Back"}), "Default", "dummy-guid",
               {"This file requires a newer version of Anki.", ""});
    entries.emplace_back("meta", varint_field(1, layout_ == Layout::latest ? 3 : 2));
    entries.emplace_back(layout_ == Layout::latest ? "collection.anki21b" : "collection.anki21",
                         layout_ == Layout::latest ? zstd(database()) : database());
    entries.emplace_back("collection.anki2", dummy.database());
  } else {
    entries.emplace_back("collection.anki2", database());
  }
  if (layout_ == Layout::latest) {
    std::string index;
    for (const auto& [name, bytes] : media_)
      index += bytes_field(1, bytes_field(1, name) + varint_field(2, bytes.size()));
    entries.emplace_back("media", zstd(index));
    for (size_t i = 0; i < media_.size(); ++i) entries.emplace_back(std::to_string(i), zstd(media_[i].second));
  } else {
    nlohmann::json index = nlohmann::json::object();
    for (size_t i = 0; i < media_.size(); ++i) index[std::to_string(i)] = media_[i].first;
    entries.emplace_back("media", index.dump());
    for (size_t i = 0; i < media_.size(); ++i) entries.emplace_back(std::to_string(i), media_[i].second);
  }
  return zip(entries);
}

std::string AnkiPackageBuilder::zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  TempDir dir;
  const auto path = dir / "package.zip";
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!archive) throw std::runtime_error("zip_open failed");
  for (const auto& [name, content] : entries) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    const zip_int64_t index = source ? zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) throw std::runtime_error(std::string("zip_file_add failed: ") + zip_strerror(archive));
    // Anki stores what it compressed itself and deflates the rest.
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index),
                             name == "collection.anki2" || name == "collection.anki21" ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
  }
  if (zip_close(archive) != 0) throw std::runtime_error(std::string("zip_close failed: ") + zip_strerror(archive));
  return read_text(path);
}

std::string AnkiPackageBuilder::zstd(const std::string& bytes) {
  std::string out(ZSTD_compressBound(bytes.size()), '\0');
  const size_t size = ZSTD_compress(out.data(), out.size(), bytes.data(), bytes.size(), 3);
  if (ZSTD_isError(size)) throw std::runtime_error(ZSTD_getErrorName(size));
  out.resize(size);
  return out;
}

}  // namespace rehearse::test
