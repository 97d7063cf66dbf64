// Bad input, everywhere: decks no source can read, every command with missing and wrong arguments,
// and plugins that fail at everything. Each gets a clear error, and the collection is unchanged.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <fstream>
#include <random>
#include <sstream>

#include "rehearse/errors.h"
#include "rehearse/review_session.h"
#include "test_support.h"

using namespace rehearse;
namespace fs = std::filesystem;
using test::TempDir;

namespace {

// An import read by the source `name`, whatever the file looks like.
ImportOptions by_source(std::string name) {
  ImportOptions options;
  options.source = std::move(name);
  return options;
}

// Everything the collection holds, as text: equal fingerprints mean nothing changed.
std::string fingerprint(const fs::path& collection) {
  SQLite::Database db = test::open_database(collection);
  std::string out;
  for (const char* table : {"decks", "cards", "card_state", "review_log", "config"}) {
    SQLite::Statement rows(db, fmt::format("SELECT * FROM {} ORDER BY rowid", table));
    out += table;
    while (rows.executeStep()) {
      out += '\n';
      for (int i = 0; i < rows.getColumnCount(); ++i) out += rows.getColumn(i).getString() + '\x1f';
    }
    out += '\n';
  }
  return out;
}

std::string binary_bytes(size_t size) {
  std::mt19937 random(7);
  std::string bytes(size, '\0');
  for (auto& byte : bytes) byte = static_cast<char>(random() & 0xff);
  bytes[10] = '\0';
  return bytes;
}

const std::string kGoodDeck = "---\ndeck: Good\n---\n## Q: What is a quorum?\nanswer: A majority of replicas.\n";

// A collection with some history, to see that nothing of it changes.
std::unique_ptr<Engine> engine_with_history(const TempDir& dir) {
  auto engine = test::make_engine(dir);
  engine->import_paths({dir.write("good.md", kGoodDeck)});
  auto session = engine->start_review();
  session->answer(*session->next(), Rating::good, {});
  return engine;
}

}  // namespace

TEST_CASE("a deck no source can read is refused with its file and line, and nothing is imported", "[reliability]") {
  TempDir dir;
  auto engine = engine_with_history(dir);
  const std::string before = fingerprint(dir / "collection.db");

  const std::string invalid_utf8 = "## Q: Caf\xc3\x28 au lait?\nanswer: \xff\xfe\n";
  std::vector<fs::path> files = {
      dir.write("empty.md", ""),
      dir.write("empty.csv", ""),
      dir.write("blank.txt", "\n\n   \n"),
      dir.write("binary.md", binary_bytes(5000)),
      dir.write("binary.csv", binary_bytes(5000)),
      dir.write("binary.txt", binary_bytes(5000)),
      dir.write("binary.apkg", binary_bytes(5000)),
      dir.write("utf8.md", invalid_utf8),
      dir.write("utf8.csv", "question,answer\nCaf\xc3\x28?,\xff\xfe\n"),
      dir.write("utf8.html", "<h2>Caf\xc3\x28?</h2><p>\xff\xfe</p>"),
      dir.write("duplicate-ids.md", "## Q: One\nid: same\nanswer: 1\n\n## Q: Two\nid: same\nanswer: 2\n"),
      dir.write("no-cards.md", "# Just notes\n\nNothing here is a card.\n"),
      dir.write("truncated.apkg", std::string("PK\x03\x04", 4) + binary_bytes(200)),
  };
  for (const auto& file : files) {
    INFO(file.filename().string());
    try {
      engine->import_paths({file});
      FAIL("imported");
    } catch (const ParseError& e) {
      CHECK(e.file() == file.string());
      CHECK_FALSE(e.message().empty());
    }
    // A bad file among good ones: nothing of the good ones is imported either.
    CHECK_THROWS_AS(engine->import_paths({dir.write("other-good.md", "## Q: Also good?\nanswer: yes\n"), file}), ParseError);
  }
  CHECK(fingerprint(dir / "collection.db") == before);
}

