// What travels between devices that share one collection through a sync server (plugin API 4.1).
//
// The engine knows nothing of the transport: Collection::changes_since() gives the changes made on
// this device that the server has not confirmed, and Collection::apply_changes() applies those of
// the other devices in one transaction. A sync plugin moves them (plugins/frontend/sync-client).
//
// Nothing here holds a local row id. A card is known by its deck and uid (the `id:` of its deck
// file), which every device that imported the deck agrees on; a review-log entry by the device
// that wrote it and that device's sequence number, which is never reused.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rehearse/scheduling.h"

namespace rehearse {

struct CardKey {
  std::string deck;
  std::string uid;
  auto operator<=>(const CardKey&) const = default;
};

// One entry of the review log, or the cancellation of one (an answer undone after it was pushed).
struct SyncedReview {
  CardKey card;
  std::string device;
  std::int64_t seq = 0;
  std::int64_t reviewed_ms = 0;  // for a cancellation: when it was undone
  Rating rating = Rating::good;
  std::int64_t taken_ms = 0;
  // Set for a cancellation: the (device, seq) of the entry it cancels. Rating and time are then
  // meaningless.
  std::optional<std::string> cancels_device;
  std::int64_t cancels_seq = 0;
};

// A card's content and whether its user suspended it, merged last-writer-wins: the row with the
// greater (version, device) is kept.
struct SyncedCard {
  CardKey card;
  std::int64_t version = 0;
  std::string device;
  // The card's content by column: kind, prompt, answer, key_points, pitfalls, themes, tags,
  // situation, task, actions, result, lesson, sibling_group, question_type, follow_ups (list
  // fields one item a line, as the collection stores them).
  std::map<std::string, std::string> fields;
  bool suspended = false;
};

// A setting ("deck.<name>.new_per_day", "scheduler", ...), merged last-writer-wins like a card.
// Nothing in `value`: the setting was unset. Settings of one machine (its front ends, backups and
// sync state) do not travel.
struct SyncedSetting {
  std::string key;
  std::optional<std::string> value;
  std::int64_t version = 0;
  std::string device;
};

// Changes since some point: the ones a device pushes, or the ones it pulls (then `position` is the
// server's position after them, which the next pull starts from).
struct ChangeBatch {
  std::vector<SyncedReview> reviews;
  std::vector<SyncedCard> cards;
  std::vector<SyncedSetting> settings;
  std::int64_t position = 0;
  bool empty() const { return reviews.empty() && cards.empty() && settings.empty(); }
};

// A card edited on two devices since they last synced: the edit of `kept_device` was kept, the
// other's was dropped.
struct SyncConflict {
  CardKey card;
  std::string kept_device;
  std::string dropped_device;
};

struct ApplyReport {
  int reviews = 0;        // entries added to the review log
  int cancellations = 0;  // entries removed because another device undid them
  int cards = 0;          // cards added or changed
  int settings = 0;       // settings changed or unset
  int recomputed = 0;     // cards whose state was recomputed from the merged log
  std::vector<SyncConflict> conflicts;
};

// Where this device stands (Collection::sync_state).
struct SyncState {
  std::string device;               // this collection's device id
  std::int64_t pulled_position = 0; // the server's position after the last pull
  std::int64_t pushed_seq = 0;      // the last of this device's sequence numbers the server has
  std::int64_t next_seq = 0;        // the sequence number the next entry gets
  std::int64_t last_sync_ms = 0;    // Unix ms of the last sync, 0 if never
  int waiting_reviews = 0;          // entries and cancellations not yet pushed
  int waiting_cards = 0;            // cards changed here and not yet pushed
  int waiting_settings = 0;         // settings changed here and not yet pushed
};

}  // namespace rehearse
