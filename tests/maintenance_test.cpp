// Backups, restore and the collection check: what a user relies on when something went wrong.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "rehearse/errors.h"
#include "rehearse/maintenance.h"
#include "test_support.h"

using namespace rehearse;
namespace fs = std::filesystem;
using test::TempDir;

namespace {

std::string small_deck(int cards) {
  std::string text = "---\ndeck: Reliability\n---\n";
  for (int i = 1; i <= cards; ++i) text += fmt::format("\n## Q: Question {}\nid: q{}\nanswer: answer {}\n", i, i, i);
  return text;
}

// Answers the first `count` cards of today's queue with `rating`.
void answer(Engine& engine, int count, Rating rating = Rating::good) {
  auto session = engine.start_review();
  for (int i = 0; i < count; ++i) {
    auto card = session->next();
    REQUIRE(card);
    session->answer(*card, rating, {});
  }
}

int reviews(const fs::path& file) {
  SQLite::Database db = test::open_database(file);
  return db.execAndGet("SELECT COUNT(*) FROM review_log").getInt();
}

int user_version(const fs::path& file) {
  SQLite::Database db = test::open_database(file);
  return db.execAndGet("PRAGMA user_version").getInt();
}

std::vector<Backup> backups_with(const fs::path& collection, std::string_view reason) {
  std::vector<Backup> out;
  for (auto& backup : list_backups(collection))
    if (backup.reason == reason) out.push_back(backup);
  return out;
}

// The ids of the review log, oldest first.
std::vector<std::int64_t> log_ids(const fs::path& file) {
  SQLite::Database db = test::open_database(file);
  SQLite::Statement q(db, "SELECT id FROM review_log ORDER BY id");
  std::vector<std::int64_t> ids;
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  return ids;
}

// Writes a file into the recordings folder as a crash between writing a recording and its row
// leaves it, old enough that check does not take it for a recording being saved right now.
fs::path old_orphan(const fs::path& folder, const std::string& name) {
  fs::create_directories(folder);
  const fs::path file = folder / name;
  std::ofstream(file, std::ios::binary) << "lost audio";
  fs::last_write_time(file, fs::file_time_type::clock::now() - std::chrono::hours(2));
  return file;
}

std::map<std::string, int> rows_by_problem(const CheckReport& report) {
  std::map<std::string, int> rows;
  for (const auto& finding : report.findings) rows[finding.problem] = finding.rows;
  return rows;
}

}  // namespace

TEST_CASE("a backup is a whole copy, and restoring it brings it back after saving what it replaces", "[reliability][backup]") {
  TempDir dir;
  const fs::path collection = dir / "collection.db";
  {
    auto engine = test::make_engine(dir);
    engine->import_paths({dir.write("deck.md", small_deck(5))});
    answer(*engine, 2);
  }
  const fs::path copy = dir / "copy.db";
  write_backup(collection, copy);
  CHECK(reviews(copy) == 2);
  CHECK(collection_file_problem(copy).empty());
  CHECK_THROWS_WITH(write_backup(collection, copy), Catch::Contains("already exists"));

  {
    auto engine = test::make_engine(dir);
    answer(*engine, 2);
    CHECK(engine->collection().stats().reviews_total == 4);
  }
  const RestoreReport report = restore_collection(collection, copy, test::at("2026-01-10T10:00:00Z"));
  CHECK(report.cards == 5);
  CHECK(report.reviews == 2);
  CHECK(report.schema_version == Collection::latest_schema_version());
  REQUIRE_FALSE(report.previous.empty());
  CHECK(reviews(report.previous) == 4);  // nothing is lost by restoring: the replaced collection is a backup too
  CHECK(backups_with(collection, kBackupBeforeRestore).size() == 1);

  auto engine = test::make_engine(dir);
  CHECK(engine->collection().stats().reviews_total == 2);
  CHECK(engine->collection().find_cards("Reliability", "", 100).size() == 5);
}

