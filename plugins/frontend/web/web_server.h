// The web app's HTTP server: the page, its assets and a small JSON API over the engine.
//
//   GET  /                          the page (starts a browser session: cookie + CSRF token)
//   GET  /app.js, /app.css, ...     the page's own files, compiled into the plugin
//   GET  /api/review                the review as it stands
//   POST /api/review/start          {deck}            review another deck ("" for all)
//   POST /api/review/reveal         {card_id, text}   show the answer, score the typed one
//   POST /api/review/answer         {card_id, rating} record a rating (1-4) and move on
//   POST /api/review/undo                             take back the last answer
//   GET  /api/decks                 decks with their counts, and the sources an upload can use
//   GET  /api/cards?deck=&q=&offset=&limit=   one page of the cards matching a search (25 by default)
//   GET  /api/cards/ID              one card with its history, and whether it holds the user's version
//   POST /api/cards/ID/suspend      {suspended}
//   POST /api/cards/ID/edit         {prompt, answer, key_points, pitfalls, themes}: Engine::edit_card
//   POST /api/cards/ID/reset        back to the source's text (Engine::reset_card)
//   POST /api/import                multipart: file, [source], [deck], [dry_run]
//   GET  /api/stats                 the statistics page's data
//   GET  /api/stats/retention       desired retention against daily minutes and recall (simulated)
//   GET  /api/stats/readiness?until=DATE  expected share recalled on that day, by deck and kind
//   GET  /api/story                 writing a story: its steps, the themes to pick from, the file it goes to
//   POST /api/story/score           {step, title, situation, ...}  the STAR rubric's findings on the draft
//                                   (for `step`: only its criteria; without: the whole story), what is missing, the story as read
//   POST /api/story/save            {title, situation, task, action, result, lesson, themes}: StoryDraft::save
//   GET  /api/devices               the paired devices (and whether pairing is required)
//   POST /api/devices/ID/revoke     forget a paired device
//   POST /api/review/recording      multipart: card_id, spoken_ms, audio  the spoken answer to the card shown
//   GET  /api/recordings            the recordings kept, what they take and the cap
//   GET  /api/recordings/ID/audio   one recording's audio
//   POST /api/recordings/ID/delete  delete a recording (its review stays)
//   GET  /pair?code=CODE            served beyond loopback: the pairing page (a form)
//   POST /pair                      form: code, [name]  exchanges the one-time code for a device cookie
//
// Every request is checked first (access_control.h): a Host header naming this server, and for
// anything but GET the session's CSRF token and, when the browser sends one, its own Origin.
// Served beyond loopback, every request but the pairing page's must also carry the cookie of a
// paired device (the collection keeps a SHA-256 of its token); anything else gets 401.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "access_control.h"
#include "pairing_code.h"
#include "rehearse/engine.h"
#include "mock_desk.h"
#include "review_desk.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace rehearse::web {

struct ServerSettings {
  std::string listen = "127.0.0.1";
  int port = 0;                        // 0: any free port
  std::size_t max_upload_bytes = 8 << 20;
  std::string deck;                    // the deck a new session reviews; empty for all
  std::string cert_file;               // with key_file: serve over TLS (https)
  std::string key_file;
  int device_expiry_days = 30;         // a paired device unused this long must pair again
  // Told each new pairing code (served beyond loopback): the front end shows it in the terminal.
  // Called with the server's mutex held, from a request thread after a device paired.
  std::function<void(const std::string& device, const std::string& pairing_url)> on_paired;
  // Told each refused pairing try (a wrong code, or any try while pairing is locked): the wrong
  // codes so far, and the seconds pairing stays locked (0 when it is not). Same thread rules.
  std::function<void(int wrong_codes, int locked_seconds)> on_refused;
};

class WebServer {
 public:
  WebServer(Engine& engine, ServerSettings settings);
  ~WebServer();
  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;

  // Binds the listening socket. Throws rehearse::Error when the address or port cannot be used.
  void bind();
  // Where it listens; valid after bind().
  const ListenAddress& address() const { return *address_; }
  // True when devices must pair: the server listens beyond loopback.
  bool pairing_required() const { return address_ && !address_->is_loopback(); }
  // The address a device opens to pair (with the current one-time code); valid after bind().
  std::string pairing_url();
  // Answers requests until stop() is called from another thread.
  void serve();
  void stop();

 private:
  using Session = Sessions<ReviewDesk>::Session;
  using Handler = json (WebServer::*)(const httplib::Request&, Session&);

  void routes();
  // The session named by the request's cookie, or nullptr. Call with mutex_ held.
  Session* session_of(const httplib::Request& request);
  // Runs `handler` with the engine locked and turns its result or exception into the response.
  void api(const httplib::Request& request, httplib::Response& response, Handler handler);
  bool admit(const httplib::Request& request, httplib::Response& response);
  // Served beyond loopback: whether the request carries a paired, unexpired device's cookie.
  // Call with mutex_ held.
  bool paired_device(const httplib::Request& request);
  void pair_page(const httplib::Request& request, httplib::Response& response);
  void pair(const httplib::Request& request, httplib::Response& response);
  void page(const httplib::Request& request, httplib::Response& response);

  json review_state(const httplib::Request&, Session& session);
  json review_start(const httplib::Request& request, Session& session);
  json review_reveal(const httplib::Request& request, Session& session);
  json review_answer(const httplib::Request& request, Session& session);
  json review_undo(const httplib::Request&, Session& session);
  // The Mock interview page (mock_desk.h): one interview per browser session.
  MockDesk& mock_desk(const Session& session);
  json mock_state(const httplib::Request&, Session& session);
  json mock_start(const httplib::Request& request, Session& session);
  json mock_score(const httplib::Request& request, Session& session);
  json mock_answer(const httplib::Request& request, Session& session);
  json mock_finish(const httplib::Request&, Session& session);
  json decks(const httplib::Request&, Session&);
  json retention(const httplib::Request&, Session&);
  json readiness(const httplib::Request& request, Session&);
  json cards(const httplib::Request& request, Session&);
  json card(const httplib::Request& request, Session&);
  json suspend(const httplib::Request& request, Session&);
  json edit(const httplib::Request& request, Session&);
  json reset(const httplib::Request& request, Session&);
  // One card as the card routes answer it.
  json card_json(std::int64_t id);
  json import(const httplib::Request& request, Session&);
  json stats(const httplib::Request&, Session&);
  json story_steps(const httplib::Request&, Session&);
  json story_score(const httplib::Request& request, Session&);
  json story_save(const httplib::Request& request, Session&);
  json devices(const httplib::Request& request, Session&);
  json revoke_device(const httplib::Request& request, Session&);
  // Spoken answers (recording_routes.cpp).
  json review_recording(const httplib::Request& request, Session& session);
  json recordings(const httplib::Request&, Session&);
  json delete_recording(const httplib::Request& request, Session&);
  void recording_audio(const httplib::Request& request, httplib::Response& response);

  std::string cookie_name() const;
  std::string device_cookie_name() const;

  Engine& engine_;
  ServerSettings settings_;
  std::unique_ptr<httplib::Server> server_;
  std::unique_ptr<ListenAddress> address_;
  // httplib answers each connection on a worker thread of its pool, but the engine and its
  // SQLite connection are single-threaded: this one mutex serialises every use of the engine,
  // the collection and the sessions. Requests are short, so the lock is never held for long.
  std::mutex mutex_;
  Sessions<ReviewDesk> sessions_{32};
  std::map<std::string, std::unique_ptr<MockDesk>> mocks_;  // by session id, at most as many as sessions
  PairingCode pairing_;
};

}  // namespace rehearse::web