TEST_CASE("a 100 MB deck that goes bad on its last line imports nothing", "[reliability]") {
  TempDir dir;
  auto engine = engine_with_history(dir);
  const std::string before = fingerprint(dir / "collection.db");
  const fs::path big = dir / "big.md";
  int lines = 0;
  {
    std::ofstream out(big, std::ios::binary);
    out << "---\ndeck: Big\n---\n";
    lines = 3;
    for (int i = 0; out.tellp() < 100 * 1024 * 1024; ++i) {
      out << fmt::format("## Q: Question {} about replication and its failure modes?\nanswer: Quorums and leader election, {}.\n\n", i, i);
      lines += 3;
    }
    out << "## Q: The last one, cut off in the middle of a character \xe2\x82\n";
  }
  try {
    engine->import_paths({big});
    FAIL("imported");
  } catch (const ParseError& e) {
    CHECK(e.file() == big.string());
    CHECK(e.line() == lines + 1);
  }
  CHECK(fingerprint(dir / "collection.db") == before);
}

TEST_CASE("a million-character line and lists nested thousands deep import whole or are refused cleanly", "[reliability]") {
  TempDir dir;
  auto engine = test::make_engine(dir);

  std::string words;
  for (int i = 0; i < 200'000; ++i) words += "word ";
  engine->import_paths({dir.write("long.md", "---\ndeck: Long\n---\n## Q: A long answer?\nanswer: " + words + "\n")});
  const auto cards = engine->collection().find_cards("Long", "", 10);
  REQUIRE(cards.size() == 1);
  CHECK(cards[0].content.answer.size() >= words.size() - 1);

  std::string nested = "---\ndeck: Nested\n---\n## Q: How deep?\nkey points:\n";
  for (int i = 0; i < 3000; ++i) nested += std::string(static_cast<size_t>(i) * 2, ' ') + "- level " + std::to_string(i) + "\n";
  engine->import_paths({dir.write("nested.md", nested)});
  CHECK(engine->collection().find_cards("Nested", "", 10).size() == 1);

  // Pages from the web: one paragraph of a million characters, and lists nested 100,000 deep. Both
  // used to take minutes or all the memory there is.
  engine->import_paths({dir.write("paragraph.html", "<h2>What is a long paragraph?</h2><p>" + words + "</p>")}, by_source("guide"));
  CHECK(engine->collection().find_cards("", "long paragraph", 10).size() == 1);
  std::string deep = "<h2>How deep does it go?</h2>";
  for (int i = 0; i < 100'000; ++i) deep += "<div><ul><li>level";
  const fs::path deep_page = dir.write("deep.html", deep);
  try {
    engine->import_paths({deep_page}, by_source("guide"));
  } catch (const ParseError& e) {
    CHECK(e.file() == deep_page.string());
  }
}

TEST_CASE("every command refuses missing and wrong arguments with a message, and changes nothing", "[reliability][program]") {
  TempDir dir;
  const std::string collection = (dir / "collection.db").string();
  auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--collection", collection, "--now", "2026-03-02T08:00:00Z"});
    return test::run_program(args);
  };
  REQUIRE(run({"review"}).status == 0);  // creates the collection with the bundled decks
  REQUIRE(run({"backup"}).status == 0);  // and today's backups, which later commands would add
  const std::string before = fingerprint(collection);

  // Every command there is: an option it does not know.
  const auto help = test::run_program({"--help"});
  std::istringstream lines(help.out.substr(help.out.find("Commands:")));
  int commands = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.size() < 3 || line.compare(0, 2, "  ") != 0 || line[2] == ' ' || line[2] == '-') continue;
    const std::string command = line.substr(2, line.find(' ', 2) - 2);
    INFO(command);
    const auto result = run({command, "--no-such-option"});
    CHECK(result.status == 2);
    CHECK_THAT(result.err, Catch::Contains("--no-such-option"));
    ++commands;
  }
  CHECK(commands >= 10);

  dir.write("bad-rating.csv", "card_id,review_time,review_rating\n1,1000,7\n");
  dir.write("backwards.csv", "card_id,review_time,review_rating\n1,2000,3\n1,1000,3\n");
  dir.write("columns.csv", "a,b\n1,2\n");
  dir.write("not-a-collection.db", "text");
  struct Case {
    std::vector<std::string> args;
    const char* says;  // part of the message
  };
  const std::vector<Case> cases = {
      {{"no-such-command"}, "unknown command"},
      {{"review", "--deck"}, "--deck needs a value"},
      {{"review", "--deck", "No such deck"}, "no deck named"},
      {{"review", "extra"}, "unexpected 'extra'"},
      {{"review", "--frontend", "nosuch"}, "no front end named"},
      {{"serve", "--port", "abc"}, "port"},
      {{"import"}, "needs at least one file"},
      {{"import", (dir / "missing.md").string()}, "no such file"},
      {{"import", "--source", "nosuch", (dir / "bad-rating.csv").string()}, "no source plugin named"},
      {{"decks", "extra"}, "unexpected 'extra'"},
      {{"stats", "extra"}, "unexpected 'extra'"},
      {{"backup", "a", "b"}, "unexpected 'b'"},
      {{"backup", (dir / "collection.db").string()}, "already exists"},
      {{"restore"}, "needs the FILE"},
      {{"restore", (dir / "not-a-collection.db").string()}, "not a rehearse collection"},
      {{"restore", (dir / "missing.db").string()}, "no such file"},
      {{"check", "extra"}, "unexpected 'extra'"},
      {{"plugins", "--check"}, "--check needs a value"},
      {{"score"}, "--card"},
      {{"score", "--card", "999999"}, "999999"},
      {{"config", "get"}, "needs a KEY"},
      {{"config", "set", "new_per_day"}, "needs a KEY and a VALUE"},
      {{"config", "set", "new_per_day", "-5"}, "new_per_day"},
      {{"config", "set", "new_per_day", "lots"}, "new_per_day"},
      {{"config", "set", "no_such_key", "1"}, "unknown setting"},
      {{"config", "frobnicate"}, "unknown config action"},
      {{"replay"}, "needs a review log"},
      {{"replay", (dir / "missing.csv").string()}, "missing.csv"},
      {{"replay", (dir / "bad-rating.csv").string()}, "bad-rating.csv:2"},
      {{"replay", (dir / "backwards.csv").string()}, "backwards.csv:3"},
      {{"replay", (dir / "columns.csv").string()}, "columns.csv:1"},
      {{"export-revlog"}, "needs a FILE.csv"},
      {{"export-revlog", "/nonexistent/folder/log.csv"}, "cannot be written"},
  };
  for (const auto& c : cases) {
    INFO(fmt::format("rehearse {}", fmt::join(c.args, " ")));
    const auto result = run(c.args);
    CHECK((result.status == 1 || result.status == 2));
    CHECK_THAT(result.err, Catch::StartsWith("rehearse: ") && Catch::Contains(c.says));
  }
  // A bad global option, before any command.
  const auto bad_now = test::run_program({"--collection", collection, "--now", "yesterday", "stats"});
  CHECK(bad_now.status == 2);
  CHECK_THAT(bad_now.err, Catch::Contains("ISO 8601"));
  CHECK(fingerprint(collection) == before);
}

