// `rehearse replay` and `rehearse export-revlog`: review logs in the CSV layout of the FSRS tools,
// in and out, as a user runs them.
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "fsrs_model.h"
#include "test_support.h"

using namespace rehearse;
using nlohmann::json;
using test::TempDir;

namespace {

std::vector<json> json_lines(const std::string& text) {
  std::vector<json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  return lines;
}

test::ProgramResult replay(const std::vector<std::string>& args, const std::string& input = "") {
  std::vector<std::string> all = {"replay"};
  all.insert(all.end(), args.begin(), args.end());
  return test::run_program(all, input);
}

}  // namespace

TEST_CASE("replay shows the FSRS state after each review of each card", "[fsrs]") {
  TempDir dir;
  // Two cards, interleaved; times as Unix ms and as ISO 8601.
  const auto log = dir.write("revlog.csv",
                             "card_id,review_time,review_rating,review_duration\n"
                             "7,2026-01-10T09:00:00Z,3,5200\n"
                             "8,1768035600000,1,\n"            // 2026-01-10T09:00:00Z
                             "7,2026-01-10T09:10:00Z,3,4100\n"  // the same day: short-term rule
                             "7,2026-01-12T10:00:00Z,3,3000\n"
                             "7,2026-01-30T10:00:00Z,1,9000\n");
  const auto result = replay({log.string(), "--json"});
  REQUIRE(result.status == 0);
  const auto lines = json_lines(result.out);
  REQUIRE(lines.size() == 5);

  const fsrs::Model model;
  fsrs::MemoryState card7 = model.initial(3);
  CHECK(lines[0]["card_id"] == 7);
  CHECK(lines[0]["time"] == "2026-01-10T09:00:00Z");
  CHECK(lines[0]["rating"] == 3);
  CHECK(lines[0]["state"] == "learning");
  CHECK(lines[0]["stability"].get<double>() == Approx(card7.stability));
  CHECK(lines[0]["difficulty"].get<double>() == Approx(card7.difficulty));
  CHECK(lines[0]["retrievability"].is_null());  // a new card has no memory yet
  CHECK(lines[0]["interval_days"] == 0);         // a 10-minute step

  CHECK(lines[1]["card_id"] == 8);
  CHECK(lines[1]["state"] == "learning");
  CHECK(lines[1]["stability"].get<double>() == Approx(model.initial(1).stability));

  card7 = model.next(card7, 0, 3);
  CHECK(lines[2]["state"] == "review");
  CHECK(lines[2]["retrievability"] == 1.0);
  CHECK(lines[2]["stability"].get<double>() == Approx(card7.stability));
  CHECK(lines[2]["interval_days"] == std::llround(card7.stability));

  const double r = model.retrievability(2, card7.stability);
  card7 = model.next(card7, 2, 3);
  CHECK(lines[3]["retrievability"].get<double>() == Approx(r));
  CHECK(lines[3]["stability"].get<double>() == Approx(card7.stability));
  CHECK(lines[3]["difficulty"].get<double>() == Approx(card7.difficulty));

  card7 = model.next(card7, 18, 1);
  CHECK(lines[4]["state"] == "relearning");
  CHECK(lines[4]["stability"].get<double>() == Approx(card7.stability));
  CHECK(lines[4]["interval_days"] == 0);

  // The same as a table; a header line is optional.
  const auto table = replay({"-"}, "7,1768035600000,4\n");
  REQUIRE(table.status == 0);
  CHECK_THAT(table.out, Catch::StartsWith("card_id"));
  CHECK_THAT(table.out, Catch::Contains("2026-01-10T09:00:00Z"));
  CHECK_THAT(table.out, Catch::Contains("easy"));
  CHECK_THAT(table.out, Catch::Contains("review"));
  CHECK_THAT(table.out, Catch::Contains("8.2956"));
  CHECK_THAT(table.out, Catch::Contains("8d"));
}

