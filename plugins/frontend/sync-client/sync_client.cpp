// The `sync-client` front end: `rehearse sync` (see engine/app/sync_command.cpp).
//   enrol URL CODE  trades a server's one-time code for this device's token, kept in the
//                   collection's settings sync.server and sync.token
//   sync            pushes what this device changed since the server last confirmed, pulls what
//                   the other devices pushed, and applies it (Engine::apply_changes)
//   status          the server, the last sync and what waits to be pushed
// With the setting frontend.sync-client.after_review, `rehearse review` runs `sync` after the
// session when this device is enrolled.
// A sync is safe to kill at any moment: the server applies a push in one transaction and keeps
// each entry once, and this device marks the push confirmed and applies the pull in one
// transaction; a sync repeated after a kill sends and receives the same changes again.
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <httplib.h>
#include <unistd.h>

#include <ctime>
#include <ostream>

#include "rehearse/engine.h"
#include "rehearse/errors.h"
#include "rehearse/frontend.h"
#include "rehearse/plugin.h"
#include "rehearse/registry.h"
#include "sync_protocol.h"

namespace {

using namespace rehearse;
using namespace rehearse::sync;
using nlohmann::json;

// A server address split for httplib: "https://host:port" and the path it is served under
// (behind a reverse proxy, e.g. "/rehearse").
struct ServerAddress {
  std::string origin;
  std::string prefix;
};

ServerAddress split_url(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos || (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0))
    throw Error(fmt::format("'{}' is not a server address (http://HOST:PORT or https://HOST/PATH)", url));
  const auto slash = url.find('/', scheme + 3);
  ServerAddress address{url.substr(0, slash), slash == std::string::npos ? "" : url.substr(slash)};
  while (!address.prefix.empty() && address.prefix.back() == '/') address.prefix.pop_back();
  return address;
}

// POSTs `body` to `path` of the server at `url`; the answer's JSON, or Error saying what the server
// refused and why.
json post(const std::string& url, const std::string& path, const json& body, const std::string& token = {}) {
  const ServerAddress address = split_url(url);
  httplib::Client client(address.origin);
  client.set_connection_timeout(15);
  client.set_read_timeout(300);
  client.set_write_timeout(300);
  httplib::Headers headers;
  if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
  const auto result = client.Post((address.prefix + path).c_str(), headers, body.dump(), "application/json");
  if (!result) throw Error(fmt::format("cannot reach the sync server at {}: {}", url,
                            result.error() == httplib::Error::Connection ? "no connection (is the server running, and the address right?)"
                                                                         : httplib::to_string(result.error())));
  json answer;
  try {
    answer = json::parse(result->body);
  } catch (const json::exception&) {
    throw Error(fmt::format("the sync server at {} answered {} with something that is not JSON (is it a rehearse sync-server?)", url,
                            result->status));
  }
  if (result->status != 200) {
    const std::string why = answer.is_object() && answer.contains("error") ? answer["error"].get<std::string>() : result->body;
    if (result->status == 401) throw Error(fmt::format("the sync server at {} refused this device: {}", url, why));
    if (result->status == 409)
      throw Error(fmt::format("the sync server at {} refused the changes: {}; enrol again with a new code "
                              "(rehearse sync --enrol URL CODE), which gives this collection a device id of its own", url, why));
    throw Error(fmt::format("the sync server at {} answered {}: {}", url, result->status, why));
  }
  try {
    check_protocol(answer, "the server");
  } catch (const ProtocolError& e) {
    throw Error(e.what());
  }
  return answer;
}

std::string utc(std::int64_t unix_ms) {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(static_cast<std::time_t>(unix_ms / 1000)));
}

std::string host_name() {
  char name[256] = {};
  return gethostname(name, sizeof name - 1) == 0 ? std::string(name) : std::string("a device");
}

class SyncClient final : public Frontend {
 public:
  std::string_view name() const override { return "sync-client"; }
  bool supports(Activity) const override { return false; }
  std::vector<OptionSpec> options() const override {
    return {{"after_review", OptionType::boolean, "false",
             "sync after each review session, when this device is enrolled (rehearse sync --enrol)", 0, 0}};
  }

  // What goes wrong here is the user's to fix (not enrolled, no network, a refused code): said as
  // rehearse says any error, not as a failure of the plugin.
  int run(FrontendContext& context) override {
    try {
      return run_command(context);
    } catch (const Error& e) {
      context.err << "rehearse: " << e.what() << "\n";
      return 1;
    }
  }

