#include "schema.h"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <array>
#include <string_view>

#include "rehearse/errors.h"

namespace rehearse::schema {

namespace {

// Migration i takes the schema from version i to version i + 1. Never edit one that has shipped;
// append a new one.
constexpr std::array<std::string_view, 10> kMigrations = {
    // 0 -> 1: decks, cards, scheduling state, review log, settings.
    R"sql(
    CREATE TABLE decks (
      id          INTEGER PRIMARY KEY,
      name        TEXT NOT NULL UNIQUE,
      tags        TEXT NOT NULL DEFAULT '',
      created_ms  INTEGER NOT NULL
    );
    -- One row per card. `uid` is the card's identity within its deck; list fields are stored one
    -- item per line (key points as "text|alias, alias").
    CREATE TABLE cards (
      id           INTEGER PRIMARY KEY,
      deck_id      INTEGER NOT NULL REFERENCES decks(id),
      uid          TEXT NOT NULL,
      kind         TEXT NOT NULL CHECK (kind IN ('question', 'keypoint', 'story')),
      prompt       TEXT NOT NULL,
      answer       TEXT NOT NULL DEFAULT '',
      key_points   TEXT NOT NULL DEFAULT '',
      pitfalls     TEXT NOT NULL DEFAULT '',
      themes       TEXT NOT NULL DEFAULT '',
      tags         TEXT NOT NULL DEFAULT '',
      situation    TEXT NOT NULL DEFAULT '',
      task         TEXT NOT NULL DEFAULT '',
      actions      TEXT NOT NULL DEFAULT '',
      result       TEXT NOT NULL DEFAULT '',
      lesson       TEXT NOT NULL DEFAULT '',
      sibling_group TEXT NOT NULL DEFAULT '',
      source_file  TEXT NOT NULL DEFAULT '',
      source_line  INTEGER NOT NULL DEFAULT 0,
      -- 0: active, 1: suspended by the user, 2: gone from its file at the last import
      suspended    INTEGER NOT NULL DEFAULT 0,
      created_ms   INTEGER NOT NULL,
      modified_ms  INTEGER NOT NULL,
      UNIQUE (deck_id, uid)
    );
    CREATE TABLE card_state (
      card_id         INTEGER PRIMARY KEY REFERENCES cards(id) ON DELETE CASCADE,
      state           INTEGER NOT NULL DEFAULT 0,  -- 0 new, 1 learning, 2 review, 3 relearning
      due_ms          INTEGER NOT NULL DEFAULT 0,  -- for new cards: their position in the deck
      interval_days   REAL NOT NULL DEFAULT 0,
      ease            REAL NOT NULL DEFAULT 0,
      stability       REAL NOT NULL DEFAULT 0,
      difficulty      REAL NOT NULL DEFAULT 0,
      step            INTEGER NOT NULL DEFAULT 0,
      reps            INTEGER NOT NULL DEFAULT 0,
      lapses          INTEGER NOT NULL DEFAULT 0,
      last_review_ms  INTEGER NOT NULL DEFAULT 0,
      suspended       INTEGER NOT NULL DEFAULT 0,  -- copy of cards.suspended, so the queue reads one index
      deck_id         INTEGER NOT NULL             -- copy of cards.deck_id, for the same reason
    );
    -- Today's queue reads these: due cards by state and time, per deck or across decks.
    CREATE INDEX card_state_queue ON card_state (suspended, state, due_ms);
    CREATE INDEX card_state_deck ON card_state (deck_id, suspended, state, due_ms);

    -- Everything a later scheduler or optimizer needs: the rating, when, how long it took, who
    -- scheduled it and the state on both sides (`before` in full, so an answer can be undone).
    CREATE TABLE review_log (
      id               INTEGER PRIMARY KEY,
      card_id          INTEGER NOT NULL REFERENCES cards(id),
      reviewed_ms      INTEGER NOT NULL,
      rating           INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
      taken_ms         INTEGER NOT NULL DEFAULT 0,
      scheduler        TEXT NOT NULL,
      state_before     INTEGER NOT NULL,
      due_before       INTEGER NOT NULL,
      interval_before  REAL NOT NULL,
      ease_before      REAL NOT NULL,
      stability_before REAL NOT NULL,
      difficulty_before REAL NOT NULL,
      step_before      INTEGER NOT NULL,
      reps_before      INTEGER NOT NULL,
      lapses_before    INTEGER NOT NULL,
      last_review_before INTEGER NOT NULL,
      state_after      INTEGER NOT NULL,
      due_after        INTEGER NOT NULL,
      interval_after   REAL NOT NULL,
      ease_after       REAL NOT NULL,
      stability_after  REAL NOT NULL,
      difficulty_after REAL NOT NULL,
      step_after       INTEGER NOT NULL,
      reps_after       INTEGER NOT NULL,
      lapses_after     INTEGER NOT NULL,
      score            REAL,
      suggested_rating INTEGER
    );
    CREATE INDEX review_log_card ON review_log (card_id, reviewed_ms);
    CREATE INDEX review_log_time ON review_log (reviewed_ms);

    CREATE TABLE config (
      key    TEXT PRIMARY KEY,
      value  TEXT NOT NULL
    );
    )sql",