TEST_CASE("a plugin that throws from every function is contained, named, and changes nothing", "[reliability][plugins]") {
  TempDir dir;
  const fs::path plugin = fs::path(REHEARSE_TEST_BROKEN_PLUGIN_DIR) / "throws_everywhere.so";
  auto engine = test::make_engine(dir, "2026-01-10T09:00:00Z", {plugin});
  REQUIRE(engine->plugins().refused().empty());
  engine->import_paths({dir.write("good.md", kGoodDeck)});
  {
    auto session = engine->start_review();
    session->answer(*session->next(), Rating::good, {});
  }
  Collection& collection = engine->collection();
  const std::string before = fingerprint(collection.path());
  auto names_plugin = Catch::Contains("throws-everywhere");

  // Source: its parse() when named, its accepts() when no other source takes the file.
  CHECK_THROWS_WITH(engine->import_paths({dir.write("deck.md", kGoodDeck)}, by_source("everywhere")), names_plugin);
  CHECK_THROWS_WITH(engine->import_paths({dir.write("deck.xyz", "some bytes")}), names_plugin);
  // Scheduler: switching a deck to it replays its cards' logs through it, which fails as a whole.
  CHECK_THROWS_WITH(engine->change_setting("deck.Good.scheduler", "everywhere"), names_plugin);
  CHECK(fingerprint(collection.path()) == before);
  const Scheduler& scheduler = *engine->registry().scheduler("everywhere");
  const Options no_options;
  const ReviewContext context{engine->clock().now_ms(), 0, 0, &no_options};
  CHECK_THROWS_WITH(scheduler.next({}, Rating::good, context), names_plugin);
  CHECK_THROWS_WITH(scheduler.retrievability({}, context), names_plugin);
  // Its option's check, as `rehearse config set` runs it.
  for (const auto& spec : scheduler.options()) CHECK_THROWS_WITH(validate_option(spec, "5"), names_plugin);
  // Scorer: its failure is reported with the score, and the user rates the card themselves.
  const auto card = collection.find_cards("Good", "", 1).at(0);
  const CombinedScore score = score_answer(*engine, {engine->registry().scorer("everywhere")}, card.content, {"an answer", 3, {}});
  REQUIRE(score.errors.size() == 1);
  CHECK_THAT(score.errors[0], names_plugin);
  CHECK_FALSE(score.score);
  // Front end.
  Frontend* frontend = engine->registry().frontend("everywhere");
  std::istringstream in;
  std::ostringstream out, err;
  FrontendContext run_context{*engine, std::nullopt, in, out, err, no_options, {}, Activity::review, {}};
  CHECK_THROWS_WITH(frontend->run(run_context), names_plugin);

  CHECK(fingerprint(collection.path()) == before);
}

