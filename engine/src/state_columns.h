// A card's scheduling state as the collection's tables hold it: the ten columns of `card_state`
// (and of a review log entry's state before the answer), in one order everywhere.
#pragma once

#include <SQLiteCpp/Statement.h>

#include "rehearse/scheduling.h"

namespace rehearse {

// The columns, in the order read_state() and bind_state() use.
inline constexpr const char* kStateColumns =
    "state, due_ms, interval_days, ease, stability, difficulty, step, reps, lapses, last_review_ms";

// The state in columns `first` to `first + 9` of `row`.
SchedulingState read_state(SQLite::Statement& row, int first);
// Binds `state` to parameters `first` to `first + 9` of `statement`.
void bind_state(SQLite::Statement& statement, int first, const SchedulingState& state);

}  // namespace rehearse
