// The `sync-server` front end: `rehearse sync-server --database postgresql://...` (see
// engine/app/sync_command.cpp) serves the sync protocol (sync_protocol.h) to many users' devices
// until Ctrl-C, and manages the accounts:
//   add-user NAME [--json]  a user, and a one-time code that enrols their first device
//   enrol NAME [--json]     another code, for another device
//   devices NAME [--json]   the user's device tokens
//   revoke TOKEN-ID         a token no longer opens anything (401)
// It runs none of the activities of a review: supports() says no to each.
#include <fmt/format.h>
#include <httplib.h>

#include <charconv>
#include <ostream>

#include "rehearse/engine.h"
#include "rehearse/errors.h"
#include "rehearse/frontend.h"
#include "rehearse/plugin.h"
#include "stop_on_signal.h"
#include "rehearse/registry.h"
#include "server_store.h"
#include "sync_protocol.h"

namespace {

using namespace rehearse;
using namespace rehearse::sync;
using nlohmann::json;

constexpr size_t kMaxRequestBytes = 64u << 20;  // a first push of a large collection fits

struct Settings {
  std::string database;
  std::string listen = "127.0.0.1";
  int port = 8766;
  std::string cert, key;
  std::vector<std::string> operands;
  bool json = false;
};

Settings parse(const std::vector<std::string>& args) {
  Settings s;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= args.size()) throw Error(fmt::format("{} needs a value", a));
      return args[++i];
    };
    if (a == "--database") s.database = value();
    else if (a == "--listen") s.listen = value();
    else if (a == "--cert") s.cert = value();
    else if (a == "--key") s.key = value();
    else if (a == "--json") s.json = true;
    else if (a == "--port") {
      const std::string text = value();
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), s.port);
      if (error != std::errc() || end != text.data() + text.size() || s.port < 0 || s.port > 65535)
        throw Error(fmt::format("--port needs a port number 0-65535 (0 picks a free one), not '{}'", text));
    } else s.operands.push_back(a);
  }
  if (s.database.empty()) throw Error("sync-server needs --database postgresql://USER@HOST/DB");
  if (s.cert.empty() != s.key.empty()) throw Error("--cert and --key go together");
  return s;
}

void answer_error(httplib::Response& response, int status, const std::string& message) {
  response.status = status;
  response.set_content(json{{"error", message}}.dump(), "application/json");
}

// Runs `body` for a request: its JSON answer, or the error the protocol gives for what failed.
template <typename Body>
void handle(const httplib::Request& request, httplib::Response& response, std::ostream& log, Body&& body) {
  try {
    json message;
    try {
      message = json::parse(request.body);
    } catch (const json::exception&) {
      throw ProtocolError("the request body is not JSON");
    }
    response.set_content(body(message).dump(), "application/json");
  } catch (const ProtocolError& e) {
    answer_error(response, 400, e.what());
  } catch (const Unauthorized& e) {
    answer_error(response, 401, e.what());
  } catch (const Reused& e) {
    answer_error(response, 409, e.what());
  } catch (const std::exception& e) {
    log << fmt::format("sync-server: {} {}: {}\n", request.method, request.path, e.what()) << std::flush;
    answer_error(response, 500, "the server failed; its log says why");
  }
}

int serve(const Settings& s, ServerStore& store, std::ostream& out, std::ostream& err) {
  std::unique_ptr<httplib::Server> server;
  if (s.cert.empty()) {
    server = std::make_unique<httplib::Server>();
  } else {
    auto tls = std::make_unique<httplib::SSLServer>(s.cert.c_str(), s.key.c_str());
    if (!tls->is_valid()) throw Error(fmt::format("the TLS certificate {} and key {} cannot be used (OpenSSL refused them)", s.cert, s.key));
    server = std::move(tls);
  }
  server->set_payload_max_length(kMaxRequestBytes);
  server->Post("/v1/enrol", [&](const httplib::Request& request, httplib::Response& response) {
    handle(request, response, err, [&](const json& message) { return store.enrol(message); });
  });
  server->Post("/v1/sync", [&](const httplib::Request& request, httplib::Response& response) {
    const std::string header = request.get_header_value("Authorization");
    constexpr std::string_view kBearer = "Bearer ";
    if (header.rfind(kBearer, 0) != 0) return answer_error(response, 401, "this request carries no device token (Authorization: Bearer)");
    const std::string token = header.substr(kBearer.size());
    handle(request, response, err, [&](const json& message) { return store.sync(token, message); });
  });
  server->Get("/v1/", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(json{{"protocol", protocol_version()}, {"server", "rehearse sync-server"}}.dump(), "application/json");
  });

  const int port = s.port == 0 ? server->bind_to_any_port(s.listen) : (server->bind_to_port(s.listen, s.port) ? s.port : -1);
  if (port <= 0)
    throw Error(fmt::format("cannot listen on {} port {}: the address is not this computer's, or another program uses the port",
                            s.listen, s.port));
  out << fmt::format("rehearse sync-server: listening on {}://{}:{}/ (Ctrl-C stops)\n", s.cert.empty() ? "http" : "https",
                     s.listen.find(':') != std::string::npos ? "[" + s.listen + "]" : s.listen, port)
      << std::flush;
  rehearse::server::StopOnSignal stop([&server] { server->stop(); });
  server->listen_after_bind();
  return 0;
}

