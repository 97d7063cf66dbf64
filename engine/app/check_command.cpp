#include <fmt/format.h>

#include "command_support.h"
#include "commands.h"
#include "rehearse/errors.h"
#include "rehearse/maintenance.h"

namespace rehearse::app {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// SQLite's integrity check, and with `repair` an index rebuild (what fixes most of what it finds).
// Returns what is still wrong.
std::vector<std::string> check_file(const fs::path& collection, bool repair, std::int64_t now_ms) {
  std::vector<std::string> problems = integrity_problems(collection);
  if (problems.empty() || !repair) return problems;
  try {
    backup_to_folder(collection, now_ms, kBackupBeforeRepair);
  } catch (const Error&) {
    // A file too damaged to copy: rebuilding indexes never loses table rows, so go on.
  }
  rebuild_indexes(collection);
  return integrity_problems(collection);
}

void print_damage(const fs::path& collection, const std::vector<std::string>& problems) {
  fmt::print("The collection file is damaged (SQLite's integrity check):\n");
  for (size_t i = 0; i < problems.size() && i < 10; ++i) fmt::print("  {}\n", problems[i]);
  if (problems.size() > 10) fmt::print("  ... and {} more\n", problems.size() - 10);
  const auto backups = list_backups(collection);
  if (backups.empty())
    fmt::print("There is no backup to restore. Copy the file somewhere safe before changing anything.\n");
  else
    fmt::print("Restore the newest backup with:\n  rehearse restore {}\n", backups.front().file.string());
}

}  // namespace

int run_check(const Arguments& args) {
  args.allow_only(with_globals({"--repair", "--json"}));
  require_operands(args, 0, 0, "no operands");
  const fs::path collection = collection_path(args);
  if (!fs::is_regular_file(collection)) throw Error(fmt::format("{}: there is no collection here", collection.string()));
  const bool repair = args.flag("--repair");
  const bool as_json = args.flag("--json");

  const std::vector<std::string> damage = check_file(collection, repair, Clock(fixed_now(args)).now_ms());
  if (!damage.empty()) {
    if (as_json)
      print_json({{"integrity", damage}, {"findings", json::array()}, {"repaired", false}});
    else
      print_damage(collection, damage);
    return 1;
  }

  Engine engine(engine_config(args));
  const CheckReport report = check_collection(engine, repair);
  if (as_json) {
    json findings = json::array();
    for (const auto& finding : report.findings)
      findings.push_back({{"problem", finding.problem}, {"rows", finding.rows}, {"repair", finding.repair}});
    print_json({{"integrity", json::array()},
                {"findings", findings},
                {"repaired", report.repaired},
                {"backup", report.backup.empty() ? json(nullptr) : json(report.backup.string())}});
    return report.ok() ? 0 : 1;
  }
  fmt::print("Integrity check: ok\n");
  if (report.findings.empty()) {
    fmt::print("No inconsistencies found.\n");
    return 0;
  }
  for (const auto& finding : report.findings)
    fmt::print("{:>7}  {}\n         -> {}{}\n", finding.rows, finding.problem, report.repaired ? "" : "to be ", finding.repair);
  if (report.repaired)
    fmt::print("Repaired. The collection as it was is saved in {}\n", report.backup.string());
  else
    fmt::print("`rehearse check --repair` repairs them (after backing the collection up).\n");
  return report.ok() ? 0 : 1;
}

}  // namespace rehearse::app
