#include "rehearse/collection.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Savepoint.h>
#include <sqlite3.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>
#include <set>
#include <thread>
#include <unordered_map>

#include "daily_queue.h"
#include "automatic_backups.h"
#include "rehearse/errors.h"
#include "rehearse/options.h"
#include "schema.h"
#include "state_columns.h"
#include "sync_store.h"

namespace rehearse {

namespace fs = std::filesystem;

namespace {

constexpr int kActive = 0;
constexpr int kSuspendedByUser = 1;
constexpr int kGoneFromFile = 2;

std::string one_line(std::string_view text) {
  std::string out(text);
  std::replace(out.begin(), out.end(), '\n', ' ');
  std::replace(out.begin(), out.end(), '\r', ' ');
  return out;
}

std::string join_lines(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += '\n';
    out += one_line(item);
  }
  return out;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> items;
  if (text.empty()) return items;
  size_t start = 0;
  while (true) {
    const size_t end = text.find('\n', start);
    items.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return items;
}

std::string encode_key_points(const std::vector<KeyPoint>& points) {
  std::vector<std::string> lines;
  for (const auto& point : points) {
    std::string line = one_line(point.text);
    std::replace(line.begin(), line.end(), '|', '/');
    if (!point.aliases.empty()) {
      line += '|';
      for (size_t i = 0; i < point.aliases.size(); ++i) line += (i ? ", " : "") + one_line(point.aliases[i]);
    }
    lines.push_back(line);
  }
  return join_lines(lines);
}

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

std::vector<KeyPoint> decode_key_points(const std::string& text) {
  std::vector<KeyPoint> points;
  for (const auto& line : split_lines(text)) {
    KeyPoint point;
    const auto bar = line.find('|');
    point.text = line.substr(0, bar);
    if (bar != std::string::npos) {
      std::string_view rest(line);
      rest.remove_prefix(bar + 1);
      while (!rest.empty()) {
        const auto comma = rest.find(',');
        std::string alias = trim(rest.substr(0, comma));
        if (!alias.empty()) point.aliases.push_back(alias);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
      }
    }
    points.push_back(std::move(point));
  }
  return points;
}

// Columns of a card row, in the order every card query selects them.
constexpr const char* kCardColumns =
    "c.id, d.name, c.uid, c.kind, c.prompt, c.answer, c.key_points, c.pitfalls, c.themes, c.tags, "
    "c.situation, c.task, c.actions, c.result, c.lesson, c.source_line, c.suspended, c.sibling_group, "
    "s.state, s.due_ms, s.interval_days, s.ease, s.stability, s.difficulty, s.step, s.reps, s.lapses, s.last_review_ms, "
    "c.collection_tags, c.question_type, c.follow_ups";

// The columns of a card that a user's version replaces (Collection::save_user_version), in the
// order card_source_text holds them, and where each is among an import's content values below.
constexpr const char* kEditableColumns =
    "prompt, answer, key_points, pitfalls, themes, situation, task, actions, result, lesson, follow_ups";
constexpr int kEditableCount = 11;
constexpr int kEditableInImport[kEditableCount] = {1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 14};

std::array<std::string, kEditableCount> editable_values(const CardContent& c) {
  return {c.prompt,           c.answer,        encode_key_points(c.key_points), join_lines(c.pitfalls),
          join_lines(c.themes), c.story.situation, c.story.task,                  join_lines(c.story.actions),
          c.story.result,     c.story.lesson,  join_lines(c.follow_ups)};
}

Card read_card(SQLite::Statement& row) {
  Card card;
  card.id = row.getColumn(0).getInt64();
  card.deck = row.getColumn(1).getString();
  CardContent& c = card.content;
  c.uid = row.getColumn(2).getString();
  c.kind = card_kind_from_string(row.getColumn(3).getString()).value_or(CardKind::question);
  c.prompt = row.getColumn(4).getString();
  c.answer = row.getColumn(5).getString();
  c.key_points = decode_key_points(row.getColumn(6).getString());
  c.pitfalls = split_lines(row.getColumn(7).getString());
  c.themes = split_lines(row.getColumn(8).getString());
  c.tags = split_lines(row.getColumn(9).getString());
  c.story.situation = row.getColumn(10).getString();
  c.story.task = row.getColumn(11).getString();
  c.story.actions = split_lines(row.getColumn(12).getString());
  c.story.result = row.getColumn(13).getString();
  c.story.lesson = row.getColumn(14).getString();
  c.line = row.getColumn(15).getInt();
  card.suspended = row.getColumn(16).getInt() != kActive;
  c.group = row.getColumn(17).getString();
  card.scheduling = read_state(row, 18);
  // Tags the collection gave the card (leech) come after the file's.
  for (auto& tag : split_lines(row.getColumn(28).getString()))
    if (std::find(c.tags.begin(), c.tags.end(), tag) == c.tags.end()) c.tags.push_back(std::move(tag));
  // '' when the file gave no type; a name this rehearse does not know (written by a newer one) is
  // read the same way, so the card is judged by its wording rather than not at all.
  c.type = question_type_from_string(row.getColumn(29).getString());
  c.follow_ups = split_lines(row.getColumn(30).getString());
  return card;
}

bool deck_matches(const std::string& name, const std::string& filter) {
  return filter.empty() || name == filter || (name.size() > filter.size() + 2 && name.compare(0, filter.size(), filter) == 0 &&
                                              name.compare(filter.size(), 2, "::") == 0);
}

}  // namespace

struct Collection::Impl {
  fs::path path;
  const Clock& clock;
  bool created = false;
  SQLite::Database db;
  mutable std::optional<SQLite::Statement> config_query;  // after db: finalized before it closes
  Collection::RecallEstimator recall;  // set_recall_estimator(): for the retrievability review order
  std::jthread daily_backup;  // last: the copy is finished before anything else is closed

