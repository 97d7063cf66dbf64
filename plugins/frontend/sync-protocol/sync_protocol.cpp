#include "sync_protocol.h"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cstdio>
#include <set>
#include <vector>
#include <tuple>

namespace rehearse::sync {

using nlohmann::json;

std::string protocol_version() { return fmt::format("{}.{}", kProtocolMajor, kProtocolMinor); }

void check_protocol(const json& message, const std::string& peer) {
  if (!message.is_object() || !message.contains("protocol") || !message["protocol"].is_string())
    throw ProtocolError(fmt::format("{} sent no sync protocol version; this rehearse speaks protocol {}", peer, protocol_version()));
  const std::string version = message["protocol"];
  int major = -1;
  if (std::sscanf(version.c_str(), "%d", &major) != 1 || major != kProtocolMajor)
    throw ProtocolError(fmt::format("{} speaks sync protocol {}, but this rehearse speaks {}; update the older of the two",
                                    peer, version, protocol_version()));
}

json to_json(const ChangeBatch& batch) {
  json reviews = json::array();
  for (const auto& r : batch.reviews) {
    json entry = {{"deck", r.card.deck}, {"uid", r.card.uid},          {"device", r.device},
                  {"seq", r.seq},        {"reviewed_ms", r.reviewed_ms}, {"rating", static_cast<int>(r.rating)},
                  {"taken_ms", r.taken_ms}};
    if (r.cancels_device) entry["cancels"] = {{"device", *r.cancels_device}, {"seq", r.cancels_seq}};
    reviews.push_back(std::move(entry));
  }
  json cards = json::array();
  for (const auto& c : batch.cards)
    cards.push_back({{"deck", c.card.deck}, {"uid", c.card.uid}, {"version", c.version}, {"device", c.device},
                     {"fields", c.fields}, {"suspended", c.suspended}});
  json settings = json::array();
  for (const auto& s : batch.settings)
    settings.push_back({{"key", s.key}, {"value", s.value ? json(*s.value) : json()}, {"version", s.version}, {"device", s.device}});
  return {{"reviews", reviews}, {"cards", cards}, {"settings", settings}};
}

namespace {

const json& field(const json& object, const char* name, json::value_t type, const std::string& where) {
  const auto it = object.find(name);
  const bool number = type == json::value_t::number_integer;
  if (it == object.end() || (number ? !it->is_number_integer() : it->type() != type))
    throw ProtocolError(fmt::format("{}.{}: missing or not {}", where, name,
                                    number ? "a whole number" : type == json::value_t::string ? "a string"
                                                            : type == json::value_t::boolean ? "true or false"
                                                                                             : "an object"));
  return *it;
}

std::string text(const json& object, const char* name, const std::string& where, bool may_be_empty = false) {
  std::string value = field(object, name, json::value_t::string, where);
  if (value.empty() && !may_be_empty) throw ProtocolError(fmt::format("{}.{}: empty", where, name));
  return value;
}

std::int64_t number(const json& object, const char* name, const std::string& where, std::int64_t low) {
  const std::int64_t value = field(object, name, json::value_t::number_integer, where).get<std::int64_t>();
  if (value < low) throw ProtocolError(fmt::format("{}.{}: {} is less than {}", where, name, value, low));
  return value;
}

}  // namespace

ChangeBatch batch_from_json(const json& batch, const std::string& where) {
  if (!batch.is_object()) throw ProtocolError(fmt::format("{}: not an object", where));
  ChangeBatch out;
  const auto reviews = batch.find("reviews");
  if (reviews != batch.end()) {
    if (!reviews->is_array()) throw ProtocolError(fmt::format("{}.reviews: not a list", where));
    std::set<std::pair<std::string, std::int64_t>> seen;
    for (size_t i = 0; i < reviews->size(); ++i) {
      const json& r = (*reviews)[i];
      const std::string at = fmt::format("{}.reviews[{}]", where, i);
      if (!r.is_object()) throw ProtocolError(at + ": not an object");
      SyncedReview review;
      review.card = {text(r, "deck", at), text(r, "uid", at)};
      review.device = text(r, "device", at);
      review.seq = number(r, "seq", at, 1);
      review.reviewed_ms = number(r, "reviewed_ms", at, 0);
      review.taken_ms = number(r, "taken_ms", at, 0);
      const std::int64_t rating = number(r, "rating", at, 1);
      if (rating > 4) throw ProtocolError(fmt::format("{}.rating: {} is not a rating from 1 to 4", at, rating));
      review.rating = static_cast<Rating>(rating);
      if (const auto cancels = r.find("cancels"); cancels != r.end() && !cancels->is_null()) {
        if (!cancels->is_object()) throw ProtocolError(at + ".cancels: not an object");
        review.cancels_device = text(*cancels, "device", at + ".cancels");
        review.cancels_seq = number(*cancels, "seq", at + ".cancels", 1);
      }
      if (!seen.emplace(review.device, review.seq).second)
        throw ProtocolError(fmt::format("{}: entry {} of device {} appears twice", at, review.seq, review.device));
      out.reviews.push_back(std::move(review));
    }
  }
  const auto cards = batch.find("cards");
  if (cards != batch.end()) {
    if (!cards->is_array()) throw ProtocolError(fmt::format("{}.cards: not a list", where));
    std::set<CardKey> seen;
    for (size_t i = 0; i < cards->size(); ++i) {
      const json& c = (*cards)[i];
      const std::string at = fmt::format("{}.cards[{}]", where, i);
      if (!c.is_object()) throw ProtocolError(at + ": not an object");
      SyncedCard card;
      card.card = {text(c, "deck", at), text(c, "uid", at)};
      card.version = number(c, "version", at, 0);
      card.device = text(c, "device", at);
      card.suspended = field(c, "suspended", json::value_t::boolean, at).get<bool>();
      for (const auto& [name, value] : field(c, "fields", json::value_t::object, at).items()) {
        if (!value.is_string()) throw ProtocolError(fmt::format("{}.fields.{}: not a string", at, name));
        card.fields[name] = value.get<std::string>();
      }
      const auto kind = card.fields.find("kind");
      if (kind == card.fields.end() || (kind->second != "question" && kind->second != "keypoint" && kind->second != "story"))
        throw ProtocolError(at + ".fields.kind: not question, keypoint or story");
      if (!seen.insert(card.card).second)
        throw ProtocolError(fmt::format("{}: card '{}' of deck '{}' appears twice", at, card.card.uid, card.card.deck));
      out.cards.push_back(std::move(card));
    }
  }
  const auto settings = batch.find("settings");
  if (settings != batch.end()) {
    if (!settings->is_array()) throw ProtocolError(fmt::format("{}.settings: not a list", where));
    std::set<std::string> seen;
    for (size_t i = 0; i < settings->size(); ++i) {
      const json& s = (*settings)[i];
      const std::string at = fmt::format("{}.settings[{}]", where, i);
      if (!s.is_object()) throw ProtocolError(at + ": not an object");
      SyncedSetting setting;
      setting.key = text(s, "key", at);
      const auto value = s.find("value");
      if (value == s.end() || !(value->is_null() || value->is_string())) throw ProtocolError(at + ".value: missing, or neither text nor null");
      if (value->is_string()) setting.value = value->get<std::string>();
      setting.version = number(s, "version", at, 0);
      setting.device = text(s, "device", at);
      if (!seen.insert(setting.key).second) throw ProtocolError(fmt::format("{}: setting {} appears twice", at, setting.key));
      out.settings.push_back(std::move(setting));
    }
  }
  return out;
}

std::string random_hex(size_t bytes) {
  std::vector<unsigned char> buffer(bytes);
  if (RAND_bytes(buffer.data(), static_cast<int>(bytes)) != 1) throw std::runtime_error("the random generator failed");
  std::string out;
  for (unsigned char b : buffer) out += fmt::format("{:02x}", b);
  return out;
}

std::string sha256_hex(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 failed");
  std::string out;
  for (unsigned int i = 0; i < length; ++i) out += fmt::format("{:02x}", digest[i]);
  return out;
}

}  // namespace rehearse::sync
