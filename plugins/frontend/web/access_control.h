// Who may use the server, checked before any request reaches a handler.
//
// - Host: a page on another site can make the browser send requests to 127.0.0.1 by pointing its
//   own domain name at it (DNS rebinding). Such requests carry that domain in their Host header,
//   so only the names of the address the server listens on are accepted.
// - Sessions and CSRF tokens: the page gets a session cookie (SameSite=Strict) and, inside the
//   page, a token of that session. Every request that changes something must carry the token in a
//   header, which another site can neither read nor set.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace rehearse::web {

// A random value from the kernel's generator, as `bytes` * 2 hex digits.
std::string random_hex(size_t bytes);

// The hex SHA-256 of `token`: what the collection keeps of a device's session token.
std::string token_hash(const std::string& token);

// True when `a` equals `b`, taking as long whatever their contents (tokens are compared so).
bool constant_time_equal(const std::string& a, const std::string& b);

// Where the server listens and the Host headers that name it.
class ListenAddress {
 public:
  // `address` as given to --listen (an IP address, a host name, or 0.0.0.0 / :: for every
  // interface), `port` the port actually bound.
  ListenAddress(std::string address, int port, bool tls = false);

  const std::string& address() const { return address_; }
  int port() const { return port_; }
  // True for loopback addresses, which only this computer can reach.
  bool is_loopback() const;
  // True for 0.0.0.0 and ::, which listen on every interface.
  bool is_wildcard() const;
  // The address to open in a browser on this computer, e.g. "http://127.0.0.1:8765/".
  std::string url() const;
  // The address to open from another device: for a wildcard address, this computer's first
  // network (non-loopback) IPv4 address, else the address itself.
  std::string network_url() const;
  bool tls() const { return tls_; }

  // Whether a request's Host header names this server. For a wildcard address, the addresses of
  // this machine's interfaces are its names.
  bool accepts_host(const std::string& host_header) const;
  // Whether an Origin header is this server's own (a page it served).
  bool accepts_origin(const std::string& origin_header) const;

 private:
  std::string address_;
  int port_;
  bool tls_;
  std::vector<std::string> hosts_;  // accepted Host header values
};

// One browser's session: the CSRF token and whatever the front end keeps for it (its review).
template <typename State>
class Sessions {
 public:
  struct Session {
    std::string id;     // the cookie's value
    std::string token;  // the CSRF token the page sends back
    std::unique_ptr<State> state;
    std::chrono::steady_clock::time_point used;
  };

  explicit Sessions(size_t max_sessions) : max_sessions_(max_sessions) {}

  // Starts a session; the least recently used one goes when there are too many.
  Session& create(std::unique_ptr<State> state) {
    if (sessions_.size() >= max_sessions_) {
      auto oldest = sessions_.begin();
      for (auto it = sessions_.begin(); it != sessions_.end(); ++it)
        if (it->second.used < oldest->second.used) oldest = it;
      sessions_.erase(oldest);
    }
    Session session{random_hex(16), random_hex(32), std::move(state), std::chrono::steady_clock::now()};
    const std::string id = session.id;
    return sessions_.emplace(id, std::move(session)).first->second;
  }

  // The session with cookie value `id`, or nullptr.
  Session* find(const std::string& id) {
    auto it = sessions_.find(id);
    if (it == sessions_.end()) return nullptr;
    it->second.used = std::chrono::steady_clock::now();
    return &it->second;
  }

 private:
  size_t max_sessions_;
  std::map<std::string, Session> sessions_;
};

// The value of cookie `name` in a Cookie header, or "".
std::string cookie_value(const std::string& cookie_header, const std::string& name);

}  // namespace rehearse::web
