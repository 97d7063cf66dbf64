// Sync in the engine (sync.h): devices that reviewed the same cards offline exchange their changes
// through a server and end with the same collection. The server here is a few lines that keep
// what the PostgreSQL server keeps (tests/sync/ runs the real one): entries once per (device, seq),
// cards last-writer-wins, a position per change, and pulls of the other devices' changes.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "test_support.h"

using namespace rehearse;
using test::TempDir;

namespace {

constexpr const char* kDeck = R"(---
deck: Sync
---

## Q: What is a mutex?
id: mutex
answer:
A lock that lets one thread in at a time.

## Q: What is a semaphore?
id: semaphore
answer:
A counter of permits.

## Q: What is a race condition?
id: race
answer:
Two threads touch shared data without ordering.

## Q: What is a deadlock?
id: deadlock
answer:
Threads waiting on each other forever.
)";

constexpr const char* kOtherDeck = R"(---
deck: Other
---

## Q: What is a B-tree?
id: btree
answer:
A balanced tree with wide nodes.

## Q: What is a hash index?
id: hash
answer:
A map from key to rows.
)";

class Server {
 public:
  ChangeBatch exchange(const std::string& device, const ChangeBatch& push, std::int64_t since) {
    for (const auto& review : push.reviews)
      if (reviews_.emplace(std::pair(review.device, review.seq), std::pair(++position_, review)).second == false) --position_;
    for (const auto& card : push.cards) {
      auto it = cards_.find(card.card);
      if (it == cards_.end() || std::tie(card.version, card.device) > std::tie(it->second.second.version, it->second.second.device))
        cards_[card.card] = {++position_, card};
    }
    ChangeBatch pull;
    std::vector<std::pair<std::int64_t, SyncedReview>> ordered;
    for (const auto& [key, entry] : reviews_)
      if (entry.first > since && key.first != device) ordered.push_back(entry);
    std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& entry : ordered) pull.reviews.push_back(entry.second);
    for (const auto& [key, card] : cards_)
      if (card.first > since && card.second.device != device) pull.cards.push_back(card.second);
    pull.position = position_;
    return pull;
  }
  size_t reviews() const { return reviews_.size(); }

 private:
  std::int64_t position_ = 0;
  std::map<std::pair<std::string, std::int64_t>, std::pair<std::int64_t, SyncedReview>> reviews_;
  std::map<CardKey, std::pair<std::int64_t, SyncedCard>> cards_;
};

// One machine: a collection of its own, opened at the time asked.
struct Device {
  TempDir dir;
  std::unique_ptr<Engine> open(const std::string& now) const {
    EngineConfig config;
    config.collection = dir / "collection.db";
    config.load_default_plugin_dirs = false;
    config.plugin_dirs.emplace_back(REHEARSE_TEST_PLUGIN_DIR);
    config.now_ms = test::at(now);
    return std::make_unique<Engine>(config);
  }
};

ApplyReport sync(Engine& engine, Server& server) {
  const SyncState state = engine.collection().sync_state();
  const ChangeBatch push = engine.collection().changes_since(state.pushed_seq);
  const ChangeBatch pull = server.exchange(state.device, push, state.pulled_position);
  return engine.apply_changes(pull, push);
}

void sync(const Device& device, Server& server, const std::string& now) {
  auto engine = device.open(now);
  sync(*engine, server);
}

// Answers every card today's queue shows, with ratings taken in turn from `ratings`.
int review_all(const Device& device, const std::string& now, const std::vector<Rating>& ratings) {
  auto engine = device.open(now);
  auto session = engine->start_review();
  int answered = 0;
  while (auto card = session->next()) {
    if (card->scheduling.state == CardState::learning && answered > 40) break;
    session->answer(*card, ratings[static_cast<size_t>(answered) % ratings.size()], {.taken_ms = 4000 + answered});
    ++answered;
  }
  return answered;
}

