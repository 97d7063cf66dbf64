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
#include <string_view>
#include <vector>

#include "rehearse/api.h"
#include "rehearse/card.h"
#include "rehearse/clock.h"
#include "rehearse/scheduling.h"
#include "rehearse/source.h"
#include "rehearse/sync.h"

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

// Told what an import does while it runs, to show its progress and to list what it changes card
// by card (what a dry run would do). Every method does nothing unless overridden; they are called
// on the importing thread, and often (once per card), so they should be quick.
class REHEARSE_API ImportObserver {
 public:
  enum class Change { added, updated, unchanged, suspended };

  virtual ~ImportObserver();
  // Before file `index` (0-based) of `count` is read and parsed.
  virtual void reading(const std::string& /*file*/, size_t /*index*/, size_t /*count*/) {}
  // `done` of the `total` cards of all files have been applied.
  virtual void applying(size_t /*done*/, size_t /*total*/) {}
  // What the import does to one card ("suspended": gone from its file).
  virtual void changed(Change /*change*/, const std::string& /*deck*/, const std::string& /*prompt*/) {}
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
  std::optional<std::int64_t> spoken_ms;  // how long the answer took to say, when it was spoken (API 4.0)
};

// A recording of a spoken answer (schema version 9): a file in the recordings folder beside the
// collection, kept with the review it was made for.
struct Recording {
  std::int64_t id = 0;
  std::int64_t log_id = 0;  // the review it belongs to
  std::int64_t card_id = 0;
  std::string deck;
  std::string prompt;
  std::int64_t reviewed_ms = 0;  // Unix ms
  std::int64_t spoken_ms = 0;
  std::int64_t bytes = 0;
  std::string mime_type;         // as the browser recorded it, e.g. "audio/webm;codecs=opus"
  std::filesystem::path file;    // absolute
};

// Per-deck daily limits ("deck.<name>.<setting>", else "<setting>"). A deck's limits cap what
// its sub-decks give too; the limits of decks above the one being reviewed do not apply (as in
// Anki). Interday learning cards count against the review limit.
struct DeckLimits {
  int new_per_day = 10;
  int reviews_per_day = 200;
  // As in Anki, new cards also count against the review limit unless this is set: no new cards
  // once the day's reviews reach it.
  bool new_cards_ignore_review_limit = false;
};

// Answers given today that count against the daily limits.
struct StudiedToday {
  int reviews = 0;    // to review cards and to learning cards whose step crossed a day boundary
  int new_cards = 0;  // first answers to new cards
};

// What answering a card does besides rescheduling it, per deck ("deck.<name>.<setting>", else
// "<setting>").
struct AnswerRules {
  // The card's siblings (same deck, same group) due or new today wait until tomorrow.
  bool bury_siblings = true;
  // Lapses that make a card a leech (tagged "leech", then again every half as many lapses);
  // 0 turns leeches off.
  int leech_threshold = 8;
  bool suspend_leeches = true;  // "leech_action": suspend, or only tag
};

// What recording an answer did besides rescheduling the card.
struct AnswerEffects {
  std::vector<std::int64_t> buried;  // siblings buried until tomorrow
  bool leech = false;                // the card became a leech and was tagged "leech"
  bool suspended = false;            // ... and suspended for it
};

// Changes to today's queue, for a study plan (Engine::plan_until).
struct QueueOptions {
  std::int64_t learn_ahead_ms = 0;      // show learning cards due this much later than now
  std::optional<int> new_per_day;       // new cards today for all decks reviewed, instead of each deck's limit
  bool unlimited_reviews = false;       // every due review today, whatever the review limits
  std::vector<std::int64_t> early_reviews;  // review cards to show today although not yet due
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

  // ---- Paired devices: the browsers `rehearse serve --listen` lets in (schema version 7) -----
  // A front end that serves beyond this computer keeps the devices it paired here. The collection
  // stores only what it is given: a hash of each device's secret, never the secret itself.
  struct Device {
    std::int64_t id = 0;
    std::string name;          // from the browser's User-Agent, or given
    std::string token_hash;    // e.g. the hex SHA-256 of the device's session token
    std::int64_t paired_at = 0;  // Unix ms
    std::int64_t last_seen = 0;  // Unix ms
  };
  // Every paired device, oldest pairing first.
  std::vector<Device> devices() const;
  // The device whose token hash is `token_hash`, if any.
  std::optional<Device> device_by_token_hash(const std::string& token_hash) const;
  // Adds a device paired now (the collection's clock); returns its id.
  std::int64_t add_device(const std::string& name, const std::string& token_hash);
  // Records that the device was used at `when_ms`.
  void touch_device(std::int64_t id, std::int64_t when_ms);
  // Forgets a device; false when there was none with that id.
  bool remove_device(std::int64_t id);

  // Turns a card's imported review history into the state after each review (one per review),
  // with the scheduler of `deck`. The engine provides it; the collection has no scheduler.
  // `card_id` seeds the interval fuzz, as in a live review.
  using Replayer = std::function<std::vector<SchedulingState>(const std::string& deck, const std::vector<ImportedReview>&,
                                                              std::int64_t card_id)>;

