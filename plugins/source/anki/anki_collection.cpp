#include "anki_collection.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "protobuf_fields.h"
#include "rehearse/errors.h"

namespace rehearse::anki {

namespace {

constexpr int kOldestSchema = 11;  // Anki 2.0; Anki 1.x collections are another format
constexpr int kNewestExportedSchema = 18;

// Notetype.Config in Anki's notetypes.proto.
constexpr std::uint32_t kConfigKindField = 1;
constexpr std::uint64_t kKindCloze = 1;
constexpr std::uint32_t kConfigOriginalStockKindField = 9;
constexpr std::uint64_t kStockImageOcclusion = 6;
// CardTemplate.Config: the front and the back in Anki's template language.
constexpr std::uint32_t kTemplateFrontField = 1;
constexpr std::uint32_t kTemplateBackField = 2;

// Schema 18 declares its name columns `COLLATE unicase`; SQLite refuses to touch such a column
// unless a collation of that name exists. Nothing here depends on its order beyond equality.
int unicase_compare(void*, int left_size, const void* left, int right_size, const void* right) {
  const auto* a = static_cast<const unsigned char*>(left);
  const auto* b = static_cast<const unsigned char*>(right);
  const int common = std::min(left_size, right_size);
  for (int i = 0; i < common; ++i) {
    const int ca = std::tolower(a[i]), cb = std::tolower(b[i]);
    if (ca != cb) return ca < cb ? -1 : 1;
  }
  return left_size == right_size ? 0 : left_size < right_size ? -1 : 1;
}

// An SQLite database opened on bytes in memory, read-only.
class MemoryDatabase {
 public:
  explicit MemoryDatabase(std::string bytes) : bytes_(std::move(bytes)), db_(":memory:", SQLite::OPEN_READWRITE) {
    // A collection saved in WAL mode says so in its header (bytes 18 and 19 are 2); SQLite cannot
    // open such a file from memory, and without its -wal file it is a plain rollback database.
    if (bytes_.size() >= 20 && bytes_[18] == 2 && bytes_[19] == 2) bytes_[18] = bytes_[19] = 1;
    const int rc = sqlite3_deserialize(db_.getHandle(), "main", reinterpret_cast<unsigned char*>(bytes_.data()),
                                       static_cast<sqlite3_int64>(bytes_.size()), static_cast<sqlite3_int64>(bytes_.size()),
                                       SQLITE_DESERIALIZE_READONLY);
    if (rc != SQLITE_OK) throw SQLite::Exception(db_.getHandle(), rc);
    sqlite3_create_collation(db_.getHandle(), "unicase", SQLITE_UTF8, nullptr, unicase_compare);
  }

  SQLite::Database& db() { return db_; }

  bool has_table(const std::string& name) {
    SQLite::Statement query(db_, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    query.bind(1, name);
    return query.executeStep();
  }

 private:
  std::string bytes_;  // must outlive db_, which reads it in place
  SQLite::Database db_;
};

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    const size_t end = text.find(separator, start);
    parts.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// Anki keeps tags as one space-separated string (with a space at each end).
std::vector<std::string> split_tags(std::string_view text) {
  std::vector<std::string> tags;
  std::string tag;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!tag.empty()) tags.push_back(std::move(tag));
      tag.clear();
    } else {
      tag += c;
    }
  }
  if (!tag.empty()) tags.push_back(std::move(tag));
  return tags;
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
  return text;
}

// Schema 11: note types ("models") and decks are JSON objects keyed by id in the single `col` row.
void read_legacy_layout(SQLite::Database& db, CollectionContents& contents) {
  SQLite::Statement col(db, "SELECT models, decks FROM col");
  if (!col.executeStep()) throw std::runtime_error("the col table is empty");
  const auto models = nlohmann::json::parse(col.getColumn(0).getString());
  for (const auto& [id, model] : models.items()) {
    NoteType type;
    type.name = model.value("name", "");
    type.cloze = model.value("type", 0) == static_cast<int>(kKindCloze);
    type.image_occlusion = model.value("originalStockKind", 0) == static_cast<int>(kStockImageOcclusion);
    std::vector<std::pair<int, std::string>> fields;
    for (const auto& field : model.value("flds", nlohmann::json::array()))
      fields.emplace_back(field.value("ord", static_cast<int>(fields.size())), field.value("name", ""));
    std::sort(fields.begin(), fields.end());
    for (auto& field : fields) type.fields.push_back(std::move(field.second));
    for (const auto& tmpl : model.value("tmpls", nlohmann::json::array()))
      type.templates[tmpl.value("ord", static_cast<int>(type.templates.size()))] =
          CardTemplate{tmpl.value("name", ""), tmpl.value("qfmt", ""), tmpl.value("afmt", "")};
    contents.note_types[std::stoll(id)] = std::move(type);
  }
  const auto decks = nlohmann::json::parse(col.getColumn(1).getString());
  for (const auto& [id, deck] : decks.items()) contents.decks[std::stoll(id)] = deck.value("name", "");
}

