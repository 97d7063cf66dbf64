#include "server_store.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <pqxx/pqxx>

#include "rehearse/errors.h"
#include "sync_protocol.h"

namespace rehearse::sync {

using nlohmann::json;

namespace {

// Created when missing; a later version of the server adds to it with ALTER TABLE ... IF NOT EXISTS.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS users (
  user_id     bigserial PRIMARY KEY,
  name        text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now()
);
-- One-time codes that enrol a device; only their SHA-256 is kept.
CREATE TABLE IF NOT EXISTS enrolment_codes (
  code_hash   text PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES users (user_id),
  expires_at  timestamptz NOT NULL
);
-- One token per enrolled device, kept as its SHA-256; `device` is the collection's device id,
-- the only device whose entries the token may push.
CREATE TABLE IF NOT EXISTS tokens (
  token_id     bigserial PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES users (user_id),
  token_hash   text NOT NULL UNIQUE,
  device       text NOT NULL,
  device_name  text NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen    timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz
);
-- User data: user_id first in every primary key (the distribution column).
-- Each change a user's devices push takes the user's next position; a device pulls what came
-- after the position it last saw. Pushes of one user take turns on this row.
CREATE TABLE IF NOT EXISTS user_positions (
  user_id   bigint PRIMARY KEY,
  position  bigint NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS review_log (
  user_id         bigint NOT NULL,
  device          text NOT NULL,
  seq             bigint NOT NULL,
  position        bigint NOT NULL,
  deck            text NOT NULL,
  uid             text NOT NULL,
  reviewed_ms     bigint NOT NULL,
  rating          smallint NOT NULL CHECK (rating BETWEEN 1 AND 4),
  taken_ms        bigint NOT NULL,
  cancels_device  text,          -- set for an entry that cancels (device, seq) of another
  cancels_seq     bigint,
  PRIMARY KEY (user_id, device, seq)
);
CREATE INDEX IF NOT EXISTS review_log_position ON review_log (user_id, position);
CREATE TABLE IF NOT EXISTS cards (
  user_id    bigint NOT NULL,
  deck       text NOT NULL,
  uid        text NOT NULL,
  version    bigint NOT NULL,
  device     text NOT NULL,
  position   bigint NOT NULL,
  fields     jsonb NOT NULL,
  suspended  boolean NOT NULL,
  PRIMARY KEY (user_id, deck, uid)
);
CREATE INDEX IF NOT EXISTS cards_position ON cards (user_id, position);
CREATE TABLE IF NOT EXISTS settings (
  user_id   bigint NOT NULL,
  key       text NOT NULL,
  version   bigint NOT NULL,
  device    text NOT NULL,
  position  bigint NOT NULL,
  value     text,                -- NULL: unset
  PRIMARY KEY (user_id, key)
);
CREATE INDEX IF NOT EXISTS settings_position ON settings (user_id, position);
)sql";

constexpr int kCodeValidDays = 7;

// Codes are read aloud and typed: compared without case or dashes.
std::string normalise_code(const std::string& code) {
  std::string out;
  for (unsigned char c : code)
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
  return out;
}

std::string new_code_text() {
  const std::string hex = random_hex(6);
  return fmt::format("{}-{}-{}", hex.substr(0, 4), hex.substr(4, 4), hex.substr(8, 4));
}

}  // namespace

struct ServerStore::Impl {
  std::string url;
  std::mutex mutex;
  std::vector<std::unique_ptr<pqxx::connection>> idle;

  // A connection for one request: an idle one, else a new one. It goes back to the pool unless
  // the request failed with it (it may be broken).
  class Lease {
   public:
    explicit Lease(Impl& pool) : pool_(pool) {
      {
        std::lock_guard lock(pool_.mutex);
        if (!pool_.idle.empty()) {
          connection_ = std::move(pool_.idle.back());
          pool_.idle.pop_back();
        }
      }
      if (!connection_) {
        try {
          connection_ = std::make_unique<pqxx::connection>(pool_.url);
        } catch (const std::exception& e) {
          throw Error(fmt::format("cannot connect to PostgreSQL at the --database address: {}", e.what()));
        }
      }
    }
    ~Lease() {
      if (!keep_) return;
      std::lock_guard lock(pool_.mutex);
      pool_.idle.push_back(std::move(connection_));
    }
    pqxx::connection& operator*() { return *connection_; }
    void keep() { keep_ = true; }

