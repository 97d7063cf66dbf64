#include "rehearse/maintenance.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <optional>
#include <set>

#include "automatic_backups.h"
#include "rehearse/collection.h"
#include "rehearse/engine.h"
#include "rehearse/errors.h"
#include "schema.h"

namespace rehearse {

namespace fs = std::filesystem;

namespace {

constexpr int kBusyTimeoutMs = 10'000;
constexpr std::string_view kReasons[] = {kManualBackup, kDailyBackup, kBackupBeforeMigration, kBackupBeforeRestore,
                                         kBackupBeforeRepair};
// The deck that cards whose deck is gone move to.
constexpr const char* kRecoveredDeck = "Recovered cards";
// The tables every collection has had since its first schema version.
constexpr const char* kCoreTables[] = {"decks", "cards", "card_state", "review_log", "config"};

// Opens an existing collection file (never creates one).
SQLite::Database open_existing(const fs::path& path, int flags = SQLite::OPEN_READWRITE) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw Error(fmt::format("{}: there is no collection here", path.string()));
  return SQLite::Database(path, flags, kBusyTimeoutMs);
}

// "YYYYMMDD-HHMMSS" in UTC.
std::string utc_stamp(std::int64_t ms) {
  const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y%m%d-%H%M%S", &utc);
  return text;
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A backup file's name: "<stem>-YYYYMMDD-HHMMSS-<reason>[-<n>].db". Returns the backup and its `n`
// (1 when absent), or nothing for another kind of file.
std::optional<std::pair<Backup, int>> parse_backup_name(const fs::path& file, const std::string& stem) {
  std::string name = file.filename().string();
  if (!name.starts_with(stem + "-") || !name.ends_with(".db")) return std::nullopt;
  std::string_view rest(name);
  rest.remove_prefix(stem.size() + 1);
  rest.remove_suffix(3);
  if (rest.size() < 17 || !all_digits(rest.substr(0, 8)) || rest[8] != '-' || !all_digits(rest.substr(9, 6)) || rest[15] != '-')
    return std::nullopt;
  std::string_view reason = rest.substr(16);
  int n = 1;
  if (const auto dash = reason.rfind('-'); dash != std::string_view::npos && all_digits(reason.substr(dash + 1))) {
    n = std::stoi(std::string(reason.substr(dash + 1)));
    reason = reason.substr(0, dash);
  }
  if (std::find(std::begin(kReasons), std::end(kReasons), reason) == std::end(kReasons)) return std::nullopt;
  const std::string iso = fmt::format("{}-{}-{}T{}:{}:{}Z", rest.substr(0, 4), rest.substr(4, 2), rest.substr(6, 2),
                                      rest.substr(9, 2), rest.substr(11, 2), rest.substr(13, 2));
  const auto made = parse_iso8601(iso);
  if (!made) return std::nullopt;
  return std::pair(Backup{file, *made, std::string(reason)}, n);
}

// A name in the backup folder that no file has yet.
fs::path new_backup_path(const fs::path& collection, std::int64_t now_ms, std::string_view reason) {
  const fs::path folder = backup_folder(collection);
  const std::string base = fmt::format("{}-{}-{}", collection.stem().string(), utc_stamp(now_ms), reason);
  fs::path target = folder / (base + ".db");
  for (int n = 2; fs::exists(target); ++n) target = folder / fmt::format("{}-{}.db", base, n);
  return target;
}

void sync_path(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags);
  if (fd < 0) throw Error(fmt::format("{}: cannot open to sync: {}", path.string(), std::strerror(errno)));
  const int status = ::fsync(fd);
  ::close(fd);
  if (status != 0) throw Error(fmt::format("{}: cannot sync: {}", path.string(), std::strerror(errno)));
}

// Temporary files of backups whose process is gone (killed while writing): ".<name>.partial-<pid>"
// and SQLite's journal beside it.
void remove_abandoned_partials(const fs::path& folder) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    const auto mark = name.rfind(".partial-");
    if (!name.starts_with(".") || mark == std::string::npos) continue;
    const std::string pid_text = name.substr(mark + 9, name.find_first_not_of("0123456789", mark + 9) - (mark + 9));
    if (pid_text.empty() || pid_text.size() > 9) continue;
    const pid_t pid = static_cast<pid_t>(std::stol(pid_text));
    if (::kill(pid, 0) != 0 && errno == ESRCH) fs::remove(entry.path(), ec);
  }
}