TEST_CASE("restoring into an open collection shows the restored content to the process that has it open", "[reliability][backup]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  engine->import_paths({dir.write("deck.md", small_deck(3))});
  const fs::path copy = dir / "before-answers.db";
  write_backup(engine->collection().path(), copy);
  answer(*engine, 3);
  restore_collection(engine->collection().path(), copy, engine->clock().now_ms());
  CHECK(engine->collection().stats().reviews_total == 0);
  CHECK(engine->start_review()->counts().new_cards == 3);
}

TEST_CASE("restore refuses what is not a sound collection of this rehearse, and changes nothing", "[reliability][backup]") {
  TempDir dir;
  const fs::path collection = dir / "collection.db";
  {
    auto engine = test::make_engine(dir);
    engine->import_paths({dir.write("deck.md", small_deck(3))});
    answer(*engine, 1);
  }
  const std::string before = test::read_text(collection);

  const fs::path newer = dir / "newer.db";
  write_backup(collection, newer);
  SQLite::Database(newer, SQLite::OPEN_READWRITE).exec(fmt::format("PRAGMA user_version = {}", Collection::latest_schema_version() + 1));
  const fs::path other = dir / "other.db";
  SQLite::Database(other, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE).exec("CREATE TABLE t (x); PRAGMA user_version = 1");
  const fs::path truncated = dir / "truncated.db";
  write_backup(collection, dir / "whole.db");
  const std::string whole = test::read_text(dir / "whole.db");
  dir.write("truncated.db", whole.substr(0, whole.size() / 2));

  struct Case {
    fs::path file;
    const char* reason;
  };
  const std::vector<Case> cases = {
      {dir.write("notes.txt", "my notes\n"), "not a rehearse collection"},
      {dir.write("empty.db", ""), "not a rehearse collection"},
      {dir.write("binary.db", std::string("\x00\x01\xff\xfe garbage \x7f", 14)), "not a rehearse collection"},
      {newer, "newer rehearse"},
      {other, "no decks table"},
      {truncated, "damaged"},
      {dir / "missing.db", "no such file"},
      {collection, "the collection itself"},
  };
  for (const auto& c : cases) {
    INFO(c.file.filename());
    CHECK_THROWS_WITH(restore_collection(collection, c.file, 0), Catch::Contains(c.reason));
  }
  CHECK(test::read_text(collection) == before);
  CHECK(list_backups(collection).empty());
}

TEST_CASE("a collection backs itself up on the first opening of each day and keeps the newest keep_backups", "[reliability][backup]") {
  TempDir dir;
  const fs::path collection = dir / "collection.db";
  test::make_engine(dir, "2026-01-10T09:00:00Z");  // created: nothing to back up yet
  CHECK(list_backups(collection).empty());

  test::make_engine(dir, "2026-01-10T10:00:00Z");
  test::make_engine(dir, "2026-01-10T23:00:00Z");
  REQUIRE(list_backups(collection).size() == 1);  // once that day
  CHECK(list_backups(collection)[0].reason == kDailyBackup);
  CHECK(list_backups(collection)[0].made_ms == test::at("2026-01-10T10:00:00Z"));

  // Before 4 am is still the day before.
  test::make_engine(dir, "2026-01-11T03:00:00Z");
  CHECK(list_backups(collection).size() == 1);

  {
    auto engine = test::make_engine(dir, "2026-01-11T09:00:00Z");
    engine->collection().set_config("keep_backups", "2");
  }
  backup_to_folder(collection, test::at("2026-01-11T12:00:00Z"), kManualBackup);
  for (const char* day : {"2026-01-12T09:00:00Z", "2026-01-13T09:00:00Z", "2026-01-14T09:00:00Z"}) test::make_engine(dir, day);

  const auto daily = backups_with(collection, kDailyBackup);
  REQUIRE(daily.size() == 2);  // the newest two
  CHECK(daily[0].made_ms == test::at("2026-01-14T09:00:00Z"));
  CHECK(daily[1].made_ms == test::at("2026-01-13T09:00:00Z"));
  CHECK(backups_with(collection, kManualBackup).size() == 1);  // asked for: never removed automatically
  for (const auto& backup : list_backups(collection)) CHECK(collection_file_problem(backup.file).empty());

  // 0 turns automatic backups off.
  test::make_engine(dir, "2026-01-15T09:00:00Z")->collection().set_config("keep_backups", "0");
  test::make_engine(dir, "2026-01-16T09:00:00Z");
  CHECK(backups_with(collection, kDailyBackup).size() == 2);
}