   private:
    Impl& pool_;
    std::unique_ptr<pqxx::connection> connection_;
    bool keep_ = false;
  };

  // Runs `body` in one transaction on a leased connection; returns what it returns.
  template <typename Body>
  auto transaction(Body&& body) {
    Lease lease(*this);
    pqxx::work work(*lease);
    auto result = body(work);
    work.commit();
    lease.keep();
    return result;
  }

  std::int64_t user_id(pqxx::work& work, const std::string& name) {
    const pqxx::result user = work.exec_params("SELECT user_id FROM users WHERE name = $1", name);
    if (user.empty()) throw Error(fmt::format("there is no user '{}' (add-user NAME creates one)", name));
    return user[0][0].as<std::int64_t>();
  }

  std::string add_code(pqxx::work& work, std::int64_t user) {
    const std::string code = new_code_text();
    work.exec_params("INSERT INTO enrolment_codes (code_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(days => $3))",
                     sha256_hex(normalise_code(code)), user, kCodeValidDays);
    return code;
  }
};

ServerStore::ServerStore(std::string url) : impl_(std::make_unique<Impl>()) {
  impl_->url = std::move(url);
  impl_->transaction([](pqxx::work& work) {
    // Two servers starting at once on an empty database must not both create the tables.
    work.exec("SELECT pg_advisory_xact_lock(7462837)");
    work.exec(kSchema);
    return 0;
  });
}

ServerStore::~ServerStore() = default;

std::string ServerStore::add_user(const std::string& name) {
  if (name.empty()) throw Error("a user needs a name");
  return impl_->transaction([&](pqxx::work& work) {
    const pqxx::result taken = work.exec_params("SELECT 1 FROM users WHERE name = $1", name);
    if (!taken.empty()) throw Error(fmt::format("there is already a user '{}' (enrol NAME gives another code)", name));
    const pqxx::result user = work.exec_params("INSERT INTO users (name) VALUES ($1) RETURNING user_id", name);
    return impl_->add_code(work, user[0][0].as<std::int64_t>());
  });
}

std::string ServerStore::new_code(const std::string& name) {
  return impl_->transaction([&](pqxx::work& work) { return impl_->add_code(work, impl_->user_id(work, name)); });
}

std::vector<ServerStore::Token> ServerStore::tokens(const std::string& name) const {
  return impl_->transaction([&](pqxx::work& work) {
    const std::int64_t user = impl_->user_id(work, name);
    std::vector<Token> out;
    for (const auto& row : work.exec_params(
             "SELECT token_id, device, device_name, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI\"Z\"'), "
             "to_char(last_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI\"Z\"'), revoked_at IS NOT NULL "
             "FROM tokens WHERE user_id = $1 ORDER BY token_id",
             user))
      out.push_back({row[0].as<std::int64_t>(), row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<std::string>(),
                     row[4].as<std::string>(), row[5].as<bool>()});
    return out;
  });
}

bool ServerStore::revoke(std::int64_t id) {
  return impl_->transaction([&](pqxx::work& work) {
    return work.exec_params("UPDATE tokens SET revoked_at = now() WHERE token_id = $1 AND revoked_at IS NULL", id).affected_rows() > 0;
  });
}

json ServerStore::enrol(const json& request) {
  check_protocol(request, "this client");
  if (!request.contains("code") || !request["code"].is_string()) throw ProtocolError("code: missing or not a string");
  if (!request.contains("device") || !request["device"].is_string() || request["device"].get<std::string>().empty())
    throw ProtocolError("device: missing or not a string");
  const std::string name = request.value("name", std::string());
  return impl_->transaction([&](pqxx::work& work) {
    const pqxx::result code = work.exec_params(
        "DELETE FROM enrolment_codes WHERE code_hash = $1 RETURNING user_id, expires_at > now()",
        sha256_hex(normalise_code(request["code"].get<std::string>())));
    if (code.empty()) throw Unauthorized("this enrolment code is not known or was used already (the server's enrol NAME gives a new one)");
    if (!code[0][1].as<bool>()) {
      work.commit();  // the expired code goes
      throw Unauthorized("this enrolment code has expired (the server's enrol NAME gives a new one)");
    }
    const std::int64_t user = code[0][0].as<std::int64_t>();
    const std::string token = random_hex(32);
    work.exec_params("INSERT INTO tokens (user_id, token_hash, device, device_name) VALUES ($1, $2, $3, $4)", user,
                     sha256_hex(token), request["device"].get<std::string>(), name.substr(0, 80));
    const pqxx::result user_name = work.exec_params("SELECT name FROM users WHERE user_id = $1", user);
    return json{{"protocol", protocol_version()}, {"user", user_name[0][0].as<std::string>()}, {"token", token}};
  });
}

