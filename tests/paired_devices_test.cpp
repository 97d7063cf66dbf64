// The collection's paired devices (schema 7): what `rehearse serve --listen` lets in. The
// collection stores a hash it is given and the times; the web front end decides expiry.
#include <filesystem>

#include "days.h"

using namespace rehearse;

TEST_CASE("paired devices are kept by token hash, touched, listed and removed", "[devices]") {
  test::TempDir dir;
  auto engine = test::make_engine(dir, "2026-03-02T09:00:00Z");
  Collection& collection = engine->collection();
  CHECK(collection.schema_version() >= 7);
  CHECK(collection.devices().empty());

  const std::int64_t phone = collection.add_device("Chrome on Android", std::string(64, 'a'));
  const std::int64_t laptop = collection.add_device("Firefox on Linux", std::string(64, 'b'));
  CHECK(phone != laptop);
  const auto found = collection.device_by_token_hash(std::string(64, 'a'));
  REQUIRE(found);
  CHECK(found->id == phone);
  CHECK(found->name == "Chrome on Android");
  CHECK(found->paired_at == found->last_seen);
  CHECK_FALSE(collection.device_by_token_hash(std::string(64, 'c')));

  collection.touch_device(phone, found->last_seen + 5000);
  CHECK(collection.device_by_token_hash(std::string(64, 'a'))->last_seen == found->last_seen + 5000);
  REQUIRE(collection.devices().size() == 2);
  CHECK(collection.devices()[0].id == phone);

  CHECK(collection.remove_device(phone));
  CHECK_FALSE(collection.remove_device(phone));
  CHECK_FALSE(collection.device_by_token_hash(std::string(64, 'a')));
  REQUIRE(collection.devices().size() == 1);
  CHECK(collection.devices()[0].name == "Firefox on Linux");
}
