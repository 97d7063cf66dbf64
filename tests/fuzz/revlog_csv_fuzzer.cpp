// A libFuzzer target for the review-log CSV reader of `rehearse replay` (engine/app/revlog_csv.cpp):
// whatever the bytes, it returns rows or throws a ParseError. What it returns must also survive a
// round trip through the writer.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "rehearse/errors.h"
#include "revlog_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<rehearse::app::RevlogRow> rows;
  const auto all_rows = [](const rehearse::app::RevlogRows& log) {
    std::vector<rehearse::app::RevlogRow> all;
    log.for_each([&](const rehearse::app::RevlogRow& row) { all.push_back(row); });
    return all;
  };
  try {
    rows = all_rows(rehearse::app::read_revlog_csv(text, "fuzz.csv"));
  } catch (const rehearse::ParseError&) {
    return 0;  // refused with the line: what bad input should get
  } catch (const std::exception& e) {
    std::fprintf(stderr, "not a ParseError: %s\n", e.what());
    std::abort();
  }
  // What was read writes back as a log that reads the same.
  std::string written = rehearse::app::revlog_csv_header();
  for (const auto& row : rows) written += rehearse::app::revlog_csv_line(row);
  try {
    const auto again = all_rows(rehearse::app::read_revlog_csv(written, "written.csv"));
    if (again.size() != rows.size()) std::abort();
    for (size_t i = 0; i < rows.size(); ++i)
      if (again[i].card_id != rows[i].card_id || again[i].reviewed_ms != rows[i].reviewed_ms || again[i].rating != rows[i].rating ||
          again[i].duration_ms != rows[i].duration_ms)
        std::abort();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "the log it read does not read back: %s\n", e.what());
    std::abort();
  }
  return 0;
}