TEST_CASE("a plugin failing under the program is reported by name and the program goes on", "[reliability][plugins][program]") {
  TempDir dir;
  const std::string collection = (dir / "collection.db").string();
  const std::string plugin = (fs::path(REHEARSE_TEST_BROKEN_PLUGIN_DIR) / "throws_everywhere.so").string();
  auto run = [&](std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--collection", collection, "--now", "2026-03-02T08:00:00Z", "--plugin-path", plugin});
    return test::run_program(args, input);
  };
  REQUIRE(run({"stats"}).status == 0);
  // A review with its scorer: the scorer's failure is shown, and the answer is still saved.
  REQUIRE(run({"config", "set", "scorers", "everywhere"}).status == 0);
  const auto review = run({"review", "--frontend", "cli", "--deck", "The STAR method"}, "my answer\n\n3\nq\n");
  CHECK(review.status == 0);
  CHECK_THAT(review.out, Catch::Contains("throws-everywhere") && Catch::Contains("Saved: good"));

  const std::string before = fingerprint(collection);
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"review", "--frontend", "everywhere"},
           {"config", "set", "scheduler.everywhere.limit", "5"},
           {"import", "--source", "everywhere", dir.write("deck.md", kGoodDeck).string()},
           {"config", "set", "scheduler", "everywhere"}}) {  // replays the answer above through it
    INFO(fmt::format("{}", fmt::join(args, " ")));
    const auto result = run(args);
    CHECK(result.status == 1);
    CHECK_THAT(result.err, Catch::Contains("throws-everywhere"));
  }
  CHECK(fingerprint(collection) == before);
}

TEST_CASE("a source returning cards with empty prompts is refused by name, and nothing is imported", "[reliability][plugins]") {
  TempDir dir;
  auto engine = test::make_engine(dir, "2026-01-10T09:00:00Z", {fs::path(REHEARSE_TEST_BROKEN_PLUGIN_DIR) / "empty_prompts.so"});
  engine->import_paths({dir.write("good.md", kGoodDeck)});
  const std::string before = fingerprint(dir / "collection.db");
  try {
    engine->import_paths({dir.write("cards.blank", "anything")});
    FAIL("imported");
  } catch (const PluginError& e) {
    CHECK(e.plugin() == "empty-prompts");
    CHECK_THAT(e.what(), Catch::Contains("empty prompt") && Catch::Contains("cards.blank:2"));
  }
  CHECK(fingerprint(dir / "collection.db") == before);
  CHECK(engine->collection().find_cards("Blank prompts", "", 10).empty());
}

TEST_CASE("score --json on binary garbage prints valid JSON, with the bad bytes replaced", "[reliability][program]") {
  test::Program program;
  const auto result = program.run({"score", "--question", "Tell me about a time you handled an outage.", "--json"}, binary_bytes(3000));
  REQUIRE(result.status == 0);
  const auto json = nlohmann::json::parse(result.out);  // throws, failing the test, on invalid UTF-8
  CHECK(json.contains("score"));
  CHECK(json["scorers"].is_array());
}