// What to do when another backup took a backup's name while it was being written.
enum class NameTaken { fail, number };

// Writes a consistent copy of `db` to `target`: VACUUM INTO a temporary file, synced to disk and
// then linked to its name, so `target` is complete or absent whatever happens to this process.
// With NameTaken::number, a name taken meanwhile becomes "<name>-2.db", "<name>-3.db", ...
// Returns the name written.
fs::path vacuum_into(SQLite::Database& db, const fs::path& target, NameTaken on_taken) {
  static std::atomic<int> partials{0};  // threads of one process back up at once too
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  // A name the user chose must be free. An automatic backup's name is numbered instead: two
  // sessions opened at the same moment both start the day's backup, and neither may fail for it.
  if (on_taken == NameTaken::fail && fs::exists(target, ec))
    throw Error(fmt::format("{}: the file already exists; choose another name or remove it first", target.string()));
  fs::create_directories(folder, ec);
  if (ec) throw Error(fmt::format("{}: cannot create the folder: {}", folder.string(), ec.message()));
  remove_abandoned_partials(folder);
  const fs::path partial = folder / fmt::format(".{}.partial-{}-{}", target.filename().string(), ::getpid(), ++partials);
  fs::remove(partial, ec);
  try {
    SQLite::Statement vacuum(db, "VACUUM INTO ?");
    vacuum.bind(1, partial.string());
    vacuum.exec();
    sync_path(partial, O_RDONLY);
    // link() never replaces a file, unlike rename().
    fs::path name = target;
    std::string base = target.stem().string();
    int n = 2;
    if (const auto dash = base.rfind('-'); dash != std::string::npos && all_digits(base.substr(dash + 1)) && base.size() - dash < 6) {
      n = std::stoi(base.substr(dash + 1)) + 1;  // already numbered: go on counting
      base.resize(dash);
    }
    for (; ::link(partial.c_str(), name.c_str()) != 0; ++n) {
      if (errno != EEXIST || on_taken == NameTaken::fail)
        throw Error(fmt::format("cannot name it: {}", std::strerror(errno)));
      name = folder / fmt::format("{}-{}.db", base, n);
    }
    fs::remove(partial);
    sync_path(folder, O_RDONLY | O_DIRECTORY);
    return name;
  } catch (const std::exception& e) {
    fs::remove(partial, ec);
    throw Error(fmt::format("{}: cannot write the backup: {}", target.string(), e.what()));
  }
}

// Backs up the collection file `collection` to `target`.
fs::path copy_collection(const fs::path& collection, const fs::path& target, NameTaken on_taken) {
  try {
    SQLite::Database db = open_existing(collection);
    db.execAndGet("PRAGMA user_version");  // fails now when the file is not a database
    return vacuum_into(db, target, on_taken);
  } catch (const SQLite::Exception& e) {
    throw Error(fmt::format("{}: cannot back up the collection: {}", collection.string(), e.what()));
  }
}

// The setting "keep_backups": how many automatic backups to keep (0: make none).
int backups_to_keep(SQLite::Database& db) {
  try {
    SQLite::Statement q(db, "SELECT value FROM config WHERE key = 'keep_backups'");
    if (!q.executeStep()) return kDefaultBackupsKept;
    const std::string value = q.getColumn(0).getString();
    return all_digits(value) && value.size() < 6 ? std::stoi(value) : kDefaultBackupsKept;
  } catch (const SQLite::Exception&) {
    return kDefaultBackupsKept;  // no settings yet
  }
}

