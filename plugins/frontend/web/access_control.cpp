#include "access_control.h"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <sys/random.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <stdexcept>
#include <system_error>

namespace rehearse::web {

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// A Host header writes an IPv6 address in brackets.
std::string host_form(const std::string& address) {
  return address.find(':') != std::string::npos ? "[" + address + "]" : address;
}

// The addresses of this machine's interfaces, as text.
std::vector<std::string> interface_addresses() {
  std::vector<std::string> out;
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return out;
  for (const ifaddrs* entry = list; entry != nullptr; entry = entry->ifa_next) {
    if (entry->ifa_addr == nullptr) continue;
    char text[INET6_ADDRSTRLEN] = {};
    if (entry->ifa_addr->sa_family == AF_INET) {
      const auto* v4 = reinterpret_cast<const sockaddr_in*>(entry->ifa_addr);
      if (inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text)) out.emplace_back(text);
    } else if (entry->ifa_addr->sa_family == AF_INET6) {
      const auto* v6 = reinterpret_cast<const sockaddr_in6*>(entry->ifa_addr);
      if (inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text)) out.emplace_back(text);
    }
  }
  freeifaddrs(list);
  return out;
}

}  // namespace

std::string random_hex(size_t bytes) {
  std::string raw(bytes, '\0');
  size_t filled = 0;
  while (filled < bytes) {
    const ssize_t got = getrandom(raw.data() + filled, bytes - filled, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), "getrandom");
    }
    filled += static_cast<size_t>(got);
  }
  std::string hex;
  for (unsigned char c : raw) hex += fmt::format("{:02x}", c);
  return hex;
}

std::string token_hash(const std::string& token) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(token.data(), token.size(), digest, &length, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 is not available from OpenSSL");
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

bool constant_time_equal(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char difference = 0;
  for (size_t i = 0; i < a.size(); ++i) difference |= static_cast<unsigned char>(a[i] ^ b[i]);
  return difference == 0;
}

ListenAddress::ListenAddress(std::string address, int port, bool tls)
    : address_(std::move(address)), port_(port), tls_(tls) {
  std::vector<std::string> names;
  if (is_wildcard()) {
    names = interface_addresses();
    names.emplace_back("localhost");
    char hostname[256] = {};
    if (gethostname(hostname, sizeof hostname - 1) == 0 && hostname[0] != '\0') names.emplace_back(hostname);
  } else {
    names.push_back(address_);
    if (is_loopback()) names.insert(names.end(), {"localhost", "127.0.0.1", "::1"});
  }
  for (const auto& name : names) {
    const std::string host = lower(host_form(name));
    hosts_.push_back(fmt::format("{}:{}", host, port_));
    if (port_ == 80) hosts_.push_back(host);  // browsers leave out the default port
  }
}

bool ListenAddress::is_loopback() const {
  const std::string a = lower(address_);
  return a == "localhost" || a == "::1" || a.starts_with("127.");
}

bool ListenAddress::is_wildcard() const { return address_ == "0.0.0.0" || address_ == "::" || address_.empty(); }

std::string ListenAddress::url() const {
  const std::string host = address_ == "::" ? "[::1]" : is_wildcard() ? "127.0.0.1" : host_form(address_);
  return fmt::format("{}://{}:{}/", tls_ ? "https" : "http", host, port_);
}

std::string ListenAddress::network_url() const {
  std::string host = host_form(address_);
  if (is_wildcard()) {
    host = "127.0.0.1";
    for (const auto& candidate : interface_addresses())
      if (candidate.find(':') == std::string::npos && !candidate.starts_with("127.")) {
        host = candidate;
        break;
      }
  }
  return fmt::format("{}://{}:{}/", tls_ ? "https" : "http", host, port_);
}

bool ListenAddress::accepts_host(const std::string& host_header) const {
  const std::string host = lower(host_header);
  return std::find(hosts_.begin(), hosts_.end(), host) != hosts_.end();
}

bool ListenAddress::accepts_origin(const std::string& origin_header) const {
  const std::string origin = lower(origin_header);
  const std::string_view scheme = tls_ ? "https://" : "http://";
  return origin.starts_with(scheme) && accepts_host(origin.substr(scheme.size()));
}

std::string cookie_value(const std::string& cookie_header, const std::string& name) {
  size_t start = 0;
  while (start < cookie_header.size()) {
    size_t end = cookie_header.find(';', start);
    if (end == std::string::npos) end = cookie_header.size();
    std::string_view pair(cookie_header.data() + start, end - start);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.substr(0, name.size()) == name && pair[name.size()] == '=')
      return std::string(pair.substr(name.size() + 1));
    start = end + 1;
  }
  return {};
}

}  // namespace rehearse::web