// Schema 15 and later: tables of their own, settings as protobuf, deck levels joined by 0x1f.
void read_table_layout(SQLite::Database& db, CollectionContents& contents) {
  SQLite::Statement types(db, "SELECT id, name, config FROM notetypes");
  while (types.executeStep()) {
    NoteType type;
    type.name = types.getColumn(1).getString();
    const std::string config = types.getColumn(2).getString();
    type.cloze = protobuf_varint(config, kConfigKindField) == kKindCloze;
    type.image_occlusion = protobuf_varint(config, kConfigOriginalStockKindField) == kStockImageOcclusion;
    contents.note_types[types.getColumn(0).getInt64()] = std::move(type);
  }
  // Anki's exporter leaves the fields of note types it dropped behind; only known types count.
  SQLite::Statement fields(db, "SELECT ntid, name FROM fields ORDER BY ntid, ord");
  while (fields.executeStep()) {
    auto type = contents.note_types.find(fields.getColumn(0).getInt64());
    if (type != contents.note_types.end()) type->second.fields.push_back(fields.getColumn(1).getString());
  }
  SQLite::Statement templates(db, "SELECT ntid, ord, name, config FROM templates");
  while (templates.executeStep()) {
    auto type = contents.note_types.find(templates.getColumn(0).getInt64());
    if (type == contents.note_types.end()) continue;
    const std::string config = templates.getColumn(3).getString();
    type->second.templates[templates.getColumn(1).getInt()] = {
        templates.getColumn(2).getString(), std::string(protobuf_string(config, kTemplateFrontField).value_or("")),
        std::string(protobuf_string(config, kTemplateBackField).value_or(""))};
  }
  SQLite::Statement decks(db, "SELECT id, name FROM decks");
  while (decks.executeStep()) contents.decks[decks.getColumn(0).getInt64()] = replace_all(decks.getColumn(1).getString(), "\x1f", "::");
}

void read_notes_and_cards(SQLite::Database& db, CollectionContents& contents) {
  SQLite::Statement notes(db, "SELECT id, guid, mid, tags, flds FROM notes ORDER BY id");
  while (notes.executeStep()) {
    Note note;
    note.id = notes.getColumn(0).getInt64();
    note.guid = notes.getColumn(1).getString();
    note.note_type = notes.getColumn(2).getInt64();
    note.tags = split_tags(notes.getColumn(3).getString());
    note.fields = split(notes.getColumn(4).getString(), '\x1f');
    contents.notes.push_back(std::move(note));
  }
  // A card in a filtered deck remembers its home deck in odid.
  SQLite::Statement cards(db, "SELECT id, nid, CASE WHEN odid != 0 THEN odid ELSE did END, ord FROM cards ORDER BY nid, ord");
  while (cards.executeStep())
    contents.cards.push_back({cards.getColumn(0).getInt64(), cards.getColumn(1).getInt64(), cards.getColumn(2).getInt64(),
                              cards.getColumn(3).getInt()});
}

void read_revlog(SQLite::Database& db, CollectionContents& contents) {
  SQLite::Statement revlog(db, "SELECT id, cid, ease, type, factor, time FROM revlog ORDER BY cid, id");
  while (revlog.executeStep())
    contents.revlog.push_back({revlog.getColumn(0).getInt64(), revlog.getColumn(1).getInt64(), revlog.getColumn(2).getInt(),
                               revlog.getColumn(3).getInt(), revlog.getColumn(4).getInt(), revlog.getColumn(5).getInt64()});
}

}  // namespace

CollectionContents read_collection(std::string database, const std::string& file, bool with_revlog) {
  CollectionContents contents;
  try {
    MemoryDatabase memory(std::move(database));
    SQLite::Database& db = memory.db();
    if (!memory.has_table("col") || !memory.has_table("notes") || !memory.has_table("cards"))
      throw ParseError(file, 0, "holds an SQLite database that is not an Anki collection (it lacks the col, notes or cards table)");
    SQLite::Statement version(db, "SELECT ver FROM col");
    if (!version.executeStep()) throw ParseError(file, 0, "holds an Anki collection with an empty col table; the package is damaged");
    contents.schema = version.getColumn(0).getInt();
    if (contents.schema < kOldestSchema)
      throw ParseError(file, 0, fmt::format("holds a collection from Anki 1 (schema {}); open it in a current Anki and "
                                            "export it again", contents.schema));
    if (memory.has_table("notetypes"))
      read_table_layout(db, contents);
    else
      read_legacy_layout(db, contents);
    read_notes_and_cards(db, contents);
    if (with_revlog) read_revlog(db, contents);
  } catch (const ParseError&) {
    throw;
  } catch (const std::exception& e) {
    if (contents.schema > kNewestExportedSchema)
      throw ParseError(file, 0, fmt::format("holds a collection in schema {}, newer than this reader knows (11-{}), and "
                                            "it cannot be read ({}); in Anki, export it again with \"Support older Anki "
                                            "versions\" ticked", contents.schema, kNewestExportedSchema, e.what()));
    throw ParseError(file, 0, fmt::format("holds an Anki collection that cannot be read ({}); the package is damaged: "
                                          "export it from Anki again", e.what()));
  }
  return contents;
}

}  // namespace rehearse::anki