 private:
  int run_command(FrontendContext& context) {
    bool json_output = false;
    std::vector<std::string> ops;
    for (const auto& a : context.args) {
      if (a == "--json")
        json_output = true;
      else
        ops.push_back(a);
    }
    if (ops.empty()) throw Error("sync-client needs a command: sync, enrol URL CODE or status");
    Collection& collection = context.engine.collection();
    if (ops[0] == "enrol") {
      if (ops.size() != 3) throw Error("usage: rehearse sync --enrol URL CODE");
      // Enrolling again (a revoked token, a copy of a collection that synced): a device id of its
      // own, so that none of its entries is mistaken for one the server has.
      if (collection.config("sync.token")) collection.renew_device_id();
      const json answer = post(ops[1], "/v1/enrol",
                               {{"protocol", protocol_version()}, {"code", ops[2]}, {"device", collection.device_id()}, {"name", host_name()}});
      collection.write([&] {
        collection.set_config("sync.server", ops[1]);
        collection.set_config("sync.token", answer.at("token").get<std::string>());
      });
      if (json_output)
        context.out << json{{"server", ops[1]}, {"user", answer.at("user")}, {"device", collection.device_id()}}.dump(2) << "\n";
      else
        context.out << fmt::format("Enrolled this device ({}) as {} at {}. `rehearse sync` syncs it.\n", collection.device_id(),
                                   answer.at("user").get<std::string>(), ops[1]);
      return 0;
    }
    const auto server = collection.config("sync.server");
    const SyncState state = collection.sync_state();
    if (ops[0] == "status") {
      if (json_output) {
        context.out << json{{"server", server ? json(*server) : json()},
                            {"device", state.device},
                            {"last_sync", state.last_sync_ms ? json(utc(state.last_sync_ms)) : json()},
                            {"waiting", {{"reviews", state.waiting_reviews}, {"cards", state.waiting_cards},
                                         {"settings", state.waiting_settings}}}}
                           .dump(2)
                    << "\n";
        return 0;
      }
      context.out << fmt::format("Server:     {}\nDevice:     {}\nLast sync:  {}\nWaiting:    {} review{} and {} changed card{}\n",
                                 server.value_or("none (rehearse sync --enrol URL CODE)"), state.device,
                                 state.last_sync_ms ? utc(state.last_sync_ms) : "never", state.waiting_reviews,
                                 state.waiting_reviews == 1 ? "" : "s", state.waiting_cards, state.waiting_cards == 1 ? "" : "s");
      return 0;
    }
    if (ops[0] != "sync") throw Error(fmt::format("sync-client does not know '{}'", ops[0]));
    const auto token = collection.config("sync.token");
    if (!server || !token) throw Error("this collection is not enrolled with a sync server: rehearse sync --enrol URL CODE first");

    const ChangeBatch push = collection.changes_since(state.pushed_seq);
    const json answer = post(*server, "/v1/sync", {{"protocol", protocol_version()}, {"since", state.pulled_position}, {"push", to_json(push)}},
                             *token);
    ChangeBatch pull;
    try {
      pull = batch_from_json(answer.at("pull"), "pull");
      pull.position = answer.at("position").get<std::int64_t>();
    } catch (const std::exception& e) {
      throw Error(fmt::format("the sync server at {} sent a batch this rehearse cannot read: {}", *server, e.what()));
    }
    const ApplyReport report = context.engine.apply_changes(pull, push);
    const size_t pushed = push.reviews.size() + push.cards.size() + push.settings.size();
    const size_t pulled = pull.reviews.size() + pull.cards.size() + pull.settings.size();
    if (json_output) {
      json conflicts = json::array();
      for (const auto& c : report.conflicts)
        conflicts.push_back({{"deck", c.card.deck}, {"uid", c.card.uid}, {"kept", c.kept_device}, {"dropped", c.dropped_device}});
      context.out << json{{"pushed", pushed}, {"pulled", pulled}, {"conflicts", conflicts}}.dump(2) << "\n";
      return 0;
    }
    context.out << fmt::format("Synced with {}: pushed {} change{}, pulled {} ({} review{}, {} card{} changed, {} recomputed).\n", *server,
                               pushed, pushed == 1 ? "" : "s", pulled, report.reviews, report.reviews == 1 ? "" : "s", report.cards,
                               report.cards == 1 ? "" : "s", report.recomputed);
    for (const auto& c : report.conflicts)
      context.out << fmt::format("Card '{}' of deck '{}' was edited on two devices: kept the edit of device {}, dropped that of {}.\n",
                                 c.card.uid, c.card.deck, c.kept_device, c.dropped_device);
    return 0;
  }
};

void register_components(Registry& registry) { registry.add(std::make_unique<SyncClient>()); }

}  // namespace

REHEARSE_PLUGIN("sync-client", "1.0.0", "frontend", "This device's side of sync with a rehearse sync-server (rehearse sync)",
                register_components)
