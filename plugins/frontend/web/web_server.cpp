#include "web_server.h"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <httplib.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#include <algorithm>
#include <charconv>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <cstdlib>
#include <limits>

#include "assets.h"
#include "request_error.h"
#include "rehearse/errors.h"
#include "rehearse/simulator.h"
#include "rehearse/story_draft.h"

namespace rehearse::web {

namespace {

constexpr const char* kTokenHeader = "X-Rehearse-Token";
constexpr const char* kJson = "application/json";
constexpr int kMaxCardsListed = 500;  // the most one page of the card list may ask for
constexpr int kCardsPerPage = 25;     // when the page does not say
// Room for the multipart framing and the small form fields around an upload.
constexpr std::size_t kFormOverhead = 64 * 1024;

json error_json(const std::string& message) { return {{"error", {{"message", message}}}}; }

void send_json(httplib::Response& response, int status, const json& body) {
  response.status = status;
  response.set_content(body.dump(), kJson);
}

json parse_body(const httplib::Request& request) {
  json body = json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) throw RequestError{400, "the request is not a JSON object"};
  return body;
}

std::int64_t card_id_of(const json& body) {
  if (!body.contains("card_id") || !body["card_id"].is_number_integer()) throw RequestError{400, "card_id is missing"};
  return body["card_id"].get<std::int64_t>();
}

std::int64_t id_in_path(const httplib::Request& request) {
  std::int64_t id = 0;
  const std::string text = request.matches[1];
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size()) throw RequestError{404, "there is no such card"};
  return id;
}

// A draft of a story from the page's fields (every step's text; those missing are empty).
StoryDraft story_draft_of(Engine& engine, const json& body) {
  StoryDraft draft(engine);
  for (const StoryStep& step : StoryDraft::steps()) {
    if (!body.contains(step.name)) continue;
    const json& value = body[step.name];
    if (!value.is_string()) throw RequestError{400, fmt::format("{} must be text", step.name)};
    draft.set(step.name, value.get<std::string>());
  }
  return draft;
}

json story_findings_json(const StoryFindings& found) {
  json findings = json::array();
  for (const Finding& f : found.findings)
    findings.push_back({{"criterion", f.criterion}, {"met", f.met}, {"evidence", f.evidence}, {"advice", f.advice}});
  return {{"findings", findings}, {"score", found.score ? json(*found.score) : json(nullptr)}, {"summary", found.summary},
          {"errors", found.errors}, {"scorer_loaded", found.scorer_loaded}};
}

// An uploaded file's name, for messages and a default deck name: its last path component, without
// control characters, and not too long.
std::string upload_name(const std::string& given) {
  std::string name = given.substr(given.find_last_of("/\\") == std::string::npos ? 0 : given.find_last_of("/\\") + 1);
  name.erase(std::remove_if(name.begin(), name.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; }), name.end());
  if (name.size() > 120) name = name.substr(name.size() - 120);
  return name.empty() ? "upload" : name;
}

std::string megabytes(std::size_t bytes) {
  return bytes % (1 << 20) == 0 ? fmt::format("{} MB", bytes >> 20) : fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1 << 20));
}

