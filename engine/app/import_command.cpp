// `rehearse import PATH... [--source NAME] [--deck NAME] [--dry-run] [--with-history] [--columns MAP] [--json]`
#include <fmt/format.h>
#include <unistd.h>

#include <iostream>

#include "command_support.h"
#include "commands.h"
#include "import_progress.h"
#include "rehearse/errors.h"

namespace rehearse::app {

using nlohmann::json;

namespace {

using Change = ImportObserver::Change;

std::vector<std::string> cards_with(const ImportProgress& progress, Change change) {
  std::vector<std::string> cards;
  for (const auto& c : progress.changes())
    if (c.change == change) cards.push_back(c.card);
  return cards;
}

// The cards a dry run would change, a few of each kind on screen (--json lists them all).
void print_changes(const ImportProgress& progress) {
  constexpr size_t kShown = 50;
  const std::pair<Change, const char*> kinds[] = {{Change::added, "add"}, {Change::updated, "update"}, {Change::suspended, "suspend"}};
  for (const auto& [change, verb] : kinds) {
    const auto cards = cards_with(progress, change);
    for (size_t i = 0; i < cards.size() && i < kShown; ++i) fmt::print("  {:<8} {}\n", verb, cards[i]);
    if (cards.size() > kShown) fmt::print("  ... and {} more to {} (--json lists them all)\n", cards.size() - kShown, verb);
  }
}

}  // namespace

int run_import(const Arguments& args) {
  args.allow_only(with_globals({"--source", "--deck", "--dry-run", "--with-history", "--columns", "--json"}));
  require_operands(args, 1, SIZE_MAX, "at least one file or folder");
  Engine engine(engine_config(args));
  std::vector<std::filesystem::path> paths(args.operands().begin(), args.operands().end());
  ImportOptions options;
  options.source = args.value("--source").value_or("");
  if (auto deck = args.value("--deck")) {
    if (deck->find_first_not_of(" \t") == std::string::npos) throw UsageError("--deck needs a deck name");
    options.deck = *deck;
  }
  options.dry_run = args.flag("--dry-run");
  // Sources that carry review history (Anki packages) bring it along only when asked.
  if (args.flag("--with-history")) options.source_options["with_history"] = "true";
  // Tables (the csv source): which column holds what, when the header row does not say it in
  // words rehearse knows, e.g. "question=2,answer=5,tags=-". The source checks the value.
  if (auto columns = args.value("--columns")) {
    if (columns->find_first_not_of(" \t") == std::string::npos)
      throw UsageError("--columns needs a map of columns, e.g. --columns question=2,answer=5,tags=-");
    options.source_options["columns"] = *columns;
  }
  const bool as_json = args.flag("--json");
  ImportProgress progress(stderr, isatty(fileno(stderr)) != 0, options.dry_run || as_json);
  options.observer = &progress;
  ImportReport report;
  try {
    report = engine.import_paths(paths, options);
  } catch (...) {
    progress.finish();
    throw;
  }
  progress.finish();
  if (as_json) {
    print_json({{"dry_run", options.dry_run},
                {"added", report.added},
                {"updated", report.updated},
                {"suspended", report.suspended},
                {"unchanged", report.unchanged},
                {"history", report.history},
                {"added_cards", cards_with(progress, Change::added)},
                {"updated_cards", cards_with(progress, Change::updated)},
                {"gone", report.gone},
                {"warnings", warnings_json(report.warnings)}});
    return 0;
  }
  if (options.dry_run) {
    fmt::print("Dry run, nothing was changed. The import would add {}, update {}, suspend {} (gone from their file) and "
               "leave {} unchanged.\n",
               report.added, report.updated, report.suspended, report.unchanged);
    if (report.history > 0) fmt::print("It would bring along {} past reviews.\n", report.history);
    print_changes(progress);
    if (!report.warnings.empty()) fmt::print("Skipped or repaired:\n");
    for (const auto& w : report.warnings) fmt::print("  {}:{}: {}\n", w.file, w.line, w.message);
    return 0;
  }
  fmt::print("{} added, {} updated, {} unchanged, {} suspended (gone from their file)\n", report.added, report.updated,
             report.unchanged, report.suspended);
  if (report.history > 0) fmt::print("{} past reviews brought along\n", report.history);
  for (const auto& gone : report.gone) fmt::print("  suspended: {}\n", gone);
  for (const auto& w : report.warnings) fmt::print(stderr, "warning: {}:{}: {}\n", w.file, w.line, w.message);
  return 0;
}

}  // namespace rehearse::app