// Removes the oldest automatic backups of `collection` beyond the newest `keep`.
void remove_old_backups(const fs::path& collection, int keep) {
  int kept = 0;
  std::error_code ec;
  for (const auto& backup : list_backups(collection)) {
    if (!backup.automatic()) continue;
    if (kept < keep)
      ++kept;
    else
      fs::remove(backup.file, ec);
  }
}

// Copies the collection file as it is, with its write-ahead log, for a collection too damaged to
// be read by SQLite.
void copy_raw(const fs::path& collection, const fs::path& target) {
  fs::create_directories(target.parent_path());
  fs::copy_file(collection, target);
  std::error_code ec;
  if (fs::exists(collection.string() + "-wal", ec)) fs::copy_file(collection.string() + "-wal", target.string() + "-wal");
  sync_path(target, O_RDONLY);
}

int count_rows(SQLite::Database& db, const char* table) {
  return db.execAndGet(fmt::format("SELECT COUNT(*) FROM {}", table)).getInt();
}

}  // namespace

// ---- Backups -------------------------------------------------------------------------------------

fs::path backup_folder(const fs::path& collection) {
  return (collection.has_parent_path() ? collection.parent_path() : fs::path(".")) / "backups";
}

std::vector<Backup> list_backups(const fs::path& collection) {
  std::vector<std::pair<Backup, int>> found;
  std::error_code ec;
  const std::string stem = collection.stem().string();
  for (const auto& entry : fs::directory_iterator(backup_folder(collection), ec)) {
    if (!entry.is_regular_file(ec)) continue;
    if (auto backup = parse_backup_name(entry.path(), stem)) found.push_back(std::move(*backup));
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    if (a.first.made_ms != b.first.made_ms) return a.first.made_ms > b.first.made_ms;
    if (a.second != b.second) return a.second > b.second;
    return a.first.file > b.first.file;
  });
  std::vector<Backup> out;
  for (auto& [backup, n] : found) out.push_back(std::move(backup));
  return out;
}

void write_backup(const fs::path& collection, const fs::path& target) { copy_collection(collection, target, NameTaken::fail); }

fs::path backup_to_folder(const fs::path& collection, std::int64_t now_ms, std::string_view reason, int keep) {
  const fs::path target = copy_collection(collection, new_backup_path(collection, now_ms, reason), NameTaken::number);
  if (reason != kManualBackup) remove_old_backups(collection, keep);
  return target;
}

namespace detail {

void backup_before_migration(SQLite::Database& db, const fs::path& path, const Clock& clock) {
  const int version = db.execAndGet("PRAGMA user_version").getInt();
  if (version <= 0 || version >= schema::latest_version()) return;  // a new collection, or nothing to migrate
  const int keep = backups_to_keep(db);
  if (keep == 0) return;
  try {
    vacuum_into(db, new_backup_path(path, clock.now_ms(), kBackupBeforeMigration), NameTaken::number);
    remove_old_backups(path, keep);
  } catch (const std::exception& e) {
    throw Error(fmt::format("{}: the collection was left at schema version {}: it must be backed up before it is upgraded, "
                            "and the backup failed: {}",
                            path.string(), version, e.what()));
  }
}

std::jthread start_daily_backup(SQLite::Database& db, const fs::path& path, const Clock& clock) {
  const auto warn = [](const char* what) {
    std::fprintf(stderr, "rehearse: warning: today's backup of the collection failed (it is tried again next time): %s\n", what);
  };
  try {
    const int keep = backups_to_keep(db);
    if (keep == 0) return {};
    const auto backups = list_backups(path);
    if (!backups.empty() && clock.day_number(backups.front().made_ms) >= clock.today()) return {};
    return std::jthread([path, keep, now_ms = clock.now_ms(), warn] {
      try {
        backup_to_folder(path, now_ms, kDailyBackup, keep);
      } catch (const std::exception& e) {
        warn(e.what());
      }
    });
  } catch (const std::exception& e) {
    warn(e.what());
    return {};
  }
}

}  // namespace detail