  Impl(const fs::path& p, const Clock& c, bool is_new)
      : path(p), clock(c), created(is_new),
        db(p, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, /*busyTimeoutMs=*/10'000) {}

  std::int64_t start_of_today() const { return clock.day_start_ms(clock.today()); }
  std::int64_t end_of_today() const { return clock.day_start_ms(clock.today() + 1); }

  using DeckRow = detail::DeckRef;
  std::vector<DeckRow> decks_matching(const std::string& filter) const {
    std::vector<DeckRow> out;
    SQLite::Statement q(db, "SELECT id, name FROM decks ORDER BY name");
    while (q.executeStep()) {
      DeckRow row{q.getColumn(0).getInt64(), q.getColumn(1).getString()};
      if (deck_matches(row.name, filter)) out.push_back(std::move(row));
    }
    return out;
  }

  std::optional<std::string> config(const std::string& key) const {
    // Prepared once: building a queue reads a handful of settings for every deck.
    if (!config_query) config_query.emplace(db, "SELECT value FROM config WHERE key = ?");
    SQLite::Statement& q = *config_query;
    q.reset();
    q.bind(1, key);
    std::optional<std::string> value;
    if (q.executeStep()) value = q.getColumn(0).getString();
    q.reset();  // release the read, so no transaction stays open between calls
    return value;
  }

  // A deck's setting: "deck.<deck>.<name>", else "<name>".
  std::optional<std::string> deck_setting(const std::string& deck, const std::string& name) const {
    if (auto value = config("deck." + deck + "." + name)) return value;
    return config(name);
  }

  AnswerRules answer_rules(const std::string& deck) const {
    AnswerRules rules;
    rules.bury_siblings = as_bool(deck_setting(deck, "bury_siblings"), rules.bury_siblings);
    rules.leech_threshold = config_int("deck." + deck + ".leech_threshold", config_int("leech_threshold", rules.leech_threshold));
    rules.suspend_leeches = deck_setting(deck, "leech_action").value_or("suspend") != "tag";
    return rules;
  }

  AnswerEffects apply_answer_rules(const ReviewLogEntry& entry, std::int64_t log_id);
  void undo_answer_effects(std::int64_t log_id);

  ImportReport apply_import(const std::vector<ParsedFile>& files, const Replayer& replay, ImportObserver* observer);
  void add_history(const std::string& file, const ImportedHistory& history, const Replayer& replay, ImportReport& report);

  std::int64_t insert_log(const ReviewLogEntry& entry) {
  SQLite::Statement log(db,
                          "INSERT INTO review_log (card_id, reviewed_ms, rating, taken_ms, scheduler, state_before, due_before, "
                          "interval_before, ease_before, stability_before, difficulty_before, step_before, reps_before, "
                          "lapses_before, last_review_before, state_after, due_after, interval_after, ease_after, "
                          "stability_after, difficulty_after, step_after, reps_after, lapses_after, score, suggested_rating, spoken_ms) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    log.bind(1, static_cast<std::int64_t>(entry.card_id));
    log.bind(2, static_cast<std::int64_t>(entry.reviewed_ms));
    log.bind(3, static_cast<int>(entry.rating));
    log.bind(4, static_cast<std::int64_t>(entry.taken_ms));
    log.bind(5, entry.scheduler);
    bind_state(log, 6, entry.before);
    const SchedulingState& a = entry.after;
    log.bind(16, static_cast<int>(a.state));
    log.bind(17, static_cast<std::int64_t>(a.due_ms));
    log.bind(18, a.interval_days);
    log.bind(19, a.ease);
    log.bind(20, a.stability);
    log.bind(21, a.difficulty);
    log.bind(22, a.step);
    log.bind(23, a.reps);
    log.bind(24, a.lapses);
    if (entry.score) log.bind(25, *entry.score); else log.bind(25);
    if (entry.suggestion) log.bind(26, static_cast<int>(*entry.suggestion)); else log.bind(26);
    if (entry.spoken_ms) log.bind(27, static_cast<std::int64_t>(*entry.spoken_ms)); else log.bind(27);
    log.exec();
    return db.getLastInsertRowid();
  }

  fs::path recordings_folder() const { return path.parent_path() / "recordings"; }

  // Removes a recording's file. A file that cannot be removed (already gone, a read-only folder)
  // only wastes space: the row, which is what lists and counts recordings, is gone already.
  void remove_recording_file(const std::string& name) const {
    std::error_code ec;
    fs::remove(recordings_folder() / name, ec);
  }

  int config_int(const std::string& key, int fallback) const {
    auto value = config(key);
    if (!value) return fallback;
    char* end = nullptr;
    const long number = std::strtol(value->c_str(), &end, 10);
    return end && *end == '\0' && number >= 0 ? static_cast<int>(number) : fallback;
  }

  static bool as_bool(const std::optional<std::string>& value, bool fallback) {
    if (!value) return fallback;
    if (*value == "true" || *value == "on" || *value == "yes" || *value == "1") return true;
    if (*value == "false" || *value == "off" || *value == "no" || *value == "0") return false;
    return fallback;
  }
};

fs::path Collection::default_path() {
  if (const char* env = std::getenv("REHEARSE_COLLECTION"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "rehearse" / "collection.db";
  if (const char* home = std::getenv("HOME"); home && *home)
    return fs::path(home) / ".local" / "share" / "rehearse" / "collection.db";
  return fs::path("rehearse-collection.db");
}

Collection::Collection(const fs::path& path, const Clock& clock) {
  std::error_code ec;
  const bool is_new = !fs::exists(path, ec);
  if (is_new && path.has_parent_path()) {
    fs::create_directories(path.parent_path(), ec);
    if (ec) throw Error(fmt::format("{}: cannot create the folder: {}", path.parent_path().string(), ec.message()));
  }
  try {
    impl_ = std::make_unique<Impl>(path, clock, is_new);
    impl_->db.exec("PRAGMA journal_mode = WAL");
    // FULL: each answer is on disk, not just in the OS cache, when record_answer() returns.
    impl_->db.exec("PRAGMA synchronous = FULL");
    impl_->db.exec("PRAGMA foreign_keys = ON");
    detail::backup_before_migration(impl_->db, path, clock);
    schema::migrate(impl_->db, path.string());
    if (!is_new) impl_->daily_backup = detail::start_daily_backup(impl_->db, path, clock);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw Error(fmt::format("{}: cannot open the collection: {}", path.string(), e.what()));
  }
}

Collection::~Collection() = default;

const fs::path& Collection::path() const { return impl_->path; }
const Clock& Collection::clock() const { return impl_->clock; }
bool Collection::created() const { return impl_->created; }
int Collection::schema_version() const { return impl_->db.execAndGet("PRAGMA user_version").getInt(); }
int Collection::latest_schema_version() { return schema::latest_version(); }

std::optional<std::string> Collection::config(const std::string& key) const { return impl_->config(key); }

void Collection::set_config(const std::string& key, const std::string& value) {
  SQLite::Statement q(impl_->db, "INSERT INTO config (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  q.bind(1, key);
  q.bind(2, value);
  q.exec();
}

void Collection::unset_config(const std::string& key) {
  SQLite::Statement q(impl_->db, "DELETE FROM config WHERE key = ?");
  q.bind(1, key);
  q.exec();
}

namespace {
Collection::Device device_of(SQLite::Statement& q) {
  return {q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getInt64(),
          q.getColumn(4).getInt64()};
}
}  // namespace

std::vector<Collection::Device> Collection::devices() const {
  std::vector<Device> out;
  SQLite::Statement q(impl_->db, "SELECT id, name, token_hash, paired_at, last_seen FROM devices ORDER BY paired_at, id");
  while (q.executeStep()) out.push_back(device_of(q));
  return out;
}

std::optional<Collection::Device> Collection::device_by_token_hash(const std::string& token_hash) const {
  SQLite::Statement q(impl_->db, "SELECT id, name, token_hash, paired_at, last_seen FROM devices WHERE token_hash = ?");
  q.bind(1, token_hash);
  if (!q.executeStep()) return std::nullopt;
  return device_of(q);
}

std::int64_t Collection::add_device(const std::string& name, const std::string& token_hash) {
  const std::int64_t now = impl_->clock.now_ms();
  SQLite::Statement q(impl_->db, "INSERT INTO devices (name, token_hash, paired_at, last_seen) VALUES (?, ?, ?, ?)");
  q.bind(1, name);
  q.bind(2, token_hash);
  q.bind(3, now);
  q.bind(4, now);
  q.exec();
  return impl_->db.getLastInsertRowid();
}

void Collection::touch_device(std::int64_t id, std::int64_t when_ms) {
  SQLite::Statement q(impl_->db, "UPDATE devices SET last_seen = ? WHERE id = ?");
  q.bind(1, when_ms);
  q.bind(2, id);
  q.exec();
}

bool Collection::remove_device(std::int64_t id) {
  SQLite::Statement q(impl_->db, "DELETE FROM devices WHERE id = ?");
  q.bind(1, id);
  return q.exec() > 0;
}

std::map<std::string, std::string> Collection::config_with_prefix(const std::string& prefix) const {
  std::map<std::string, std::string> out;
  SQLite::Statement q(impl_->db, "SELECT key, value FROM config WHERE substr(key, 1, ?) = ? ORDER BY key");
  q.bind(1, static_cast<int>(prefix.size()));
  q.bind(2, prefix);
  while (q.executeStep()) out[q.getColumn(0).getString().substr(prefix.size())] = q.getColumn(1).getString();
  return out;
}

ImportObserver::~ImportObserver() = default;

ImportReport Collection::apply_import(const std::vector<ParsedFile>& files, const Replayer& replay, bool dry_run,
                                      ImportObserver* observer) {
  // A dry run does the whole import inside a transaction, then throws to roll it back: the report
  // is exactly what a real import would do.
  struct RollBack {};
  ImportReport report;
  try {
    write([&] {
      report = impl_->apply_import(files, replay, observer);
      if (dry_run) throw RollBack{};
    });
  } catch (const RollBack&) {
  }
  return report;
}

ImportReport Collection::Impl::apply_import(const std::vector<ParsedFile>& files, const Replayer& replay,
                                           ImportObserver* observer) {
  ImportReport report;
  const std::int64_t now = clock.now_ms();
  size_t total = 0, done = 0;
  for (const auto& file : files)
    for (const auto& deck : file.result.decks) total += deck.cards.size();
  auto note = [&](ImportObserver::Change change, const std::string& deck, const std::string& prompt) {
    if (!observer) return;
    observer->changed(change, deck, prompt);
    if (change != ImportObserver::Change::suspended) observer->applying(++done, total);
  };

  SQLite::Statement find_deck(db, "SELECT id FROM decks WHERE name = ?");
  SQLite::Statement add_deck(db, "INSERT INTO decks (name, tags, created_ms) VALUES (?, ?, ?)");
  SQLite::Statement set_deck_tags(db, "UPDATE decks SET tags = ? WHERE id = ?");
  SQLite::Statement find_card(db,
                              "SELECT id, kind, prompt, answer, key_points, pitfalls, themes, tags, situation, task, "
                              "actions, result, lesson, sibling_group, question_type, follow_ups, suspended, source_file, source_line FROM cards "
                              "WHERE deck_id = ? AND uid = ?");
  SQLite::Statement add_card(db,
                             "INSERT INTO cards (deck_id, uid, kind, prompt, answer, key_points, pitfalls, themes, tags, "
                             "situation, task, actions, result, lesson, sibling_group, question_type, follow_ups, source_file, source_line, "
                             "suspended, created_ms, modified_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)");
  SQLite::Statement update_card(db,
                                "UPDATE cards SET kind = ?, prompt = ?, answer = ?, key_points = ?, pitfalls = ?, themes = ?, "
                                "tags = ?, situation = ?, task = ?, actions = ?, result = ?, lesson = ?, sibling_group = ?, "
                                "question_type = ?, follow_ups = ?, source_file = ?, source_line = ?, suspended = ?, modified_ms = ? WHERE id = ?");
  SQLite::Statement add_state(db, "INSERT INTO card_state (card_id, deck_id, due_ms, sibling_group) VALUES (?, ?, ?, ?)");
  SQLite::Statement set_state_copies(db, "UPDATE card_state SET suspended = ?, sibling_group = ? WHERE card_id = ?");
  SQLite::Statement set_state_suspended(db, "UPDATE card_state SET suspended = ? WHERE card_id = ?");
  SQLite::Statement user_text(db, fmt::format("SELECT {} FROM card_source_text WHERE card_id = ?", kEditableColumns));
  SQLite::Statement set_source_text(db,
                                    "UPDATE card_source_text SET prompt = ?, answer = ?, key_points = ?, pitfalls = ?, themes = ?, "
                                    "situation = ?, task = ?, actions = ?, result = ?, lesson = ?, follow_ups = ? WHERE card_id = ?");
  SQLite::Statement next_position(db, "SELECT COALESCE(MAX(due_ms), 0) + 1 FROM card_state WHERE deck_id = ? AND state = 0");

  for (const auto& file : files) {
    std::set<std::pair<std::int64_t, std::string>> seen_in_file;  // (deck id, uid) of every card the file holds
    for (const auto& deck : file.result.decks) {
      find_deck.reset();
      find_deck.bind(1, deck.name);
      std::int64_t deck_id;
      if (find_deck.executeStep()) {
        deck_id = find_deck.getColumn(0).getInt64();
        set_deck_tags.reset();
        set_deck_tags.bind(1, join_lines(deck.tags));
        set_deck_tags.bind(2, static_cast<std::int64_t>(deck_id));
        set_deck_tags.exec();
      } else {
        add_deck.reset();
        add_deck.bind(1, deck.name);
        add_deck.bind(2, join_lines(deck.tags));
        add_deck.bind(3, static_cast<std::int64_t>(now));
        add_deck.exec();
        deck_id = db.getLastInsertRowid();
      }
      find_deck.reset();

      next_position.reset();
      next_position.bind(1, static_cast<std::int64_t>(deck_id));
      next_position.executeStep();
      std::int64_t position = next_position.getColumn(0).getInt64();
      next_position.reset();

      std::unordered_map<std::string, int> seen;  // uid -> line
      for (const auto& card : deck.cards) {
        const std::string uid = card.uid.empty() ? slugify(card.prompt) : card.uid;
        if (uid.empty()) throw ParseError(file.file, card.line, "the card has no id and no prompt to derive one from");
        if (auto [it, inserted] = seen.emplace(uid, card.line); !inserted)
          throw ParseError(file.file, card.line,
                           fmt::format("duplicate card id '{}' in deck '{}' (first at line {}); give one of them an explicit "
                                       "'id:'", uid, deck.name, it->second));
        std::vector<std::string> tags = card.tags;
        for (const auto& tag : deck.tags)
          if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
        constexpr int kFields = 15;  // the content columns, in the order of `values`
        std::string values[kFields] = {std::string(to_string(card.kind)), card.prompt, card.answer,
                                      encode_key_points(card.key_points), join_lines(card.pitfalls),
                                      join_lines(card.themes), join_lines(tags), card.story.situation,
                                      card.story.task, join_lines(card.story.actions), card.story.result,
                                      card.story.lesson, card.group,
                                      card.type ? std::string(to_string(*card.type)) : std::string(),
                                      join_lines(card.follow_ups)};
        find_card.reset();
        find_card.bind(1, static_cast<std::int64_t>(deck_id));
        find_card.bind(2, uid);
        if (find_card.executeStep()) {
          const std::int64_t id = find_card.getColumn(0).getInt64();
          // A card holding the user's version: the file's text goes to the source's copy beside
          // it, and the card keeps the user's text (compared below as if the file said it).
          bool source_text_changed = false;
          user_text.reset();
          user_text.bind(1, static_cast<std::int64_t>(id));
          if (user_text.executeStep()) {
            std::array<std::string, kEditableCount> file_text;
            for (int k = 0; k < kEditableCount; ++k) {
              std::string& value = values[kEditableInImport[k]];
              file_text[k] = value;
              source_text_changed = source_text_changed || user_text.getColumn(k).getString() != value;
              value = find_card.getColumn(kEditableInImport[k] + 1).getString();
            }
            user_text.reset();
            if (source_text_changed) {
              set_source_text.reset();
              for (int k = 0; k < kEditableCount; ++k) set_source_text.bind(k + 1, file_text[k]);
              set_source_text.bind(kEditableCount + 1, static_cast<std::int64_t>(id));
              set_source_text.exec();
            }
          }
          user_text.reset();
          bool same = !source_text_changed;
          for (int i = 0; i < kFields; ++i) same = same && find_card.getColumn(i + 1).getString() == values[i];
          const int suspended = find_card.getColumn(kFields + 1).getInt();
          const bool moved = find_card.getColumn(kFields + 2).getString() != file.file || find_card.getColumn(kFields + 3).getInt() != card.line;
          find_card.reset();
          const int new_suspended = suspended == kGoneFromFile ? kActive : suspended;
          if (same && suspended != kGoneFromFile && !moved) {
            ++report.unchanged;
            note(ImportObserver::Change::unchanged, deck.name, card.prompt);
            continue;
          }
          update_card.reset();
          for (int i = 0; i < kFields; ++i) update_card.bind(i + 1, values[i]);
          update_card.bind(kFields + 1, file.file);
          update_card.bind(kFields + 2, card.line);
          update_card.bind(kFields + 3, new_suspended);
          update_card.bind(kFields + 4, static_cast<std::int64_t>(now));
          update_card.bind(kFields + 5, static_cast<std::int64_t>(id));
          update_card.exec();
          set_state_copies.reset();
          set_state_copies.bind(1, new_suspended);
          set_state_copies.bind(2, card.group);
          set_state_copies.bind(3, static_cast<std::int64_t>(id));
          set_state_copies.exec();
          const bool only_moved = same && suspended != kGoneFromFile;  // only its place in the file changed
          ++(only_moved ? report.unchanged : report.updated);
          note(only_moved ? ImportObserver::Change::unchanged : ImportObserver::Change::updated, deck.name, card.prompt);
        } else {
          find_card.reset();
          add_card.reset();
          add_card.bind(1, static_cast<std::int64_t>(deck_id));
          add_card.bind(2, uid);
          for (int i = 0; i < kFields; ++i) add_card.bind(i + 3, values[i]);
          add_card.bind(kFields + 3, file.file);
          add_card.bind(kFields + 4, card.line);
          add_card.bind(kFields + 5, static_cast<std::int64_t>(now));
          add_card.bind(kFields + 6, static_cast<std::int64_t>(now));
          add_card.exec();
          const std::int64_t id = db.getLastInsertRowid();
          add_state.reset();
          add_state.bind(1, static_cast<std::int64_t>(id));
          add_state.bind(2, static_cast<std::int64_t>(deck_id));
          add_state.bind(3, static_cast<std::int64_t>(position++));
          add_state.bind(4, card.group);
          add_state.exec();
          ++report.added;
          note(ImportObserver::Change::added, deck.name, card.prompt);
        }
      }

      for (const auto& [uid, line] : seen) seen_in_file.emplace(deck_id, uid);
    }

    // Cards this file used to hold and no longer does, in any deck: a deck the file no longer
    // names at all (every note of an Anki deck deleted) loses its cards too.
    SQLite::Statement owned(db, "SELECT c.id, c.deck_id, c.uid, c.prompt, d.name FROM cards c JOIN decks d ON d.id = c.deck_id "
                                "WHERE c.source_file = ? AND c.suspended != ?");
    owned.bind(1, file.file);
    owned.bind(2, kGoneFromFile);
    std::vector<std::int64_t> gone;
    while (owned.executeStep()) {
      if (seen_in_file.count({owned.getColumn(1).getInt64(), owned.getColumn(2).getString()}) == 0) {
        gone.push_back(owned.getColumn(0).getInt64());
        report.gone.push_back(fmt::format("{}: {}", owned.getColumn(4).getString(), owned.getColumn(3).getString()));
        note(ImportObserver::Change::suspended, owned.getColumn(4).getString(), owned.getColumn(3).getString());
      }
    }
    SQLite::Statement hide(db, "UPDATE cards SET suspended = ?, modified_ms = ? WHERE id = ?");
    for (std::int64_t id : gone) {
      hide.reset();
      hide.bind(1, kGoneFromFile);
      hide.bind(2, static_cast<std::int64_t>(now));
      hide.bind(3, static_cast<std::int64_t>(id));
      hide.exec();
      set_state_suspended.reset();
      set_state_suspended.bind(1, kGoneFromFile);
      set_state_suspended.bind(2, static_cast<std::int64_t>(id));
      set_state_suspended.exec();
      ++report.suspended;
    }
    report.warnings.insert(report.warnings.end(), file.result.warnings.begin(), file.result.warnings.end());
    for (const auto& history : file.result.history) add_history(file.file, history, replay, report);
  }
  return report;
}

void Collection::Impl::add_history(const std::string& file, const ImportedHistory& history, const Replayer& replay,
                                   ImportReport& report) {
  if (history.reviews.empty() || !replay) return;
  SQLite::Statement find(db, "SELECT c.id FROM cards c JOIN decks d ON d.id = c.deck_id WHERE d.name = ? AND c.uid = ?");
  find.bind(1, history.deck);
  find.bind(2, history.uid.empty() ? slugify(history.prompt) : history.uid);
  if (!find.executeStep()) {
    report.warnings.push_back({file, 0, fmt::format("review history for a card not in the file ('{}') was skipped", history.prompt)});
    return;
  }
  const std::int64_t card_id = find.getColumn(0).getInt64();
  SQLite::Statement existing(db, "SELECT COUNT(*) FROM review_log WHERE card_id = ?");
  existing.bind(1, card_id);
  existing.executeStep();
  if (existing.getColumn(0).getInt() > 0) return;  // the collection's own history wins
  const std::vector<SchedulingState> states = replay(history.deck, history.reviews, card_id);
  if (states.size() != history.reviews.size()) throw Error("the scheduler returned a wrong number of states while replaying history");
  SchedulingState before;
  before.due_ms = 0;
  for (size_t i = 0; i < states.size(); ++i) {
    ReviewLogEntry entry;
    entry.card_id = card_id;
    entry.reviewed_ms = history.reviews[i].reviewed_ms;
    entry.rating = history.reviews[i].rating;
    entry.taken_ms = history.reviews[i].taken_ms;
    entry.scheduler = "import";
    entry.before = before;
    entry.after = states[i];
    insert_log(entry);
    before = states[i];
  }
  SQLite::Statement update(db, "UPDATE card_state SET state = ?, due_ms = ?, interval_days = ?, ease = ?, stability = ?, "
                               "difficulty = ?, step = ?, reps = ?, lapses = ?, last_review_ms = ? WHERE card_id = ?");
  bind_state(update, 1, before);
  update.bind(11, card_id);
  update.exec();
  report.history += static_cast<int>(states.size());
}

void Collection::write(const std::function<void()>& body) {
  auto& db = impl_->db;
  if (sqlite3_get_autocommit(db.getHandle())) {
    // Another process writing (a large import) may hold the lock longer than the busy timeout:
    // wait for it a while longer rather than lose an answer to "database is locked".
    constexpr int kBusyRetries = 6;  // after the first 10 s wait, up to a minute more
    std::optional<SQLite::Transaction> transaction;
    for (int attempt = 0; !transaction; ++attempt) {
      try {
        transaction.emplace(db, SQLite::TransactionBehavior::IMMEDIATE);
      } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() != SQLITE_BUSY) throw;
        if (attempt == kBusyRetries)
          throw Error(fmt::format("{}: another rehearse has been writing to the collection for over a minute; nothing was "
                                  "changed, try again when it is done", impl_->path.string()));
      }
    }
    body();
    transaction->commit();
  } else {
    SQLite::Savepoint savepoint(db, "rehearse_nested");
    body();
    savepoint.release();
  }
}

std::vector<std::string> Collection::deck_names() const {
  std::vector<std::string> names;
  for (auto& deck : impl_->decks_matching("")) names.push_back(deck.name);
  return names;
}

DeckLimits Collection::limits(const std::string& deck) const {
  DeckLimits limits;
  limits.new_per_day = impl_->config_int("deck." + deck + ".new_per_day", impl_->config_int("new_per_day", limits.new_per_day));
  limits.reviews_per_day =
      impl_->config_int("deck." + deck + ".reviews_per_day", impl_->config_int("reviews_per_day", limits.reviews_per_day));
  limits.new_cards_ignore_review_limit =
      Impl::as_bool(impl_->deck_setting(deck, "new_cards_ignore_review_limit"), limits.new_cards_ignore_review_limit);
  return limits;
}

AnswerRules Collection::answer_rules(const std::string& deck) const { return impl_->answer_rules(deck); }

StudiedToday Collection::studied_today(const std::string& deck) const {
  const auto studied = detail::studied_today(impl_->db, impl_->clock);
  StudiedToday total;
  for (const auto& row : impl_->decks_matching(deck)) {
    auto it = studied.find(row.id);
    if (it == studied.end()) continue;
    total.reviews += it->second.reviews;
    total.new_cards += it->second.new_cards;
  }
  return total;
}

void Collection::for_each_schedule(const std::string& deck, const std::function<void(const CardSchedule&)>& visit) const {
  SQLite::Statement deck_cards(impl_->db, fmt::format("SELECT s.card_id, s.sibling_group, {} FROM card_state s "
                                                      "WHERE s.deck_id = ? AND s.suspended = 0 "
                                                      "ORDER BY s.state != 0, s.due_ms, s.card_id",
                                                      kStateColumns));
  CardSchedule row;
  for (const auto& d : impl_->decks_matching(deck)) {
    row.deck = d.name;
    deck_cards.reset();
    deck_cards.bind(1, static_cast<std::int64_t>(d.id));
    while (deck_cards.executeStep()) {
      row.card_id = deck_cards.getColumn(0).getInt64();
      row.group = deck_cards.getColumn(1).getString();
      row.state = read_state(deck_cards, 2);
      visit(row);
    }
  }
}

std::map<std::int64_t, CardKind> Collection::card_kinds(const std::string& deck) const {
  std::map<std::int64_t, CardKind> kinds;
  SQLite::Statement q(impl_->db, "SELECT id, kind FROM cards WHERE deck_id = ?");
  for (const auto& d : impl_->decks_matching(deck)) {
    q.reset();
    q.bind(1, static_cast<std::int64_t>(d.id));
    while (q.executeStep())
      kinds[q.getColumn(0).getInt64()] = card_kind_from_string(q.getColumn(1).getString()).value_or(CardKind::question);
  }
  return kinds;
}

std::vector<DeckSummary> Collection::decks() const {
  std::vector<DeckSummary> out;
  SQLite::Statement q(impl_->db,
                      "SELECT d.name, SUM(s.suspended = 0), SUM(s.suspended = 0 AND s.state = 0), SUM(s.suspended = 1) "
                      "FROM decks d LEFT JOIN card_state s ON s.deck_id = d.id GROUP BY d.id ORDER BY d.name");
  QueueOptions today;
  today.learn_ahead_ms = impl_->end_of_today() - impl_->clock.now_ms();
  while (q.executeStep()) {
    DeckSummary deck;
    deck.name = q.getColumn(0).getString();
    deck.cards = q.getColumn(1).getInt();
    deck.new_cards = q.getColumn(2).getInt();
    deck.suspended = q.getColumn(3).getInt();
    const Queue due = queue(deck.name, today);
    deck.due = static_cast<int>(due.learning.size() + due.interday.size() + due.review.size());
    out.push_back(std::move(deck));
  }
  return out;
}

CollectionStats Collection::stats() const {
  CollectionStats stats;
  auto& db = impl_->db;
  SQLite::Statement kinds(db, "SELECT kind, COUNT(*) FROM cards WHERE suspended != 2 GROUP BY kind");
  while (kinds.executeStep()) {
    const int count = kinds.getColumn(1).getInt();
    stats.cards += count;
    switch (card_kind_from_string(kinds.getColumn(0).getString()).value_or(CardKind::question)) {
      case CardKind::question: stats.questions += count; break;
      case CardKind::keypoint: stats.keypoints += count; break;
      case CardKind::story: stats.stories += count; break;
    }
  }
  const Queue today = queue("", impl_->end_of_today() - impl_->clock.now_ms());
  stats.due_today = static_cast<int>(today.learning.size() + today.interday.size() + today.review.size());
  stats.new_today = static_cast<int>(today.new_cards.size());
  stats.reviews_total = db.execAndGet("SELECT COUNT(*) FROM review_log").getInt();
  SQLite::Statement recent(db, "SELECT COUNT(*) FROM review_log WHERE reviewed_ms >= ?");
  recent.bind(1, static_cast<std::int64_t>(impl_->start_of_today()));
  recent.executeStep();
  stats.reviews_today = recent.getColumn(0).getInt();
  return stats;
}

std::optional<Card> Collection::card(std::int64_t id) const {
  SQLite::Statement q(impl_->db, fmt::format("SELECT {} FROM cards c JOIN decks d ON d.id = c.deck_id "
                                             "JOIN card_state s ON s.card_id = c.id WHERE c.id = ?",
                                             kCardColumns));
  q.bind(1, static_cast<std::int64_t>(id));
  if (!q.executeStep()) return std::nullopt;
  return read_card(q);
}

std::vector<Card> Collection::find_cards(const std::string& deck, const std::string& query, int limit) const {
  return find_cards(deck, query, limit, 0);
}

std::vector<Card> Collection::find_cards(const std::string& deck, const std::string& query, int limit, int offset) const {
  std::vector<Card> out;
  SQLite::Statement q(impl_->db,
                      fmt::format("SELECT {} FROM cards c JOIN decks d ON d.id = c.deck_id JOIN card_state s ON s.card_id = c.id "
                                  "WHERE c.suspended != 2 AND (?1 = '' OR d.name = ?1 OR substr(d.name, 1, length(?1) + 2) = ?1 || '::') "
                                  "AND (?2 = '' OR instr(lower(c.prompt || ' ' || c.answer || ' ' || c.tags || ' ' || c.collection_tags || ' ' || c.themes), "
                                  "lower(?2)) > 0) "
                                  "ORDER BY d.name, s.state != 0, c.id LIMIT ?3 OFFSET ?4",
                                  kCardColumns));
  q.bind(1, deck);
  q.bind(2, query);
  q.bind(3, limit);
  q.bind(4, std::max(offset, 0));
  while (q.executeStep()) out.push_back(read_card(q));
  return out;
}

std::vector<Card> Collection::cards_with_uid(const std::string& uid) const {
  std::vector<Card> out;
  SQLite::Statement q(impl_->db, fmt::format("SELECT {} FROM cards c JOIN decks d ON d.id = c.deck_id JOIN card_state s ON s.card_id = c.id "
                                             "WHERE c.uid = ? AND c.suspended != ? ORDER BY d.name",
                                             kCardColumns));
  q.bind(1, uid);
  q.bind(2, kGoneFromFile);
  while (q.executeStep()) out.push_back(read_card(q));
  return out;
}

void Collection::save_user_version(std::int64_t card_id, const CardContent& content) {
  write([&] {
    if (!card(card_id)) throw Error(fmt::format("there is no card {}", card_id));
    const std::int64_t now = impl_->clock.now_ms();
    // The first edit keeps the source's text; later ones only replace the user's.
    SQLite::Statement keep(impl_->db, fmt::format("INSERT INTO card_source_text (card_id, {0}, edited_ms) SELECT id, {0}, ? "
                                                  "FROM cards WHERE id = ? ON CONFLICT (card_id) DO UPDATE SET edited_ms = excluded.edited_ms",
                                                  kEditableColumns));
    keep.bind(1, static_cast<std::int64_t>(now));
    keep.bind(2, static_cast<std::int64_t>(card_id));
    keep.exec();
    SQLite::Statement update(impl_->db,
                             "UPDATE cards SET prompt = ?, answer = ?, key_points = ?, pitfalls = ?, themes = ?, situation = ?, "
                             "task = ?, actions = ?, result = ?, lesson = ?, follow_ups = ?, modified_ms = ? WHERE id = ?");
    const auto values = editable_values(content);
    for (int k = 0; k < kEditableCount; ++k) update.bind(k + 1, values[static_cast<size_t>(k)]);
    update.bind(kEditableCount + 1, static_cast<std::int64_t>(now));
    update.bind(kEditableCount + 2, static_cast<std::int64_t>(card_id));
    update.exec();
  });
}

bool Collection::reset_user_version(std::int64_t card_id) {
  bool had = false;
  write([&] {
    if (!has_user_version(card_id)) return;
    had = true;
    SQLite::Statement restore(impl_->db, fmt::format("UPDATE cards SET ({0}) = (SELECT {0} FROM card_source_text WHERE card_id = ?1), "
                                                     "modified_ms = ?2 WHERE id = ?1",
                                                     kEditableColumns));
    restore.bind(1, static_cast<std::int64_t>(card_id));
    restore.bind(2, static_cast<std::int64_t>(impl_->clock.now_ms()));
    restore.exec();
    SQLite::Statement drop(impl_->db, "DELETE FROM card_source_text WHERE card_id = ?");
    drop.bind(1, static_cast<std::int64_t>(card_id));
    drop.exec();
  });
  return had;
}

bool Collection::has_user_version(std::int64_t card_id) const {
  SQLite::Statement q(impl_->db, "SELECT 1 FROM card_source_text WHERE card_id = ?");
  q.bind(1, static_cast<std::int64_t>(card_id));
  return q.executeStep();
}

std::string Collection::source_file(std::int64_t card_id) const {
  SQLite::Statement q(impl_->db, "SELECT source_file FROM cards WHERE id = ?");
  q.bind(1, static_cast<std::int64_t>(card_id));
  return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

void Collection::set_suspended(std::int64_t card_id, bool suspended) {
  SQLite::Transaction transaction(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
  for (const char* sql : {"UPDATE cards SET suspended = ? WHERE id = ?", "UPDATE card_state SET suspended = ? WHERE card_id = ?"}) {
    SQLite::Statement q(impl_->db, sql);
    q.bind(1, suspended ? kSuspendedByUser : kActive);
    q.bind(2, static_cast<std::int64_t>(card_id));
    if (q.exec() == 0) throw Error(fmt::format("there is no card {}", card_id));
  }
  transaction.commit();
}

Collection::Queue Collection::queue(const std::string& deck, std::int64_t learn_ahead_ms) const {
  QueueOptions options;
  options.learn_ahead_ms = learn_ahead_ms;
  return queue(deck, options);
}

Collection::Queue Collection::queue(const std::string& deck, const QueueOptions& options) const {
  const detail::DailyQueueBuilder builder(impl_->db, *this, impl_->recall);
  return builder.build(deck, impl_->decks_matching(deck), options);
}

void Collection::set_recall_estimator(RecallEstimator estimator) { impl_->recall = std::move(estimator); }

std::int64_t Collection::record_answer(const ReviewLogEntry& entry, AnswerEffects* effects) {
  auto& db = impl_->db;
  std::int64_t id = 0;
  write([&] {
    SQLite::Statement current(db, fmt::format("SELECT {} FROM card_state WHERE card_id = ?", kStateColumns));
    current.bind(1, static_cast<std::int64_t>(entry.card_id));
    if (!current.executeStep()) throw Error(fmt::format("there is no card {}", entry.card_id));
    const SchedulingState now_state = read_state(current, 0);
    current.reset();
    if (now_state.reps != entry.before.reps || now_state.last_review_ms != entry.before.last_review_ms ||
        now_state.due_ms != entry.before.due_ms || now_state.state != entry.before.state)
      throw Error("this card was answered elsewhere (another window or process) since it was shown; it was not recorded twice");

    SQLite::Statement update(db, "UPDATE card_state SET state = ?, due_ms = ?, interval_days = ?, ease = ?, stability = ?, "
                                 "difficulty = ?, step = ?, reps = ?, lapses = ?, last_review_ms = ? WHERE card_id = ?");
    bind_state(update, 1, entry.after);
    update.bind(11, static_cast<std::int64_t>(entry.card_id));
    update.exec();

    id = impl_->insert_log(entry);
    AnswerEffects done = impl_->apply_answer_rules(entry, id);
    if (effects) *effects = std::move(done);
  });
  return id;
}

bool Collection::undo_answer(std::int64_t log_id) {
  auto& db = impl_->db;
  bool undone = false;
  std::optional<std::string> recording_file;  // its row goes with the entry (ON DELETE CASCADE)
  write([&] {
    SQLite::Statement entry(db, "SELECT card_id, reviewed_ms, state_before, due_before, interval_before, ease_before, stability_before, "
                                "difficulty_before, step_before, reps_before, lapses_before, last_review_before FROM review_log WHERE id = ?");
    entry.bind(1, static_cast<std::int64_t>(log_id));
    if (!entry.executeStep()) return;
    const std::int64_t card_id = entry.getColumn(0).getInt64();
    const std::int64_t reviewed_ms = entry.getColumn(1).getInt64();
    const SchedulingState before = read_state(entry, 2);
    entry.reset();

    SQLite::Statement later(db, "SELECT COUNT(*) FROM review_log WHERE card_id = ? AND id > ?");
    later.bind(1, static_cast<std::int64_t>(card_id));
    later.bind(2, static_cast<std::int64_t>(log_id));
    later.executeStep();
    const bool answered_since = later.getColumn(0).getInt() > 0;
    later.reset();
    SQLite::Statement current(db, "SELECT last_review_ms FROM card_state WHERE card_id = ?");
    current.bind(1, static_cast<std::int64_t>(card_id));
    if (answered_since || !current.executeStep() || current.getColumn(0).getInt64() != reviewed_ms) return;
    current.reset();

    SQLite::Statement restore(db, "UPDATE card_state SET state = ?, due_ms = ?, interval_days = ?, ease = ?, stability = ?, "
                                  "difficulty = ?, step = ?, reps = ?, lapses = ?, last_review_ms = ? WHERE card_id = ?");
    bind_state(restore, 1, before);
    restore.bind(11, static_cast<std::int64_t>(card_id));
    restore.exec();
    impl_->undo_answer_effects(log_id);
    SQLite::Statement recorded(db, "SELECT file FROM recordings WHERE log_id = ?");
    recorded.bind(1, static_cast<std::int64_t>(log_id));
    if (recorded.executeStep()) recording_file = recorded.getColumn(0).getString();
    recorded.reset();
    detail::note_undo(db, log_id, impl_->clock.now_ms());  // other devices may have it: they are told
    SQLite::Statement remove(db, "DELETE FROM review_log WHERE id = ?");
    remove.bind(1, static_cast<std::int64_t>(log_id));
    remove.exec();
    undone = true;
  });
  // The file goes once the row is gone for good: a failed commit leaves both.
  if (recording_file) impl_->remove_recording_file(*recording_file);
  return undone;
}

namespace {

constexpr const char* kLeechTag = "leech";

// Anki's rule: a card becomes a leech when its lapses reach the threshold, and again every half
// threshold after that (so a card only tagged keeps reminding the user).
bool lapse_makes_leech(const ReviewLogEntry& entry, int threshold) {
  const int lapses = entry.after.lapses;
  if (threshold <= 0 || lapses <= entry.before.lapses || lapses < threshold) return false;
  return (lapses - threshold) % std::max(1, threshold / 2) == 0;
}

}  // namespace

AnswerEffects Collection::Impl::apply_answer_rules(const ReviewLogEntry& entry, std::int64_t log_id) {
  AnswerEffects effects;
  SQLite::Statement card(db, "SELECT d.name, c.deck_id, c.sibling_group, c.collection_tags, c.suspended FROM cards c "
                             "JOIN decks d ON d.id = c.deck_id WHERE c.id = ?");
  card.bind(1, static_cast<std::int64_t>(entry.card_id));
  if (!card.executeStep()) return effects;
  const std::string deck = card.getColumn(0).getString();
  const std::int64_t deck_id = card.getColumn(1).getInt64();
  const std::string group = card.getColumn(2).getString();
  std::vector<std::string> collection_tags = split_lines(card.getColumn(3).getString());
  const int suspended = card.getColumn(4).getInt();
  card.reset();

  SQLite::Statement note(db, "INSERT INTO answer_effects (log_id, card_id, kind, previous, tag) VALUES (?, ?, ?, ?, ?)");
  auto record = [&](std::int64_t card_id, const char* kind, std::int64_t previous, const std::string& tag) {
    note.reset();
    note.bind(1, static_cast<std::int64_t>(log_id));
    note.bind(2, static_cast<std::int64_t>(card_id));
    note.bind(3, kind);
    note.bind(4, static_cast<std::int64_t>(previous));
    note.bind(5, tag);
    note.exec();
  };
  const AnswerRules rules = answer_rules(deck);

  // Siblings that today's queue could still show wait until tomorrow: new ones, reviews due
  // today and learning cards whose step crossed into today. Learning cards due within the day
  // are not buried, as in Anki: they are already under way.
  if (rules.bury_siblings && !group.empty()) {
    const std::int64_t today = clock.today();
    const std::int64_t end = clock.day_start_ms(today + 1);
    SQLite::Statement siblings(db, "SELECT s.card_id, s.state, s.due_ms, s.last_review_ms, s.buried_until_day FROM cards c "
                                   "JOIN card_state s ON s.card_id = c.id WHERE c.deck_id = ? AND c.sibling_group = ? "
                                   "AND c.id != ? AND s.suspended = 0 AND s.buried_until_day <= ?");
    siblings.bind(1, static_cast<std::int64_t>(deck_id));
    siblings.bind(2, group);
    siblings.bind(3, static_cast<std::int64_t>(entry.card_id));
    siblings.bind(4, static_cast<std::int64_t>(today));
    std::vector<std::pair<std::int64_t, std::int64_t>> to_bury;  // card, buried_until_day before
    while (siblings.executeStep()) {
      const auto state = static_cast<CardState>(siblings.getColumn(1).getInt());
      const std::int64_t due = siblings.getColumn(2).getInt64();
      const bool shown_today =
          state == CardState::new_card || (state == CardState::review && due < end) ||
          (state != CardState::review && due < end && detail::is_interday(clock, due, siblings.getColumn(3).getInt64()));
      if (shown_today) to_bury.emplace_back(siblings.getColumn(0).getInt64(), siblings.getColumn(4).getInt64());
    }
    SQLite::Statement bury(db, "UPDATE card_state SET buried_until_day = ? WHERE card_id = ?");
    for (const auto& [sibling, previous] : to_bury) {
      bury.reset();
      bury.bind(1, static_cast<std::int64_t>(today + 1));
      bury.bind(2, static_cast<std::int64_t>(sibling));
      bury.exec();
      record(sibling, "bury", previous, "");
      effects.buried.push_back(sibling);
    }
  }

  if (lapse_makes_leech(entry, rules.leech_threshold)) {
    effects.leech = true;
    if (std::find(collection_tags.begin(), collection_tags.end(), kLeechTag) == collection_tags.end()) {
      collection_tags.push_back(kLeechTag);
      SQLite::Statement tag(db, "UPDATE cards SET collection_tags = ? WHERE id = ?");
      tag.bind(1, join_lines(collection_tags));
      tag.bind(2, static_cast<std::int64_t>(entry.card_id));
      tag.exec();
      record(entry.card_id, "tag", 0, kLeechTag);
    }
    if (rules.suspend_leeches && suspended == kActive) {
      for (const char* sql : {"UPDATE cards SET suspended = ? WHERE id = ?", "UPDATE card_state SET suspended = ? WHERE card_id = ?"}) {
        SQLite::Statement suspend(db, sql);
        suspend.bind(1, kSuspendedByUser);
        suspend.bind(2, static_cast<std::int64_t>(entry.card_id));
        suspend.exec();
      }
      record(entry.card_id, "suspend", suspended, "");
      effects.suspended = true;
    }
  }
  return effects;
}

void Collection::Impl::undo_answer_effects(std::int64_t log_id) {
  SQLite::Statement effects(db, "SELECT card_id, kind, previous, tag FROM answer_effects WHERE log_id = ? ORDER BY rowid DESC");
  effects.bind(1, static_cast<std::int64_t>(log_id));
  while (effects.executeStep()) {
    const std::int64_t card_id = effects.getColumn(0).getInt64();
    const std::string kind = effects.getColumn(1).getString();
    const std::int64_t previous = effects.getColumn(2).getInt64();
    if (kind == "bury") {
      SQLite::Statement unbury(db, "UPDATE card_state SET buried_until_day = ? WHERE card_id = ?");
      unbury.bind(1, static_cast<std::int64_t>(previous));
      unbury.bind(2, static_cast<std::int64_t>(card_id));
      unbury.exec();
    } else if (kind == "tag") {
      SQLite::Statement tags(db, "SELECT collection_tags FROM cards WHERE id = ?");
      tags.bind(1, static_cast<std::int64_t>(card_id));
      if (!tags.executeStep()) continue;
      std::vector<std::string> list = split_lines(tags.getColumn(0).getString());
      tags.reset();
      list.erase(std::remove(list.begin(), list.end(), effects.getColumn(3).getString()), list.end());
      SQLite::Statement untag(db, "UPDATE cards SET collection_tags = ? WHERE id = ?");
      untag.bind(1, join_lines(list));
      untag.bind(2, static_cast<std::int64_t>(card_id));
      untag.exec();
    } else if (kind == "suspend") {
      for (const char* sql : {"UPDATE cards SET suspended = ? WHERE id = ?", "UPDATE card_state SET suspended = ? WHERE card_id = ?"}) {
        SQLite::Statement unsuspend(db, sql);
        unsuspend.bind(1, static_cast<std::int64_t>(previous));
        unsuspend.bind(2, static_cast<std::int64_t>(card_id));
        unsuspend.exec();
      }
    }
  }
  effects.reset();
  SQLite::Statement remove(db, "DELETE FROM answer_effects WHERE log_id = ?");
  remove.bind(1, static_cast<std::int64_t>(log_id));
  remove.exec();
}

namespace {

// The columns of a review log row, in the order read_log_entry reads them.
constexpr const char* kLogColumns =
    "id, card_id, reviewed_ms, rating, taken_ms, scheduler, state_before, due_before, interval_before, "
    "ease_before, stability_before, difficulty_before, step_before, reps_before, lapses_before, "
    "last_review_before, state_after, due_after, interval_after, ease_after, stability_after, "
    "difficulty_after, step_after, reps_after, lapses_after, score, suggested_rating, spoken_ms";

ReviewLogEntry read_log_entry(SQLite::Statement& q) {
  ReviewLogEntry e;
  e.id = q.getColumn(0).getInt64();
  e.card_id = q.getColumn(1).getInt64();
  e.reviewed_ms = q.getColumn(2).getInt64();
  e.rating = static_cast<Rating>(q.getColumn(3).getInt());
  e.taken_ms = q.getColumn(4).getInt64();
  e.scheduler = q.getColumn(5).getString();
  e.before = read_state(q, 6);
  e.after.state = static_cast<CardState>(q.getColumn(16).getInt());
  e.after.due_ms = q.getColumn(17).getInt64();
  e.after.interval_days = q.getColumn(18).getDouble();
  e.after.ease = q.getColumn(19).getDouble();
  e.after.stability = q.getColumn(20).getDouble();
  e.after.difficulty = q.getColumn(21).getDouble();
  e.after.step = q.getColumn(22).getInt();
  e.after.reps = q.getColumn(23).getInt();
  e.after.lapses = q.getColumn(24).getInt();
  e.after.last_review_ms = e.reviewed_ms;
  if (!q.getColumn(25).isNull()) e.score = q.getColumn(25).getDouble();
  if (!q.getColumn(26).isNull()) e.suggestion = static_cast<Rating>(q.getColumn(26).getInt());
  if (!q.getColumn(27).isNull()) e.spoken_ms = q.getColumn(27).getInt64();
  return e;
}

}  // namespace

std::vector<ReviewLogEntry> Collection::review_log(std::int64_t card_id) const {
  std::vector<ReviewLogEntry> out;
  SQLite::Statement q(impl_->db, fmt::format("SELECT {} FROM review_log WHERE card_id = ? ORDER BY reviewed_ms, id", kLogColumns));
  q.bind(1, static_cast<std::int64_t>(card_id));
  while (q.executeStep()) out.push_back(read_log_entry(q));
  return out;
}

void Collection::each_review(const std::function<void(const ReviewLogEntry&)>& visit) const {
  SQLite::Statement q(impl_->db, fmt::format("SELECT {} FROM review_log ORDER BY reviewed_ms, id", kLogColumns));
  while (q.executeStep()) visit(read_log_entry(q));
}

std::vector<std::int64_t> Collection::reviewed_cards(const std::string& deck) const {
  std::vector<std::int64_t> ids;
  SQLite::Statement q(impl_->db,
                      "SELECT c.id FROM cards c JOIN decks d ON d.id = c.deck_id WHERE d.name = ? "
                      "AND EXISTS (SELECT 1 FROM review_log l WHERE l.card_id = c.id) ORDER BY c.id");
  q.bind(1, deck);
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  return ids;
}

void Collection::set_scheduling(std::int64_t card_id, const SchedulingState& state) {
  SQLite::Statement q(impl_->db, "UPDATE card_state SET state = ?, due_ms = ?, interval_days = ?, ease = ?, stability = ?, "
                                 "difficulty = ?, step = ?, reps = ?, lapses = ?, last_review_ms = ? WHERE card_id = ?");
  bind_state(q, 1, state);
  q.bind(11, static_cast<std::int64_t>(card_id));
  if (q.exec() == 0) throw Error(fmt::format("there is no card {}", card_id));
}

// ---- Recordings of spoken answers ---------------------------------------------------------------

namespace {

// "340 KB", "12.5 MB": sizes as a message about the cap gives them.
std::string describe_size(std::int64_t bytes) {
  if (bytes < (1 << 20)) return fmt::format("{} KB", (bytes + 1023) / 1024);
  return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1 << 20));
}

// The file extension of an audio type, so that the files play when opened from the folder.
std::string extension_of(const std::string& mime_type) {
  const std::string type = mime_type.substr(0, mime_type.find(';'));
  static const std::pair<const char*, const char*> known[] = {
      {"audio/webm", "webm"}, {"audio/ogg", "ogg"}, {"audio/mp4", "m4a"}, {"audio/mpeg", "mp3"}, {"audio/wav", "wav"}, {"audio/x-wav", "wav"}};
  for (const auto& [name, extension] : known)
    if (type == name) return extension;
  return "audio";
}

constexpr const char* kRecordingColumns =
    "r.id, r.log_id, l.card_id, d.name, c.prompt, l.reviewed_ms, r.spoken_ms, r.bytes, r.mime_type, r.file "
    "FROM recordings r JOIN review_log l ON l.id = r.log_id JOIN cards c ON c.id = l.card_id JOIN decks d ON d.id = c.deck_id";

Recording read_recording(SQLite::Statement& q, const fs::path& folder) {
  Recording r;
  r.id = q.getColumn(0).getInt64();
  r.log_id = q.getColumn(1).getInt64();
  r.card_id = q.getColumn(2).getInt64();
  r.deck = q.getColumn(3).getString();
  r.prompt = q.getColumn(4).getString();
  r.reviewed_ms = q.getColumn(5).getInt64();
  r.spoken_ms = q.getColumn(6).getInt64();
  r.bytes = q.getColumn(7).getInt64();
  r.mime_type = q.getColumn(8).getString();
  r.file = folder / q.getColumn(9).getString();
  return r;
}

// Writes `bytes` to `target` by way of a temporary file renamed over it, so that a crash leaves
// either no file or the whole one.
void write_atomically(const fs::path& target, std::string_view bytes) {
  const fs::path partial = target.parent_path() / ("." + target.filename().string() + ".partial");
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::error_code ec;
      fs::remove(partial, ec);
      throw Error(fmt::format("{}: cannot write the recording", partial.string()));
    }
  }
  std::error_code ec;
  fs::rename(partial, target, ec);
  if (ec) {
    fs::remove(partial, ec);
    throw Error(fmt::format("{}: cannot write the recording: {}", target.string(), ec.message()));
  }
}

}  // namespace

fs::path Collection::recordings_folder() const { return impl_->recordings_folder(); }

std::int64_t Collection::recordings_bytes() const {
  return impl_->db.execAndGet("SELECT COALESCE(SUM(bytes), 0) FROM recordings").getInt64();
}

std::int64_t Collection::recordings_cap_bytes() const {
  const OptionSpec spec = recordings_max_mb_option();
  // An invalid value (set by hand in the database) counts as the default, as for every setting.
  const Options options({spec}, {{spec.name, config(spec.name).value_or(spec.default_value)}});
  return static_cast<std::int64_t>(options.get_int(spec.name)) << 20;
}

void Collection::check_recording_fits(std::int64_t bytes) const {
  const std::int64_t used = recordings_bytes();
  const std::int64_t cap = recordings_cap_bytes();
  if (used + bytes <= cap) return;
  throw Error(fmt::format("the recording ({}) was not kept: recordings take {} of the {} allowed (setting recordings_max_mb). "
                          "Delete old ones (the Recordings page, or `rehearse recordings delete ID`) or raise the cap "
                          "(`rehearse config set recordings_max_mb N`).",
                          describe_size(bytes), describe_size(used), describe_size(cap)));
}

std::int64_t Collection::add_recording(std::int64_t log_id, std::string_view audio, const std::string& mime_type,
                                       std::int64_t spoken_ms) {
  if (audio.empty()) throw Error("the recording is empty: nothing was recorded");
  if (!mime_type.starts_with("audio/") || mime_type.size() > 100)
    throw Error(fmt::format("a recording must be audio, not '{}'", mime_type.substr(0, 100)));
  if (spoken_ms < 0) throw Error(fmt::format("a recording cannot last {} ms", spoken_ms));
  const auto bytes = static_cast<std::int64_t>(audio.size());
  check_recording_fits(bytes);

  const fs::path folder = recordings_folder();
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) throw Error(fmt::format("{}: cannot create the recordings folder: {}", folder.string(), ec.message()));
  // Checked before writing the file, and again in the transaction, where no other writer can come between.
  auto check_review = [&] {
    SQLite::Statement review(impl_->db, "SELECT (SELECT COUNT(*) FROM review_log WHERE id = ?), (SELECT COUNT(*) FROM recordings WHERE log_id = ?)");
    review.bind(1, static_cast<std::int64_t>(log_id));
    review.bind(2, static_cast<std::int64_t>(log_id));
    review.executeStep();
    if (review.getColumn(0).getInt() == 0) throw Error(fmt::format("there is no review {} to keep a recording with", log_id));
    if (review.getColumn(1).getInt() > 0) throw Error(fmt::format("review {} has a recording already", log_id));
  };
  check_review();
  const std::int64_t now = impl_->clock.now_ms();
  // A name no file has: an undone review's id comes back, and its file may not have been removed.
  std::string name = fmt::format("review-{}-{}.{}", log_id, now, extension_of(mime_type));
  for (int n = 2; fs::exists(folder / name, ec); ++n) name = fmt::format("review-{}-{}-{}.{}", log_id, now, n, extension_of(mime_type));
  write_atomically(folder / name, audio);

