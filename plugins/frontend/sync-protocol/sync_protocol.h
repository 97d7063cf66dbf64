// The sync protocol between `rehearse sync` (plugins/frontend/sync-client) and `rehearse
// sync-server` (plugins/frontend/sync-server): HTTP with JSON bodies.
//
//   POST /v1/enrol  {"protocol": "1.0", "code": CODE, "device": ID, "name": HOST}
//                   -> {"protocol": "1.0", "user": NAME, "token": TOKEN}
//   POST /v1/sync   Authorization: Bearer TOKEN
//                   {"protocol": "1.0", "since": POSITION, "push": BATCH}
//                   -> {"protocol": "1.0", "position": POSITION, "pushed": {"reviews": N, "cards": M},
//                       "pull": BATCH}
//   BATCH: {"reviews": [{"deck", "uid", "device", "seq", "reviewed_ms", "rating", "taken_ms",
//                        "cancels": {"device", "seq"} (a cancellation only)}],
//           "cards": [{"deck", "uid", "version", "device", "fields": {COLUMN: TEXT}, "suspended"}],
//           "settings": [{"key", "value" (null: unset), "version", "device"}]}
//
// Errors answer {"error": MESSAGE}: 400 for a malformed request or another major version of the
// protocol, 401 for a missing, unknown or revoked token or enrolment code, 409 for a push that
// numbers an entry as another the server has (a copied collection); nothing is written then.
// The major version changes when an older peer would misread a message; the minor when fields
// are only added (a peer ignores fields it does not know).
#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "rehearse/sync.h"

namespace rehearse::sync {

inline constexpr int kProtocolMajor = 1;
inline constexpr int kProtocolMinor = 0;
std::string protocol_version();  // "1.0"

// A request or answer that does not follow the protocol; the message names the field.
class ProtocolError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws ProtocolError unless `message` carries a "protocol" of this major version. `peer` names
// the other side in the message ("the server", "this client").
void check_protocol(const nlohmann::json& message, const std::string& peer);

nlohmann::json to_json(const ChangeBatch& batch);
// Reads a BATCH; `where` prefixes field names in errors ("push"). Throws ProtocolError.
ChangeBatch batch_from_json(const nlohmann::json& batch, const std::string& where);

// `bytes` random bytes from the kernel's generator, as hex.
std::string random_hex(size_t bytes);
// The hex SHA-256 of `text`: what the server keeps of tokens and enrolment codes.
std::string sha256_hex(const std::string& text);

}  // namespace rehearse::sync