TEST_CASE("the day's backup is written beside the session: answers given meanwhile are kept, the backup is whole", "[reliability][backup]") {
  TempDir dir;
  const fs::path collection = dir / "collection.db";
  test::make_engine(dir)->import_paths({dir.write("deck.md", small_deck(400))});
  {
    auto engine = test::make_engine(dir, "2026-01-11T09:00:00Z");  // the first opening of the day
    answer(*engine, 20);
    CHECK(reviews(collection) == 20);
  }  // closing waits for the backup
  CHECK(reviews(collection) == 20);
  const auto daily = backups_with(collection, kDailyBackup);
  REQUIRE(daily.size() == 1);
  CHECK(collection_file_problem(daily[0].file).empty());
  CHECK(integrity_problems(daily[0].file).empty());
  CHECK(reviews(daily[0].file) <= 20);  // a snapshot taken at some moment of the session
}

TEST_CASE("a backup interrupted half way leaves no backup behind, and its temporary file is cleared", "[reliability][backup]") {
  TempDir dir;
  const fs::path collection = dir / "collection.db";
  test::make_engine(dir);
  // What a backup killed while writing leaves: a partial file of a process that is gone.
  fs::create_directories(backup_folder(collection));
  const fs::path partial = backup_folder(collection) / ".collection-20260110-090000-daily.db.partial-999999999";
  dir.write(fs::relative(partial, dir.path()).string(), "half a database");
  dir.write(fs::relative(partial, dir.path()).string() + "-journal", "its rollback journal");
  CHECK(list_backups(collection).empty());
  test::make_engine(dir, "2026-01-11T09:00:00Z");
  CHECK_FALSE(fs::exists(partial));
  CHECK_FALSE(fs::exists(partial.string() + "-journal"));
  CHECK(list_backups(collection).size() == 1);
}

TEST_CASE("a collection from an older rehearse is backed up before its schema is migrated", "[reliability][backup]") {
  TempDir dir;
  const fs::path collection = dir / "collection.db";
  fs::copy_file(std::string(REHEARSE_SOURCE_DIR) + "/tests/data/collection-v1.db", collection);
  const int old_version = user_version(collection);
  REQUIRE(old_version < Collection::latest_schema_version());

  auto engine = test::make_engine(dir, "2025-06-02T09:00:00Z");
  CHECK(engine->collection().schema_version() == Collection::latest_schema_version());
  const auto before = backups_with(collection, kBackupBeforeMigration);
  REQUIRE(before.size() == 1);
  CHECK(user_version(before[0].file) == old_version);
  CHECK(reviews(before[0].file) == 5);
  CHECK(collection_file_problem(before[0].file).empty());

  // An old backup restores, and is migrated when opened.
  engine.reset();
  restore_collection(collection, before[0].file, test::at("2025-06-02T10:00:00Z"));
  CHECK(user_version(collection) == old_version);
  engine = test::make_engine(dir, "2025-06-02T10:00:00Z");
  CHECK(engine->collection().schema_version() == Collection::latest_schema_version());
  CHECK(engine->collection().stats().reviews_total == 5);
}

