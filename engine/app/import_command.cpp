#include <fmt/format.h>

#include <iostream>

#include "command_support.h"
#include "commands.h"
#include "rehearse/errors.h"

namespace rehearse::app {

using nlohmann::json;

int run_import(const Arguments& args) {
  args.allow_only(with_globals({"--source", "--json"}));
  require_operands(args, 1, SIZE_MAX, "at least one file or folder");
  Engine engine(engine_config(args));
  std::vector<std::filesystem::path> paths(args.operands().begin(), args.operands().end());
  ImportOptions options;
  options.source = args.value("--source").value_or("");
  const ImportReport report = engine.import_paths(paths, options);
  if (args.flag("--json")) {
    print_json({{"added", report.added},
                {"updated", report.updated},
                {"suspended", report.suspended},
                {"unchanged", report.unchanged},
                {"gone", report.gone},
                {"warnings", warnings_json(report.warnings)}});
    return 0;
  }
  fmt::print("{} added, {} updated, {} unchanged, {} suspended (gone from their file)\n", report.added, report.updated,
             report.unchanged, report.suspended);
  for (const auto& gone : report.gone) fmt::print("  suspended: {}\n", gone);
  for (const auto& w : report.warnings) fmt::print(stderr, "warning: {}:{}: {}\n", w.file, w.line, w.message);
  return 0;
}

}  // namespace rehearse::app
