#include <fmt/format.h>

#include "command_support.h"
#include "commands.h"
#include "rehearse/collection.h"
#include "rehearse/errors.h"
#include "rehearse/maintenance.h"

namespace rehearse::app {

namespace fs = std::filesystem;

int run_restore(const Arguments& args) {
  args.allow_only(with_globals({}));
  const fs::path collection = collection_path(args);
  if (args.operands().empty()) {
    std::string message = "'restore' needs the FILE to restore";
    const auto backups = list_backups(collection);
    if (backups.empty()) message += fmt::format(" (there are no backups in {})", backup_folder(collection).string());
    else message += fmt::format("; the newest backup is {}\n(`rehearse backup --list` lists them all)", backups.front().file.string());
    throw UsageError(message);
  }
  require_operands(args, 1, 1, "one FILE");
  const fs::path file = args.operands()[0];
  const Clock clock(fixed_now(args));
  const RestoreReport report = restore_collection(collection, file, clock.now_ms());
  // Opening it brings it up to this program's schema now, so that a problem shows here rather than
  // in the next review.
  const Collection restored(collection, clock);

  fmt::print("Restored {} into {}: {} cards, {} reviews.\n", file.string(), collection.string(), report.cards, report.reviews);
  if (report.schema_version < restored.schema_version())
    fmt::print("Its schema was upgraded from version {} to {}.\n", report.schema_version, restored.schema_version());
  if (!report.previous.empty())
    fmt::print("The collection as it was is saved in {}\n(`rehearse restore {}` brings it back).\n", report.previous.string(),
               report.previous.string());
  return 0;
}

}  // namespace rehearse::app