TEST_CASE("check finds rows that belong to nothing and impossible states; repair fixes them and keeps every answer",
          "[reliability][check]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  engine->import_paths({dir.write("deck.md", small_deck(6))});
  answer(*engine, 3);
  Collection& collection = engine->collection();
  CHECK(check_collection(*engine, false).findings.empty());

  auto cards = collection.find_cards("Reliability", "", 100);
  REQUIRE(cards.size() == 6);
  std::sort(cards.begin(), cards.end(), [](const Card& a, const Card& b) { return a.id < b.id; });  // in deck order: 3 answered, 3 new
  auto id = [&](int i) { return std::to_string(cards[static_cast<size_t>(i)].id); };
  const SchedulingState answered = cards[0].scheduling;
  REQUIRE(answered.reps == 1);
  {
    // Damage of the kind an interrupted older program or a hand edit leaves.
    SQLite::Database db = test::open_database(collection.path(), SQLite::OPEN_READWRITE);
    db.exec("INSERT INTO card_state (card_id, deck_id) VALUES (999999, 1)");
    db.exec("CREATE TEMP TABLE entry AS SELECT * FROM review_log LIMIT 1; UPDATE entry SET id = 999999, card_id = 999999, seq = 999999; "
            "INSERT INTO review_log SELECT * FROM entry");
    db.exec("INSERT INTO decks (id, name, created_ms) VALUES (500, 'Doomed', 0)");
    db.exec("UPDATE cards SET deck_id = 500 WHERE id = " + id(5));
    db.exec("UPDATE card_state SET deck_id = 500 WHERE card_id = " + id(5));
    db.exec("PRAGMA foreign_keys = OFF; DELETE FROM decks WHERE id = 500");
    db.exec("DELETE FROM card_state WHERE card_id = " + id(4));
    db.exec("UPDATE card_state SET interval_days = -3, state = 7 WHERE card_id = " + id(0));
    db.exec("UPDATE card_state SET due_ms = last_review_ms - 1 WHERE card_id = " + id(1));
    db.exec("UPDATE card_state SET state = 2, reps = -1 WHERE card_id = " + id(3));  // a new card, never answered
  }

  const CheckReport found = check_collection(*engine, false);
  CHECK_FALSE(found.ok());
  CHECK_FALSE(found.repaired);
  std::map<std::string, int> rows;
  for (const auto& finding : found.findings) rows[finding.problem] = finding.rows;
  CHECK(rows["scheduling states of cards that no longer exist"] == 1);
  CHECK(rows["review log entries of cards that no longer exist"] == 1);
  CHECK(rows["cards whose deck no longer exists"] == 1);
  CHECK(rows["cards without a scheduling state (never shown for review)"] == 1);
  CHECK(rows["cards in a state no answer can produce (unknown state, negative interval or count, due before their last review)"] == 3);
  CHECK(list_backups(collection.path()).empty());  // looking changes nothing

  const CheckReport repaired = check_collection(*engine, true);
  CHECK(repaired.repaired);
  CHECK(repaired.ok());
  REQUIRE_FALSE(repaired.backup.empty());
  CHECK(reviews(repaired.backup) == 4);  // the damaged collection, as it was
  CHECK(check_collection(*engine, false).findings.empty());

  // Every answer to a card that exists is still there, and the states follow from them again.
  CHECK(collection.stats().reviews_total == 3);
  CHECK(collection.card(cards[0].id)->scheduling == answered);
  CHECK(collection.card(cards[1].id)->scheduling == cards[1].scheduling);
  CHECK(collection.card(cards[3].id)->scheduling.state == CardState::new_card);
  CHECK(collection.card(cards[4].id)->scheduling.state == CardState::new_card);
  CHECK(collection.card(cards[5].id)->deck == "Recovered cards");
  // The repaired cards are reviewable again.
  const auto queue = collection.queue("", 0);
  CHECK(std::count(queue.new_cards.begin(), queue.new_cards.end(), cards[4].id) == 1);
}

