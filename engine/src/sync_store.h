// The collection's side of sync (sync.h): reading this device's unconfirmed changes and merging
// other devices' changes, on the collection's own connection. Collection's sync methods call
// these inside one write transaction.
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <string>

#include "rehearse/collection.h"
#include "rehearse/sync.h"

namespace rehearse::detail {

std::string device_id(SQLite::Database& db);
SyncState sync_state(SQLite::Database& db);
ChangeBatch changes_since(SQLite::Database& db, std::int64_t pushed_seq);
ApplyReport apply_changes(SQLite::Database& db, const ChangeBatch& pulled, const ChangeBatch& pushed,
                          const Collection::Replayer& replay, const Collection::SchedulerNamer& scheduler,
                          const Collection::SettingWriter& write_setting, std::int64_t now_ms);
// Gives the collection a new device id (Collection::renew_device_id).
void renew_device_id(SQLite::Database& db);
// Before review-log entry `log_id` is deleted by an undo: when other devices may have it (it came
// from one, or was pushed), records a cancellation for them, numbered as this device's next entry.
void note_undo(SQLite::Database& db, std::int64_t log_id, std::int64_t now_ms);

}  // namespace rehearse::detail
