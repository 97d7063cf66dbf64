// Sync in the collection (sync.h, schema version 10). What the schema keeps for it is described
// with migration 9 -> 10 in schema.cpp; here is how a batch is read and merged.
//
// Merging other devices' reviews changes the past of a card, so its state cannot be patched: the
// card's whole log is replayed, in review order, through the scheduler of its deck, as switching
// schedulers does (Engine::replay_reviews). Every device replays the same entries in the same
// order with the same fuzz (seeded by deck and uid), so they reach the same state.
#include "sync_store.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <array>
#include <set>
#include <tuple>

#include "rehearse/errors.h"
#include "state_columns.h"

namespace rehearse::detail {

namespace {

// The content columns that travel, in the order of SyncedCard::fields' documentation.
constexpr std::array<const char*, 15> kContentColumns = {
    "kind",  "prompt", "answer", "key_points", "pitfalls",      "themes",        "tags",      "situation",
    "task",  "actions", "result", "lesson",    "sibling_group", "question_type", "follow_ups"};
constexpr int kUserSuspended = 1;  // cards.suspended: 0 active, 1 by the user, 2 gone from its file

std::string content_list(const char* prefix) {
  std::string out;
  for (const char* column : kContentColumns) out += fmt::format("{}{}{}", out.empty() ? "" : ", ", prefix, column);
  return out;
}

// One SQL parameter ("?") for each content column, comma separated, for an INSERT's VALUES.
std::string content_parameters() {
  std::string out;
  for (std::size_t i = 0; i < kContentColumns.size(); ++i) out += out.empty() ? "?" : ", ?";
  return out;
}

std::string config_value(SQLite::Database& db, const std::string& key, const std::string& fallback = {}) {
  SQLite::Statement q(db, "SELECT value FROM config WHERE key = ?");
  q.bind(1, key);
  return q.executeStep() ? q.getColumn(0).getString() : fallback;
}

std::int64_t config_number(SQLite::Database& db, const std::string& key) {
  const std::string value = config_value(db, key, "0");
  try {
    return std::stoll(value);
  } catch (const std::exception&) {
    throw Error(fmt::format("the collection's setting {} should be a number, not '{}'", key, value));
  }
}

void set_config(SQLite::Database& db, const std::string& key, const std::string& value) {
  SQLite::Statement q(db, "INSERT INTO config (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  q.bind(1, key);
  q.bind(2, value);
  q.exec();
}

// This device's next sequence number, taken: the counter moves on whether or not the entry stays.
std::int64_t take_seq(SQLite::Database& db) {
  const std::int64_t seq = config_number(db, "sync.next_seq");
  set_config(db, "sync.next_seq", std::to_string(seq + 1));
  return seq;
}

std::string describe(const CardKey& key) { return fmt::format("card '{}' of deck '{}'", key.uid, key.deck); }

std::optional<std::int64_t> find_card(SQLite::Database& db, const CardKey& key) {
  SQLite::Statement q(db, "SELECT c.id FROM cards c JOIN decks d ON d.id = c.deck_id WHERE d.name = ? AND c.uid = ?");
  q.bind(1, key.deck);
  q.bind(2, key.uid);
  if (q.executeStep()) return q.getColumn(0).getInt64();
  return std::nullopt;
}

std::int64_t find_or_add_deck(SQLite::Database& db, const std::string& name, std::int64_t now_ms) {
  SQLite::Statement find(db, "SELECT id FROM decks WHERE name = ?");
  find.bind(1, name);
  if (find.executeStep()) return find.getColumn(0).getInt64();
  SQLite::Statement add(db, "INSERT INTO decks (name, tags, created_ms) VALUES (?, '', ?)");
  add.bind(1, name);
  add.bind(2, static_cast<std::int64_t>(now_ms));
  add.exec();
  return db.getLastInsertRowid();
}

// A card another device has and this one does not: it arrives with no file, so no import here
// ever suspends it for missing from one.
std::int64_t add_card(SQLite::Database& db, const SyncedCard& in, std::int64_t now_ms) {
  const std::int64_t deck_id = find_or_add_deck(db, in.card.deck, now_ms);
  SQLite::Statement add(db, fmt::format("INSERT INTO cards (deck_id, uid, {}, suspended, created_ms, modified_ms, "
                                        "sync_version, sync_device, sync_dirty) VALUES (?, ?, {}, ?, ?, ?, ?, ?, 0)",
                                        content_list(""), content_parameters()));
  int i = 1;
  add.bind(i++, static_cast<std::int64_t>(deck_id));
  add.bind(i++, in.card.uid);
  for (const char* column : kContentColumns) {
    const auto it = in.fields.find(column);
    add.bind(i++, it == in.fields.end() ? std::string() : it->second);
  }
  add.bind(i++, in.suspended ? kUserSuspended : 0);
  add.bind(i++, static_cast<std::int64_t>(now_ms));
  add.bind(i++, static_cast<std::int64_t>(now_ms));
  add.bind(i++, static_cast<std::int64_t>(in.version));
  add.bind(i++, in.device);
  add.exec();
  const std::int64_t card_id = db.getLastInsertRowid();
  // New cards are shown in the order they joined the deck, after those already there.
  SQLite::Statement state(db, "INSERT INTO card_state (card_id, deck_id, due_ms, sibling_group, suspended) VALUES "
                              "(?, ?, (SELECT COALESCE(MAX(due_ms), 0) + 1 FROM card_state WHERE deck_id = ? AND state = 0), ?, ?)");
  state.bind(1, static_cast<std::int64_t>(card_id));
  state.bind(2, static_cast<std::int64_t>(deck_id));
  state.bind(3, static_cast<std::int64_t>(deck_id));
  const auto group = in.fields.find("sibling_group");
  state.bind(4, group == in.fields.end() ? std::string() : group->second);
  state.bind(5, in.suspended ? kUserSuspended : 0);
  state.exec();
  return card_id;
}

// Merges one card's content last-writer-wins. Returns true when the card changed.
bool merge_card(SQLite::Database& db, const SyncedCard& in, const std::string& me, std::int64_t now_ms, ApplyReport& report) {
  SQLite::Statement q(db, fmt::format("SELECT c.id, c.sync_version, c.sync_device, c.sync_dirty, c.suspended, {} FROM cards c "
                                      "JOIN decks d ON d.id = c.deck_id WHERE d.name = ? AND c.uid = ?",
                                      content_list("c.")));
  q.bind(1, in.card.deck);
  q.bind(2, in.card.uid);
  if (!q.executeStep()) {
    add_card(db, in, now_ms);
    return true;
  }
  const std::int64_t id = q.getColumn(0).getInt64();
  const std::int64_t version = q.getColumn(1).getInt64();
  std::string device = q.getColumn(2).getString();
  if (device.empty()) device = me;
  const bool dirty = q.getColumn(3).getInt() != 0;
  const int suspended = q.getColumn(4).getInt();
  bool same = (suspended == kUserSuspended) == in.suspended;
  for (size_t k = 0; k < kContentColumns.size(); ++k) {
    const auto it = in.fields.find(kContentColumns[k]);
    same = same && q.getColumn(static_cast<int>(k) + 5).getString() == (it == in.fields.end() ? std::string() : it->second);
  }
  q.reset();
  const bool incoming_wins = std::tie(in.version, in.device) > std::tie(version, device);
  if (dirty && !same)
    report.conflicts.push_back(incoming_wins ? SyncConflict{in.card, in.device, me} : SyncConflict{in.card, device, in.device});
  if (!incoming_wins) return false;

  std::string assignments;
  for (const char* column : kContentColumns) assignments += fmt::format("{} = ?, ", column);
  SQLite::Statement update(db, fmt::format("UPDATE cards SET {}suspended = ?, modified_ms = ?, sync_version = ?, sync_device = ?, "
                                           "sync_dirty = 0 WHERE id = ?",
                                           assignments));
  int i = 1;
  for (const char* column : kContentColumns) {
    const auto it = in.fields.find(column);
    update.bind(i++, it == in.fields.end() ? std::string() : it->second);
  }
  // A card gone from this device's file stays so; only the user's suspension travels.
  const int new_suspended = in.suspended ? kUserSuspended : (suspended == kUserSuspended ? 0 : suspended);
  update.bind(i++, new_suspended);
  update.bind(i++, static_cast<std::int64_t>(same ? 0 : now_ms));
  update.bind(i++, static_cast<std::int64_t>(in.version));
  update.bind(i++, in.device);
  update.bind(i++, static_cast<std::int64_t>(id));
  if (same) {
    // Only the version moves: keep modified_ms as it was.
    SQLite::Statement version_only(db, "UPDATE cards SET sync_version = ?, sync_device = ?, sync_dirty = 0 WHERE id = ?");
    version_only.bind(1, static_cast<std::int64_t>(in.version));
    version_only.bind(2, in.device);
    version_only.bind(3, static_cast<std::int64_t>(id));
    version_only.exec();
    return false;
  }
  update.exec();
  SQLite::Statement copies(db, "UPDATE card_state SET suspended = ?, sibling_group = ? WHERE card_id = ?");
  copies.bind(1, new_suspended);
  const auto group = in.fields.find("sibling_group");
  copies.bind(2, group == in.fields.end() ? std::string() : group->second);
  copies.bind(3, static_cast<std::int64_t>(id));
  copies.exec();
  return true;
}

// The state a card has before its first review: its place among the new cards.
SchedulingState state_before_log(SQLite::Database& db, std::int64_t card_id) {
  SQLite::Statement first(db, "SELECT state_before, due_before, interval_before, ease_before, stability_before, difficulty_before, "
                              "step_before, reps_before, lapses_before, last_review_before FROM review_log WHERE card_id = ? "
                              "ORDER BY reviewed_ms, device, seq LIMIT 1");
  first.bind(1, static_cast<std::int64_t>(card_id));
  if (first.executeStep()) return read_state(first, 0);
  SQLite::Statement current(db, "SELECT state, due_ms, interval_days, ease, stability, difficulty, step, reps, lapses, last_review_ms "
                                "FROM card_state WHERE card_id = ?");
  current.bind(1, static_cast<std::int64_t>(card_id));
  if (current.executeStep()) return read_state(current, 0);
  return {};
}

// Replays card `card_id`'s log in review order (ties between devices broken by device and seq,
// the same on every device) and writes each entry's states and the card's.
void recompute(SQLite::Database& db, std::int64_t card_id, const SchedulingState& unreviewed, const Collection::Replayer& replay,
               const Collection::SchedulerNamer& scheduler_of) {
  SQLite::Statement deck(db, "SELECT d.name FROM cards c JOIN decks d ON d.id = c.deck_id WHERE c.id = ?");
  deck.bind(1, static_cast<std::int64_t>(card_id));
  if (!deck.executeStep()) return;
  const std::string deck_name = deck.getColumn(0).getString();

  std::vector<std::int64_t> ids;
  std::vector<ImportedReview> reviews;
  SQLite::Statement log(db, "SELECT id, reviewed_ms, rating, taken_ms FROM review_log WHERE card_id = ? ORDER BY reviewed_ms, device, seq");
  log.bind(1, static_cast<std::int64_t>(card_id));
  while (log.executeStep()) {
    ids.push_back(log.getColumn(0).getInt64());
    reviews.push_back({log.getColumn(1).getInt64(), static_cast<Rating>(log.getColumn(2).getInt()), log.getColumn(3).getInt64()});
  }
  SchedulingState state = unreviewed;
  if (!reviews.empty()) {
    const std::vector<SchedulingState> states = replay(deck_name, reviews, card_id);
    const std::string scheduler = scheduler_of(deck_name);
    SQLite::Statement rewrite(db, "UPDATE review_log SET scheduler = ?, state_before = ?, due_before = ?, interval_before = ?, "
                                  "ease_before = ?, stability_before = ?, difficulty_before = ?, step_before = ?, reps_before = ?, "
                                  "lapses_before = ?, last_review_before = ?, state_after = ?, due_after = ?, interval_after = ?, "
                                  "ease_after = ?, stability_after = ?, difficulty_after = ?, step_after = ?, reps_after = ?, "
                                  "lapses_after = ? WHERE id = ?");
    for (size_t i = 0; i < ids.size(); ++i) {
      rewrite.reset();
      rewrite.bind(1, scheduler);
      bind_state(rewrite, 2, state);
      // The after columns have no last_review column: bind the nine that exist.
      const SchedulingState& after = states[i];
      rewrite.bind(12, static_cast<int>(after.state));
      rewrite.bind(13, static_cast<std::int64_t>(after.due_ms));
      rewrite.bind(14, after.interval_days);
      rewrite.bind(15, after.ease);
      rewrite.bind(16, after.stability);
      rewrite.bind(17, after.difficulty);
      rewrite.bind(18, after.step);
      rewrite.bind(19, after.reps);
      rewrite.bind(20, after.lapses);
      rewrite.bind(21, static_cast<std::int64_t>(ids[i]));
      rewrite.exec();
      state = after;
    }
  }
  SQLite::Statement set(db, "UPDATE card_state SET state = ?, due_ms = ?, interval_days = ?, ease = ?, stability = ?, "
                            "difficulty = ?, step = ?, reps = ?, lapses = ?, last_review_ms = ? WHERE card_id = ?");
  bind_state(set, 1, state);
  set.bind(11, static_cast<std::int64_t>(card_id));
  set.exec();
}

}  // namespace

std::string device_id(SQLite::Database& db) {
  std::string id = config_value(db, "sync.device");
  if (id.empty()) throw Error("the collection has no device id (setting sync.device); it was not migrated to schema 10");
  return id;
}

SyncState sync_state(SQLite::Database& db) {
  SyncState state;
  state.device = device_id(db);
  state.pulled_position = config_number(db, "sync.pulled_position");
  state.pushed_seq = config_number(db, "sync.pushed_seq");
  state.next_seq = config_number(db, "sync.next_seq");
  state.last_sync_ms = config_number(db, "sync.last_sync_ms");
  SQLite::Statement reviews(db, "SELECT (SELECT COUNT(*) FROM review_log WHERE device = ?1 AND seq > ?2) + "
                                "(SELECT COUNT(*) FROM review_cancellations WHERE device = ?1 AND seq > ?2)");
  reviews.bind(1, state.device);
  reviews.bind(2, static_cast<std::int64_t>(state.pushed_seq));
  reviews.executeStep();
  state.waiting_reviews = reviews.getColumn(0).getInt();
  state.waiting_cards = db.execAndGet("SELECT COUNT(*) FROM cards WHERE sync_dirty != 0").getInt();
  state.waiting_settings = db.execAndGet("SELECT COUNT(*) FROM config_sync WHERE dirty != 0").getInt();
  return state;
}

ChangeBatch changes_since(SQLite::Database& db, std::int64_t pushed_seq) {
  const std::string me = device_id(db);
  ChangeBatch batch;
  SQLite::Statement reviews(db, "SELECT d.name, c.uid, l.seq, l.reviewed_ms, l.rating, l.taken_ms FROM review_log l "
                                "JOIN cards c ON c.id = l.card_id JOIN decks d ON d.id = c.deck_id "
                                "WHERE l.device = ? AND l.seq > ? ORDER BY l.seq");
  reviews.bind(1, me);
  reviews.bind(2, static_cast<std::int64_t>(pushed_seq));
  while (reviews.executeStep()) {
    SyncedReview r;
    r.card = {reviews.getColumn(0).getString(), reviews.getColumn(1).getString()};
    r.device = me;
    r.seq = reviews.getColumn(2).getInt64();
    r.reviewed_ms = reviews.getColumn(3).getInt64();
    r.rating = static_cast<Rating>(reviews.getColumn(4).getInt());
    r.taken_ms = reviews.getColumn(5).getInt64();
    batch.reviews.push_back(std::move(r));
  }
  SQLite::Statement cancels(db, "SELECT deck, uid, seq, created_ms, target_device, target_seq FROM review_cancellations "
                                "WHERE device = ? AND seq > ? ORDER BY seq");
  cancels.bind(1, me);
  cancels.bind(2, static_cast<std::int64_t>(pushed_seq));
  while (cancels.executeStep()) {
    SyncedReview r;
    r.card = {cancels.getColumn(0).getString(), cancels.getColumn(1).getString()};
    r.device = me;
    r.seq = cancels.getColumn(2).getInt64();
    r.reviewed_ms = cancels.getColumn(3).getInt64();
    r.cancels_device = cancels.getColumn(4).getString();
    r.cancels_seq = cancels.getColumn(5).getInt64();
    batch.reviews.push_back(std::move(r));
  }
  SQLite::Statement cards(db, fmt::format("SELECT d.name, c.uid, c.sync_version, c.sync_device, c.suspended, {} FROM cards c "
                                          "JOIN decks d ON d.id = c.deck_id WHERE c.sync_dirty != 0 ORDER BY c.id",
                                          content_list("c.")));
  while (cards.executeStep()) {
    SyncedCard card;
    card.card = {cards.getColumn(0).getString(), cards.getColumn(1).getString()};
    card.version = cards.getColumn(2).getInt64();
    card.device = cards.getColumn(3).getString();
    if (card.device.empty()) card.device = me;
    card.suspended = cards.getColumn(4).getInt() == kUserSuspended;
    for (size_t k = 0; k < kContentColumns.size(); ++k)
      card.fields[kContentColumns[k]] = cards.getColumn(static_cast<int>(k) + 5).getString();
    batch.cards.push_back(std::move(card));
  }
  SQLite::Statement settings(db, "SELECT s.key, c.value, s.version, s.device, s.deleted FROM config_sync s "
                                 "LEFT JOIN config c ON c.key = s.key WHERE s.dirty != 0 ORDER BY s.key");
  while (settings.executeStep()) {
    SyncedSetting setting;
    setting.key = settings.getColumn(0).getString();
    if (settings.getColumn(4).getInt() == 0 && !settings.getColumn(1).isNull()) setting.value = settings.getColumn(1).getString();
    setting.version = settings.getColumn(2).getInt64();
    setting.device = settings.getColumn(3).getString();
    if (setting.device.empty()) setting.device = me;
    batch.settings.push_back(std::move(setting));
  }
  return batch;
}

ApplyReport apply_changes(SQLite::Database& db, const ChangeBatch& pulled, const ChangeBatch& pushed,
                          const Collection::Replayer& replay, const Collection::SchedulerNamer& scheduler,
                          const Collection::SettingWriter& write_setting, std::int64_t now_ms) {
  const std::string me = device_id(db);
  ApplyReport report;

  // Settings first: a deck's scheduler decides how its cards are recomputed below.
  for (const auto& setting : pulled.settings) {
    SQLite::Statement local(db, "SELECT version, device FROM config_sync WHERE key = ?");
    local.bind(1, setting.key);
    std::int64_t version = 0;
    std::string device = me;
    if (local.executeStep()) {
      version = local.getColumn(0).getInt64();
      if (const std::string d = local.getColumn(1).getString(); !d.empty()) device = d;
    }
    local.reset();
    if (std::tie(setting.version, setting.device) <= std::tie(version, device)) continue;
    write_setting(setting.key, setting.value);
    // The write took a version of this device's: the setting's is the one it came with.
    SQLite::Statement keep(db, "INSERT OR REPLACE INTO config_sync (key, version, device, dirty, deleted) VALUES (?, ?, ?, 0, ?)");
    keep.bind(1, setting.key);
    keep.bind(2, static_cast<std::int64_t>(setting.version));
    keep.bind(3, setting.device);
    keep.bind(4, setting.value ? 0 : 1);
    keep.exec();
    ++report.settings;
  }
  SQLite::Statement clean_setting(db, "UPDATE config_sync SET dirty = 0 WHERE key = ? AND version = ?");
  for (const auto& setting : pushed.settings) {
    clean_setting.reset();
    clean_setting.bind(1, setting.key);
    clean_setting.bind(2, static_cast<std::int64_t>(setting.version));
    clean_setting.exec();
  }

  // What the server confirmed: its entries are no longer this device's to delete on undo, and its
  // cards are clean (below) unless edited again since (their version moved on).
  std::int64_t pushed_seq = config_number(db, "sync.pushed_seq");
  for (const auto& review : pushed.reviews)
    if (review.device == me) pushed_seq = std::max(pushed_seq, review.seq);
  set_config(db, "sync.pushed_seq", std::to_string(pushed_seq));
  // Cards first, so that the reviews of a card new here find it.
  for (const auto& card : pulled.cards)
    if (merge_card(db, card, me, now_ms, report)) ++report.cards;
  // Only now are the pushed cards clean: a pulled edit of one of them was a conflict above.
  SQLite::Statement clean(db, "UPDATE cards SET sync_dirty = 0 WHERE uid = ? AND sync_version = ? "
                              "AND deck_id = (SELECT id FROM decks WHERE name = ?)");
  for (const auto& card : pushed.cards) {
    clean.reset();
    clean.bind(1, card.card.uid);
    clean.bind(2, static_cast<std::int64_t>(card.version));
    clean.bind(3, card.card.deck);
    clean.exec();
  }


  // The cards whose log changes, with their state before any review (for a log emptied by a
  // cancellation), read before the log changes.
  std::map<std::int64_t, SchedulingState> touched;
  auto touch = [&](std::int64_t card_id) {
    if (!touched.contains(card_id)) touched.emplace(card_id, state_before_log(db, card_id));
  };
  for (const auto& review : pushed.reviews)
    if (auto id = find_card(db, review.card)) touch(*id);

  SQLite::Statement cancelled(db, "SELECT 1 FROM review_cancellations WHERE target_device = ? AND target_seq = ?");
  SQLite::Statement insert(db, "INSERT OR IGNORE INTO review_log (card_id, reviewed_ms, rating, taken_ms, scheduler, state_before, "
                               "due_before, interval_before, ease_before, stability_before, difficulty_before, step_before, "
                               "reps_before, lapses_before, last_review_before, state_after, due_after, interval_after, ease_after, "
                               "stability_after, difficulty_after, step_after, reps_after, lapses_after, device, seq) "
                               "VALUES (?, ?, ?, ?, '', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?, ?)");
  SQLite::Statement add_cancel(db, "INSERT OR IGNORE INTO review_cancellations (device, seq, target_device, target_seq, deck, uid, "
                                   "created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)");
  SQLite::Statement remove(db, "DELETE FROM review_log WHERE device = ? AND seq = ?");
  for (const auto& review : pulled.reviews) {
    const auto card_id = find_card(db, review.card);
    if (!card_id)
      throw Error(fmt::format("the server sent a review of {} (device {}, entry {}) but not the card; nothing was changed",
                              describe(review.card), review.device, review.seq));
    touch(*card_id);
    if (review.cancels_device) {
      add_cancel.reset();
      add_cancel.bind(1, review.device);
      add_cancel.bind(2, static_cast<std::int64_t>(review.seq));
      add_cancel.bind(3, *review.cancels_device);
      add_cancel.bind(4, static_cast<std::int64_t>(review.cancels_seq));
      add_cancel.bind(5, review.card.deck);
      add_cancel.bind(6, review.card.uid);
      add_cancel.bind(7, static_cast<std::int64_t>(review.reviewed_ms));
      add_cancel.exec();
      remove.reset();
      remove.bind(1, *review.cancels_device);
      remove.bind(2, static_cast<std::int64_t>(review.cancels_seq));
      report.cancellations += remove.exec();
      continue;
    }
    cancelled.reset();
    cancelled.bind(1, review.device);
    cancelled.bind(2, static_cast<std::int64_t>(review.seq));
    if (cancelled.executeStep()) continue;  // undone on its device before it reached this one
    insert.reset();
    insert.bind(1, static_cast<std::int64_t>(*card_id));
    insert.bind(2, static_cast<std::int64_t>(review.reviewed_ms));
    insert.bind(3, static_cast<int>(review.rating));
    insert.bind(4, static_cast<std::int64_t>(review.taken_ms));
    insert.bind(5, review.device);
    insert.bind(6, static_cast<std::int64_t>(review.seq));
    report.reviews += insert.exec();
  }

  for (const auto& [card_id, unreviewed] : touched) {
    recompute(db, card_id, unreviewed, replay, scheduler);
    ++report.recomputed;
  }
  if (pulled.position > 0) set_config(db, "sync.pulled_position", std::to_string(pulled.position));
  set_config(db, "sync.last_sync_ms", std::to_string(now_ms));
  return report;
}

void renew_device_id(SQLite::Database& db) {
  const std::string old = device_id(db);
  const std::string renewed = db.execAndGet("SELECT lower(hex(randomblob(8)))").getString();
  const std::int64_t pushed = config_number(db, "sync.pushed_seq");
  // What the server confirmed stays the old device's; the rest becomes the new one's, numbered
  // from 1 in the same order.
  for (const char* table : {"review_log", "review_cancellations"}) {
    SQLite::Statement move(db, fmt::format("UPDATE {} SET device = ?, seq = seq - ? WHERE device = ? AND seq > ?", table));
    move.bind(1, renewed);
    move.bind(2, static_cast<std::int64_t>(pushed));
    move.bind(3, old);
    move.bind(4, static_cast<std::int64_t>(pushed));
    move.exec();
  }
  set_config(db, "sync.next_seq", std::to_string(config_number(db, "sync.next_seq") - pushed));
  set_config(db, "sync.device", renewed);
  set_config(db, "sync.pushed_seq", "0");
  // Pull everything again: what the old id pushed from elsewhere (the other copy) comes back too.
  set_config(db, "sync.pulled_position", "0");
}

void note_undo(SQLite::Database& db, std::int64_t log_id, std::int64_t now_ms) {
  SQLite::Statement entry(db, "SELECT l.device, l.seq, d.name, c.uid FROM review_log l JOIN cards c ON c.id = l.card_id "
                              "JOIN decks d ON d.id = c.deck_id WHERE l.id = ?");
  entry.bind(1, static_cast<std::int64_t>(log_id));
  if (!entry.executeStep() || entry.getColumn(0).isNull()) return;
  const std::string device = entry.getColumn(0).getString();
  const std::int64_t seq = entry.getColumn(1).getInt64();
  const CardKey card{entry.getColumn(2).getString(), entry.getColumn(3).getString()};
  entry.reset();
  // Not yet pushed: no other device has it, so deleting it is enough.
  if (device == device_id(db) && seq > config_number(db, "sync.pushed_seq")) return;
  SQLite::Statement add(db, "INSERT INTO review_cancellations (device, seq, target_device, target_seq, deck, uid, created_ms) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)");
  add.bind(1, device_id(db));
  add.bind(2, static_cast<std::int64_t>(take_seq(db)));
  add.bind(3, device);
  add.bind(4, static_cast<std::int64_t>(seq));
  add.bind(5, card.deck);
  add.bind(6, card.uid);
  add.bind(7, static_cast<std::int64_t>(now_ms));
  add.exec();
}

}  // namespace rehearse::detail
