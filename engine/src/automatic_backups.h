// The backups a collection makes by itself (see rehearse/maintenance.h), called when it is opened.
#pragma once

#include <SQLiteCpp/Database.h>

#include <filesystem>

#include "rehearse/clock.h"

namespace rehearse::detail {

// Backs up the collection `db`, the file `path`, when its schema is older than this program's and
// is about to be migrated. Throws rehearse::Error when the backup fails, so that nothing is
// migrated without one.
void backup_before_migration(SQLite::Database& db, const std::filesystem::path& path, const Clock& clock);

// Backs up the collection when no backup was made on the clock's day yet. A failure does not stop
// the program: it is reported on standard error, and the next opening tries again.
void backup_once_a_day(SQLite::Database& db, const std::filesystem::path& path, const Clock& clock);

}  // namespace rehearse::detail