TEST_CASE("rehearse backup, restore and check from the command line", "[reliability][program]") {
  TempDir dir;
  const std::string collection = (dir / "collection.db").string();
  auto run = [&](std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--collection", collection, "--now", "2026-03-02T08:00:00Z"});
    return test::run_program(args, input);
  };
  REQUIRE(run({"review", "--deck", "The STAR method"}, "\n3\n\n3\nq\n").status == 0);

  const auto backup = run({"backup"});
  CHECK(backup.status == 0);
  CHECK_THAT(backup.out, Catch::Contains("collection-20260302-080000-manual.db"));
  const auto listed = run({"backup", "--list", "--json"});
  REQUIRE(listed.status == 0);
  const auto list = nlohmann::json::parse(listed.out);
  REQUIRE(list.size() == 1);
  const std::string saved = list[0]["file"];

  REQUIRE(run({"review", "--deck", "The STAR method"}, "\n3\nq\n").status == 0);
  const auto restored = run({"restore", saved});
  CHECK(restored.status == 0);
  CHECK_THAT(restored.out, Catch::Contains("2 reviews"));
  CHECK_THAT(restored.out, Catch::Contains("before-restore"));
  CHECK(nlohmann::json::parse(run({"stats", "--json"}).out)["reviews_total"] == 2);

  const auto check = run({"check"});
  CHECK(check.status == 0);
  CHECK_THAT(check.out, Catch::Contains("Integrity check: ok") && Catch::Contains("No inconsistencies found"));

  // An index out of step with its table: found, then rebuilt by --repair.
  {
    SQLite::Database db = test::open_database(collection, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = 'CREATE INDEX review_log_time ON review_log (taken_ms)' "
            "WHERE name = 'review_log_time'; PRAGMA writable_schema = OFF");
  }
  const auto damaged = run({"check"});
  CHECK(damaged.status == 1);
  CHECK_THAT(damaged.out, Catch::Contains("damaged") && Catch::Contains("rehearse restore"));
  const auto repaired = run({"check", "--repair"});
  CHECK(repaired.status == 0);
  CHECK_THAT(repaired.out, Catch::Contains("Integrity check: ok"));
  CHECK(nlohmann::json::parse(run({"stats", "--json"}).out)["reviews_total"] == 2);
}