    // 1 -> 2: buried siblings, leeches, and what an answer did besides rescheduling its card.
    R"sql(
    -- A buried card stays out of the queue until this user day (Clock::day_number) begins.
    ALTER TABLE card_state ADD COLUMN buried_until_day INTEGER NOT NULL DEFAULT 0;
    -- Tags the collection gives a card itself ("leech"), one a line. Imports replace `tags` with
    -- what the file says and leave these alone.
    ALTER TABLE cards ADD COLUMN collection_tags TEXT NOT NULL DEFAULT '';
    -- Answering a card buries its siblings: the cards of its deck with the same group.
    CREATE INDEX cards_sibling_group ON cards (deck_id, sibling_group) WHERE sibling_group != '';
    -- The side effects of an answer, so that undoing it takes them back too:
    --   bury:    the answer buried sibling `card_id`, whose buried_until_day was `previous`;
    --   tag:     the answer gave `card_id` the collection tag `tag`;
    --   suspend: the answer suspended `card_id` (a leech), whose cards.suspended was `previous`.
    CREATE TABLE answer_effects (
      log_id    INTEGER NOT NULL REFERENCES review_log(id) ON DELETE CASCADE,
      card_id   INTEGER NOT NULL REFERENCES cards(id),
      kind      TEXT NOT NULL CHECK (kind IN ('bury', 'tag', 'suspend')),
      previous  INTEGER NOT NULL DEFAULT 0,
      tag       TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX answer_effects_log ON answer_effects (log_id);
    )sql",

    // 2 -> 3: an import finds the cards a file used to hold by the file, in every deck at once.
    R"sql(
    CREATE INDEX cards_source_file ON cards (source_file);
    )sql",