void add_security_headers(httplib::Response& response, bool pairing_page = false) {
  // The page runs only its own scripts and styles, talks only to this server and cannot be framed.
  // The pairing page is served before the device may load anything else: its few styles are
  // inline, it runs no script, and its one form posts to itself.
  if (pairing_page)
    response.set_header("Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  else
    response.set_header("Content-Security-Policy",
                        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; connect-src 'self'; "
                        "form-action 'none'; frame-ancestors 'none'; base-uri 'none'");
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("X-Frame-Options", "DENY");
  // With no-referrer a browser sends "Origin: null" on a form's POST, which the Origin check
  // refuses: the pairing page lets its own origin be sent (the address holds no secret after use).
  response.set_header("Referrer-Policy", pairing_page ? "same-origin" : "no-referrer");
  response.set_header("Cache-Control", "no-store");
}

// Reads a PEM file with OpenSSL's `read`, so that a bad certificate or key is reported by its own
// file name rather than as a server that would not start.
template <typename Read>
void check_pem(const std::string& file, const char* what, Read read) {
  std::unique_ptr<FILE, decltype(&std::fclose)> handle(std::fopen(file.c_str(), "r"), &std::fclose);
  if (!handle) throw Error(fmt::format("cannot read the TLS {} file {}: {}", what, file, std::strerror(errno)));
  ERR_clear_error();
  if (!read(handle.get())) {
    char reason[256] = "not in PEM format";
    if (const unsigned long code = ERR_get_error()) ERR_error_string_n(code, reason, sizeof reason);
    throw Error(fmt::format("the TLS {} file {} holds no usable {} ({})", what, file, what, reason));
  }
}

std::unique_ptr<httplib::Server> make_server(const ServerSettings& settings) {
  if (settings.cert_file.empty() != settings.key_file.empty())
    throw Error("TLS needs both --cert FILE and --key FILE");
  if (settings.cert_file.empty()) return std::make_unique<httplib::Server>();
  check_pem(settings.cert_file, "certificate", [](FILE* f) {
    X509* cert = PEM_read_X509(f, nullptr, nullptr, nullptr);
    X509_free(cert);
    return cert != nullptr;
  });
  check_pem(settings.key_file, "private key", [](FILE* f) {
    EVP_PKEY* key = PEM_read_PrivateKey(f, nullptr, nullptr, nullptr);
    EVP_PKEY_free(key);
    return key != nullptr;
  });
  auto server = std::make_unique<httplib::SSLServer>(settings.cert_file.c_str(), settings.key_file.c_str());
  if (!server->is_valid())
    throw Error(fmt::format("the TLS certificate {} and private key {} do not go together (or OpenSSL refused them)",
                            settings.cert_file, settings.key_file));
  return server;
}

// What a device is called when the pairing form gives no name: its browser and system, as its
// User-Agent says (e.g. "Chrome on Android"), so that the list of devices is readable.
std::string device_name(const std::string& given, const std::string& user_agent) {
  std::string name = given;
  name.erase(std::remove_if(name.begin(), name.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; }), name.end());
  if (name.size() > 60) name.resize(60);
  if (!name.empty()) return name;
  auto has = [&](const char* word) { return user_agent.find(word) != std::string::npos; };
  const char* browser = has("Firefox") ? "Firefox" : has("Edg/") ? "Edge" : has("Chrome") ? "Chrome" : has("Safari") ? "Safari" : nullptr;
  const char* system = has("iPhone") ? "iPhone" : has("iPad") ? "iPad" : has("Android") ? "Android" : has("Windows") ? "Windows"
                       : has("Macintosh") ? "macOS" : has("Linux") ? "Linux" : nullptr;
  if (browser && system) return fmt::format("{} on {}", browser, system);
  if (browser || system) return browser ? browser : system;
  name = user_agent.substr(0, 40);
  name.erase(std::remove_if(name.begin(), name.end(), [](unsigned char c) { return c < 0x20 || c >= 0x7f; }), name.end());
  return name.empty() ? "a device" : name;
}

// A time for the page, in UTC: "2026-12-06T14:27Z".
std::string format_iso8601(std::int64_t unix_ms) {
  return fmt::format("{:%Y-%m-%dT%H:%MZ}", fmt::gmtime(static_cast<std::time_t>(unix_ms / 1000)));
}

// Only hex digits can be a code: anything else is dropped before it is echoed into the page.
std::string code_param(const std::string& given) {
  std::string code;
  for (char c : given.substr(0, 32))
    if (std::isxdigit(static_cast<unsigned char>(c))) code += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return code;
}

void send_pair_page(httplib::Response& response, int status, const std::string& message, const std::string& code) {
  response.status = status;
  response.set_content(fmt::format(R"(<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pair with rehearse</title>
<style>body{{font:16px system-ui,sans-serif;max-width:24rem;margin:2rem auto;padding:0 1rem}}
input,button{{font:inherit;width:100%;box-sizing:border-box;margin:.3rem 0 1rem;padding:.5rem}}</style></head>
<body><h1>Pair with rehearse</h1><p>{}</p>
<form method="post" action="/pair">
<label>Pairing code (shown in the terminal)<input name="code" value="{}" autocomplete="off" required></label>
<label>This device's name (optional)<input name="name" maxlength="60"></label>
<button type="submit">Pair this device</button></form></body></html>
)",
                                   message, code),
                       "text/html; charset=utf-8");
}

}  // namespace

