// `rehearse recordings [list] [--json]` and `rehearse recordings delete ID [--json]`: the spoken
// answers recorded in the web app, kept in recordings/ beside the collection.
#include <fmt/format.h>

#include <charconv>

#include "command_support.h"
#include "commands.h"
#include "rehearse/errors.h"

namespace rehearse::app {

using nlohmann::json;

namespace {

std::string megabytes(std::int64_t bytes) { return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1 << 20)); }

json recording_json(const Recording& r) {
  return {{"id", r.id},
          {"card_id", r.card_id},
          {"deck", r.deck},
          {"prompt", r.prompt},
          {"reviewed_at", format_local_time(r.reviewed_ms)},
          {"spoken_seconds", static_cast<double>(r.spoken_ms) / 1000.0},
          {"bytes", r.bytes},
          {"mime_type", r.mime_type},
          {"file", r.file.string()}};
}

int list_recordings(const Arguments& args, const Collection& collection) {
  const auto recordings = collection.recordings();
  const std::int64_t used = collection.recordings_bytes();
  const std::int64_t cap = collection.recordings_cap_bytes();
  if (args.flag("--json")) {
    json list = json::array();
    for (const auto& r : recordings) list.push_back(recording_json(r));
    print_json(json{{"folder", collection.recordings_folder().string()}, {"bytes", used}, {"max_bytes", cap}, {"recordings", list}});
    return 0;
  }
  if (recordings.empty()) {
    fmt::print("No recordings. Record a spoken answer with the Record button of `rehearse serve`'s review page.\n");
    return 0;
  }
  fmt::print("{:>5}  {:<16}  {:>6}  {:>8}  {}\n", "ID", "REVIEWED", "SPOKEN", "SIZE", "CARD");
  for (const auto& r : recordings) {
    const long seconds = static_cast<long>((r.spoken_ms + 500) / 1000);
    fmt::print("{:>5}  {:<16}  {:>3}:{:02}  {:>5} KB  {}: {}\n", r.id, format_local_time(r.reviewed_ms), seconds / 60, seconds % 60,
               (r.bytes + 1023) / 1024, r.deck, r.prompt);
  }
  fmt::print("\n{} of {} allowed (recordings_max_mb), in {}\n", megabytes(used), megabytes(cap), collection.recordings_folder().string());
  return 0;
}

int delete_recording(const Arguments& args, Collection& collection, const std::string& text) {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size())
    throw UsageError(fmt::format("recordings delete needs a recording's id (as `rehearse recordings` lists them), not '{}'", text));
  if (!collection.remove_recording(id))
    throw Error(fmt::format("there is no recording {} (`rehearse recordings` lists them)", id));
  if (args.flag("--json"))
    print_json(json{{"deleted", id}});
  else
    fmt::print("Deleted recording {} (the review it was made for stays).\n", id);
  return 0;
}

}  // namespace

int run_recordings(const Arguments& args) {
  args.allow_only(with_globals({"--json"}));
  const auto& operands = args.operands();
  const std::string action = operands.empty() ? "list" : operands[0];
  if (action == "list")
    require_operands(args, 0, 1, "list takes no operand");
  else if (action == "delete")
    require_operands(args, 2, 2, "delete takes one recording id");
  else
    throw UsageError(fmt::format("recordings: unknown action '{}' (list, or delete ID)", action));
  Engine engine(engine_config(args));
  return action == "list" ? list_recordings(args, engine.collection()) : delete_recording(args, engine.collection(), operands[1]);
}

}  // namespace rehearse::app