// ---- Restore -------------------------------------------------------------------------------------

std::string collection_file_problem(const fs::path& file) {
  std::error_code ec;
  if (!fs::exists(file, ec)) return "there is no such file";
  if (!fs::is_regular_file(file, ec)) return "it is not a file";
  try {
    SQLite::Database db(file, SQLite::OPEN_READONLY, kBusyTimeoutMs);
    const std::string check = db.execAndGet("PRAGMA quick_check").getString();
    if (check != "ok") return fmt::format("it is damaged ({})", check);
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    if (version > schema::latest_version())
      return fmt::format("it was written by a newer rehearse (schema version {}; this one knows up to {})", version,
                         schema::latest_version());
    if (version == 0) return "it is not a rehearse collection (it has no rehearse schema version)";
    for (const char* table : kCoreTables) {
      SQLite::Statement q(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
      q.bind(1, table);
      if (!q.executeStep()) return fmt::format("it is not a rehearse collection (it has no {} table)", table);
    }
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_CORRUPT) return fmt::format("it is damaged ({})", e.what());
    return fmt::format("it is not a rehearse collection ({})", e.what());
  }
  return {};
}

RestoreReport restore_collection(const fs::path& collection, const fs::path& file, std::int64_t now_ms) {
  std::error_code ec;
  if (fs::exists(collection, ec) && fs::equivalent(collection, file, ec))
    throw Error(fmt::format("{}: this is the collection itself; name a backup of it", file.string()));
  if (const std::string problem = collection_file_problem(file); !problem.empty())
    throw Error(fmt::format("{}: cannot restore it: {}; the collection was not changed", file.string(), problem));

  RestoreReport report;
  if (fs::exists(collection, ec)) {
    int keep = kDefaultBackupsKept;
    try {
      SQLite::Database current = open_existing(collection);
      keep = std::max(backups_to_keep(current), 1);
    } catch (const std::exception&) {
      // Too damaged to read its settings: keep the default number.
    }
    try {
      report.previous = backup_to_folder(collection, now_ms, kBackupBeforeRestore, keep);
    } catch (const Error&) {
      report.previous = new_backup_path(collection, now_ms, kBackupBeforeRestore);
      try {
        copy_raw(collection, report.previous);
      } catch (const std::exception& e) {
        throw Error(fmt::format("{}: the collection could not be backed up before restoring, so it was not changed: {}",
                                collection.string(), e.what()));
      }
    }
  }

  try {
    SQLite::Database target(collection, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, kBusyTimeoutMs);
    target.backup(file.c_str(), SQLite::Database::Load);
  } catch (const SQLite::Exception& e) {
    // A file SQLite cannot read as a database at all cannot be written page by page either:
    // replace it whole. (Its backup is in report.previous.)
    if (e.getErrorCode() != SQLITE_NOTADB && e.getErrorCode() != SQLITE_CORRUPT)
      throw Error(fmt::format("{}: cannot restore {} into it: {}; the collection was not changed", collection.string(),
                              file.string(), e.what()));
    const fs::path replacement = collection.string() + ".restoring";
    fs::remove(replacement, ec);
    write_backup(file, replacement);
    for (const char* suffix : {"-wal", "-shm"}) fs::remove(collection.string() + suffix, ec);
    fs::rename(replacement, collection);
  }

  SQLite::Database restored = open_existing(collection, SQLite::OPEN_READONLY);
  report.schema_version = restored.execAndGet("PRAGMA user_version").getInt();
  report.cards = count_rows(restored, "cards");
  report.reviews = count_rows(restored, "review_log");
  return report;
}

// ---- Check ---------------------------------------------------------------------------------------