WebServer::WebServer(Engine& engine, ServerSettings settings)
    : engine_(engine), settings_(std::move(settings)), server_(make_server(settings_)) {
  routes();
}

std::string WebServer::device_cookie_name() const {
  return fmt::format("rehearse_device_{}", address_ ? address_->port() : settings_.port);
}

std::string WebServer::pairing_url() {
  std::lock_guard lock(mutex_);
  return address_->network_url() + "pair?code=" + pairing_.code();
}

bool WebServer::paired_device(const httplib::Request& request) {
  const std::string token = cookie_value(request.get_header_value("Cookie"), device_cookie_name());
  if (token.size() != 64) return false;
  Collection& collection = engine_.collection();
  const auto device = collection.device_by_token_hash(token_hash(token));
  if (!device) return false;
  const std::int64_t now = engine_.clock().now_ms();
  if (now - device->last_seen > static_cast<std::int64_t>(settings_.device_expiry_days) * kMsPerDay) {
    collection.remove_device(device->id);  // expired: it must pair again
    return false;
  }
  // Last seen to the minute: a write per request would be wasted on a page that makes ten.
  if (now - device->last_seen >= 60'000) collection.touch_device(device->id, now);
  return true;
}

WebServer::~WebServer() = default;

std::string WebServer::cookie_name() const {
  // Cookies do not tell ports apart: two servers on one machine must not share a session.
  return fmt::format("rehearse_session_{}", address_ ? address_->port() : settings_.port);
}

void WebServer::bind() {
  bool bound = false;
  int port = settings_.port;
  if (port == 0) {
    port = server_->bind_to_any_port(settings_.listen);
    bound = port > 0;
  } else {
    bound = server_->bind_to_port(settings_.listen, port);
  }
  if (!bound)
    throw Error(fmt::format("cannot listen on {} port {}: the address is not this computer's, or another program uses "
                            "the port (--port N picks another, --port 0 any free one)",
                            settings_.listen, settings_.port));
  address_ = std::make_unique<ListenAddress>(settings_.listen, port, !settings_.cert_file.empty());
}

void WebServer::serve() { server_->listen_after_bind(); }

void WebServer::stop() { server_->stop(); }

WebServer::Session* WebServer::session_of(const httplib::Request& request) {
  const std::string id = cookie_value(request.get_header_value("Cookie"), cookie_name());
  return id.empty() ? nullptr : sessions_.find(id);
}

bool WebServer::admit(const httplib::Request& request, httplib::Response& response) {
  if (!address_->accepts_host(request.get_header_value("Host"))) {
    response.status = 403;
    response.set_content(fmt::format("This server answers only to {}\n", address_->url()), "text/plain; charset=utf-8");
    return false;
  }
  const bool changes_state = request.method != "GET" && request.method != "HEAD";
  if (changes_state && request.has_header("Origin") && !address_->accepts_origin(request.get_header_value("Origin"))) {
    send_json(response, 403, error_json("This request came from another site and was refused."));
    return false;
  }
  if (pairing_required() && request.path != "/pair") {
    std::lock_guard lock(mutex_);
    if (!paired_device(request)) {
      response.status = 401;
      const std::string message = "This device is not paired with rehearse (or its pairing expired or was revoked): "
                                  "open the pairing address shown in rehearse's terminal.";
      if (request.path.starts_with("/api/"))
        response.set_content(error_json(message).dump(), kJson);
      else
        response.set_content(message + "\n", "text/plain; charset=utf-8");
      return false;
    }
  }
  if (!request.path.starts_with("/api/")) return true;

  std::lock_guard lock(mutex_);
  const Session* session = session_of(request);
  if (session == nullptr) {
    json body = error_json("This page's session has ended (the server was restarted). Reload the page.");
    body["reload"] = true;
    send_json(response, 403, body);
    return false;
  }
  if (changes_state && !constant_time_equal(request.get_header_value(kTokenHeader), session->token)) {
    json body = error_json("This request did not carry the page's token and was refused. Reload the page.");
    body["reload"] = true;
    send_json(response, 403, body);
    return false;
  }
  return true;
}

void WebServer::routes() {
  httplib::Server& s = *server_;
  s.set_payload_max_length(settings_.max_upload_bytes + kFormOverhead);
  s.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
    return admit(request, response) ? httplib::Server::HandlerResponse::Unhandled : httplib::Server::HandlerResponse::Handled;
  });
  s.set_post_routing_handler([](const httplib::Request& request, httplib::Response& response) {
    add_security_headers(response, request.path == "/pair");
  });
  s.set_error_handler(httplib::Server::HandlerWithResponse([this](const httplib::Request& request, httplib::Response& response) {
    if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    std::string message = response.status == 404 ? "Not found." : fmt::format("The request failed (HTTP {}).", response.status);
    if (response.status == 413) message = fmt::format("The upload is larger than the limit of {}.", megabytes(settings_.max_upload_bytes));
    if (request.path.starts_with("/api/"))
      response.set_content(error_json(message).dump(), kJson);
    else
      response.set_content(message + "\n", "text/plain; charset=utf-8");
    add_security_headers(response);
    return httplib::Server::HandlerResponse::Handled;
  }));
  s.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr error) {
    std::string message = "unknown error";
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& e) {
      message = e.what();
    } catch (...) {
    }
    send_json(response, 500, error_json(message));
  });

  auto get = [&](const char* pattern, Handler handler) {
    s.Get(pattern, [this, handler](const httplib::Request& request, httplib::Response& response) { api(request, response, handler); });
  };
  auto post = [&](const char* pattern, Handler handler) {
    s.Post(pattern, [this, handler](const httplib::Request& request, httplib::Response& response) { api(request, response, handler); });
  };
  get("/api/review", &WebServer::review_state);
  post("/api/review/start", &WebServer::review_start);
  post("/api/review/reveal", &WebServer::review_reveal);
  post("/api/review/answer", &WebServer::review_answer);
  post("/api/review/undo", &WebServer::review_undo);
  get("/api/mock", &WebServer::mock_state);
  post("/api/mock/start", &WebServer::mock_start);
  post("/api/mock/score", &WebServer::mock_score);
  post("/api/mock/answer", &WebServer::mock_answer);
  post("/api/mock/finish", &WebServer::mock_finish);
  get("/api/decks", &WebServer::decks);
  get("/api/cards", &WebServer::cards);
  get(R"(/api/cards/(\d+))", &WebServer::card);
  post(R"(/api/cards/(\d+)/suspend)", &WebServer::suspend);
  post(R"(/api/cards/(\d+)/edit)", &WebServer::edit);
  post(R"(/api/cards/(\d+)/reset)", &WebServer::reset);
  post("/api/import", &WebServer::import);
  get("/api/stats", &WebServer::stats);
  get("/api/stats/retention", &WebServer::retention);
  get("/api/stats/readiness", &WebServer::readiness);
  get("/api/story", &WebServer::story_steps);
  post("/api/story/score", &WebServer::story_score);
  post("/api/story/save", &WebServer::story_save);
  get("/api/devices", &WebServer::devices);
  post(R"(/api/devices/(\d+)/revoke)", &WebServer::revoke_device);
  post("/api/review/recording", &WebServer::review_recording);
  get("/api/recordings", &WebServer::recordings);
  post(R"(/api/recordings/(\d+)/delete)", &WebServer::delete_recording);
  s.Get(R"(/api/recordings/(\d+)/audio)", [this](const httplib::Request& request, httplib::Response& response) {
    recording_audio(request, response);
  });

  s.Get("/pair", [this](const httplib::Request& request, httplib::Response& response) { pair_page(request, response); });
  s.Post("/pair", [this](const httplib::Request& request, httplib::Response& response) { pair(request, response); });

  s.Get("/", [this](const httplib::Request& request, httplib::Response& response) { page(request, response); });
  // Everything else is one of the page's own files or nothing: the path is looked up among the
  // embedded assets by equality, so no request can reach the disk.
  s.Get(".*", [](const httplib::Request& request, httplib::Response& response) {
    const Asset* asset = find_asset(request.path);
    if (asset == nullptr || asset->path == "/index.html") {
      response.status = 404;
      return;
    }
    response.set_content(std::string(asset->body), std::string(asset->content_type).c_str());
  });
}