  // Applies parsed files in one transaction: new cards are added, changed ones updated (keeping
  // their progress), cards of the same deck and file that are no longer in it are suspended (and
  // come back when they reappear). Imported history goes into the review log of cards that have
  // none, and their state becomes the replayed one. Throws ParseError, and changes nothing, for
  // two cards with the same id in one deck.
  // With `dry_run`, the report says what would change and nothing is written. `observer`, when
  // given, hears of the progress and of each card's change.
  ImportReport apply_import(const std::vector<ParsedFile>& files, const Replayer& replay = {}, bool dry_run = false,
                            ImportObserver* observer = nullptr);

  // Runs `body` as one write transaction (a savepoint when already inside one): everything it
  // writes is committed together, or nothing is when it throws.
  void write(const std::function<void()>& body);

  std::vector<std::string> deck_names() const;
  std::vector<DeckSummary> decks() const;
  CollectionStats stats() const;
  DeckLimits limits(const std::string& deck) const;
  AnswerRules answer_rules(const std::string& deck) const;
  // Today's answers to cards of `deck` and its sub-decks (all decks when empty).
  StudiedToday studied_today(const std::string& deck) const;

  std::optional<Card> card(std::int64_t id) const;
  // Cards matching `query` in prompt, answer or tags (all when empty), in a deck (all when empty).
  std::vector<Card> find_cards(const std::string& deck, const std::string& query, int limit) const;
  // The same from the `offset`-th match on, to show the matches a page at a time (API 3.1).
  std::vector<Card> find_cards(const std::string& deck, const std::string& query, int limit, int offset) const;
  // The cards whose uid (the `id:` of a deck file) is `uid`, one per deck that has it, by deck
  // name. Cards gone from their file are left out.
  std::vector<Card> cards_with_uid(const std::string& uid) const;
  void set_suspended(std::int64_t card_id, bool suspended);

  // ---- The user's version of a card (plugin API 3.1) ------------------------------------------
  // A card edited by its user where its source cannot be written back (a bundled deck, a CSV
  // list, an Anki package, a guide page, an upload) holds the user's text in place of the
  // source's: its prompt, answer, key points, pitfalls, themes, STAR parts and follow-ups. Re-imports update
  // the source's text beside it and leave the user's alone, until reset_user_version(). The card
  // keeps its row, uid and scheduling state throughout.

  // Stores those fields of `content` as the user's version of card `card_id` (the rest of the
  // card is its source's). Throws rehearse::Error when there is no such card.
  void save_user_version(std::int64_t card_id, const CardContent& content);
  // Puts the source's text back. Returns false when the card holds no user's version.
  bool reset_user_version(std::int64_t card_id);
  bool has_user_version(std::int64_t card_id) const;
  // Where the card was imported from: the absolute path of its file, "upload:NAME" for an upload,
  // empty when unknown.
  std::string source_file(std::int64_t card_id) const;

  // The scheduling of every card of `deck` and its sub-decks (all when empty) that is neither
  // suspended nor gone from its file, by deck name, then in each deck's new-card order.
  struct CardSchedule {
    std::int64_t card_id = 0;
    std::string deck;
    std::string group;  // CardContent::group
    SchedulingState state;
  };
  void for_each_schedule(const std::string& deck, const std::function<void(const CardSchedule&)>& visit) const;
  // The kind of every card of `deck` and its sub-decks (all when empty), by card id.
  std::map<std::int64_t, CardKind> card_kinds(const std::string& deck) const;

  // Today's queue, in the order Anki's v3 scheduler shows it: learning cards due within a day
  // and by `learn_ahead_ms` from now, then learning cards whose step crossed a day boundary and
  // are due today, then reviews due today, then new cards, within the daily limits of the
  // decks. Buried cards wait for their day, and of cards with the same group in a deck only the
  // first is in the queue. `deck` selects a deck and its "::" sub-decks (all when empty).
  struct Queue {
    std::vector<std::int64_t> learning;   // intraday learning, soonest first
    std::vector<std::int64_t> interday;   // interday learning, soonest first
    std::vector<std::int64_t> review;     // in the order review_order gives (see below)
    std::vector<std::int64_t> new_cards;  // by deck, then in deck order
  };
  // The reviews are gathered most overdue first within the limits, then put in the order the
  // setting `review_order` gives (of the deck studied, "deck.<name>.review_order", else the
  // collection's): `due` (by due day, then in a random order fixed for the day), `deck`,
  // `retrievability` (needs set_recall_estimator) or `random`.
  Queue queue(const std::string& deck, std::int64_t learn_ahead_ms) const;
  Queue queue(const std::string& deck, const QueueOptions& options) const;

