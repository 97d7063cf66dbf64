// What the sync server keeps, in PostgreSQL: users, their enrolment codes and device tokens, and
// each user's review log and cards as the devices pushed them.
//
// Every table of user data has the user first in its primary key (user_id, the distribution
// column), so that Citus can distribute those tables by user unchanged; users, enrolment_codes
// and tokens are small and would be reference tables. A push is one PostgreSQL transaction.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace rehearse::sync {

// A request without a valid token or code: the answer is 401.
class Unauthorized : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A push that reuses a device's sequence number for another entry (a copied collection, a
// restored backup): the answer is 409, and nothing is written.
class Reused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ServerStore {
 public:
  // Connects to `url` (postgresql://...) and creates the tables that are missing. Throws
  // rehearse::Error when PostgreSQL cannot be reached.
  explicit ServerStore(std::string url);
  ~ServerStore();

  // A new user and a one-time enrolment code for their first device. Throws rehearse::Error when
  // the name is taken.
  std::string add_user(const std::string& name);
  // Another enrolment code for an existing user.
  std::string new_code(const std::string& name);

  struct Token {
    std::int64_t id = 0;
    std::string device;
    std::string device_name;
    std::string created;    // ISO 8601, UTC
    std::string last_seen;  // ISO 8601, UTC
    bool revoked = false;
  };
  std::vector<Token> tokens(const std::string& user) const;
  // Revokes token `id`; false when there is none (or it was revoked already).
  bool revoke(std::int64_t id);

  // POST /v1/enrol: trades a code for a device token. Throws Unauthorized, ProtocolError.
  nlohmann::json enrol(const nlohmann::json& request);
  // POST /v1/sync: applies the push and answers the pull, in one transaction. Throws Unauthorized,
  // ProtocolError (nothing is written then).
  nlohmann::json sync(const std::string& token, const nlohmann::json& request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rehearse::sync