void WebServer::page(const httplib::Request& request, httplib::Response& response) {
  std::string token;
  {
    std::lock_guard lock(mutex_);
    Session* session = session_of(request);
    if (session == nullptr) {
      session = &sessions_.create(std::make_unique<ReviewDesk>(engine_, settings_.deck));
      response.set_header("Set-Cookie", fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict", cookie_name(), session->id));
    }
    token = session->token;
  }
  std::string html(find_asset("/index.html")->body);
  // index.html carries the session's CSRF token in a <meta> tag; the page sends it back.
  const std::string slot = "{{csrf-token}}";
  if (const size_t at = html.find(slot); at != std::string::npos) html.replace(at, slot.size(), token);
  response.set_content(html, "text/html; charset=utf-8");
}

void WebServer::pair_page(const httplib::Request& request, httplib::Response& response) {
  if (!pairing_required()) {
    response.status = 303;  // on loopback nothing needs pairing
    response.set_header("Location", "/");
    return;
  }
  send_pair_page(response, 200, "Pair this device to review on it. The code is used once.",
                 code_param(request.get_param_value("code")));
}

void WebServer::pair(const httplib::Request& request, httplib::Response& response) {
  if (!pairing_required()) {
    response.status = 303;
    response.set_header("Location", "/");
    return;
  }
  std::lock_guard lock(mutex_);
  const PairingCode::Attempt attempt = pairing_.attempt(code_param(request.get_param_value("code")), request.remote_addr);
  if (attempt.outcome != PairingCode::Outcome::paired && settings_.on_refused)
    settings_.on_refused(pairing_.failures(), attempt.retry_after_seconds);
  if (attempt.outcome == PairingCode::Outcome::locked) {
    response.set_header("Retry-After", std::to_string(attempt.retry_after_seconds));
    send_pair_page(response, 429,
                   fmt::format("Too many wrong codes: pairing is paused for {} seconds.", attempt.retry_after_seconds), "");
    return;
  }
  if (attempt.outcome == PairingCode::Outcome::wrong) {
    send_pair_page(response, 401, "That code is wrong (or was already used). Look at the terminal for the current one.", "");
    return;
  }
  const std::string token = random_hex(32);
  const std::string name = device_name(request.get_param_value("name"), request.get_header_value("User-Agent"));
  engine_.collection().add_device(name, token_hash(token));
  response.set_header("Set-Cookie", fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Strict{}", device_cookie_name(), token,
                                                static_cast<std::int64_t>(settings_.device_expiry_days) * 86400,
                                                address_->tls() ? "; Secure" : ""));
  response.status = 303;
  response.set_header("Location", "/");
  if (settings_.on_paired) settings_.on_paired(name, address_->network_url() + "pair?code=" + pairing_.code());
}