TEST_CASE("a long log of many cards interleaved replays each card as if it were alone, in the file's order", "[fsrs]") {
  // More rows than a replay handles at once, spread over cards that different threads replay.
  TempDir dir;
  constexpr int kCards = 9, kRows = 80'000;
  std::string all = "card_id,review_time,review_rating\n";
  std::vector<std::string> alone(kCards + 1, all);
  std::uint32_t random = 12345;
  for (int i = 0; i < kRows; ++i) {
    random = random * 1'103'515'245u + 12'345u;
    const int card = 1 + static_cast<int>((random >> 16) % kCards);
    const int rating = 1 + static_cast<int>((random >> 8) % 4);
    const std::string row = fmt::format("{},{},{}\n", card, 1'700'000'000'000LL + i * 3'600'000LL, rating);
    all += row;
    alone[static_cast<size_t>(card)] += row;
  }
  const auto everything = replay({dir.write("all.csv", all).string(), "--json"});
  REQUIRE(everything.status == 0);
  const auto lines = json_lines(everything.out);
  REQUIRE(lines.size() == static_cast<size_t>(kRows));
  for (int card : {1, 2, 5}) {
    INFO("card " << card);
    const auto by_itself = replay({dir.write(fmt::format("card-{}.csv", card), alone[static_cast<size_t>(card)]).string(), "--json"});
    REQUIRE(by_itself.status == 0);
    std::vector<json> expected = json_lines(by_itself.out), actual;
    std::copy_if(lines.begin(), lines.end(), std::back_inserter(actual), [&](const json& line) { return line["card_id"] == card; });
    CHECK(actual == expected);
  }
  // Every line in the order of its row.
  for (size_t i = 1; i < lines.size(); ++i)
    if (lines[i]["time"].get<std::string>() < lines[i - 1]["time"].get<std::string>()) FAIL("line " << i + 1 << " is out of order");
}

TEST_CASE("replay reads the columns a header names, in any order, and runs SM-2 too", "[fsrs]") {
  const std::string log =
      "review_state,review_rating,card_id,review_time,review_duration\n"
      "0,3,1,1768035600000,1000\n"
      "1,3,1,1768036200000,1000\n";
  const auto fsrs = replay({"-", "--json"}, log);
  REQUIRE(fsrs.status == 0);
  CHECK(json_lines(fsrs.out).back()["state"] == "review");

  const auto sm2 = replay({"-", "--json", "--scheduler", "sm2"}, log);
  REQUIRE(sm2.status == 0);
  const auto lines = json_lines(sm2.out);
  CHECK(lines.back()["state"] == "review");
  CHECK(lines.back()["interval_days"] == 1);  // SM-2's graduating interval
  CHECK(lines.back()["stability"].is_null());  // SM-2 has no memory model
  CHECK(lines.back()["retrievability"].is_null());

  const auto unknown = replay({"-", "--scheduler", "leitner"}, log);
  CHECK(unknown.status == 1);
  CHECK_THAT(unknown.err, Catch::Contains("there is no scheduler named 'leitner'"));
}

TEST_CASE("replay refuses a malformed log, naming the file and line, and prints nothing", "[fsrs]") {
  TempDir dir;
  const std::string header = "card_id,review_time,review_rating\n";
  const std::pair<std::string, std::string> cases[] = {
      {"1,1768035600000,3\n2,1768035600000\n", "revlog.csv:3: expected card_id,review_time,review_rating[,review_duration], found 2 fields"},
      {"x1,1768035600000,3\n", "revlog.csv:2: card_id 'x1' is not a whole number"},
      {"1,yesterday,3\n", "revlog.csv:2: review_time 'yesterday' is neither Unix milliseconds nor an ISO 8601 date and time"},
      {"1,1969-12-31T09:00:00Z,3\n", "revlog.csv:2: review_time '1969-12-31T09:00:00Z' is before 1970"},
      {"1,1768035600000,5\n", "revlog.csv:2: review_rating '5' is not 1 (again), 2 (hard), 3 (good) or 4 (easy)"},
      {"1,1768035600000,3\n1,1768035500000,3\n", "revlog.csv:3: card 1 was reviewed later than this at line 2"},
  };
  for (const auto& [rows, message] : cases) {
    INFO(rows);
    const auto result = replay({dir.write("revlog.csv", header + rows).string()});
    CHECK(result.status == 1);
    CHECK_THAT(result.err, Catch::Contains(message));
    CHECK(result.out.empty());
  }
  const auto duration = replay({dir.write("revlog.csv", "1,1768035600000,3,fast\n").string(), "--json"});
  CHECK(duration.status == 1);
  const json error = json::parse(duration.out)["error"];  // --json: the error as JSON, nothing else
  CHECK(error["line"] == 1);
  CHECK(error["message"] == "review_duration 'fast' is not a number of milliseconds");
  const auto no_rating = replay({dir.write("revlog.csv", "card_id,review_time\n1,1768035600000\n").string()});
  CHECK(no_rating.status == 1);
  CHECK_THAT(no_rating.err, Catch::Contains("revlog.csv:1: the header names no review_rating column"));
  const auto missing = replay({(dir / "missing.csv").string()});
  CHECK(missing.status == 1);
  CHECK_THAT(missing.err, Catch::Contains("missing.csv: cannot be read"));
  const auto no_file = replay({});
  CHECK(no_file.status == 2);
}

