// The collection: one SQLite file holding decks, cards, their scheduling state, the review log and
// settings. Scheduling state lives here and only here, never in deck files.
//
// Every write is one transaction; the schema is versioned with PRAGMA user_version and migrated
// forward on open. A collection written by a newer rehearse is refused, not touched.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rehearse/api.h"
#include "rehearse/card.h"
#include "rehearse/clock.h"
#include "rehearse/scheduling.h"
#include "rehearse/source.h"

namespace rehearse {

struct DeckSummary {
  std::string name;
  int cards = 0;      // not counting cards suspended or gone from their file
  int due = 0;        // learning and review cards due today
  int new_cards = 0;  // never reviewed
  int suspended = 0;
};

struct CollectionStats {
  int cards = 0;
  int questions = 0;
  int keypoints = 0;
  int stories = 0;
  int due_today = 0;  // learning and review cards due by the end of today
  int new_today = 0;  // new cards today's limits still allow
  int reviews_total = 0;
  int reviews_today = 0;
};

// One file read by a source, ready to be applied.
struct ParsedFile {
  std::string file;  // as the user named it, for messages and to know which cards a file owns
  ParseResult result;
};

struct ImportReport {
  int added = 0;
  int updated = 0;
  int history = 0;    // past reviews added to the review log
  int suspended = 0;  // cards gone from their file
  int unchanged = 0;
  std::vector<ParseWarning> warnings;
  std::vector<std::string> gone;  // "deck: prompt" of each card gone from its file
};

struct ReviewLogEntry {
  std::int64_t id = 0;
  std::int64_t card_id = 0;
  std::int64_t reviewed_ms = 0;
  Rating rating = Rating::good;
  std::int64_t taken_ms = 0;
  std::string scheduler;
  SchedulingState before;
  SchedulingState after;
  std::optional<double> score;        // from the scorers, when they graded the answer
  std::optional<Rating> suggestion;   // the rating the scorers suggested
};

// Per-deck daily limits.
struct DeckLimits {
  int new_per_day = 10;
  int reviews_per_day = 200;
};

class REHEARSE_API Collection {
 public:
  // $REHEARSE_COLLECTION, else $XDG_DATA_HOME/rehearse/collection.db, else
  // ~/.local/share/rehearse/collection.db.
  static std::filesystem::path default_path();

  // Opens (creating it and its folder if needed) and migrates the collection at `path`.
  // Throws rehearse::Error when it cannot be opened or is from a newer rehearse.
  Collection(const std::filesystem::path& path, const Clock& clock);
  ~Collection();
  Collection(const Collection&) = delete;
  Collection& operator=(const Collection&) = delete;

  const std::filesystem::path& path() const;
  const Clock& clock() const;
  // True when this open created the file.
  bool created() const;
  int schema_version() const;
  static int latest_schema_version();

  // Settings (key/value text). Keys are dotted: "scheduler", "scorer.star.target_seconds",
  // "deck.<name>.new_per_day".
  std::optional<std::string> config(const std::string& key) const;
  void set_config(const std::string& key, const std::string& value);
  void unset_config(const std::string& key);
  std::map<std::string, std::string> config_with_prefix(const std::string& prefix) const;

  // Turns a card's imported review history into the state after each review (one per review),
  // with the scheduler of `deck`. The engine provides it; the collection has no scheduler.
  using Replayer = std::function<std::vector<SchedulingState>(const std::string& deck, const std::vector<ImportedReview>&)>;

  // Applies parsed files in one transaction: new cards are added, changed ones updated (keeping
  // their progress), cards of the same deck and file that are no longer in it are suspended (and
  // come back when they reappear). Imported history goes into the review log of cards that have
  // none, and their state becomes the replayed one. Throws ParseError, and changes nothing, for
  // two cards with the same id in one deck.
  // With `dry_run`, the report says what would change and nothing is written.
  ImportReport apply_import(const std::vector<ParsedFile>& files, const Replayer& replay = {}, bool dry_run = false);

  // Runs `body` as one write transaction (a savepoint when already inside one): everything it
  // writes is committed together, or nothing is when it throws.
  void write(const std::function<void()>& body);