void WebServer::api(const httplib::Request& request, httplib::Response& response, Handler handler) {
  std::lock_guard lock(mutex_);
  try {
    Session* session = session_of(request);
    if (session == nullptr) throw RequestError{403, "This page's session has ended. Reload the page."};
    send_json(response, 200, (this->*handler)(request, *session));
  } catch (const RequestError& e) {
    send_json(response, e.status, error_json(e.message));
  } catch (const ParseError& e) {
    json body = error_json(e.what());
    body["error"]["file"] = e.file();
    body["error"]["line"] = e.line();
    send_json(response, 422, body);
  } catch (const std::exception& e) {
    // rehearse::Error (and a plugin's error) speaks to the user already.
    send_json(response, 400, error_json(e.what()));
  }
}

json WebServer::review_state(const httplib::Request&, Session& session) { return session.state->state(); }

json WebServer::review_start(const httplib::Request& request, Session& session) {
  const json body = parse_body(request);
  return session.state->start(body.value("deck", std::string()));
}

json WebServer::review_reveal(const httplib::Request& request, Session& session) {
  const json body = parse_body(request);
  return session.state->reveal(card_id_of(body), body.value("text", std::string()));
}

json WebServer::review_answer(const httplib::Request& request, Session& session) {
  const json body = parse_body(request);
  std::optional<Rating> rating;
  if (body.contains("rating") && body["rating"].is_number_integer()) rating = rating_from_string(std::to_string(body["rating"].get<int>()));
  if (!rating) throw RequestError{400, "the rating must be 1, 2, 3 or 4"};
  return session.state->answer(card_id_of(body), *rating);
}