json ServerStore::sync(const std::string& token, const json& request) {
  check_protocol(request, "this client");
  // Everything is read and checked before anything is written.
  if (!request.contains("since") || !request["since"].is_number_integer() || request["since"].get<std::int64_t>() < 0)
    throw ProtocolError("since: missing or not a whole number from 0");
  const std::int64_t since = request["since"];
  const ChangeBatch push = batch_from_json(request.value("push", json::object()), "push");

  return impl_->transaction([&](pqxx::work& work) {
    const pqxx::result who = work.exec_params(
        "UPDATE tokens SET last_seen = now() WHERE token_hash = $1 AND revoked_at IS NULL RETURNING user_id, device", sha256_hex(token));
    if (who.empty()) throw Unauthorized("this device's token is not known or was revoked: enrol it again (rehearse sync --enrol)");
    const std::int64_t user = who[0][0].as<std::int64_t>();
    const std::string device = who[0][1].as<std::string>();
    for (size_t i = 0; i < push.reviews.size(); ++i)
      if (push.reviews[i].device != device)
        throw ProtocolError(fmt::format("push.reviews[{}].device: {} is not the device this token was given to", i, push.reviews[i].device));

    work.exec_params("INSERT INTO user_positions (user_id) VALUES ($1) ON CONFLICT DO NOTHING", user);
    std::int64_t position = work.exec_params("SELECT position FROM user_positions WHERE user_id = $1 FOR UPDATE", user)[0][0].as<std::int64_t>();

    // The pull is read before the push is applied: a card this device overwrites now still reaches
    // it when another device changed it since its last pull, so the device reports the conflict.
    ChangeBatch pull;
    for (const auto& row : work.exec_params(
             "SELECT device, seq, deck, uid, reviewed_ms, rating, taken_ms, cancels_device, cancels_seq FROM review_log "
             "WHERE user_id = $1 AND position > $2 AND device <> $3 ORDER BY position",
             user, since, device)) {
      SyncedReview r;
      r.device = row[0].as<std::string>();
      r.seq = row[1].as<std::int64_t>();
      r.card = {row[2].as<std::string>(), row[3].as<std::string>()};
      r.reviewed_ms = row[4].as<std::int64_t>();
      r.rating = static_cast<Rating>(row[5].as<int>());
      r.taken_ms = row[6].as<std::int64_t>();
      if (!row[7].is_null()) {
        r.cancels_device = row[7].as<std::string>();
        r.cancels_seq = row[8].as<std::int64_t>();
      }
      pull.reviews.push_back(std::move(r));
    }
    for (const auto& row : work.exec_params(
             "SELECT deck, uid, version, device, fields::text, suspended FROM cards "
             "WHERE user_id = $1 AND position > $2 AND device <> $3 ORDER BY position",
             user, since, device)) {
      SyncedCard c;
      c.card = {row[0].as<std::string>(), row[1].as<std::string>()};
      c.version = row[2].as<std::int64_t>();
      c.device = row[3].as<std::string>();
      const json fields = json::parse(row[4].as<std::string>());
      for (const auto& [name, value] : fields.items()) c.fields[name] = value.get<std::string>();
      c.suspended = row[5].as<bool>();
      pull.cards.push_back(std::move(c));
    }
    for (const auto& row : work.exec_params(
             "SELECT key, value, version, device FROM settings WHERE user_id = $1 AND position > $2 AND device <> $3 ORDER BY position",
             user, since, device)) {
      SyncedSetting setting;
      setting.key = row[0].as<std::string>();
      if (!row[1].is_null()) setting.value = row[1].as<std::string>();
      setting.version = row[2].as<std::int64_t>();
      setting.device = row[3].as<std::string>();
      pull.settings.push_back(std::move(setting));
    }

    json reviews = json::array();
    for (const auto& r : push.reviews)
      reviews.push_back({{"device", r.device}, {"seq", r.seq}, {"position", ++position}, {"deck", r.card.deck}, {"uid", r.card.uid},
                         {"reviewed_ms", r.reviewed_ms}, {"rating", static_cast<int>(r.rating)}, {"taken_ms", r.taken_ms},
                         {"cancels_device", r.cancels_device ? json(*r.cancels_device) : json()},
                         {"cancels_seq", r.cancels_device ? json(r.cancels_seq) : json()}});
    json cards = json::array();
    for (const auto& c : push.cards)
      cards.push_back({{"deck", c.card.deck}, {"uid", c.card.uid}, {"version", c.version}, {"device", c.device},
                       {"position", ++position}, {"fields", c.fields}, {"suspended", c.suspended}});
    // Each entry once, however often it is pushed (a sync repeated after a crash).
    const auto added_reviews = work.exec_params(
        "INSERT INTO review_log (user_id, device, seq, position, deck, uid, reviewed_ms, rating, taken_ms, cancels_device, cancels_seq) "
        "SELECT $1, r.device, r.seq, r.position, r.deck, r.uid, r.reviewed_ms, r.rating, r.taken_ms, r.cancels_device, r.cancels_seq "
        "FROM jsonb_to_recordset($2::jsonb) AS r(device text, seq bigint, position bigint, deck text, uid text, reviewed_ms bigint, "
        "rating smallint, taken_ms bigint, cancels_device text, cancels_seq bigint) "
        "ON CONFLICT (user_id, device, seq) DO NOTHING",
        user, reviews.dump()).affected_rows();
    // An entry kept already must be the same one: otherwise its device numbered two entries alike.
    const pqxx::result reused = work.exec_params(
        "SELECT r.seq FROM jsonb_to_recordset($2::jsonb) AS r(device text, seq bigint, deck text, uid text, reviewed_ms bigint, "
        "rating smallint) JOIN review_log l ON l.user_id = $1 AND l.device = r.device AND l.seq = r.seq "
        "WHERE (l.deck, l.uid, l.reviewed_ms, l.rating) IS DISTINCT FROM (r.deck, r.uid, r.reviewed_ms, r.rating) LIMIT 1",
        user, reviews.dump());
    if (!reused.empty())
      throw Reused(fmt::format("entry {} of device {} differs from the server's entry of that number: this collection is a copy "
                               "or a restored backup of one that synced; nothing was written",
                               reused[0][0].as<std::int64_t>(), device));
    // The later writer wins: (version, device) decides, as on the devices.
    const auto changed_cards = work.exec_params(
        "INSERT INTO cards (user_id, deck, uid, version, device, position, fields, suspended) "
        "SELECT $1, r.deck, r.uid, r.version, r.device, r.position, r.fields, r.suspended "
        "FROM jsonb_to_recordset($2::jsonb) AS r(deck text, uid text, version bigint, device text, position bigint, fields jsonb, "
        "suspended boolean) "
        "ON CONFLICT (user_id, deck, uid) DO UPDATE SET version = EXCLUDED.version, device = EXCLUDED.device, "
        "position = EXCLUDED.position, fields = EXCLUDED.fields, suspended = EXCLUDED.suspended "
        "WHERE (cards.version, cards.device) < (EXCLUDED.version, EXCLUDED.device)",
        user, cards.dump()).affected_rows();
    json settings = json::array();
    for (const auto& st : push.settings)
      settings.push_back({{"key", st.key}, {"value", st.value ? json(*st.value) : json()}, {"version", st.version},
                          {"device", st.device}, {"position", ++position}});
    work.exec_params(
        "INSERT INTO settings (user_id, key, version, device, position, value) "
        "SELECT $1, r.key, r.version, r.device, r.position, r.value "
        "FROM jsonb_to_recordset($2::jsonb) AS r(key text, version bigint, device text, position bigint, value text) "
        "ON CONFLICT (user_id, key) DO UPDATE SET version = EXCLUDED.version, device = EXCLUDED.device, "
        "position = EXCLUDED.position, value = EXCLUDED.value "
        "WHERE (settings.version, settings.device) < (EXCLUDED.version, EXCLUDED.device)",
        user, settings.dump());
    work.exec_params("UPDATE user_positions SET position = $2 WHERE user_id = $1", user, position);
    pull.position = position;

    return json{{"protocol", protocol_version()},
                {"position", position},
                {"pushed", {{"reviews", added_reviews}, {"cards", changed_cards}}},
                {"pull", to_json(pull)}};
  });
}

}  // namespace rehearse::sync
