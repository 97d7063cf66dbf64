// Sync in the engine (sync.h): devices that reviewed the same cards offline exchange their changes
// through a server and end with the same collection. The server of the first cases is a few lines
// that keep what the PostgreSQL server keeps (the last case runs the real one): entries once per (device, seq),
// cards last-writer-wins, a position per change, and pulls of the other devices' changes.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <algorithm>
#include <csignal>
#include <random>
#include <cstdio>
#include <cstdlib>
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
    ChangeBatch pull;
    std::vector<std::pair<std::int64_t, SyncedReview>> ordered;
    for (const auto& [key, entry] : reviews_)
      if (entry.first > since && key.first != device) ordered.push_back(entry);
    std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& entry : ordered) pull.reviews.push_back(entry.second);
    for (const auto& [key, card] : cards_)
      if (card.first > since && card.second.device != device) pull.cards.push_back(card.second);
    for (const auto& [key, setting] : settings_)
      if (setting.first > since && setting.second.device != device) pull.settings.push_back(setting.second);
    // The pull was read first, as the server does.
    for (const auto& review : push.reviews)
      if (reviews_.emplace(std::pair(review.device, review.seq), std::pair(++position_, review)).second == false) --position_;
    for (const auto& card : push.cards) {
      auto it = cards_.find(card.card);
      if (it == cards_.end() || std::tie(card.version, card.device) > std::tie(it->second.second.version, it->second.second.device))
        cards_[card.card] = {++position_, card};
    }
    for (const auto& setting : push.settings) {
      auto it = settings_.find(setting.key);
      if (it == settings_.end() ||
          std::tie(setting.version, setting.device) > std::tie(it->second.second.version, it->second.second.device))
        settings_[setting.key] = {++position_, setting};
    }
    pull.position = position_;
    return pull;
  }
  size_t reviews() const { return reviews_.size(); }

 private:
  std::int64_t position_ = 0;
  std::map<std::pair<std::string, std::int64_t>, std::pair<std::int64_t, SyncedReview>> reviews_;
  std::map<CardKey, std::pair<std::int64_t, SyncedCard>> cards_;
  std::map<std::string, std::pair<std::int64_t, SyncedSetting>> settings_;
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
    session->answer(*card, ratings[static_cast<size_t>(answered) % ratings.size()], {.taken_ms = 4000 + answered, .score = nullptr, .spoken_ms = std::nullopt});
    ++answered;
  }
  return answered;
}

