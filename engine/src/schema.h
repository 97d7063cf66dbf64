// The collection's schema, as an append-only list of migrations.
#pragma once

#include <SQLiteCpp/Database.h>

namespace rehearse::schema {

// The schema version a collection has after every migration (PRAGMA user_version).
int latest_version();

// Brings `db` up to latest_version(), one migration per transaction. Throws rehearse::Error when
// the collection is newer than this program.
void migrate(SQLite::Database& db, const std::string& path);

}  // namespace rehearse::schema
