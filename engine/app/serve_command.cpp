#include <fmt/chrono.h>
#include <fmt/format.h>

#include <charconv>
#include <ctime>
#include <iostream>

#include "command_support.h"
#include "commands.h"
#include "rehearse/errors.h"

namespace rehearse::app {

namespace {

using nlohmann::json;

std::string utc(std::int64_t unix_ms) {
  return fmt::format("{:%Y-%m-%dT%H:%MZ}", fmt::gmtime(static_cast<std::time_t>(unix_ms / 1000)));
}

// `rehearse serve devices [--json]`: the devices paired with `serve --listen`, and when each
// expires (frontend.web.device_expiry_days after it was last seen).
int list_devices(const Arguments& args, Engine& engine, const Options& options) {
  const std::int64_t expiry_ms = options.get_int("device_expiry_days") * kMsPerDay;
  const auto devices = engine.collection().devices();
  if (args.flag("--json")) {
    json list = json::array();
    for (const auto& d : devices)
      list.push_back({{"id", d.id}, {"name", d.name}, {"paired_at", utc(d.paired_at)}, {"last_seen", utc(d.last_seen)},
                      {"expires", utc(d.last_seen + expiry_ms)}});
    print_json(json{{"expiry_days", options.get_int("device_expiry_days")}, {"devices", list}});
    return 0;
  }
  if (devices.empty()) {
    fmt::print("No paired devices. `rehearse serve --listen ADDR` shows a pairing code.\n");
    return 0;
  }
  fmt::print("{:>4}  {:<28}  {:<17}  {:<17}  {}\n", "ID", "NAME", "PAIRED", "LAST SEEN", "EXPIRES");
  for (const auto& d : devices)
    fmt::print("{:>4}  {:<28}  {:<17}  {:<17}  {}\n", d.id, d.name, utc(d.paired_at), utc(d.last_seen), utc(d.last_seen + expiry_ms));
  return 0;
}

// `rehearse serve revoke ID`: forgets a device; its next request is refused (401).
int revoke_device(const std::string& text, Engine& engine) {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size())
    throw UsageError(fmt::format("serve revoke needs a device id (as `rehearse serve devices` lists them), not '{}'", text));
  if (!engine.collection().remove_device(id))
    throw Error(fmt::format("there is no paired device {} (`rehearse serve devices` lists them)", id));
  fmt::print("Revoked device {}: it must pair again.\n", id);
  return 0;
}

}  // namespace

// `rehearse serve`: runs the `web` front end, a local web app, until Ctrl-C.
// `rehearse serve devices [--json]` and `rehearse serve revoke ID` manage the paired devices.
int run_serve(const Arguments& args) {
  const auto& operands = args.operands();
  const bool devices = !operands.empty() && operands[0] == "devices";
  const bool revoke = !operands.empty() && operands[0] == "revoke";
  if (devices || revoke) {
    args.allow_only(with_globals({"--json"}));
    require_operands(args, devices ? 1 : 2, devices ? 1 : 2, devices ? "devices takes no operand" : "revoke takes one device id");
    Engine engine(engine_config(args));
    Frontend* web = engine.registry().frontend("web");
    if (web == nullptr) throw Error("the web front end is not loaded (`rehearse plugins` lists what is, and why not)");
    const Options options = engine.options_for(ComponentKind::frontend, web->name(), web->options());
    return devices ? list_devices(args, engine, options) : revoke_device(operands[1], engine);
  }
  args.allow_only(with_globals({"--port", "--listen", "--deck", "--cert", "--key"}));
  require_operands(args, 0, 0, "no operands (or devices, or revoke ID)");
  std::vector<std::string> frontend_args;
  if (auto port = args.value("--port")) {
    int number = -1;
    const auto [end, error] = std::from_chars(port->data(), port->data() + port->size(), number);
    if (error != std::errc() || end != port->data() + port->size() || number < 0 || number > 65535)
      throw UsageError(fmt::format("--port needs a port number 0-65535 (0 picks a free one), not '{}'", *port));
    frontend_args.insert(frontend_args.end(), {"--port", *port});
  }
  if (auto address = args.value("--listen")) frontend_args.insert(frontend_args.end(), {"--listen", *address});
  if (auto cert = args.value("--cert")) frontend_args.insert(frontend_args.end(), {"--cert", *cert});
  if (auto key = args.value("--key")) frontend_args.insert(frontend_args.end(), {"--key", *key});

  Engine engine(engine_config(args));
  Frontend* web = engine.registry().frontend("web");
  if (web == nullptr) throw Error("the web front end is not loaded (`rehearse plugins` lists what is, and why not)");
  const Options options = engine.options_for(ComponentKind::frontend, web->name(), web->options());
  FrontendContext context{engine, args.value("--deck"), std::cin, std::cout, std::cerr, options, frontend_args, Activity::review, {}};
  if (context.deck) engine.start_review(*context.deck);  // checks the deck exists before the server starts
  return web->run(context);
}

}  // namespace rehearse::app
