// `rehearse export-revlog FILE.csv`: the collection's review log in the CSV layout of the FSRS
// tools, for an optimizer, another tool, or `rehearse replay`.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "command_support.h"
#include "commands.h"
#include "rehearse/errors.h"
#include "revlog_csv.h"

namespace rehearse::app {

int run_export_revlog(const Arguments& args) {
  args.allow_only(with_globals({}));
  require_operands(args, 1, 1, "a FILE.csv to write (or - for standard output)");
  const std::string file = args.operands()[0];
  Engine engine(engine_config(args));

  std::string csv = revlog_csv_header();
  int reviews = 0;
  std::set<std::int64_t> cards;
  engine.collection().each_review([&](const ReviewLogEntry& entry) {
    csv += revlog_csv_line({.card_id = entry.card_id, .reviewed_ms = entry.reviewed_ms, .duration_ms = entry.taken_ms, .rating = entry.rating});
    cards.insert(entry.card_id);
    ++reviews;
  });

  if (file == "-") {
    std::fwrite(csv.data(), 1, csv.size(), stdout);
    return 0;
  }
  // Written beside the target and renamed over it, so a failure never leaves half a file.
  const std::filesystem::path target(file);
  const std::filesystem::path temporary = target.string() + ".partial";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(csv.data(), static_cast<std::streamsize>(csv.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      throw ParseError(file, 0, "cannot be written");
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, target, ec);
  if (ec) {
    std::filesystem::remove(temporary, ec);
    throw ParseError(file, 0, "cannot be written");
  }
  fmt::print("wrote {} review{} of {} card{} to {}\n", reviews, reviews == 1 ? "" : "s", cards.size(), cards.size() == 1 ? "" : "s",
             file);
  return 0;
}

}  // namespace rehearse::app