  // The probability of recalling each of `cards` (all of deck `deck`) now, by the scheduler of
  // that deck: nothing for a card whose scheduler has no memory model. The engine provides it, as
  // the collection has no scheduler; the `retrievability` review order uses it.
  struct RecallQuery {
    std::int64_t card_id = 0;
    SchedulingState state;
  };
  using RecallEstimator =
      std::function<std::vector<std::optional<double>>(const std::string& deck, const std::vector<RecallQuery>& cards)>;
  void set_recall_estimator(RecallEstimator estimator);

  // Records an answer in one transaction: the card's new state, the log entry and what the answer
  // does to the day by the rules of the card's deck (answer_rules): its siblings are buried, and
  // a card with too many lapses becomes a leech. Throws rehearse::Error (and changes nothing)
  // when the card's state is no longer `entry.before`, which means another process answered it
  // first. Returns the log entry's id; `effects`, when given, receives what else changed.
  std::int64_t record_answer(const ReviewLogEntry& entry, AnswerEffects* effects = nullptr);
  // Reverts answer `log_id`: restores the state before it, takes back what else it did (buried
  // siblings, a leech's tag and suspension) and removes the entry, in one transaction; then the
  // file of its recording, if it had one. Returns
  // false when the card was answered again since.
  bool undo_answer(std::int64_t log_id);

  std::vector<ReviewLogEntry> review_log(std::int64_t card_id) const;
  // Calls `visit` with every entry of the review log, oldest first.
  void each_review(const std::function<void(const ReviewLogEntry&)>& visit) const;
  // The cards of exactly `deck` (not its sub-decks) that have a review log, cards gone from their
  // file included.
  std::vector<std::int64_t> reviewed_cards(const std::string& deck) const;
  // Replaces the state of a card, e.g. after recomputing it from the review log.
  void set_scheduling(std::int64_t card_id, const SchedulingState& state);

  // ---- Recordings of spoken answers (schema version 9, API 4.0) ------------------------------
  // The audio is a file in recordings_folder(), named by the row; the row belongs to a review log
  // entry and goes with it. Together they may take at most the setting `recordings_max_mb`.

  // "recordings" beside the collection file.
  std::filesystem::path recordings_folder() const;
  // What the recordings take now, and the most they may take (recordings_max_mb_option()).
  std::int64_t recordings_bytes() const;
  std::int64_t recordings_cap_bytes() const;
  // Throws rehearse::Error, saying what is used and the cap, when a recording of `bytes` more would
  // go beyond the cap.
  void check_recording_fits(std::int64_t bytes) const;
  // Keeps `audio` as the recording of review `log_id`: the file is written (atomically, by a
  // rename) before its row is committed, and removed again when the row cannot be. Throws
  // rehearse::Error, storing nothing, when it would go beyond the cap, when there is no such review
  // or it has a recording already, or when the file cannot be written. Returns the recording's id.
  std::int64_t add_recording(std::int64_t log_id, std::string_view audio, const std::string& mime_type, std::int64_t spoken_ms);
  // Every recording, newest review first.
  std::vector<Recording> recordings() const;
  std::optional<Recording> recording(std::int64_t id) const;
  // Deletes a recording's row and file (the review stays); false when there is no such recording.
  bool remove_recording(std::int64_t id);

  // ---- Sync across devices (sync.h; schema version 10, plugin API 4.1) -----------------------
  // This collection's device id: random, made when the collection reached schema 10.
  std::string device_id() const;
  // The key every device knows card `card_id` by; nothing when there is no such card.
  std::optional<CardKey> card_key(std::int64_t card_id) const;
  SyncState sync_state() const;
  // A new device id, for a collection that is a copy (another machine, a restored backup) of one
  // that synced: the entries the server confirmed keep the old id, the others move to the new one,
  // and the next pull starts from the beginning. A sync client calls it when it enrols.
  void renew_device_id();
  // This device's changes after its sequence number `pushed_seq` (sync_state().pushed_seq: what
  // the server has not confirmed): its review-log entries and cancellations, and every card whose
  // content or suspension changed here and was not confirmed since.
  ChangeBatch changes_since(std::int64_t pushed_seq) const;
  // The name of the scheduler of a deck, written beside the entries of a recomputed log.
  using SchedulerNamer = std::function<std::string(const std::string& deck)>;
  // After the server confirmed `pushed` (from changes_since) and sent `pulled`, in one transaction:
  // `pushed` is marked confirmed; `pulled`'s cards are merged last-writer-wins (conflicts
  // reported) and so are its settings, its entries added (each (device, seq) once, however often it arrives) and its
  // cancellations applied; then every card either batch touches gets the state its merged log
  // gives, replayed in review order, and `pulled.position` becomes the next pull's start.
  // Throws rehearse::Error, changing nothing, for a review of a card neither side has.
  // A pulled setting that wins is written with `write_setting` (nothing: unset), before any card
  // is recomputed: the engine's change_setting, which recomputes the decks it gives another
  // scheduler.
  using SettingWriter = std::function<void(const std::string& key, const std::optional<std::string>& value)>;
  ApplyReport apply_changes(const ChangeBatch& pulled, const ChangeBatch& pushed, const Replayer& replay,
                            const SchedulerNamer& scheduler, const SettingWriter& write_setting);

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