json WebServer::review_undo(const httplib::Request&, Session& session) { return session.state->undo(); }

MockDesk& WebServer::mock_desk(const Session& session) {
  auto it = mocks_.find(session.id);
  if (it == mocks_.end()) {
    // Sessions come and go (the oldest is dropped past its limit); so do their interviews.
    if (mocks_.size() >= 32) mocks_.erase(mocks_.begin());
    it = mocks_.emplace(session.id, std::make_unique<MockDesk>(engine_)).first;
  }
  return *it->second;
}

json WebServer::mock_state(const httplib::Request&, Session& session) { return mock_desk(session).state(); }

json WebServer::mock_start(const httplib::Request& request, Session& session) {
  const json body = parse_body(request);
  MockOptions options;
  if (body.contains("minutes") && !body["minutes"].is_null()) {
    if (!body["minutes"].is_number_integer()) throw RequestError{400, "minutes must be a whole number"};
    options.minutes = body["minutes"].get<int>();
  }
  if (body.contains("themes")) {
    if (!body["themes"].is_array()) throw RequestError{400, "themes must be a list of words"};
    for (const auto& theme : body["themes"]) {
      if (!theme.is_string()) throw RequestError{400, "themes must be a list of words"};
      options.themes.push_back(theme.get<std::string>());
    }
  }
  return mock_desk(session).start(body.value("deck", std::string()), options);
}

json WebServer::mock_score(const httplib::Request& request, Session& session) {
  const json body = parse_body(request);
  return mock_desk(session).score(card_id_of(body), body.value("text", std::string()));
}

json WebServer::mock_answer(const httplib::Request& request, Session& session) {
  const json body = parse_body(request);
  MockAnswer answer;
  answer.text = body.value("text", std::string());
  if (body.contains("follow_up_answers")) {
    if (!body["follow_up_answers"].is_array()) throw RequestError{400, "follow_up_answers must be a list of texts"};
    for (const auto& text : body["follow_up_answers"])
      answer.follow_up_answers.push_back(text.is_string() ? text.get<std::string>() : std::string());
  }
  if (body.contains("rating") && !body["rating"].is_null()) {
    if (body["rating"].is_number_integer()) answer.rating = rating_from_string(std::to_string(body["rating"].get<int>()));
    if (!answer.rating) throw RequestError{400, "the rating must be 1, 2, 3 or 4, or null for the suggestion"};
  }
  return mock_desk(session).answer(card_id_of(body), answer);
}

json WebServer::mock_finish(const httplib::Request&, Session& session) { return mock_desk(session).finish(); }

json WebServer::decks(const httplib::Request&, Session&) {
  json sources = json::array();
  for (const Source* source : engine_.registry().sources()) sources.push_back(std::string(source->name()));
  return {{"decks", decks_json(engine_.collection().decks())}, {"sources", sources},
          {"max_upload_bytes", settings_.max_upload_bytes}};
}

namespace {

// A whole number in the query string, within [min, max]; `fallback` when absent.
int number_param(const httplib::Request& request, const char* name, int fallback, int min, int max) {
  if (!request.has_param(name)) return fallback;
  const std::string text = request.get_param_value(name);
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max)
    throw RequestError{400, fmt::format("{} must be a whole number from {} to {}", name, min, max)};
  return value;
}

}  // namespace

json WebServer::cards(const httplib::Request& request, Session&) {
  // One page of the matches at a time: a collection of thousands of cards is not one long page.
  const std::string deck = request.get_param_value("deck");
  const std::string query = request.get_param_value("q");
  const int limit = number_param(request, "limit", kCardsPerPage, 1, kMaxCardsListed);
  const int offset = number_param(request, "offset", 0, 0, std::numeric_limits<int>::max() - kMaxCardsListed - 1);
  const auto found = engine_.collection().find_cards(deck, query, limit + 1, offset);
  json rows = json::array();
  for (size_t i = 0; i < found.size() && i < static_cast<size_t>(limit); ++i) rows.push_back(card_row(found[i], engine_.clock()));
  return {{"cards", rows}, {"offset", offset}, {"limit", limit}, {"more", found.size() > static_cast<size_t>(limit)}};
}