class SyncServer final : public Frontend {
 public:
  std::string_view name() const override { return "sync-server"; }
  bool supports(Activity) const override { return false; }

  // A bad option, an unreachable database or an unknown user is the user's to fix: said as rehearse
  // says any error, not as a failure of the plugin.
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
    const Settings s = parse(context.args);
    ServerStore store(s.database);
    const auto& ops = s.operands;
    if (ops.empty()) return serve(s, store, context.out, context.err);
    const std::string& command = ops[0];
    auto need = [&](size_t count, const char* usage) {
      if (ops.size() != count) throw Error(fmt::format("usage: rehearse sync-server --database URL {}", usage));
    };
    if (command == "add-user" || command == "enrol") {
      need(2, command == "add-user" ? "add-user NAME [--json]" : "enrol NAME [--json]");
      const std::string code = command == "add-user" ? store.add_user(ops[1]) : store.new_code(ops[1]);
      if (s.json)
        context.out << json{{"user", ops[1]}, {"code", code}}.dump(2) << "\n";
      else
        context.out << fmt::format("Enrolment code for {}: {}\nOn the device: rehearse sync --enrol URL {}\n(it works once, for 7 days)\n",
                                   ops[1], code, code);
      return 0;
    }
    if (command == "devices") {
      need(2, "devices NAME [--json]");
      const auto tokens = store.tokens(ops[1]);
      if (s.json) {
        json list = json::array();
        for (const auto& t : tokens)
          list.push_back({{"id", t.id}, {"device", t.device}, {"name", t.device_name}, {"created", t.created},
                          {"last_seen", t.last_seen}, {"revoked", t.revoked}});
        context.out << json{{"user", ops[1]}, {"devices", list}}.dump(2) << "\n";
        return 0;
      }
      context.out << fmt::format("{:>6}  {:<16}  {:<24}  {:<17}  {:<17}  {}\n", "ID", "DEVICE", "NAME", "ENROLLED", "LAST SEEN", "");
      for (const auto& t : tokens)
        context.out << fmt::format("{:>6}  {:<16}  {:<24}  {:<17}  {:<17}  {}\n", t.id, t.device, t.device_name, t.created,
                                   t.last_seen, t.revoked ? "revoked" : "");
      return 0;
    }
    if (command == "revoke") {
      need(2, "revoke TOKEN-ID");
      std::int64_t id = 0;
      const auto [end, error] = std::from_chars(ops[1].data(), ops[1].data() + ops[1].size(), id);
      if (error != std::errc() || end != ops[1].data() + ops[1].size())
        throw Error(fmt::format("revoke needs a token id (as devices NAME lists them), not '{}'", ops[1]));
      if (!store.revoke(id)) throw Error(fmt::format("there is no token {} that is not revoked already", id));
      context.out << fmt::format("Revoked token {}: that device must enrol again.\n", id);
      return 0;
    }
    throw Error(fmt::format("sync-server does not know '{}' (add-user, enrol, devices, revoke, or nothing to serve)", command));
  }
};

void register_components(Registry& registry) { registry.add(std::make_unique<SyncServer>()); }

}  // namespace

REHEARSE_PLUGIN("sync-server", "1.0.0", "frontend", "A sync server for many users' devices, on PostgreSQL (rehearse sync-server)",
                register_components)