  std::int64_t id = 0;
  try {
    write([&] {
      check_recording_fits(bytes);
      check_review();
      SQLite::Statement insert(impl_->db, "INSERT INTO recordings (log_id, file, mime_type, bytes, spoken_ms, created_ms) VALUES (?, ?, ?, ?, ?, ?)");
      insert.bind(1, static_cast<std::int64_t>(log_id));
      insert.bind(2, name);
      insert.bind(3, mime_type);
      insert.bind(4, bytes);
      insert.bind(5, static_cast<std::int64_t>(spoken_ms));
      insert.bind(6, now);
      insert.exec();
      id = impl_->db.getLastInsertRowid();
    });
  } catch (...) {
    impl_->remove_recording_file(name);  // no row names it: it would only take space
    throw;
  }
  return id;
}

std::vector<Recording> Collection::recordings() const {
  std::vector<Recording> out;
  SQLite::Statement q(impl_->db, fmt::format("SELECT {} ORDER BY l.reviewed_ms DESC, r.id DESC", kRecordingColumns));
  while (q.executeStep()) out.push_back(read_recording(q, impl_->recordings_folder()));
  return out;
}

std::optional<Recording> Collection::recording(std::int64_t id) const {
  SQLite::Statement q(impl_->db, fmt::format("SELECT {} WHERE r.id = ?", kRecordingColumns));
  q.bind(1, static_cast<std::int64_t>(id));
  if (!q.executeStep()) return std::nullopt;
  return read_recording(q, impl_->recordings_folder());
}

bool Collection::remove_recording(std::int64_t id) {
  std::optional<std::string> file;
  write([&] {
    SQLite::Statement q(impl_->db, "SELECT file FROM recordings WHERE id = ?");
    q.bind(1, static_cast<std::int64_t>(id));
    if (!q.executeStep()) return;
    file = q.getColumn(0).getString();
    q.reset();
    SQLite::Statement remove(impl_->db, "DELETE FROM recordings WHERE id = ?");
    remove.bind(1, static_cast<std::int64_t>(id));
    remove.exec();
  });
  if (file) impl_->remove_recording_file(*file);
  return file.has_value();
}

// ---- Sync across devices ------------------------------------------------------------------------

std::string Collection::device_id() const { return detail::device_id(impl_->db); }

std::optional<CardKey> Collection::card_key(std::int64_t card_id) const {
  SQLite::Statement q(impl_->db, "SELECT d.name, c.uid FROM cards c JOIN decks d ON d.id = c.deck_id WHERE c.id = ?");
  q.bind(1, static_cast<std::int64_t>(card_id));
  if (!q.executeStep()) return std::nullopt;
  return CardKey{q.getColumn(0).getString(), q.getColumn(1).getString()};
}

SyncState Collection::sync_state() const { return detail::sync_state(impl_->db); }

void Collection::renew_device_id() {
  write([&] { detail::renew_device_id(impl_->db); });
}

ChangeBatch Collection::changes_since(std::int64_t pushed_seq) const { return detail::changes_since(impl_->db, pushed_seq); }

ApplyReport Collection::apply_changes(const ChangeBatch& pulled, const ChangeBatch& pushed, const Replayer& replay,
                                      const SchedulerNamer& scheduler, const SettingWriter& write_setting) {
  ApplyReport report;
  write([&] { report = detail::apply_changes(impl_->db, pulled, pushed, replay, scheduler, write_setting, impl_->clock.now_ms()); });
  return report;
}

}  // namespace rehearse
