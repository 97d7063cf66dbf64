// Builds large collections for benchmarks, reproducibly from a seed: N cards across 100 decks,
// with review histories shaped like a real user's (most cards reviewed a few times, some lapses,
// a set number due today).
#pragma once

#include <cstdint>
#include <filesystem>

namespace rehearse::bench {

struct GeneratorSpec {
  std::int64_t cards = 10'000;
  int decks = 100;
  std::int64_t due_today = 10'000;  // review cards due by the end of "now"'s day
  std::int64_t now_ms = 0;
  std::uint64_t seed = 42;
};

// Writes a collection at `path` (replacing any file there): the schema comes from the engine
// (so it is the real, migrated one); the rows are inserted in bulk.
void generate_collection(const std::filesystem::path& path, const GeneratorSpec& spec);

}  // namespace rehearse::bench
