// The backups a collection makes by itself (see rehearse/maintenance.h), called when it is opened.
#pragma once

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <thread>

#include "rehearse/clock.h"

namespace rehearse::detail {

// Backs up the collection `db`, the file `path`, when its schema is older than this program's and
// is about to be migrated. Throws rehearse::Error when the backup fails, so that nothing is
// migrated without one.
void backup_before_migration(SQLite::Database& db, const std::filesystem::path& path, const Clock& clock);

// Starts backing up the collection when no backup was made on the clock's day yet. The copy is
// made on a thread of its own, through a connection of its own: a large collection takes seconds
// to copy, and WAL lets the copy read a snapshot while the user answers cards. The thread is
// joined when the returned object is destroyed, so the collection waits for it before it closes.
// A failure does not stop the program: it is reported on standard error, and the next opening
// tries again.
std::jthread start_daily_backup(SQLite::Database& db, const std::filesystem::path& path, const Clock& clock);

}  // namespace rehearse::detail