    // 3 -> 4: today's queue reads a card's sibling group beside its state: a copy of
    // cards.sibling_group, so that gathering ten thousand due cards looks nothing up in cards.
    R"sql(
    ALTER TABLE card_state ADD COLUMN sibling_group TEXT NOT NULL DEFAULT '';
    UPDATE card_state SET sibling_group = (SELECT c.sibling_group FROM cards c WHERE c.id = card_state.card_id)
      WHERE card_id IN (SELECT id FROM cards WHERE sibling_group != '');
    )sql",

    // 4 -> 5: what a card asks for (card.h's QuestionType: behavioural, technical, design, ...),
    // when its file says. '' means the file did not: the card's wording decides when it is read,
    // so the cards of older collections keep being inferred, by the latest rule.
    R"sql(
    ALTER TABLE cards ADD COLUMN question_type TEXT NOT NULL DEFAULT '';
    )sql",

    // 5 -> 6: the user's version of a card. A card the user edited where its file cannot be
    // written back (a bundled deck, a CSV list, an Anki package) holds the user's text in `cards`,
    // as every reader expects; this row keeps its source's text of the same fields, which imports
    // update instead of the card's and `rehearse edit --reset` puts back. No row: not edited.
    R"sql(
    CREATE TABLE card_source_text (
      card_id      INTEGER PRIMARY KEY REFERENCES cards(id) ON DELETE CASCADE,
      prompt       TEXT NOT NULL,
      answer       TEXT NOT NULL,
      key_points   TEXT NOT NULL,
      pitfalls     TEXT NOT NULL,
      themes       TEXT NOT NULL,
      situation    TEXT NOT NULL,
      task         TEXT NOT NULL,
      actions      TEXT NOT NULL,
      result       TEXT NOT NULL,
      lesson       TEXT NOT NULL,
      edited_ms    INTEGER NOT NULL
    );
    )sql",

    // 6 -> 7: the devices paired with `rehearse serve --listen` (a phone on the network). Only a
    // hash of each device's session token is kept, so the file alone does not let anyone in.
    // Written so that it can move to another version number: IF NOT EXISTS, and nothing else
    // depends on it.
    R"sql(
    CREATE TABLE IF NOT EXISTS devices (
      id          INTEGER PRIMARY KEY,
      name        TEXT NOT NULL,
      token_hash  TEXT NOT NULL UNIQUE,
      paired_at   INTEGER NOT NULL,  -- Unix ms
      last_seen   INTEGER NOT NULL   -- Unix ms
    );
    )sql",

    // 7 -> 8: a question's follow-ups (the deck's `follow-ups:`), one a line, for mock interviews.
    // The user's version of an edited card keeps its own.
    R"sql(
    ALTER TABLE cards ADD COLUMN follow_ups TEXT NOT NULL DEFAULT '';
    ALTER TABLE card_source_text ADD COLUMN follow_ups TEXT NOT NULL DEFAULT '';
    )sql",

    // 8 -> 9: spoken answers. A recording is a file beside the collection (the row names it,
    // relative to the recordings folder); it belongs to the review it was made for and goes when
    // that review is undone. `spoken_ms` is how long the answer took to say.
    R"sql(
    CREATE TABLE recordings (
      id          INTEGER PRIMARY KEY,
      log_id      INTEGER NOT NULL UNIQUE REFERENCES review_log(id) ON DELETE CASCADE,
      file        TEXT NOT NULL UNIQUE,
      mime_type   TEXT NOT NULL,
      bytes       INTEGER NOT NULL,
      spoken_ms   INTEGER NOT NULL,
      created_ms  INTEGER NOT NULL
    );
    ALTER TABLE review_log ADD COLUMN spoken_ms INTEGER;
    )sql",

    // 9 -> 10: sync across devices (engine/src/sync_store.cpp). Every device that shares the
    // collection through a server knows a card by (deck name, uid) and a review by (device, seq):
    //   - `sync.device` is this collection's random device id; `sync.next_seq` the next sequence
    //     number of its review-log entries, a counter of its own so that an undo never frees one.
    //   - review_log gains (device, seq); an entry written without them is this device's next one
    //     (the trigger), so every writer of the log numbers its entries without knowing of sync.
    //     Entries that exist already become this device's, numbered in the order written.
    //   - An entry undone after it was pushed is not forgotten by the others: the undo is itself
    //     an entry, kept in review_cancellations, which travels like a review.
    //   - A card's content and suspension merge last-writer-wins by (sync_version, sync_device):
    //     a local change (the trigger) takes the next version (its time) and marks the row to push
    //     (sync_dirty); a writer that sets the version itself (a pulled change) does neither.
    R"sql(
    INSERT OR IGNORE INTO config (key, value) VALUES ('sync.device', lower(hex(randomblob(8))));
    ALTER TABLE review_log ADD COLUMN device TEXT;
    ALTER TABLE review_log ADD COLUMN seq INTEGER;
    UPDATE review_log SET device = (SELECT value FROM config WHERE key = 'sync.device'), seq = id;
    INSERT OR REPLACE INTO config (key, value) VALUES ('sync.next_seq', (SELECT COALESCE(MAX(id), 0) + 1 FROM review_log));
    CREATE UNIQUE INDEX review_log_device_seq ON review_log (device, seq);
    CREATE TRIGGER review_log_number AFTER INSERT ON review_log WHEN NEW.seq IS NULL
    BEGIN
      UPDATE review_log SET device = (SELECT value FROM config WHERE key = 'sync.device'),
                            seq = (SELECT CAST(value AS INTEGER) FROM config WHERE key = 'sync.next_seq')
        WHERE id = NEW.id;
      UPDATE config SET value = CAST(value AS INTEGER) + 1 WHERE key = 'sync.next_seq';
    END;

    CREATE TABLE review_cancellations (
      device         TEXT NOT NULL,     -- the cancelling entry's own device and seq
      seq            INTEGER NOT NULL,
      target_device  TEXT NOT NULL,     -- the entry it cancels
      target_seq     INTEGER NOT NULL,
      deck           TEXT NOT NULL,     -- the card of that entry
      uid            TEXT NOT NULL,
      created_ms     INTEGER NOT NULL,
      PRIMARY KEY (device, seq),
      UNIQUE (target_device, target_seq)
    );

    ALTER TABLE cards ADD COLUMN sync_version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE cards ADD COLUMN sync_device TEXT NOT NULL DEFAULT '';  -- '' : this device
    ALTER TABLE cards ADD COLUMN sync_dirty INTEGER NOT NULL DEFAULT 1;
    CREATE INDEX cards_sync_dirty ON cards (sync_dirty) WHERE sync_dirty != 0;
    CREATE TRIGGER cards_sync_edit AFTER UPDATE ON cards
      WHEN NEW.sync_version IS OLD.sync_version AND NEW.sync_device IS OLD.sync_device
       AND (OLD.kind IS NOT NEW.kind OR OLD.prompt IS NOT NEW.prompt OR OLD.answer IS NOT NEW.answer
            OR OLD.key_points IS NOT NEW.key_points OR OLD.pitfalls IS NOT NEW.pitfalls OR OLD.themes IS NOT NEW.themes
            OR OLD.tags IS NOT NEW.tags OR OLD.situation IS NOT NEW.situation OR OLD.task IS NOT NEW.task
            OR OLD.actions IS NOT NEW.actions OR OLD.result IS NOT NEW.result OR OLD.lesson IS NOT NEW.lesson
            OR OLD.sibling_group IS NOT NEW.sibling_group OR OLD.question_type IS NOT NEW.question_type
            OR OLD.follow_ups IS NOT NEW.follow_ups OR (OLD.suspended = 1) IS NOT (NEW.suspended = 1))
    BEGIN
      -- The version is the time of the edit in Unix ms (and never less than one more than before),
      -- so of two edits on two devices the later one is kept.
      UPDATE cards SET sync_version = MAX(OLD.sync_version + 1, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)),
                       sync_device = '', sync_dirty = 1 WHERE id = NEW.id;
    END;

    -- Settings merge last-writer-wins per key, as cards do; an unset setting is kept as deleted so
    -- that the unset travels. (No OR REPLACE in the triggers: the statement that fires them would
    -- impose its own conflict policy on it.) What belongs to this machine stays here: the sync state itself, the
    -- front end it opens, its front ends' settings and its backups.
    CREATE TABLE config_sync (
      key      TEXT PRIMARY KEY,
      version  INTEGER NOT NULL,
      device   TEXT NOT NULL DEFAULT '',  -- '' : this device
      dirty    INTEGER NOT NULL DEFAULT 1,
      deleted  INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO config_sync (key, version)
      SELECT key, 1 FROM config WHERE key NOT LIKE 'sync.%' AND key NOT LIKE 'frontend%' AND key != 'keep_backups';
    CREATE TRIGGER config_sync_insert AFTER INSERT ON config
      WHEN NEW.key NOT LIKE 'sync.%' AND NEW.key NOT LIKE 'frontend%' AND NEW.key != 'keep_backups'
    BEGIN
      INSERT INTO config_sync (key, version) SELECT NEW.key, 0 WHERE NOT EXISTS (SELECT 1 FROM config_sync WHERE key = NEW.key);
      UPDATE config_sync SET version = MAX(version + 1, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)),
                             device = '', dirty = 1, deleted = 0 WHERE key = NEW.key;
    END;
    CREATE TRIGGER config_sync_update AFTER UPDATE ON config
      WHEN NEW.key NOT LIKE 'sync.%' AND NEW.key NOT LIKE 'frontend%' AND NEW.key != 'keep_backups' AND OLD.value IS NOT NEW.value
    BEGIN
      INSERT INTO config_sync (key, version) SELECT NEW.key, 0 WHERE NOT EXISTS (SELECT 1 FROM config_sync WHERE key = NEW.key);
      UPDATE config_sync SET version = MAX(version + 1, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)),
                             device = '', dirty = 1, deleted = 0 WHERE key = NEW.key;
    END;
    CREATE TRIGGER config_sync_delete AFTER DELETE ON config
      WHEN OLD.key NOT LIKE 'sync.%' AND OLD.key NOT LIKE 'frontend%' AND OLD.key != 'keep_backups'
    BEGIN
      INSERT INTO config_sync (key, version) SELECT OLD.key, 0 WHERE NOT EXISTS (SELECT 1 FROM config_sync WHERE key = OLD.key);
      UPDATE config_sync SET version = MAX(version + 1, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)),
                             device = '', dirty = 1, deleted = 1 WHERE key = OLD.key;
    END;
    )sql",
};

}  // namespace

int latest_version() { return static_cast<int>(kMigrations.size()); }

void migrate(SQLite::Database& db, const std::string& path) {
  const int current = db.execAndGet("PRAGMA user_version").getInt();
  if (current > latest_version())
    throw Error(fmt::format("{}: the collection has schema version {}, but this rehearse knows only up to {}; "
                            "use a newer rehearse", path, current, latest_version()));
  for (int version = current; version < latest_version(); ++version) {
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Another process may have migrated while this one waited for the lock.
    if (db.execAndGet("PRAGMA user_version").getInt() != version) continue;
    db.exec(std::string(kMigrations[static_cast<size_t>(version)]));
    db.exec(fmt::format("PRAGMA user_version = {}", version + 1));
    transaction.commit();
  }
}

}  // namespace rehearse::schema