TEST_CASE("a long log is refused at its first bad line, however far into the file", "[fsrs]") {
  // Megabytes of rows, read in pieces at once: the line numbers and the first problem are still
  // those of the file.
  TempDir dir;
  std::vector<std::string> lines = {"", "card_id,review_time,review_rating"};  // a blank line first
  for (int i = 0; i < 120'000; ++i) lines.push_back(fmt::format("{},{},3", i % 50, 1'600'000'000'000LL + i * 60'000LL));
  const auto log = [&](const std::vector<std::string>& rows) {
    std::string text;
    for (const auto& row : rows) text += row + "\r\n";
    return dir.write("revlog.csv", text).string();
  };
  auto late = lines;
  late[100'001] = "7,soon,3";  // line 100,002
  auto result = replay({log(late)});
  CHECK(result.status == 1);
  CHECK_THAT(result.err, Catch::Contains("revlog.csv:100002: review_time 'soon'"));
  CHECK(result.out.empty());

  auto both = late;
  both[90'001] = "0,1600000000000,3";  // line 90,002: card 0 goes back in time, before the bad line
  result = replay({log(both)});
  CHECK_THAT(result.err, Catch::Contains("revlog.csv:90002: card 0 was reviewed later than this at line 89953"));

  auto early = late;
  early[5] = "1,2,x";  // line 6: the first problem is reported, not the later one
  result = replay({log(early)});
  CHECK_THAT(result.err, Catch::Contains("revlog.csv:6: review_rating 'x'"));
}

TEST_CASE("export-revlog writes the review log that replay reads back to the same memory states", "[fsrs]") {
  TempDir dir;
  const std::string collection = (dir / "collection.db").string();
  const auto deck = dir.write("deck.md", "---\ndeck: Replayed\n---\n\n## Q: One?\nOne.\n\n## Q: Two?\nTwo.\n\n## K: Three\nThree.\n");
  auto at = [&](const std::string& now, const std::vector<std::string>& args, const std::string& input = "") {
    std::vector<std::string> all = {"--collection", collection, "--now", now};
    all.insert(all.end(), args.begin(), args.end());
    return test::run_program(all, input);
  };
  REQUIRE(at("2026-01-10T09:00:00Z", {"import", deck.string()}).status == 0);
  const char* days[] = {"2026-01-10T09:00:00Z", "2026-01-10T09:15:00Z", "2026-01-13T03:30:00Z", "2026-01-20T18:00:00Z",
                        "2026-02-11T08:00:00Z"};
  for (const char* now : days) REQUIRE(at(now, {"review", "--deck", "Replayed"}, "\n3\n\n1\n\n4\n\n3\n\n2\n\n3\nq\n").status == 0);

  const auto exported = at("2026-02-12T09:00:00Z", {"export-revlog", (dir / "out.csv").string()});
  REQUIRE(exported.status == 0);
  CHECK_THAT(exported.out, Catch::Contains("to " + (dir / "out.csv").string()));
  const std::string csv = test::read_text(dir / "out.csv");
  CHECK_THAT(csv, Catch::StartsWith("card_id,review_time,review_rating,review_duration\n"));

  const auto replayed = replay({(dir / "out.csv").string(), "--json"});
  REQUIRE(replayed.status == 0);
  std::map<std::int64_t, json> last;  // per card, the state after its last review
  for (const auto& line : json_lines(replayed.out)) last[line["card_id"].get<std::int64_t>()] = line;
  REQUIRE(last.size() == 3);

  EngineConfig config;
  config.collection = collection;
  config.load_default_plugin_dirs = false;
  config.plugin_dirs.emplace_back(REHEARSE_TEST_PLUGIN_DIR);
  Engine engine(config);
  int reviews = 0;
  engine.collection().each_review([&](const ReviewLogEntry&) { ++reviews; });
  CHECK(std::count(csv.begin(), csv.end(), '\n') == reviews + 1);
  for (const auto& [card_id, line] : last) {
    const auto card = engine.collection().card(card_id);
    REQUIRE(card);
    CHECK(line["stability"].get<double>() == Approx(card->scheduling.stability).epsilon(1e-12));
    CHECK(line["difficulty"].get<double>() == Approx(card->scheduling.difficulty).epsilon(1e-12));
    CHECK(line["state"] == std::string(to_string(card->scheduling.state)));
  }
}
