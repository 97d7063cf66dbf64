#include <fmt/format.h>

#include <iostream>

#include "command_support.h"
#include "commands.h"
#include "rehearse/errors.h"
#include "rehearse/maintenance.h"

namespace rehearse::app {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

int list(const fs::path& collection, bool as_json) {
  const auto backups = list_backups(collection);
  if (as_json) {
    json out = json::array();
    for (const auto& backup : backups)
      out.push_back({{"file", backup.file.string()}, {"made_ms", backup.made_ms}, {"reason", backup.reason}});
    print_json(out);
    return 0;
  }
  if (backups.empty()) {
    fmt::print("No backups yet in {}\n", backup_folder(collection).string());
    return 0;
  }
  for (const auto& backup : backups)
    fmt::print("{}  {:<16}  {}\n", format_local_time(backup.made_ms), backup.reason, backup.file.string());
  return 0;
}

}  // namespace

int run_backup(const Arguments& args) {
  args.allow_only(with_globals({"--list", "--json"}));
  const fs::path collection = collection_path(args);
  if (args.flag("--list")) {
    require_operands(args, 0, 0, "no FILE with --list");
    return list(collection, args.flag("--json"));
  }
  require_operands(args, 0, 1, "at most one FILE");
  fs::path target;
  if (args.operands().empty()) {
    target = backup_to_folder(collection, Clock(fixed_now(args)).now_ms(), kManualBackup);
  } else {
    target = args.operands()[0];
    write_backup(collection, target);
  }
  if (args.flag("--json")) {
    print_json({{"backup", target.string()}, {"bytes", fs::file_size(target)}});
    return 0;
  }
  fmt::print("Backed up {} to {} ({} KB)\n", collection.string(), target.string(), (fs::file_size(target) + 1023) / 1024);
  return 0;
}

}  // namespace rehearse::app