std::vector<std::string> integrity_problems(const fs::path& collection) {
  std::vector<std::string> problems;
  try {
    SQLite::Database db = open_existing(collection);
    SQLite::Statement check(db, "PRAGMA integrity_check");
    while (check.executeStep()) {
      std::string line = check.getColumn(0).getString();
      if (line != "ok") problems.push_back(std::move(line));
    }
  } catch (const SQLite::Exception& e) {
    problems.push_back(e.what());
  }
  return problems;
}

void rebuild_indexes(const fs::path& collection) {
  try {
    SQLite::Database db = open_existing(collection);
    db.exec("REINDEX");
  } catch (const SQLite::Exception& e) {
    throw Error(fmt::format("{}: cannot rebuild the indexes: {}", collection.string(), e.what()));
  }
}

namespace {

// One kind of inconsistency: how to count it and how to repair it. `cards_to_recompute`, when set,
// selects the cards whose state must be replayed from their review log after the repair.
struct Inconsistency {
  std::string problem;
  std::string count_sql;
  std::string repair;  // said to the user
  std::vector<std::string> repair_sql;
  std::string cards_to_recompute = {};  // SQL selecting cards whose state is replayed after the repair
};

// Cards in a state no answer produces. (New cards keep their position in the deck in due_ms.)
constexpr const char* kImpossibleState =
    "state NOT IN (0, 1, 2, 3) OR interval_days < 0 OR reps < 0 OR lapses < 0 OR step < 0 OR ease < 0 OR stability < 0 "
    "OR difficulty < 0 OR difficulty > 10 OR (state != 0 AND due_ms < last_review_ms)";

// In the order they are repaired: rows that belong to nothing first, so that the states replayed
// last see only what remains.
std::vector<Inconsistency> inconsistencies(std::int64_t now_ms) {
  const std::string recovered = fmt::format("(SELECT id FROM decks WHERE name = '{}')", kRecoveredDeck);
  return {
      {"scheduling states of cards that no longer exist",
       "SELECT COUNT(*) FROM card_state WHERE card_id NOT IN (SELECT id FROM cards)", "removed",
       {"DELETE FROM card_state WHERE card_id NOT IN (SELECT id FROM cards)"}},
      {"review log entries of cards that no longer exist",
       "SELECT COUNT(*) FROM review_log WHERE card_id NOT IN (SELECT id FROM cards)", "removed, with their recordings",
       {"DELETE FROM answer_effects WHERE log_id IN (SELECT id FROM review_log WHERE card_id NOT IN (SELECT id FROM cards))",
        "DELETE FROM recordings WHERE log_id IN (SELECT id FROM review_log WHERE card_id NOT IN (SELECT id FROM cards))",
        "DELETE FROM review_log WHERE card_id NOT IN (SELECT id FROM cards)"}},
      {"recordings of review log entries that no longer exist",
       "SELECT COUNT(*) FROM recordings WHERE log_id NOT IN (SELECT id FROM review_log)", "removed",
       {"DELETE FROM recordings WHERE log_id NOT IN (SELECT id FROM review_log)"}},
      {"records of what answers did that belong to no answer or no card",
       "SELECT COUNT(*) FROM answer_effects WHERE log_id NOT IN (SELECT id FROM review_log) "
       "OR card_id NOT IN (SELECT id FROM cards)",
       "removed",
       {"DELETE FROM answer_effects WHERE log_id NOT IN (SELECT id FROM review_log) OR card_id NOT IN (SELECT id FROM cards)"}},
      {"cards whose deck no longer exists", "SELECT COUNT(*) FROM cards WHERE deck_id NOT IN (SELECT id FROM decks)",
       fmt::format("moved to the deck \"{}\"", kRecoveredDeck),
       {fmt::format("INSERT INTO decks (name, tags, created_ms) SELECT '{}', '', {} WHERE {} IS NULL", kRecoveredDeck, now_ms,
                    recovered),
        // A card keeps its id in the new deck unless another card there would have it too.
        fmt::format("UPDATE cards SET uid = uid || '-' || id WHERE deck_id NOT IN (SELECT id FROM decks) AND "
                    "(uid IN (SELECT uid FROM cards WHERE deck_id = {}) OR uid IN (SELECT uid FROM cards WHERE deck_id NOT IN "
                    "(SELECT id FROM decks) GROUP BY uid HAVING COUNT(*) > 1))",
                    recovered),
        fmt::format("UPDATE cards SET deck_id = {} WHERE deck_id NOT IN (SELECT id FROM decks)", recovered)}},
      {"cards without a scheduling state (never shown for review)",
       "SELECT COUNT(*) FROM cards WHERE id NOT IN (SELECT card_id FROM card_state)", "given the state of a new card",
       {"INSERT INTO card_state (card_id, deck_id, due_ms, suspended, sibling_group) "
        "SELECT c.id, c.deck_id, (SELECT COALESCE(MAX(due_ms), 0) FROM card_state WHERE deck_id = c.deck_id AND state = 0) + "
        "ROW_NUMBER() OVER (PARTITION BY c.deck_id ORDER BY c.id), c.suspended, c.sibling_group "
        "FROM cards c WHERE c.id NOT IN (SELECT card_id FROM card_state)"}},
      {"scheduling states whose deck, suspension or sibling group disagrees with their card",
       "SELECT COUNT(*) FROM card_state s JOIN cards c ON c.id = s.card_id WHERE s.deck_id != c.deck_id OR s.suspended != c.suspended "
       "OR s.sibling_group != c.sibling_group",
       "made to agree with the card",
       {"UPDATE card_state SET deck_id = (SELECT deck_id FROM cards WHERE id = card_id), "
        "suspended = (SELECT suspended FROM cards WHERE id = card_id), "
        "sibling_group = (SELECT sibling_group FROM cards WHERE id = card_id) "
        "WHERE card_id IN (SELECT s.card_id FROM card_state s JOIN cards c ON c.id = s.card_id "
        "WHERE s.deck_id != c.deck_id OR s.suspended != c.suspended OR s.sibling_group != c.sibling_group)"}},
      {"review log entries with a rating outside 1-4", "SELECT COUNT(*) FROM review_log WHERE rating NOT BETWEEN 1 AND 4",
       "removed with their recordings, and the state of their cards replayed from the rest of their review log",
       {"DELETE FROM answer_effects WHERE log_id IN (SELECT id FROM review_log WHERE rating NOT BETWEEN 1 AND 4)",
        "DELETE FROM recordings WHERE log_id IN (SELECT id FROM review_log WHERE rating NOT BETWEEN 1 AND 4)",
        "DELETE FROM review_log WHERE rating NOT BETWEEN 1 AND 4"},
       "SELECT DISTINCT card_id FROM review_log WHERE rating NOT BETWEEN 1 AND 4"},
      {"cards in a state no answer can produce (unknown state, negative interval or count, due before their last review)",
       fmt::format("SELECT COUNT(*) FROM card_state WHERE {}", kImpossibleState),
       "given the state their review log leads to (new when they have none)",
       {},
       fmt::format("SELECT card_id FROM card_state WHERE {}", kImpossibleState)},
  };
}

// Gives `card_id` the state its review log leads to under its deck's scheduler, or makes it a new
// card at the end of its deck when it has no review log.
void recompute_state(SQLite::Database& db, const Engine& engine, std::int64_t card_id) {
  SQLite::Statement deck(db, "SELECT d.name, c.deck_id FROM cards c JOIN decks d ON d.id = c.deck_id WHERE c.id = ?");
  deck.bind(1, card_id);
  if (!deck.executeStep()) return;  // a card of no deck: moved to "Recovered cards" before this runs
  const std::string deck_name = deck.getColumn(0).getString();
  const std::int64_t deck_id = deck.getColumn(1).getInt64();

  std::vector<ImportedReview> reviews;
  SQLite::Statement log(db, "SELECT reviewed_ms, rating, taken_ms FROM review_log WHERE card_id = ? ORDER BY reviewed_ms, id");
  log.bind(1, card_id);
  while (log.executeStep())
    reviews.push_back({log.getColumn(0).getInt64(), static_cast<Rating>(log.getColumn(1).getInt()), log.getColumn(2).getInt64()});

  SchedulingState state;
  if (reviews.empty()) {
    SQLite::Statement last(db, "SELECT COALESCE(MAX(due_ms), 0) + 1 FROM card_state WHERE deck_id = ? AND state = 0 AND card_id != ?");
    last.bind(1, deck_id);
    last.bind(2, card_id);
    last.executeStep();
    state.due_ms = last.getColumn(0).getInt64();
  } else {
    state = engine.replay_reviews(deck_name, reviews, card_id).back();
  }
  SQLite::Statement update(db, "UPDATE card_state SET state = ?, due_ms = ?, interval_days = ?, ease = ?, stability = ?, "
                               "difficulty = ?, step = ?, reps = ?, lapses = ?, last_review_ms = ? WHERE card_id = ?");
  update.bind(1, static_cast<int>(state.state));
  update.bind(2, static_cast<std::int64_t>(state.due_ms));
  update.bind(3, state.interval_days);
  update.bind(4, state.ease);
  update.bind(5, state.stability);
  update.bind(6, state.difficulty);
  update.bind(7, state.step);
  update.bind(8, state.reps);
  update.bind(9, state.lapses);
  update.bind(10, static_cast<std::int64_t>(state.last_review_ms));
  update.bind(11, card_id);
  update.exec();
}

// A file written this recently may be a recording whose row another process (a review in the web
// app) is about to commit: add_recording writes the file first. (Real time, not the engine's clock:
// it is compared with the file's modification time.)
constexpr auto kRecordingWriteGrace = std::chrono::minutes(1);

// How the recordings rows and the files in the recordings folder disagree.
struct RecordingFiles {
  std::vector<std::int64_t> missing;                               // rows whose file is gone
  std::vector<std::pair<std::int64_t, std::int64_t>> other_size;  // rows (id, the file's size) whose size differs
  std::vector<fs::path> orphans;                                   // files no row names
};

RecordingFiles scan_recordings(SQLite::Database& db, const fs::path& folder) {
  RecordingFiles out;
  std::set<std::string> named;
  SQLite::Statement rows(db, "SELECT id, file, bytes FROM recordings");
  while (rows.executeStep()) {
    const std::int64_t id = rows.getColumn(0).getInt64();
    const std::string file = rows.getColumn(1).getString();
    named.insert(file);
    std::error_code ec;
    const auto size = fs::file_size(folder / file, ec);
    if (ec)
      out.missing.push_back(id);
    else if (static_cast<std::int64_t>(size) != rows.getColumn(2).getInt64())
      out.other_size.emplace_back(id, static_cast<std::int64_t>(size));
  }
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return out;
  const auto now = fs::file_time_type::clock::now();
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    std::error_code entry_ec;
    if (!entry.is_regular_file(entry_ec) || named.contains(entry.path().filename().string())) continue;
    const auto written = entry.last_write_time(entry_ec);
    if (entry_ec || now - written < kRecordingWriteGrace) continue;
    out.orphans.push_back(entry.path());
  }
  if (ec) throw Error(fmt::format("{}: cannot list the recordings: {}", folder.string(), ec.message()));
  std::sort(out.orphans.begin(), out.orphans.end());
  return out;
}

