#include "state_columns.h"

#include <SQLiteCpp/Column.h>

namespace rehearse {

SchedulingState read_state(SQLite::Statement& row, int first) {
  SchedulingState s;
  s.state = static_cast<CardState>(row.getColumn(first).getInt());
  s.due_ms = row.getColumn(first + 1).getInt64();
  s.interval_days = row.getColumn(first + 2).getDouble();
  s.ease = row.getColumn(first + 3).getDouble();
  s.stability = row.getColumn(first + 4).getDouble();
  s.difficulty = row.getColumn(first + 5).getDouble();
  s.step = row.getColumn(first + 6).getInt();
  s.reps = row.getColumn(first + 7).getInt();
  s.lapses = row.getColumn(first + 8).getInt();
  s.last_review_ms = row.getColumn(first + 9).getInt64();
  return s;
}

void bind_state(SQLite::Statement& statement, int first, const SchedulingState& s) {
  statement.bind(first, static_cast<int>(s.state));
  statement.bind(first + 1, static_cast<std::int64_t>(s.due_ms));
  statement.bind(first + 2, s.interval_days);
  statement.bind(first + 3, s.ease);
  statement.bind(first + 4, s.stability);
  statement.bind(first + 5, s.difficulty);
  statement.bind(first + 6, s.step);
  statement.bind(first + 7, s.reps);
  statement.bind(first + 8, s.lapses);
  statement.bind(first + 9, static_cast<std::int64_t>(s.last_review_ms));
}

}  // namespace rehearse
