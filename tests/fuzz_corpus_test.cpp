// The fuzz corpora (tests/fuzz/<target>/): the seed inputs, and every input a fuzzer found to
// crash a parser or a scorer, kept there once the bug was fixed. The suite replays them all
// through the plugins and the program as they are built, without the fuzzer.
#include <fmt/format.h>

#include <set>

#include "fuzz/scorer_cases.h"
#include "rehearse/errors.h"
#include "rehearse/review_session.h"
#include "test_support.h"

using namespace rehearse;
namespace fs = std::filesystem;

namespace {
const fs::path kCorpora = fs::path(REHEARSE_SOURCE_DIR) / "tests" / "fuzz";
}  // namespace

TEST_CASE("every fuzz corpus input is read or refused with a ParseError by its source", "[reliability][fuzz]") {
  test::TempDir dir;
  auto engine = test::make_engine(dir);
  int inputs = 0;
  for (const auto& folder : fs::directory_iterator(kCorpora)) {
    const Source* source = engine->registry().source(folder.path().filename().string());
    if (!folder.is_directory() || source == nullptr) continue;
    const Options options(source->options(), {});
    for (const auto& input : fs::directory_iterator(folder.path())) {
      INFO(input.path().string());
      const std::string bytes = test::read_text(input.path());
      try {
        source->accepts(input.path(), std::string_view(bytes).substr(0, 4096));
        source->parse(input.path(), bytes, options);
      } catch (const ParseError&) {
        // refused with a place and a reason: fine
      } catch (const std::exception& e) {
        FAIL_CHECK(e.what());
      }
      ++inputs;
    }
  }
  CHECK(inputs >= 10);
}

TEST_CASE("every review-log fuzz input is replayed or refused with its line by rehearse replay", "[reliability][fuzz][program]") {
  test::TempDir dir;
  for (const auto& input : fs::directory_iterator(kCorpora / "revlog_csv")) {
    INFO(input.path().string());
    const auto result = test::run_program({"--collection", (dir / "collection.db").string(), "replay", input.path().string()});
    if (result.status == 0) continue;
    CHECK(result.status == 1);
    CHECK_THAT(result.err, Catch::StartsWith("rehearse: " + input.path().string() + ":"));
  }
}

TEST_CASE("every scorer fuzz input is scored through the engine by each scorer that applies, within the invariants", "[reliability][fuzz]") {
  test::TempDir dir;
  auto engine = test::make_engine(dir);
  std::vector<const Scorer*> scorers;
  for (const auto& component : engine->registry().components())
    if (component.kind == ComponentKind::scorer) scorers.push_back(engine->registry().scorer(component.name));
  for (const char* name : {"keypoints", "star", "technical"}) CHECK(engine->registry().scorer(name) != nullptr);
  const auto cards = fuzz::scorer_cards();
  int inputs = 0;
  for (const auto& input : fs::directory_iterator(kCorpora / "scorer")) {
    const std::string text = test::read_text(input.path());
    for (const auto& card : cards) {
      for (const auto& attempt : fuzz::scorer_attempts(text)) {
        INFO(fmt::format("{} on card {}{}", input.path().string(), card.uid, attempt.spoken_seconds ? ", spoken" : ""));
        const CombinedScore combined = score_answer(*engine, scorers, card, attempt);
        for (const auto& error : combined.errors) FAIL_CHECK(error);
        CHECK_FALSE(combined.parts.empty());
        for (const auto& part : combined.parts)
          for (const auto& wrong : fuzz::result_violations(part, text)) FAIL_CHECK(part.scorer + ": " + wrong);
        if (combined.score) CHECK((*combined.score >= 0 && *combined.score <= 100));
      }
    }
    ++inputs;
  }
  CHECK(inputs >= 6);
}

TEST_CASE("every fuzz corpus folder is replayed by one of the cases above", "[reliability][fuzz]") {
  test::TempDir dir;
  auto engine = test::make_engine(dir);
  const std::set<std::string> replayed_apart = {"revlog_csv", "scorer"};
  for (const auto& folder : fs::directory_iterator(kCorpora)) {
    if (!folder.is_directory()) continue;
    const std::string name = folder.path().filename().string();
    INFO(name);
    CHECK((engine->registry().source(name) != nullptr || replayed_apart.count(name) > 0));
  }
}