// Everything that must agree between devices: each card's state and the review log, by card key
// and (device, seq), never by local row ids.
std::string snapshot(const Device& device) {
  SQLite::Database db = test::open_database(device.dir / "collection.db");
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
  SQLite::Database db = test::open_database(device.dir / "collection.db");
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

TEST_CASE("settings merge last-writer-wins; a machine's own settings stay on it", "[sync]") {
  TempDir decks;
  decks.write("sync.md", kDeck);
  decks.write("other.md", kOtherDeck);
  Server server;
  Device a, b;
  set_up(a, decks, false);
  set_up(b, decks, true);
  review_all(a, "2026-01-06T09:00:00Z", {Rating::good, Rating::again});
  {
    auto engine = a.open("2026-01-06T10:00:00Z");
    engine->change_setting("deck.Sync.new_per_day", "3");
    engine->change_setting("frontend", "tui");  // this machine's
  }
  {
    auto engine = b.open("2026-01-06T10:00:00Z");
    engine->change_setting("review_order", "deck");
  }
  for (const Device* device : {&a, &b, &a}) sync(*device, server, "2026-01-06T11:00:00Z");
  {
    auto engine = b.open("2026-01-06T12:00:00Z");
    CHECK(engine->collection().config("deck.Sync.new_per_day") == "3");
    CHECK_FALSE(engine->collection().config("frontend"));
    engine->change_setting("scheduler", "sm2");  // recomputes B's cards; the sync must do as much on A
  }
  {
    auto engine = a.open("2026-01-06T12:00:00Z");
    CHECK(engine->collection().config("review_order") == "deck");
    engine->change_setting("review_order", std::nullopt);
  }
  for (const Device* device : {&b, &a, &b}) sync(*device, server, "2026-01-06T13:00:00Z");
  auto engine = b.open("2026-01-06T14:00:00Z");
  CHECK_FALSE(engine->collection().config("review_order"));
  CHECK(a.open("2026-01-06T14:00:00Z")->collection().config("scheduler") == "sm2");
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

TEST_CASE("a review whose sync afterwards fails keeps its answers and says that rehearse sync tries again", "[sync]") {
  test::Program program;
  REQUIRE(program.run({"config", "set", "frontend.sync-client.after_review", "true"}).status == 0);
  {
    // A device that names a server it has no token for: the sync after the review cannot happen.
    SQLite::Database db = test::open_database(program.collection, SQLite::OPEN_READWRITE);
    db.exec("INSERT OR REPLACE INTO config (key, value) VALUES ('sync.server', 'http://127.0.0.1:9')");
  }
  const auto review = program.run({"review", "--deck", "The STAR method"}, "\n3\nq\n");
  CHECK(review.status == 0);
  CHECK_THAT(review.out, Catch::Contains("Session done: 1 card"));
  CHECK_THAT(review.err, Catch::Contains("not enrolled"));
  CHECK_THAT(review.err, Catch::Contains("`rehearse sync` tries again"));
  CHECK_THAT(review.err, !Catch::Contains("plugin 'sync-client'"));  // the user's to fix, not a plugin's failure
  CHECK(program.run_json({"stats"})["reviews_total"] == 1);
}

// ---- The real server: rehearse sync-server on a PostgreSQL this test starts -------------------
// Run by ctest as sync_server when PostgreSQL's initdb and pg_ctl were found (REHEARSE_PG_BIN).

namespace {

std::string shell(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  pclose(pipe);
  return out;
}

int free_port() {
  const int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(bind(s, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  socklen_t length = sizeof address;
  getsockname(s, reinterpret_cast<sockaddr*>(&address), &length);
  close(s);
  return ntohs(address.sin_port);
}

// A PostgreSQL cluster of its own in a temporary folder, on loopback at a free port, run as
// `nobody` when the suite runs as root (PostgreSQL refuses root). Stopped when the test ends.
class PostgreSQL {
 public:
  PostgreSQL() {
    const char* bin = std::getenv("REHEARSE_PG_BIN");
    if (bin == nullptr || *bin == '\0') FAIL("REHEARSE_PG_BIN must name the folder of initdb and pg_ctl");
    bin_ = bin;
    if (geteuid() == 0) {
      REQUIRE(std::system(fmt::format("chown -R nobody '{}'", dir_.path().string()).c_str()) == 0);
      as_ = "runuser -u nobody -- ";
    }
    port_ = free_port();
    const std::string data = (dir_ / "data").string();
    REQUIRE(std::system(fmt::format("{}'{}/initdb' -D '{}' -A trust -U rehearse -E UTF8 --no-sync > '{}' 2>&1", as_, bin_, data,
                                    (dir_ / "initdb.log").string())
                            .c_str()) == 0);
    const int started = std::system(fmt::format("{}'{}/pg_ctl' -D '{}' -l '{}' -w -o \"-k '{}' -p {} -c listen_addresses=127.0.0.1 "
                                                "-c fsync=off\" start > /dev/null 2>&1",
                                                as_, bin_, data, (dir_ / "server.log").string(), dir_.path().string(), port_)
                                        .c_str());
    if (started != 0) FAIL("PostgreSQL did not start: " << test::read_text(dir_ / "server.log"));
  }
  ~PostgreSQL() {
    std::system(fmt::format("{}'{}/pg_ctl' -D '{}' -m immediate -w stop > /dev/null 2>&1", as_, bin_, (dir_ / "data").string()).c_str());
  }
  std::string url() const { return fmt::format("postgresql://rehearse@127.0.0.1:{}/postgres", port_); }
  // One value from a query, as psql prints it.
  std::string query(const std::string& sql) const {
    std::string out = shell(fmt::format("'{}/psql' '{}' -tAc \"{}\"", bin_, url(), sql));
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
  }

 private:
  TempDir dir_;
  std::string bin_;
  std::string as_;
  int port_ = 0;
};

// `rehearse sync-server` running until the test ends; its address from the line it prints.
class SyncServer {
 public:
  explicit SyncServer(const std::string& database, int port = 0) { start(database, port); }
  ~SyncServer() {
    if (pid_ < 0) return;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  const std::string& url() const { return url_; }
  // SIGKILL, as a crash would; restart() starts it again on the same port.
  void kill_now() {
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
  }
  void restart(const std::string& database) { start(database, std::stoi(url_.substr(url_.rfind(':') + 1))); }

  void start(const std::string& database, int port) {
    int out[2];
    REQUIRE(pipe(out) == 0);
    std::fflush(nullptr);  // the child must not write what this process has buffered
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      const std::string collection = (dir_ / "server.db").string();
      const std::string port_text = std::to_string(port);
      execl(REHEARSE_TEST_PROGRAM, REHEARSE_TEST_PROGRAM, "--collection", collection.c_str(), "sync-server", "--database",
            database.c_str(), "--port", port_text.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    close(out[1]);
    std::string line;
    char c;
    while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
    close(out[0]);
    const auto at = line.find("http://");
    if (at == std::string::npos) FAIL("the sync server did not start: " << line);
    url_ = line.substr(at, line.find(' ', at) - at);
    while (url_.back() == '/') url_.pop_back();
  }
  test::ProgramResult admin(const std::string& database, std::vector<std::string> args) const {
    std::vector<std::string> all = {"--collection", (dir_ / "server.db").string(), "sync-server", "--database", database};
    all.insert(all.end(), args.begin(), args.end());
    return test::run_program(all);
  }
  // POSTs `body` to `path`; the HTTP status and the body of the answer.
  std::pair<int, std::string> post(const std::string& path, const std::string& body, const std::string& token = {}) const {
    const auto file = dir_.write("request.json", body);
    const std::string out = shell(fmt::format("curl -s -w '\\n%{{http_code}}' -X POST -H 'Content-Type: application/json' {} "
                                              "--data-binary @'{}' '{}{}'",
                                              token.empty() ? "" : fmt::format("-H 'Authorization: Bearer {}'", token), file.string(),
                                              url_, path));
    const auto newline = out.rfind('\n');
    return {std::stoi(out.substr(newline + 1)), out.substr(0, newline)};
  }

 private:
  TempDir dir_;
  pid_t pid_ = -1;
  std::string url_;
};

nlohmann::json run_sync(const Device& device, const std::string& now, std::vector<std::string> args = {}) {
  std::vector<std::string> all = {"--collection", (device.dir / "collection.db").string(), "--now", now, "sync", "--json"};
  all.insert(all.end(), args.begin(), args.end());
  const auto result = test::run_program(all);
  INFO(result.err);
  REQUIRE(result.status == 0);
  return nlohmann::json::parse(result.out);
}

std::string token_of(const Device& device) {
  SQLite::Database db = test::open_database(device.dir / "collection.db");
  return db.execAndGet("SELECT value FROM config WHERE key = 'sync.token'").getString();
}

}  // namespace

TEST_CASE("devices sync through rehearse sync-server on PostgreSQL", "[.sync-server]") {
  PostgreSQL postgres;
  SyncServer server(postgres.url());
  TempDir decks;
  decks.write("sync.md", kDeck);
  decks.write("other.md", kOtherDeck);

  const auto user = server.admin(postgres.url(), {"add-user", "alice", "--json"});
  REQUIRE(user.status == 0);
  const auto code_a = nlohmann::json::parse(user.out);
  CHECK(code_a["user"] == "alice");
  const auto code_b = nlohmann::json::parse(server.admin(postgres.url(), {"enrol", "alice", "--json"}).out);
  CHECK(code_a["code"] != code_b["code"]);

  Device a, b, c;
  set_up(a, decks, false);
  set_up(b, decks, true);
  set_up(c, decks, false);
  {
    // The sync front ends run no review.
    const auto review = test::run_program({"--collection", (c.dir / "collection.db").string(), "review", "--frontend", "sync-server"});
    CHECK(review.status == 1);
    CHECK_THAT(review.err, Catch::Contains("does not run reviews"));
  }
  run_sync(a, "2026-01-05T09:00:00Z", {"--enrol", server.url(), code_a["code"]});
  run_sync(b, "2026-01-05T09:00:00Z", {"--enrol", server.url(), code_b["code"]});
  {
    // A code works once.
    const auto again = test::run_program({"--collection", (c.dir / "collection.db").string(), "sync", "--enrol", server.url(),
                                          code_a["code"].get<std::string>()});
    CHECK(again.status == 1);
    CHECK_THAT(again.err, Catch::Contains("refused this device") && Catch::Contains("not known or was used already"));
  }

  SECTION("offline reviews on two devices end identical, and a repeated sync changes nothing") {
    const std::string day = "2026-01-06T09:00:00Z";
    const int on_a = review_all(a, day, {Rating::good, Rating::again});
    const int on_b = review_all(b, day, {Rating::easy});
    a.open(day)->change_setting("deck.Sync.new_per_day", "4");
    const auto first = run_sync(a, day);
    CHECK(first["pulled"] == 0);
    const auto second = run_sync(b, day);
    CHECK(second["pulled"].get<int>() >= on_a);
    run_sync(a, day);
    CHECK(snapshot(a) == snapshot(b));
    CHECK(b.open(day)->collection().config("deck.Sync.new_per_day") == "4");
    CHECK(postgres.query("SELECT count(*) FROM review_log") == std::to_string(log_size(a)));
    CHECK(log_size(a) >= on_a + on_b);
    const auto repeat = run_sync(a, day);
    CHECK(repeat["pushed"] == 0);
    CHECK(repeat["pulled"] == 0);

    const auto status = run_sync(a, day, {"--status"});
    CHECK(status["server"] == server.url());
    CHECK(status["waiting"]["reviews"] == 0);
    CHECK(status["last_sync"] == "2026-01-06T09:00:00Z");
  }

  SECTION("an answer undone after its sync is cancelled on the other device") {
    const std::string day = "2026-01-06T09:00:00Z";
    auto engine = a.open(day);
    auto session = engine->start_review();
    session->answer(*session->next(), Rating::good, {});
    run_sync(a, day);
    REQUIRE(session->undo());
    session.reset();
    engine.reset();
    CHECK(run_sync(a, day)["pushed"] == 1);  // the cancellation
    run_sync(b, day);
    CHECK(snapshot(a) == snapshot(b));
    CHECK(log_size(b) == 0);
    CHECK(postgres.query("SELECT count(*) FROM review_log WHERE cancels_seq IS NOT NULL") == "1");
  }

  SECTION("a copy of a synced collection is refused (409) until it enrols as a device of its own") {
    run_sync(a, "2026-01-05T10:00:00Z");
    Device copy;
    for (const char* suffix : {"", "-wal"})
      if (std::filesystem::exists(a.dir / (std::string("collection.db") + suffix)))
        std::filesystem::copy_file(a.dir / (std::string("collection.db") + suffix), copy.dir / (std::string("collection.db") + suffix));
    const std::string day = "2026-01-06T09:00:00Z";
    review_all(a, day, {Rating::good});
    review_all(copy, day, {Rating::again});
    run_sync(a, day);
    const auto refused = test::run_program({"--collection", (copy.dir / "collection.db").string(), "--now", day, "sync"});
    CHECK(refused.status == 1);
    CHECK_THAT(refused.err, Catch::Contains("copy or a restored backup") && Catch::Contains("enrol again"));
    const auto code = nlohmann::json::parse(server.admin(postgres.url(), {"enrol", "alice", "--json"}).out)["code"].get<std::string>();
    run_sync(copy, day, {"--enrol", server.url(), code});
    run_sync(copy, day);
    run_sync(a, day);
    CHECK(snapshot(a) == snapshot(copy));
    CHECK(postgres.query("SELECT count(*) FROM review_log") == std::to_string(log_size(a)));
  }

  SECTION("a missing, unknown or revoked token gets 401; a malformed batch 400 and nothing is written") {
    CHECK(server.post("/v1/sync", R"({"protocol": "1.0", "since": 0})").first == 401);
    CHECK(server.post("/v1/sync", R"({"protocol": "1.0", "since": 0})", "not-a-token").first == 401);
    const std::string token = token_of(a);
    const std::string device = a.open("2026-01-06T09:00:00Z")->collection().device_id();
    const std::string good_entry =
        fmt::format(R"({{"deck": "Sync", "uid": "mutex", "device": "{}", "seq": 1000, "reviewed_ms": 1, "rating": 3, "taken_ms": 0}})", device);
    const std::string bad_entry =
        fmt::format(R"({{"deck": "Sync", "uid": "race", "device": "{}", "seq": 1001, "reviewed_ms": 1, "rating": 9, "taken_ms": 0}})", device);
    const auto bad = server.post("/v1/sync", fmt::format(R"({{"protocol": "1.0", "since": 0, "push": {{"reviews": [{}, {}]}}}})",
                                                         good_entry, bad_entry), token);
    CHECK(bad.first == 400);
    CHECK_THAT(bad.second, Catch::Contains("push.reviews[1].rating"));
    CHECK(server.post("/v1/sync", "{not json", token).first == 400);
    const auto other_major = server.post("/v1/sync", R"({"protocol": "2.0", "since": 0})", token);
    CHECK(other_major.first == 400);
    CHECK_THAT(other_major.second, Catch::Contains("protocol 2.0") && Catch::Contains("speaks 1.0"));
    CHECK(postgres.query("SELECT count(*) FROM review_log") == "0");

    const auto devices = nlohmann::json::parse(server.admin(postgres.url(), {"devices", "alice", "--json"}).out);
    REQUIRE(devices["devices"].size() == 2);
    const auto id = devices["devices"][1]["id"].get<std::int64_t>();
    REQUIRE(server.admin(postgres.url(), {"revoke", std::to_string(id)}).status == 0);
    const auto refused = test::run_program({"--collection", (b.dir / "collection.db").string(), "sync"});
    CHECK(refused.status == 1);
    CHECK_THAT(refused.err, Catch::Contains("refused this device") && Catch::Contains("revoked"));
  }
}

TEST_CASE("a sync killed at any moment, on the device or the server, loses and duplicates nothing", "[.sync-server]") {
  PostgreSQL postgres;
  SyncServer server(postgres.url());
  TempDir decks;
  decks.write("sync.md", kDeck);
  decks.write("other.md", kOtherDeck);
  REQUIRE(server.admin(postgres.url(), {"add-user", "alice", "--json"}).status == 0);
  Device a, b;
  set_up(a, decks, false);
  set_up(b, decks, true);
  for (const Device* device : {&a, &b}) {
    const auto code = nlohmann::json::parse(server.admin(postgres.url(), {"enrol", "alice", "--json"}).out)["code"].get<std::string>();
    run_sync(*device, "2026-01-05T09:00:00Z", {"--enrol", server.url(), code});
  }

  std::mt19937 random(20261206);
  int killed = 0;
  for (int round = 0; round < 24; ++round) {
    const std::string day = fmt::format("2026-01-{:02}T09:00:00Z", 6 + round);
    const Device& device = round % 2 == 0 ? a : b;
    review_all(device, day, {Rating::good, Rating::again, Rating::hard});
    // A sync, SIGKILLed at a random moment: the device's process, and every third round the server.
    std::fflush(nullptr);
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      const int null = open("/dev/null", O_WRONLY);
      dup2(null, STDOUT_FILENO);
      dup2(null, STDERR_FILENO);
      const std::string collection = (device.dir / "collection.db").string();
      execl(REHEARSE_TEST_PROGRAM, REHEARSE_TEST_PROGRAM, "--collection", collection.c_str(), "--now", day.c_str(), "sync",
            static_cast<char*>(nullptr));
      _exit(127);
    }
    usleep(std::uniform_int_distribution<useconds_t>(0, 150'000)(random));  // picks the moment; nothing waits on it
    const bool server_dies = round % 3 == 2;
    if (server_dies) server.kill_now();
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) ++killed;
    if (server_dies) server.restart(postgres.url());
  }
  // Then syncs that finish: every entry either device committed is on the server once, and on
  // both devices.
  for (int i = 0; i < 2; ++i)
    for (const Device* device : {&a, &b}) run_sync(*device, "2026-02-01T09:00:00Z");
  CHECK(snapshot(a) == snapshot(b));
  CHECK(postgres.query("SELECT count(*) FROM review_log") == std::to_string(log_size(a)));
  CHECK(log_size(a) > 48);
  CHECK(killed > 0);  // some syncs were killed, not all finished before the kill
}
