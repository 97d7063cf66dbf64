// Spoken answers: the duration stored with the review, and recordings kept in recordings/ beside
// the collection: listed, deleted, taken back with the review's undo, and refused beyond the cap
// (the setting recordings_max_mb) with nothing stored.
#include <fmt/format.h>

#include "rehearse/errors.h"
#include "rehearse/review_session.h"
#include "test_support.h"

using namespace rehearse;
namespace fs = std::filesystem;

namespace {

const fs::path kDecks = fs::path(REHEARSE_SOURCE_DIR) / "decks";

// An engine on a fresh collection with one answered card, whose review a recording can belong to.
struct AnsweredCard {
  test::TempDir dir;
  std::unique_ptr<Engine> engine = test::make_engine(dir);
  std::unique_ptr<ReviewSession> session;
  std::optional<Card> card;
  AnswerOutcome outcome;

  explicit AnsweredCard(std::optional<std::int64_t> spoken_ms = 75'000) {
    engine->import_paths({kDecks / "behavioral-questions.md"});
    session = engine->start_review();
    card = session->next();
    REQUIRE(card);
    outcome = session->answer(*card, Rating::good, AnswerDetails{90'000, nullptr, spoken_ms});
  }

  Collection& collection() { return engine->collection(); }
};

// The files in the recordings folder (none when it does not exist), temporary ones included.
std::vector<std::string> files_in(const fs::path& folder) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) names.push_back(entry.path().filename().string());
  return names;
}

}  // namespace