std::set<std::string> recording_files(SQLite::Database& db) {
  std::set<std::string> files;
  SQLite::Statement q(db, "SELECT file FROM recordings");
  while (q.executeStep()) files.insert(q.getColumn(0).getString());
  return files;
}

constexpr const char* kMissingRecordings = "recordings whose file is missing";
constexpr const char* kResizedRecordings = "recordings whose file's size differs from the size recorded";
constexpr const char* kOrphanRecordingFiles = "files in the recordings folder that no recording names";

void add_recording_findings(const RecordingFiles& files, CheckReport& report) {
  auto add = [&](const char* problem, size_t count, const char* repair) {
    if (count > 0) report.findings.push_back({problem, static_cast<int>(count), repair});
  };
  add(kMissingRecordings, files.missing.size(), "removed (their reviews stay)");
  add(kResizedRecordings, files.other_size.size(), "given the size of their file (a shortened file may play only in part)");
  add(kOrphanRecordingFiles, files.orphans.size(), "deleted");
}

// Makes the recordings rows agree with the files, in the caller's transaction. Returns the files
// to delete once it commits.
std::vector<fs::path> repair_recordings(SQLite::Database& db, const RecordingFiles& files) {
  SQLite::Statement remove(db, "DELETE FROM recordings WHERE id = ?");
  for (const std::int64_t id : files.missing) {
    remove.bind(1, id);
    remove.exec();
    remove.reset();
  }
  SQLite::Statement resize(db, "UPDATE recordings SET bytes = ? WHERE id = ?");
  for (const auto& [id, bytes] : files.other_size) {
    resize.bind(1, bytes);
    resize.bind(2, id);
    resize.exec();
    resize.reset();
  }
  return files.orphans;
}

}  // namespace