  std::vector<std::string> deck_names() const;
  std::vector<DeckSummary> decks() const;
  CollectionStats stats() const;
  DeckLimits limits(const std::string& deck) const;

  std::optional<Card> card(std::int64_t id) const;
  // Cards matching `query` in prompt, answer or tags (all when empty), in a deck (all when empty).
  std::vector<Card> find_cards(const std::string& deck, const std::string& query, int limit) const;
  // The cards whose uid (the `id:` of a deck file) is `uid`, one per deck that has it, by deck
  // name. Cards gone from their file are left out.
  std::vector<Card> cards_with_uid(const std::string& uid) const;
  void set_suspended(std::int64_t card_id, bool suspended);

  // Today's queue, in the order to show it: learning cards due by `learn_ahead_ms` from now, then
  // reviews due today, then new cards, within each deck's limits. `deck` filters by deck name
  // (and its "::" sub-decks) when not empty.
  struct Queue {
    std::vector<std::int64_t> learning;  // soonest first
    std::vector<std::int64_t> review;    // most overdue first
    std::vector<std::int64_t> new_cards; // in deck order
  };
  Queue queue(const std::string& deck, std::int64_t learn_ahead_ms) const;

  // Records an answer in one transaction: the card's new state and the log entry. Throws
  // rehearse::Error (and changes nothing) when the card's state is no longer `entry.before`,
  // which means another process answered it first. Returns the log entry's id.
  std::int64_t record_answer(const ReviewLogEntry& entry);
  // Reverts answer `log_id`: restores the state before it and removes the entry, in one
  // transaction. Returns false when the card was answered again since.
  bool undo_answer(std::int64_t log_id);

  std::vector<ReviewLogEntry> review_log(std::int64_t card_id) const;
  // Replaces the state of a card, e.g. after recomputing it from the review log.
  void set_scheduling(std::int64_t card_id, const SchedulingState& state);

  // ---- Statistics: what the charts of a front end draw (engine/src/statistics.cpp) ----------
  // Days are the user's days (Clock::day_number), which roll over at the day-start hour. Cards
  // gone from their file are never counted; suspended cards are not due.

  struct DayCount {
    std::int64_t day = 0;  // a Clock day number
    int reviews = 0;
  };
  // Reviews on each day from `first_day` to `last_day` (both included), oldest first; days
  // without reviews are left out.
  std::vector<DayCount> reviews_per_day(std::int64_t first_day, std::int64_t last_day) const;

  // Learning and review cards falling due on each of the next `days` days: [0] is today and
  // includes every card already overdue, [1] tomorrow, and so on.
  std::vector<int> due_forecast(int days) const;

  struct MonthRetention {
    int year = 0;
    int month = 0;    // 1-12, of the local calendar
    int reviews = 0;  // answers to cards that had graduated (in review state when answered)
    int passed = 0;   // of those, the ones not rated "again"
  };
  // True retention: how often a graduated card was remembered, per calendar month, for the
  // `months` months up to and including the current one, oldest first (months without such
  // answers have reviews == 0).
  std::vector<MonthRetention> retention_by_month(int months) const;

  struct IntervalBucket {
    int min_days = 0;
    int max_days = 0;  // included; the last bucket has no upper end and max_days == 0
    int cards = 0;
  };
  // Cards in review state, not suspended, by their current interval (rounded to whole days):
  // 1, 2, 3-6, 7-13, 14-29, 30-59, 60-119, 120-179, 180-364 and 365 days or more.
  std::vector<IntervalBucket> interval_distribution() const;

  // The story bank against the questions it must answer: which themes questions ask about, and
  // which of the user's stories can answer them. Themes are compared case-insensitively.
  struct StoryBank {
    struct Theme {
      std::string name;   // in lower case
      int questions = 0;  // question cards with this theme
      int stories = 0;    // story cards with this theme
    };
    struct StoryCard {
      std::int64_t card_id = 0;
      std::string deck;
      std::string prompt;
      std::vector<std::string> themes;  // in lower case
    };
    std::vector<Theme> themes;       // every theme of a question or a story: most asked first, then by name
    std::vector<StoryCard> stories;  // by deck, then in deck order
  };
  StoryBank story_bank() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rehearse