json WebServer::card(const httplib::Request& request, Session&) {
  return card_json(id_in_path(request));
}

json WebServer::card_json(std::int64_t id) {
  const std::optional<Card> found = engine_.collection().card(id);
  if (!found) throw RequestError{404, "there is no such card"};
  json detail = card_detail(*found, engine_.collection().review_log(id), engine_.clock());
  detail["edited"] = engine_.collection().has_user_version(id);
  return detail;
}

json WebServer::edit(const httplib::Request& request, Session&) {
  const std::int64_t id = id_in_path(request);
  const std::optional<Card> found = engine_.collection().card(id);
  if (!found) throw RequestError{404, "there is no such card"};
  CardContent edited;
  try {
    edited = edited_card(parse_body(request), found->content);
  } catch (const std::invalid_argument& e) {
    throw RequestError{400, e.what()};
  }
  const Engine::CardEdit result = engine_.edit_card(id, edited);
  json answer = card_json(id);
  answer["saved_to"] = result.written_to_file ? json(result.file) : json(nullptr);
  return answer;
}

json WebServer::reset(const httplib::Request& request, Session&) {
  const std::int64_t id = id_in_path(request);
  if (!engine_.collection().card(id)) throw RequestError{404, "there is no such card"};
  engine_.reset_card(id);
  return card_json(id);
}

json WebServer::suspend(const httplib::Request& request, Session&) {
  const std::int64_t id = id_in_path(request);
  const json body = parse_body(request);
  if (!body.contains("suspended") || !body["suspended"].is_boolean()) throw RequestError{400, "suspended must be true or false"};
  if (!engine_.collection().card(id)) throw RequestError{404, "there is no such card"};
  engine_.collection().set_suspended(id, body["suspended"].get<bool>());
  return card_row(*engine_.collection().card(id), engine_.clock());
}

json WebServer::import(const httplib::Request& request, Session&) {
  if (!request.has_file("file")) throw RequestError{400, "choose a file to import"};
  const httplib::MultipartFormData file = request.get_file_value("file");
  if (file.content.size() > settings_.max_upload_bytes)
    throw RequestError{413, fmt::format("{} is larger than the limit of {}.", upload_name(file.filename), megabytes(settings_.max_upload_bytes))};
  ImportOptions options;
  if (request.has_file("source")) options.source = request.get_file_value("source").content;
  if (request.has_file("deck")) options.deck = request.get_file_value("deck").content;
  options.dry_run = request.has_file("dry_run") && request.get_file_value("dry_run").content == "true";
  const ImportReport report = engine_.import_bytes(upload_name(file.filename), file.content, options);
  return {{"file", upload_name(file.filename)}, {"dry_run", options.dry_run}, {"report", import_report_json(report)}};
}

json WebServer::stats(const httplib::Request&, Session&) { return statistics_json(engine_.collection()); }

json WebServer::story_steps(const httplib::Request&, Session&) {
  StoryDraft draft(engine_);
  json steps = json::array();
  for (const StoryStep& step : StoryDraft::steps())
    steps.push_back({{"name", step.name}, {"question", step.question}, {"what", step.what}, {"required", step.required},
                     {"criteria", step.criteria}});
  return {{"steps", steps}, {"themes", draft.available_themes()}, {"file", draft.file().string()}, {"deck", StoryDraft::kDeck}};
}

json WebServer::story_score(const httplib::Request& request, Session&) {
  const json body = parse_body(request);
  const StoryDraft draft = story_draft_of(engine_, body);
  const std::string step = body.value("step", std::string());
  if (!step.empty()) {
    try {
      (void)StoryDraft::step(step);
    } catch (const Error& e) {
      throw RequestError{400, e.what()};
    }
  }
  json answer = story_findings_json(step.empty() ? draft.findings() : draft.findings(step));
  answer["step"] = step.empty() ? json(nullptr) : json(step);
  const Story& story = draft.story();
  answer["story"] = {{"title", draft.title()}, {"situation", story.situation}, {"task", story.task}, {"actions", story.actions},
                     {"result", story.result}, {"lesson", story.lesson}, {"themes", draft.themes()}};
  answer["missing"] = draft.missing();
  answer["missing_message"] = draft.missing_message();
  return answer;
}

