// Keeping a collection safe: backups, restoring one, and checking a collection for damage.
//
// A backup is a consistent copy of a collection taken with SQLite's VACUUM INTO while the collection
// is in use (a review in another window goes on meanwhile). It appears whole or not at all: it is
// written to a temporary file, synced and then renamed. The collection makes backups itself in the
// folder `backups` beside it: before it migrates its schema and once a day (when it is opened on a
// day that has no backup yet; copied on a thread of its own while the collection is used, and
// finished before the collection closes), keeping the newest `keep_backups` (a setting, 10 by default; 0 turns
// automatic backups off). Backups the user asks for are never removed automatically.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "rehearse/api.h"

namespace rehearse {

class Engine;

inline constexpr int kDefaultBackupsKept = 10;

// Why a backup was made; the reason is part of its file name.
inline constexpr std::string_view kManualBackup = "manual";
inline constexpr std::string_view kDailyBackup = "daily";
inline constexpr std::string_view kBackupBeforeMigration = "before-migration";
inline constexpr std::string_view kBackupBeforeRestore = "before-restore";
inline constexpr std::string_view kBackupBeforeRepair = "before-repair";

struct Backup {
  std::filesystem::path file;
  std::int64_t made_ms = 0;  // when it was made (Unix ms, from its name)
  std::string reason;        // one of the reasons above
  bool automatic() const { return reason != kManualBackup; }
};

// The folder `backups` beside the collection file.
REHEARSE_API std::filesystem::path backup_folder(const std::filesystem::path& collection);

// The backups in backup_folder(collection), newest first. Files of other names are left out.
REHEARSE_API std::vector<Backup> list_backups(const std::filesystem::path& collection);

// Writes a copy of the collection at `collection` to `target`, which must not exist yet. Throws
// rehearse::Error when the collection cannot be read or the copy cannot be written.
REHEARSE_API void write_backup(const std::filesystem::path& collection, const std::filesystem::path& target);

// Writes a backup of `collection` into its backup folder, named
// "<collection name>-YYYYMMDD-HHMMSS-<reason>.db" after `now_ms` (UTC). After an automatic backup,
// the oldest automatic ones beyond `keep` are removed. Returns the backup's path.
REHEARSE_API std::filesystem::path backup_to_folder(const std::filesystem::path& collection, std::int64_t now_ms,
                                                    std::string_view reason, int keep = kDefaultBackupsKept);

// What is wrong with the file `file` as a collection this program can open: it cannot be read, it is
// not a rehearse collection, it was written by a newer rehearse, or it is damaged. Empty when it is
// a sound collection.
REHEARSE_API std::string collection_file_problem(const std::filesystem::path& file);

struct RestoreReport {
  std::filesystem::path previous;  // the backup of the collection as it was; empty when there was none
  int schema_version = 0;          // of the restored file (the collection migrates it when next opened)
  int cards = 0;
  int reviews = 0;
};

// Replaces the content of the collection at `collection` with that of `file`, after checking that
// `file` is a sound rehearse collection no newer than this program (collection_file_problem) and
// backing up the current collection. A current collection too damaged to back up is copied as it
// is. SQLite's backup API does the replacing, so processes that have the collection open see the
// restored content. Throws rehearse::Error, having changed nothing, when `file` cannot be restored.
REHEARSE_API RestoreReport restore_collection(const std::filesystem::path& collection, const std::filesystem::path& file,
                                              std::int64_t now_ms);

// The messages of SQLite's integrity check of the collection file; empty when it is intact.
REHEARSE_API std::vector<std::string> integrity_problems(const std::filesystem::path& collection);

// Rebuilds every index of the collection file, which repairs the damage the integrity check most
// often finds (an index out of step with its table).
REHEARSE_API void rebuild_indexes(const std::filesystem::path& collection);

// One kind of inconsistency `check_collection` found, and what repairing does about it.
struct CheckFinding {
  std::string problem;  // e.g. "review log entries of cards that no longer exist"
  int rows = 0;
  std::string repair;   // what --repair does (or did)
};

struct CheckReport {
  std::vector<CheckFinding> findings;
  bool repaired = false;         // the findings were repaired, in one transaction
  std::filesystem::path backup;  // made before repairing
  bool ok() const { return findings.empty() || repaired; }
};

// Looks for rows that belong to nothing (a card's scheduling state or review log without the card,
// a card without its deck or without its state) and for states no answer can produce (a rating
// outside 1-4, a state outside new/learning/review/relearning, a negative interval or count, a
// card due before its last review). With `repair`, backs the collection up and fixes them in one
// transaction: rows of nothing are removed, cards without a deck move to the deck "Recovered
// cards", and a card in an impossible state gets the state its review log leads to (replayed by
// its deck's scheduler), or becomes new when it has none.
//
// It also compares the recordings of spoken answers with the files in the recordings folder: a row
// whose file is missing is removed (its review stays), a row whose size differs from its file's
// takes the file's size, and a file no row names is deleted, like the rows that belong to nothing
// (files written in the last minute are left alone: their row may be about to be committed by a
// review in another process). The files of recordings whose review log entries a repair removes
// are deleted with them. Files are deleted only after the transaction commits. The backup holds
// the collection file only, not the recordings folder.
REHEARSE_API CheckReport check_collection(Engine& engine, bool repair);

}  // namespace rehearse
