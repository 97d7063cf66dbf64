// The plugin host refuses what it cannot trust and names the file and the reason; a plugin's
// failure never takes the program down.
#include "rehearse/plugin_host.h"

#include <fmt/format.h>

#include "rehearse/errors.h"
#include "test_support.h"

using namespace rehearse;
namespace fs = std::filesystem;

namespace {
const fs::path kBroken = REHEARSE_TEST_BROKEN_PLUGIN_DIR;

std::string refusal_for(const PluginHost& host, const std::string& file) {
  for (const auto& refused : host.refused())
    if (refused.file.filename() == file) return refused.reason;
  return "(not refused)";
}
}  // namespace

TEST_CASE("the built-in plugins load, one of each kind", "[plugins]") {
  Registry registry;
  PluginHost host(registry);
  host.load_directory(REHEARSE_TEST_PLUGIN_DIR);
  CHECK(host.refused().empty());
  CHECK(registry.source("markdown") != nullptr);
  CHECK(registry.scheduler("sm2") != nullptr);
  CHECK(registry.scorer("self") != nullptr);
  CHECK(registry.frontend("cli") != nullptr);
}

TEST_CASE("a plugin built for another major API version is refused, naming both versions", "[plugins]") {
  Registry registry;
  PluginHost host(registry);
  CHECK_FALSE(host.load_file(kBroken / "wrong_major.so"));
  const std::string reason = refusal_for(host, "wrong_major.so");
  CHECK_THAT(reason, Catch::Contains(fmt::format("plugin API {}.0", kPluginApiMajor + 1)));
  CHECK_THAT(reason, Catch::Contains(fmt::format("supports {}.{}", kPluginApiMajor, kPluginApiMinor)));
  CHECK(host.refused().front().file == kBroken / "wrong_major.so");
  CHECK(registry.components().empty());
}

TEST_CASE("a plugin that needs a newer minor API version is refused", "[plugins]") {
  Registry registry;
  PluginHost host(registry);
  CHECK_FALSE(host.load_file(kBroken / "newer_minor.so"));
  CHECK_THAT(refusal_for(host, "newer_minor.so"), Catch::Contains("may not be newer"));
}

TEST_CASE("a library without the entry point is refused", "[plugins]") {
  Registry registry;
  PluginHost host(registry);
  CHECK_FALSE(host.load_file(kBroken / "no_entry_point.so"));
  CHECK_THAT(refusal_for(host, "no_entry_point.so"), Catch::Contains("no entry point 'rehearse_plugin_descriptor'"));
}

TEST_CASE("a file that is not a library is refused with the loader's reason", "[plugins]") {
  test::TempDir dir;
  const fs::path fake = dir.write("fake.so", std::string(20, '#') + " this text file is long enough to have an ELF header, but has none\n");
  Registry registry;
  PluginHost host(registry);
  CHECK_FALSE(host.load_file(fake));
  // The loader's own words, without Boost's wrapping or a second copy of the path.
  CHECK_THAT(refusal_for(host, "fake.so"), Catch::EndsWith("cannot be loaded: invalid ELF header"));
}

TEST_CASE("a plugin that throws while registering is refused and leaves nothing behind", "[plugins]") {
  Registry registry;
  PluginHost host(registry);
  CHECK_FALSE(host.load_file(kBroken / "throws_on_register.so"));
  CHECK_THAT(refusal_for(host, "throws_on_register.so"), Catch::Contains("cannot find my configuration file"));
  CHECK(registry.scorer("half") == nullptr);
  CHECK(registry.components().empty());
}

TEST_CASE("the other plugins of a folder still load when some are refused", "[plugins]") {
  Registry registry;
  PluginHost host(registry);
  host.load_directory(kBroken);
  host.load_directory(REHEARSE_TEST_PLUGIN_DIR);
  CHECK(host.refused().size() == 4);
  CHECK(registry.scheduler("sm2") != nullptr);
  CHECK(registry.scheduler("throwing") != nullptr);
}

TEST_CASE("an exception from a scheduler becomes an error naming the plugin, and the answer is not recorded", "[plugins]") {
  test::TempDir dir;
  auto engine = test::make_engine(dir, "2026-01-10T09:00:00Z", {kBroken});
  engine->import_paths({dir.write("deck.md", "---\ndeck: D\n---\n## K: Idempotency\nSame request twice, same effect.\n")});
  engine->collection().set_config("scheduler", "throwing");
  auto session = engine->start_review();
  auto card = session->next();
  REQUIRE(card);
  CHECK_THROWS_MATCHES(session->answer(*card, Rating::good, {}), PluginError,
                       Catch::Matchers::Message("plugin 'throwing-scheduler': scheduling failed: division by zero in interval"));
  CHECK(engine->collection().review_log(card->id).empty());
  CHECK(engine->collection().card(card->id)->scheduling == card->scheduling);
}

TEST_CASE("a scorer's impossible result is refused and reported, not used", "[plugins]") {
  test::TempDir dir;
  auto engine = test::make_engine(dir, "2026-01-10T09:00:00Z", {kBroken});
  engine->import_paths({dir.write("deck.md", "---\ndeck: D\n---\n## K: Idempotency\nSame request twice, same effect.\n")});
  engine->collection().set_config("scorers", "bad");
  auto session = engine->start_review();
  auto card = session->next();
  REQUIRE(card);
  for (const std::string text : {"too high", "nan"}) {
    const CombinedScore score = session->score(*card, Attempt{text, 5, {}});
    CHECK_FALSE(score.score);
    REQUIRE(score.errors.size() == 1);
    CHECK_THAT(score.errors[0], Catch::StartsWith("plugin 'bad-scorer': returned a score of"));
  }
}
