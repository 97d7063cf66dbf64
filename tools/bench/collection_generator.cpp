#include "collection_generator.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <random>
#include <stdexcept>

#include "rehearse/collection.h"

namespace rehearse::bench {

namespace {

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    throw std::runtime_error(fmt::format("{}: {}", what, sqlite3_errmsg(db)));
}

struct Statement {
  sqlite3* db;
  sqlite3_stmt* stmt = nullptr;
  Statement(sqlite3* d, const char* sql) : db(d) { check(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr), db, sql); }
  ~Statement() { sqlite3_finalize(stmt); }
  void run() {
    check(sqlite3_step(stmt), db, "insert");
    sqlite3_reset(stmt);
  }
};

}  // namespace

void generate_collection(const std::filesystem::path& path, const GeneratorSpec& spec) {
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
  {
    // Let the engine create and migrate the schema.
    Clock clock(spec.now_ms);
    Collection created(path, clock);
  }
  sqlite3* db = nullptr;
  check(sqlite3_open(path.c_str(), &db), db, "open");
  check(sqlite3_exec(db, "PRAGMA synchronous = OFF; BEGIN", nullptr, nullptr, nullptr), db, "begin");

  std::mt19937_64 random(spec.seed);
  const std::int64_t day = kMsPerDay;
  {
    Statement deck(db, "INSERT INTO decks (id, name, tags, created_ms) VALUES (?, ?, '', ?)");
    for (int d = 1; d <= spec.decks; ++d) {
      const std::string name = fmt::format("Deck {:03}", d);
      sqlite3_bind_int(deck.stmt, 1, d);
      sqlite3_bind_text(deck.stmt, 2, name.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64(deck.stmt, 3, spec.now_ms - 400 * day);
      deck.run();
    }
  }
  Statement card(db,
                 "INSERT INTO cards (id, deck_id, uid, kind, prompt, answer, key_points, themes, created_ms, modified_ms) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  Statement state(db,
                  "INSERT INTO card_state (card_id, deck_id, state, due_ms, interval_days, ease, stability, difficulty, reps, "
                  "lapses, last_review_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  Statement log(db,
                "INSERT INTO review_log (card_id, reviewed_ms, rating, taken_ms, scheduler, state_before, due_before, "
                "interval_before, ease_before, stability_before, difficulty_before, step_before, reps_before, lapses_before, "
                "last_review_before, state_after, due_after, interval_after, ease_after, stability_after, difficulty_after, "
                "step_after, reps_after, lapses_after) VALUES (?, ?, ?, ?, 'fsrs', ?, 0, 0, 0, 0, 0, 0, ?, ?, 0, ?, ?, ?, 0, ?, ?, 0, ?, ?)");

  std::uniform_real_distribution<double> unit(0, 1);
  const std::int64_t reviewed_cards = spec.cards * 7 / 10;  // 30% still new
  static const char* kKinds[] = {"question", "keypoint", "story"};
  for (std::int64_t id = 1; id <= spec.cards; ++id) {
    const int deck_id = static_cast<int>((id - 1) % spec.decks) + 1;
    const std::string uid = fmt::format("card-{}", id);
    const std::string prompt = fmt::format("Benchmark prompt number {} about caching, idempotency and retries?", id);
    sqlite3_bind_int64(card.stmt, 1, id);
    sqlite3_bind_int(card.stmt, 2, deck_id);
    sqlite3_bind_text(card.stmt, 3, uid.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(card.stmt, 4, kKinds[id % 3], -1, SQLITE_STATIC);
    sqlite3_bind_text(card.stmt, 5, prompt.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(card.stmt, 6, "A model answer of a few sentences, as a real card would have.", -1, SQLITE_STATIC);
    sqlite3_bind_text(card.stmt, 7, "Stabilise first|mitigate\nKeep stakeholders informed", -1, SQLITE_STATIC);
    sqlite3_bind_text(card.stmt, 8, "incident\nreliability", -1, SQLITE_STATIC);
    sqlite3_bind_int64(card.stmt, 9, spec.now_ms - 400 * day);
    sqlite3_bind_int64(card.stmt, 10, spec.now_ms - 400 * day);
    card.run();

    // The first `due_today` reviewed cards are due today; the rest of the reviewed ones later.
    const std::int64_t rank = id - 1;
    const bool is_new = rank >= reviewed_cards;
    const bool due = !is_new && rank < spec.due_today;
    const int reps = is_new ? 0 : 1 + static_cast<int>(unit(random) * 8);
    const int lapses = is_new ? 0 : static_cast<int>(unit(random) * unit(random) * 3);
    const double interval = is_new ? 0 : 1 + unit(random) * 120;
    const std::int64_t last_review = is_new ? 0 : spec.now_ms - static_cast<std::int64_t>(interval * day * (due ? 1.0 : 0.5));
    const std::int64_t due_ms = is_new ? rank : due ? spec.now_ms - static_cast<std::int64_t>(unit(random) * 5 * day)
                                                    : spec.now_ms + day + static_cast<std::int64_t>(unit(random) * interval * day);
    sqlite3_bind_int64(state.stmt, 1, id);
    sqlite3_bind_int(state.stmt, 2, deck_id);
    sqlite3_bind_int(state.stmt, 3, is_new ? 0 : 2);
    sqlite3_bind_int64(state.stmt, 4, due_ms);
    sqlite3_bind_double(state.stmt, 5, interval);
    sqlite3_bind_double(state.stmt, 6, is_new ? 0 : 2.5);
    sqlite3_bind_double(state.stmt, 7, is_new ? 0 : interval * 1.1);
    sqlite3_bind_double(state.stmt, 8, is_new ? 0 : 3 + unit(random) * 6);
    sqlite3_bind_int(state.stmt, 9, reps);
    sqlite3_bind_int(state.stmt, 10, lapses);
    sqlite3_bind_int64(state.stmt, 11, last_review);
    state.run();

    // The card's history: `reps` reviews spread over the months before its last review.
    std::int64_t t = last_review - static_cast<std::int64_t>(reps) * 20 * day;
    for (int r = 0; r < reps; ++r) {
      t += static_cast<std::int64_t>((0.5 + unit(random)) * 20 * day);
      const int rating = unit(random) < 0.1 ? 1 : unit(random) < 0.15 ? 2 : unit(random) < 0.9 ? 3 : 4;
      sqlite3_bind_int64(log.stmt, 1, id);
      sqlite3_bind_int64(log.stmt, 2, r + 1 == reps ? last_review : t);
      sqlite3_bind_int(log.stmt, 3, rating);
      sqlite3_bind_int64(log.stmt, 4, 5000 + static_cast<std::int64_t>(unit(random) * 60000));
      sqlite3_bind_int(log.stmt, 5, r == 0 ? 0 : 2);
      sqlite3_bind_int(log.stmt, 6, r);
      sqlite3_bind_int(log.stmt, 7, 0);
      sqlite3_bind_int(log.stmt, 8, 2);
      sqlite3_bind_int64(log.stmt, 9, t + day);
      sqlite3_bind_double(log.stmt, 10, 1);
      sqlite3_bind_double(log.stmt, 11, 1.5);
      sqlite3_bind_double(log.stmt, 12, 5.0);
      sqlite3_bind_int(log.stmt, 13, r + 1);
      sqlite3_bind_int(log.stmt, 14, 0);
      log.run();
    }
  }
  check(sqlite3_exec(db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr), db, "commit");
  sqlite3_close(db);
}

}  // namespace rehearse::bench