TEST_CASE("check finds recordings without their file and files without a recording; repair removes them and keeps the reviews",
          "[reliability][check][recordings]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  engine->import_paths({dir.write("deck.md", small_deck(4))});
  answer(*engine, 3);
  Collection& collection = engine->collection();
  const auto logs = log_ids(collection.path());
  REQUIRE(logs.size() == 3);
  const std::int64_t lost = collection.add_recording(logs[0], std::string(3000, 'a'), "audio/webm", 40'000);
  const std::int64_t cut = collection.add_recording(logs[1], std::string(3000, 'b'), "audio/webm", 50'000);
  const std::int64_t kept = collection.add_recording(logs[2], std::string(3000, 'c'), "audio/webm", 60'000);
  CHECK(check_collection(*engine, false).findings.empty());  // healthy recordings: nothing to report

  const fs::path folder = collection.recordings_folder();
  fs::remove(collection.recording(lost)->file);
  fs::resize_file(collection.recording(cut)->file, 1000);  // a copy cut short
  const fs::path orphan = old_orphan(folder, "review-77-1767000000000.webm");
  const fs::path being_saved = dir.write("recordings/review-78-1767000000000.webm", "just written, its row not yet");

  const CheckReport found = check_collection(*engine, false);
  CHECK_FALSE(found.ok());
  auto rows = rows_by_problem(found);
  CHECK(rows.size() == 3);
  CHECK(rows["recordings whose file is missing"] == 1);
  CHECK(rows["recordings whose file's size differs from the size recorded"] == 1);
  CHECK(rows["files in the recordings folder that no recording names"] == 1);
  CHECK(fs::exists(orphan));  // looking changes nothing
  CHECK(collection.recordings().size() == 3);

  const CheckReport repaired = check_collection(*engine, true);
  CHECK(repaired.repaired);
  CHECK_FALSE(repaired.backup.empty());
  CHECK_FALSE(collection.recording(lost));
  CHECK(collection.recording(cut)->bytes == 1000);
  CHECK(collection.recording(kept)->bytes == 3000);
  CHECK(fs::exists(collection.recording(kept)->file));
  CHECK_FALSE(fs::exists(orphan));
  CHECK(fs::exists(being_saved));
  CHECK(collection.recordings_bytes() == 4000);
  CHECK(collection.stats().reviews_total == 3);  // a recording's review stays when the recording goes
  CHECK(check_collection(*engine, false).findings.empty());
}

TEST_CASE("a repair that removes review log entries deletes the files of their recordings", "[reliability][check][recordings]") {
  TempDir dir;
  auto engine = test::make_engine(dir);
  engine->import_paths({dir.write("deck.md", small_deck(2))});
  answer(*engine, 2);
  Collection& collection = engine->collection();
  const auto logs = log_ids(collection.path());
  REQUIRE(logs.size() == 2);
  const fs::path bad = collection.recording(collection.add_recording(logs[0], "spoken", "audio/webm", 1000))->file;
  const fs::path good = collection.recording(collection.add_recording(logs[1], "spoken too", "audio/webm", 1000))->file;
  {
    SQLite::Database db = test::open_database(collection.path(), SQLite::OPEN_READWRITE);
    // A card deleted by a program that did not enforce foreign keys leaves its answers behind.
    db.exec(fmt::format("PRAGMA foreign_keys = OFF; DELETE FROM cards WHERE id = (SELECT card_id FROM review_log WHERE id = {})",
                        logs[0]));
  }
  CHECK(rows_by_problem(check_collection(*engine, false))["review log entries of cards that no longer exist"] == 1);

  CHECK(check_collection(*engine, true).repaired);
  CHECK_FALSE(fs::exists(bad));
  CHECK(fs::exists(good));
  REQUIRE(collection.recordings().size() == 1);
  CHECK(collection.recordings().front().log_id == logs[1]);
  CHECK(check_collection(*engine, false).findings.empty());
}

TEST_CASE("rehearse check --json reports recording files and repairs them", "[reliability][program][recordings]") {
  TempDir dir;
  const std::string collection = (dir / "collection.db").string();
  auto run = [&](std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--collection", collection, "--now", "2026-03-02T08:00:00Z"});
    return test::run_program(args, input);
  };
  REQUIRE(run({"review", "--deck", "The STAR method"}, "q\n").status == 0);  // creates the collection
  const auto healthy = run({"check", "--json"});
  CHECK(healthy.status == 0);
  CHECK(nlohmann::json::parse(healthy.out)["findings"] == nlohmann::json::array());

  const fs::path orphan = old_orphan(dir / "recordings", "review-5-1767000000000.webm");
  const auto found = run({"check", "--json"});
  CHECK(found.status == 1);
  const auto report = nlohmann::json::parse(found.out);
  CHECK(report["integrity"] == nlohmann::json::array());
  CHECK(report["repaired"] == false);
  CHECK(report["backup"].is_null());
  REQUIRE(report["findings"].size() == 1);
  CHECK(report["findings"][0]["problem"] == "files in the recordings folder that no recording names");
  CHECK(report["findings"][0]["rows"] == 1);
  CHECK(report["findings"][0]["repair"] == "deleted");
  CHECK(fs::exists(orphan));

  const auto repaired = run({"check", "--repair", "--json"});
  CHECK(repaired.status == 0);
  const auto after = nlohmann::json::parse(repaired.out);
  CHECK(after["repaired"] == true);
  CHECK(after["backup"].is_string());
  CHECK_FALSE(fs::exists(orphan));
  CHECK(nlohmann::json::parse(run({"check", "--json"}).out)["findings"] == nlohmann::json::array());
}