TEST_CASE("an answer's spoken duration is stored with its review, and a typed answer has none", "[recordings]") {
  AnsweredCard spoken(75'000);
  const auto log = spoken.collection().review_log(spoken.card->id);
  REQUIRE(log.size() == 1);
  CHECK(log.front().spoken_ms == 75'000);

  AnsweredCard typed(std::nullopt);
  CHECK_FALSE(typed.collection().review_log(typed.card->id).front().spoken_ms.has_value());
}

TEST_CASE("a recording is written beside the collection, listed with its card, and deleted with its file", "[recordings]") {
  AnsweredCard answered;
  Collection& collection = answered.collection();
  const std::string audio(4000, 'a');
  const std::int64_t id = collection.add_recording(answered.outcome.log_id, audio, "audio/webm;codecs=opus", 75'000);

  const auto listed = collection.recordings();
  REQUIRE(listed.size() == 1);
  const Recording& r = listed.front();
  CHECK(r.id == id);
  CHECK(r.log_id == answered.outcome.log_id);
  CHECK(r.card_id == answered.card->id);
  CHECK(r.prompt == answered.card->content.prompt);
  CHECK(r.spoken_ms == 75'000);
  CHECK(r.bytes == 4000);
  CHECK(r.file.parent_path() == answered.dir / "recordings");
  CHECK(r.file.extension() == ".webm");
  CHECK(test::read_text(r.file) == audio);
  CHECK(collection.recordings_bytes() == 4000);
  CHECK(files_in(collection.recordings_folder()).size() == 1);  // no temporary file left behind

  CHECK(collection.remove_recording(id));
  CHECK_FALSE(fs::exists(r.file));
  CHECK(collection.recordings().empty());
  CHECK(collection.review_log(answered.card->id).size() == 1);  // the review stays
  CHECK_FALSE(collection.remove_recording(id));
}

TEST_CASE("a recording beyond recordings_max_mb is refused with what is used and the cap, and nothing is stored", "[recordings]") {
  AnsweredCard answered;
  Collection& collection = answered.collection();
  CHECK(collection.recordings_cap_bytes() == 200LL << 20);  // the default
  collection.set_config("recordings_max_mb", "1");
  const std::string first(700 * 1024, 'a');
  collection.add_recording(answered.outcome.log_id, first, "audio/webm", 60'000);

  auto second_session = answered.engine->start_review();
  const auto next = second_session->next();
  REQUIRE(next);
  const AnswerOutcome second = second_session->answer(*next, Rating::good, AnswerDetails{1000, nullptr, 61'000});
  const std::string too_much(400 * 1024, 'b');
  CHECK_THROWS_WITH(collection.add_recording(second.log_id, too_much, "audio/webm", 61'000),
                    Catch::Contains("400 KB") && Catch::Contains("700 KB") && Catch::Contains("1.0 MB") &&
                        Catch::Contains("recordings_max_mb"));
  CHECK(collection.recordings().size() == 1);
  CHECK(collection.recordings_bytes() == 700 * 1024);
  CHECK(files_in(collection.recordings_folder()).size() == 1);

  collection.set_config("recordings_max_mb", "0");  // keep none
  CHECK_THROWS_AS(collection.check_recording_fits(1), Error);
}

TEST_CASE("undoing a review deletes its recording's row and file", "[recordings]") {
  AnsweredCard answered;
  Collection& collection = answered.collection();
  collection.add_recording(answered.outcome.log_id, std::string(2000, 'a'), "audio/ogg", 70'000);
  const fs::path file = collection.recordings().front().file;
  REQUIRE(fs::exists(file));
  REQUIRE(answered.session->undo());
  CHECK(collection.recordings().empty());
  CHECK_FALSE(fs::exists(file));
  CHECK(collection.review_log(answered.card->id).empty());
}

TEST_CASE("a recording that is empty, not audio, or for no review is refused and leaves no file", "[recordings]") {
  AnsweredCard answered;
  Collection& collection = answered.collection();
  CHECK_THROWS_WITH(collection.add_recording(answered.outcome.log_id, "", "audio/webm", 1000), Catch::Contains("empty"));
  CHECK_THROWS_WITH(collection.add_recording(answered.outcome.log_id, "x", "text/html", 1000), Catch::Contains("must be audio"));
  CHECK_THROWS_WITH(collection.add_recording(answered.outcome.log_id + 100, "x", "audio/webm", 1000), Catch::Contains("no review"));
  collection.add_recording(answered.outcome.log_id, "x", "audio/webm", 1000);
  CHECK_THROWS_WITH(collection.add_recording(answered.outcome.log_id, "y", "audio/webm", 1000), Catch::Contains("has a recording already"));
  CHECK(collection.recordings().size() == 1);
  CHECK(files_in(collection.recordings_folder()).size() == 1);
}

TEST_CASE("rehearse recordings lists the recordings as JSON and deletes one with its file", "[recordings][program]") {
  test::Program program;
  fs::path file;
  std::int64_t id = 0;
  {
    auto engine = test::make_engine(program.dir);
    engine->import_paths({kDecks / "behavioral-questions.md"});
    auto session = engine->start_review();
    const auto card = session->next();
    REQUIRE(card);
    const AnswerOutcome outcome = session->answer(*card, Rating::good, AnswerDetails{1000, nullptr, 64'500});
    id = engine->collection().add_recording(outcome.log_id, std::string(3000, 'a'), "audio/webm;codecs=opus", 64'500);
    file = engine->collection().recordings().front().file;
  }
  const auto listed = program.run_json({"recordings"});
  REQUIRE(listed["recordings"].size() == 1);
  const auto& r = listed["recordings"][0];
  CHECK(r["id"] == id);
  CHECK(r["spoken_seconds"] == Approx(64.5));
  CHECK(r["bytes"] == 3000);
  CHECK(r["mime_type"] == "audio/webm;codecs=opus");
  CHECK(r["file"] == file.string());
  CHECK(listed["bytes"] == 3000);
  CHECK(listed["max_bytes"] == 200 * 1024 * 1024);
  CHECK(listed["folder"] == (program.dir / "recordings").string());

  const auto text = program.run({"recordings"});
  CHECK(text.status == 0);
  CHECK_THAT(text.out, Catch::Contains("1:05") && Catch::Contains("3 KB") && Catch::Contains("of 200.0 MB allowed"));

  CHECK(program.run_json({"recordings", "delete", std::to_string(id)})["deleted"] == id);
  CHECK_FALSE(fs::exists(file));
  const auto again = program.run({"recordings", "delete", std::to_string(id)});
  CHECK(again.status == 1);
  CHECK_THAT(again.err, Catch::Contains("there is no recording"));
  CHECK(program.run({"recordings", "delete", "x"}).status == 2);
}