json WebServer::story_save(const httplib::Request& request, Session&) {
  StoryDraft draft = story_draft_of(engine_, parse_body(request));
  if (const std::string message = draft.missing_message(); !message.empty())
    throw RequestError{400, message + "; nothing was written"};
  const SavedStory saved = draft.save();
  return {{"id", saved.id}, {"title", saved.title}, {"deck", saved.deck}, {"file", saved.file.string()},
          {"created_file", saved.created_file}};
}

json WebServer::devices(const httplib::Request& request, Session&) {
  const std::string token = cookie_value(request.get_header_value("Cookie"), device_cookie_name());
  const std::string own_hash = token.empty() ? "" : token_hash(token);
  json list = json::array();
  for (const auto& device : engine_.collection().devices())
    list.push_back({{"id", device.id}, {"name", device.name}, {"paired_at", format_iso8601(device.paired_at)},
                    {"last_seen", format_iso8601(device.last_seen)}, {"this_device", device.token_hash == own_hash}});
  return {{"pairing_required", pairing_required()}, {"expiry_days", settings_.device_expiry_days}, {"devices", list}};
}

json WebServer::revoke_device(const httplib::Request& request, Session&) {
  std::int64_t id = 0;
  const std::string text = request.matches[1];
  std::from_chars(text.data(), text.data() + text.size(), id);
  if (!engine_.collection().remove_device(id)) throw RequestError{404, "there is no such device"};
  return {{"revoked", id}};
}

// Days simulated for the retention chart: long enough for the intervals of most cards to play out,
// short enough to answer at once.
constexpr int kRetentionChartDays = 180;

json WebServer::retention(const httplib::Request&, Session&) {
  const Simulator simulator = Simulator::of_collection(engine_);
  SimulationOptions options;
  options.days = kRetentionChartDays;
  if (auto stored = engine_.collection().config("new_per_day")) options.new_per_day = std::atoi(stored->c_str());
  options.new_per_day = std::clamp(options.new_per_day, 0, 10000);
  json rows = json::array();
  for (const auto& r : simulator.compare_retentions(Simulator::retentions_to_compare(), options))
    rows.push_back({{"retention", r.retention}, {"minutes_per_day", r.minutes_per_day()},
                    {"reviews_per_day", static_cast<double>(r.total_reviews()) / static_cast<double>(r.days.size())},
                    {"recall", r.final_recall()}});
  return {{"days", options.days}, {"new_per_day", options.new_per_day}, {"cards", simulator.cards()}, {"retentions", rows}};
}

json WebServer::readiness(const httplib::Request& request, Session&) {
  const std::string until = request.has_param("until") ? request.get_param_value("until") : "";
  const std::string deck = request.has_param("deck") ? request.get_param_value("deck") : "";
  // A date is the whole of that day: ready until the next day starts, as `review --until` has it.
  const auto midnight = until.size() == 10 ? parse_iso8601(until + "T00:00Z") : std::nullopt;
  if (!midnight) throw RequestError{400, "until must be a date like 2026-03-02"};
  const Clock& clock = engine_.clock();
  const std::int64_t target = clock.day_start_ms(*midnight / kMsPerDay + 1);
  if (clock.day_number(target - 1) <= clock.today()) throw RequestError{400, "the interview must be on a later day than today"};
  std::vector<Readiness> readiness;
  const StudyPlan plan = engine_.plan_until(deck, target, readiness);
  json groups = json::array();
  for (const auto& group : readiness)
    groups.push_back({{"deck", group.deck}, {"kind", to_string(group.kind)}, {"cards", group.cards}, {"ready", group.ready},
                      {"recall", group.recall ? json(*group.recall) : json(nullptr)}});
  return {{"until", until}, {"retention", plan.retention}, {"memory_model", plan.memory_model},
          {"reviews_per_day", plan.days() ? static_cast<double>(plan.total_reviews()) / plan.days() : 0.0},
          {"days", plan.days()}, {"readiness", groups}};
}

}  // namespace rehearse::web