// Everything that must agree between devices: each card's state and the review log, by card key
// and (device, seq), never by local row ids.
std::string snapshot(const Device& device) {
  SQLite::Database db(device.dir / "collection.db", SQLite::OPEN_READONLY);
  std::string out;
  SQLite::Statement cards(db, "SELECT d.name, c.uid, c.prompt, c.suspended, s.state, s.due_ms, s.interval_days, s.ease, s.stability, "
                              "s.difficulty, s.step, s.reps, s.lapses, s.last_review_ms FROM cards c JOIN decks d ON d.id = c.deck_id "
                              "JOIN card_state s ON s.card_id = c.id ORDER BY d.name, c.uid");
  while (cards.executeStep()) {
    out += fmt::format("card {}/{} '{}' suspended {}: state {} due {} interval {:.6f} ease {:.6f} stability {:.6f} difficulty {:.6f} "
                       "step {} reps {} lapses {} last {}\n",
                       cards.getColumn(0).getString(), cards.getColumn(1).getString(), cards.getColumn(2).getString(),
                       cards.getColumn(3).getInt(), cards.getColumn(4).getInt(),
                       // A new card's due is its place in the deck, local to each device.
                       cards.getColumn(4).getInt() == 0 ? 0 : cards.getColumn(5).getInt64(), cards.getColumn(6).getDouble(),
                       cards.getColumn(7).getDouble(), cards.getColumn(8).getDouble(), cards.getColumn(9).getDouble(),
                       cards.getColumn(10).getInt(), cards.getColumn(11).getInt(), cards.getColumn(12).getInt(),
                       cards.getColumn(13).getInt64());
  }
  SQLite::Statement log(db, "SELECT l.device, l.seq, d.name, c.uid, l.reviewed_ms, l.rating, l.taken_ms, l.state_after, l.due_after, "
                            "l.stability_after FROM review_log l JOIN cards c ON c.id = l.card_id JOIN decks d ON d.id = c.deck_id "
                            "ORDER BY l.device, l.seq");
  while (log.executeStep())
    out += fmt::format("review {}#{} {}/{} at {} rated {} in {} ms -> state {} due {} stability {:.6f}\n", log.getColumn(0).getString(),
                       log.getColumn(1).getInt64(), log.getColumn(2).getString(), log.getColumn(3).getString(),
                       log.getColumn(4).getInt64(), log.getColumn(5).getInt(), log.getColumn(6).getInt64(), log.getColumn(7).getInt(),
                       log.getColumn(8).getInt64(), log.getColumn(9).getDouble());
  return out;
}

int log_size(const Device& device) {
  SQLite::Database db(device.dir / "collection.db", SQLite::OPEN_READONLY);
  return db.execAndGet("SELECT COUNT(*) FROM review_log").getInt();
}

// A device that imported the decks (in the order given) and set the scheduler.
void set_up(const Device& device, const TempDir& decks, bool reversed, const std::string& scheduler = "fsrs") {
  auto engine = device.open("2026-01-05T08:00:00Z");
  std::vector<std::filesystem::path> files = {decks / "sync.md", decks / "other.md"};
  if (reversed) std::reverse(files.begin(), files.end());
  for (const auto& file : files) engine->import_paths({file});
  engine->change_setting("scheduler", scheduler);
}

}  // namespace

TEST_CASE("two devices that reviewed offline sync to identical collections, in either order", "[sync]") {
  TempDir decks;
  decks.write("sync.md", kDeck);
  decks.write("other.md", kOtherDeck);
  for (const std::string scheduler : {"fsrs", "sm2"}) {
    for (bool a_first : {true, false}) {
      DYNAMIC_SECTION(scheduler << (a_first ? ", A syncs first" : ", B syncs first")) {
        Server server;
        Device a, b;
        set_up(a, decks, false, scheduler);
        set_up(b, decks, true, scheduler);  // imported in another order: other local ids
        for (const std::string day : {"2026-01-06T09:00:00Z", "2026-01-09T09:00:00Z", "2026-01-15T09:00:00Z"}) {
          review_all(a, day, {Rating::good, Rating::again, Rating::easy});
          review_all(b, day, {Rating::hard, Rating::good});
          const Device& first = a_first ? a : b;
          const Device& second = a_first ? b : a;
          sync(first, server, day);
          sync(second, server, day);
          sync(first, server, day);
          REQUIRE(snapshot(a) == snapshot(b));
        }
        CHECK(log_size(a) == static_cast<int>(server.reviews()));
        CHECK(log_size(a) > 20);
      }
    }
  }
}

TEST_CASE("three devices sync in every order and agree", "[sync]") {
  TempDir decks;
  decks.write("sync.md", kDeck);
  decks.write("other.md", kOtherDeck);
  std::vector<int> order = {0, 1, 2};
  do {
    DYNAMIC_SECTION("order " << order[0] << order[1] << order[2]) {
      Server server;
      Device devices[3];
      for (int i = 0; i < 3; ++i) set_up(devices[i], decks, i == 1);
      const std::vector<Rating> ratings[3] = {{Rating::good}, {Rating::again, Rating::good}, {Rating::easy, Rating::hard}};
      for (int i = 0; i < 3; ++i) review_all(devices[i], "2026-01-06T09:00:00Z", ratings[i]);
      // Two rounds: after the first, the first device has not heard of the later ones yet.
      for (int round = 0; round < 2; ++round)
        for (int i : order) sync(devices[i], server, "2026-01-06T20:00:00Z");
      CHECK(snapshot(devices[0]) == snapshot(devices[1]));
      CHECK(snapshot(devices[1]) == snapshot(devices[2]));
      CHECK(log_size(devices[2]) == static_cast<int>(server.reviews()));
    }
  } while (std::next_permutation(order.begin(), order.end()));
}