CheckReport check_collection(Engine& engine, bool repair) {
  const fs::path& path = engine.collection().path();
  CheckReport report;
  try {
    SQLite::Database db = open_existing(path);
    const auto all = inconsistencies(engine.clock().now_ms());
    for (const auto& inconsistency : all) {
      const int rows = db.execAndGet(inconsistency.count_sql).getInt();
      if (rows > 0) report.findings.push_back({inconsistency.problem, rows, inconsistency.repair});
    }
    const fs::path folder = engine.collection().recordings_folder();
    add_recording_findings(scan_recordings(db, folder), report);
    if (!repair || report.findings.empty()) return report;

    report.backup = backup_to_folder(path, engine.clock().now_ms(), kBackupBeforeRepair, std::max(backups_to_keep(db), 1));
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Whatever the repairs below remove, no row names its file any more: those files go too.
    const std::set<std::string> named_before = recording_files(db);
    for (const auto& inconsistency : all) {
      std::set<std::int64_t> recompute;
      if (!inconsistency.cards_to_recompute.empty()) {
        SQLite::Statement cards(db, inconsistency.cards_to_recompute);
        while (cards.executeStep()) recompute.insert(cards.getColumn(0).getInt64());
      }
      for (const auto& sql : inconsistency.repair_sql) db.exec(sql);
      for (const std::int64_t card : recompute) recompute_state(db, engine, card);
    }
    // Scanned again now that no other process can write rows, and after the rows of removed
    // reviews are gone.
    std::vector<fs::path> to_delete = repair_recordings(db, scan_recordings(db, folder));
    const std::set<std::string> named_after = recording_files(db);
    for (const auto& file : named_before)
      if (!named_after.contains(file)) to_delete.push_back(folder / file);
    transaction.commit();
    report.repaired = true;
    // Only once the rows are gone for good: a failed commit leaves rows and files as they were.
    for (const auto& file : to_delete) {
      std::error_code ec;
      fs::remove(file, ec);
      if (ec)
        throw Error(fmt::format("{}: the collection was repaired, but this recording file, which no recording names any more, "
                                "could not be deleted: {}; delete it by hand",
                                file.string(), ec.message()));
    }
  } catch (const SQLite::Exception& e) {
    throw Error(fmt::format("{}: cannot check the collection: {}", path.string(), e.what()));
  }
  return report;
}

}  // namespace rehearse