TEST_CASE("an answer undone after it was synced is cancelled on every device", "[sync]") {
  TempDir decks;
  decks.write("sync.md", kDeck);
  decks.write("other.md", kOtherDeck);
  Server server;
  Device a, b;
  set_up(a, decks, false);
  set_up(b, decks, false);
  const int before = log_size(a);
  {
    auto engine = a.open("2026-01-06T09:00:00Z");
    auto session = engine->start_review();
    session->answer(*session->next(), Rating::good, {});
    session->answer(*session->next(), Rating::again, {});
    sync(*engine, server);
    REQUIRE(engine->collection().sync_state().waiting_reviews == 0);
    REQUIRE(session->undo());  // the second answer, already on the server
    const SyncState state = engine->collection().sync_state();
    CHECK(state.waiting_reviews == 1);  // the cancellation
    CHECK(state.next_seq == before + 4);  // two answers and the cancellation; nothing reused
    sync(*engine, server);
  }
  sync(b, server, "2026-01-06T10:00:00Z");
  CHECK(log_size(b) == before + 1);
  CHECK(snapshot(a) == snapshot(b));

  SECTION("an answer not yet pushed is simply deleted; its sequence number is not reused") {
    auto engine = a.open("2026-01-06T11:00:00Z");
    auto session = engine->start_review();
    session->answer(*session->next(), Rating::easy, {});
    const std::int64_t seq = engine->collection().sync_state().next_seq;
    REQUIRE(session->undo());
    CHECK(engine->collection().sync_state().waiting_reviews == 0);
    session->answer(*session->next(), Rating::easy, {});
    CHECK(engine->collection().changes_since(engine->collection().sync_state().pushed_seq).reviews.at(0).seq == seq);
  }
}

TEST_CASE("the same pulled batch applied twice changes nothing the second time", "[sync]") {
  TempDir decks;
  decks.write("sync.md", kDeck);
  decks.write("other.md", kOtherDeck);
  Server server;
  Device a, b;
  set_up(a, decks, false);
  set_up(b, decks, true);
  review_all(a, "2026-01-06T09:00:00Z", {Rating::good, Rating::again});
  sync(a, server, "2026-01-06T12:00:00Z");
  auto engine = b.open("2026-01-06T12:00:00Z");
  const SyncState state = engine->collection().sync_state();
  const ChangeBatch push = engine->collection().changes_since(state.pushed_seq);
  const ChangeBatch pull = server.exchange(state.device, push, state.pulled_position);
  const ApplyReport first = engine->apply_changes(pull, push);
  CHECK(first.reviews == static_cast<int>(pull.reviews.size()));
  const std::string after_first = snapshot(b);
  // As when a sync was killed after applying, before the client knew: the same batch again.
  const ApplyReport second = engine->apply_changes(pull, push);
  CHECK(second.reviews == 0);
  CHECK(second.cards == 0);
  CHECK(snapshot(b) == after_first);
  CHECK(snapshot(a) == snapshot(b));
}

TEST_CASE("cards arrive by sync, edits merge last-writer-wins, and a re-import leaves synced cards alone", "[sync]") {
  TempDir decks;
  decks.write("sync.md", kDeck);
  decks.write("other.md", kOtherDeck);
  Server server;
  Device a, b;
  set_up(a, decks, false);
  {
    auto engine = b.open("2026-01-05T08:00:00Z");
    engine->import_paths({decks / "other.md"});  // B has only the other deck
  }
  sync(a, server, "2026-01-06T09:00:00Z");
  sync(b, server, "2026-01-06T09:00:00Z");
  {
    auto engine = b.open("2026-01-06T09:00:00Z");
    REQUIRE(engine->collection().cards_with_uid("mutex").size() == 1);
    // B imports its own copy of the other deck, which lacks nothing: the cards of deck Sync came by
    // sync and have no file here, so no import suspends them.
    engine->import_paths({decks / "other.md"});
    CHECK_FALSE(engine->collection().cards_with_uid("mutex").at(0).suspended);
  }

  // Both edit the same card before syncing: the later edit is kept, the other reported.
  {
    auto engine = a.open("2026-01-06T10:00:00Z");
    const Card card = engine->collection().cards_with_uid("mutex").at(0);
    CardContent content = card.content;
    content.answer = "A's answer";
    engine->collection().save_user_version(card.id, content);
  }
  {
    auto engine = b.open("2026-01-06T10:00:00Z");
    const Card card = engine->collection().cards_with_uid("mutex").at(0);
    CardContent content = card.content;
    content.answer = "B's answer, written later";
    engine->collection().save_user_version(card.id, content);
    engine->collection().set_suspended(engine->collection().cards_with_uid("race").at(0).id, true);
  }
  sync(a, server, "2026-01-06T11:00:00Z");
  ApplyReport report;
  {
    auto engine = b.open("2026-01-06T11:00:00Z");
    report = sync(*engine, server);
  }
  sync(a, server, "2026-01-06T11:00:00Z");
  for (const Device* device : {&a, &b}) {
    auto engine = device->open("2026-01-06T12:00:00Z");
    CHECK(engine->collection().cards_with_uid("mutex").at(0).content.answer == "B's answer, written later");
    CHECK(engine->collection().cards_with_uid("race").at(0).suspended);
  }
  REQUIRE(report.conflicts.size() == 1);
  CHECK(report.conflicts[0].card == CardKey{"Sync", "mutex"});
  CHECK(report.conflicts[0].kept_device == b.open("2026-01-06T12:00:00Z")->collection().device_id());
}
