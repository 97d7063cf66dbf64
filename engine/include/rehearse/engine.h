// The engine: a collection, the loaded plugins and the clock, and what users do with them.
// This is where a front end or a command starts.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rehearse/api.h"
#include "rehearse/card_writer.h"
#include "rehearse/clock.h"
#include "rehearse/collection.h"
#include "rehearse/options.h"
#include "rehearse/plugin_host.h"
#include "rehearse/registry.h"
#include "rehearse/review_session.h"
#include "rehearse/study_plan.h"

namespace rehearse {

// How to import: which source, into which deck, for real or not.
struct ImportOptions {
  std::string source;  // use this source for every file (empty: the first source that accepts each)
  std::string deck;    // put every card into this deck (empty: the deck each file names)
  bool dry_run = false;  // report what would change and change nothing
  // Values for the chosen sources' declared options, over the collection's settings
  // (e.g. {"with_history", "true"} for a source that can bring review history along).
  std::map<std::string, std::string> source_options;
  ImportObserver* observer = nullptr;  // told of the progress and of each card's change
};

struct EngineConfig {
  std::filesystem::path collection;                 // empty: Collection::default_path()
  std::vector<std::filesystem::path> plugin_dirs;   // searched after the default folders
  std::optional<std::int64_t> now_ms;               // fixes "now" (--now, REHEARSE_NOW)
  bool load_default_plugin_dirs = true;
  // Decks imported into a collection the first time it is created (the bundled decks).
  std::vector<std::filesystem::path> starter_decks;
};

class REHEARSE_API Engine {
 public:
  // Loads plugins, then opens the collection. Throws rehearse::Error when the collection cannot
  // be opened.
  explicit Engine(const EngineConfig& config);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  const Clock& clock() const;
  Collection& collection();
  const Registry& registry() const;
  const PluginHost& plugins() const;

  // Reads each file (folders: every file some source accepts, recursively) with the source that
  // accepts it, or the one named in `options`, and applies it. All files are parsed before
  // anything is written, and all are written in one transaction: an error anywhere imports
  // nothing. Throws ParseError (file and line) or PluginError. One exception: a file found in a
  // folder that its source cannot read at all (a note beside the decks) is left out with a
  // warning in the report.
  ImportReport import_paths(const std::vector<std::filesystem::path>& paths, const ImportOptions& options = {});
  // The same for bytes that did not come from a file on disk (an upload).
  ImportReport import_bytes(const std::string& file_name, std::string_view bytes, const ImportOptions& options = {});

  std::unique_ptr<ReviewSession> start_review(const std::string& deck = {});

  // ---- Editing a card (plugin API 3.1) --------------------------------------------------------
  // Where an edit went: into the user's own deck file (written back, then imported again), or into
  // the collection as the user's version of the card (see Collection::save_user_version).
  struct CardEdit {
    bool written_to_file = false;
    std::string file;      // the file written, when written_to_file
    ImportReport import;   // the re-import of that file
  };
  // Changes card `card_id` to `edited` (its uid and kind must stay the card's): when the card came
  // from a file on disk outside the bundled decks, whose source can write (CardWriter) and still
  // holds the card, its block in the file is replaced, every other byte kept, and the file imported
  // again; otherwise the text is kept as the user's version. Either way the card keeps its identity
  // and progress. Throws rehearse::Error for an unknown card, ParseError (file and line) when the
  // rewritten file would not read; nothing is changed then.
  CardEdit edit_card(std::int64_t card_id, const CardContent& edited);
  // Drops the user's version of card `card_id`: back to its source's text. False when it had none.
  bool reset_card(std::int64_t card_id);
  // The first loaded source named `name` that can write its format (card_writer.h), else nullptr.
  const CardWriter* card_writer(std::string_view name) const;

  // Plans the days from today to `target_ms` (an interview) for the cards of `deck` and its
  // sub-decks (all when empty): see study_plan.h. Throws rehearse::Error when `target_ms` is not
  // on a later day than today.
  StudyPlan plan_until(const std::string& deck, std::int64_t target_ms);
  // The same, and in `readiness` the expected share of each deck's cards of each kind recalled at
  // `target_ms` if the plan is followed (study_plan.h).
  StudyPlan plan_until(const std::string& deck, std::int64_t target_ms, std::vector<Readiness>& readiness);
  // Sessions started from now on work towards `target_ms` (plan_until): today's new cards and
  // early reviews come from the plan, and every due review is shown whatever the review limits.
  // Nothing: back to the daily limits.
  void set_study_target(std::optional<std::int64_t> target_ms);

  // Throws rehearse::Error unless `deck` names a deck or the parent of some (or is empty: all).
  void require_deck(const std::string& deck) const;

  // The scheduler used for `deck` ("deck.<name>.scheduler", else "scheduler", else the default).
  const Scheduler& scheduler_for(const std::string& deck) const;
  // The scheduler a deck gets when no setting names one: the first of sm2, fsrs that is loaded
  // (empty when neither is).
  std::string default_scheduler() const;
  // The scorers run on cards of `deck`, in order ("deck.<name>.scorers", else "scorers", else
  // kDefaultScorers). The scorers a setting names must be loaded: when one is not, `not_loaded`
  // says so in a sentence for the user, and the chain goes on without it. (A scorer of the
  // default chain that is not loaded is left out without a word: the user chose nothing.)
  static constexpr std::string_view kDefaultScorers = "keypoints,star,technical";
  struct ScorerChain {
    std::vector<const Scorer*> scorers;
    std::vector<std::string> not_loaded;
  };
  ScorerChain scorer_chain_for(const std::string& deck) const;
  // The same, but a scorer named by a setting that is not loaded is an error (rehearse::Error).
  std::vector<const Scorer*> scorers_for(const std::string& deck) const;
  // The resolved settings of a component ("<kind>.<name>.<option>" keys).
  Options options_for(ComponentKind kind, std::string_view name, const std::vector<OptionSpec>& specs) const;
  // The same for the cards of `deck`: "deck.<deck>.<kind>.<name>.<option>" keys (a deck preset)
  // override the collection's.
  Options options_for(ComponentKind kind, std::string_view name, const std::vector<OptionSpec>& specs,
                      const std::string& deck) const;

  // Stores `value` for the setting `key`, or removes the setting when `value` is nothing, in one
  // transaction with what follows from it: when the change gives some decks another scheduler,
  // the state of each of their cards is recomputed from its review log by the new scheduler, as
  // Anki does (the log itself stays as it is). Does not check the value; `rehearse config` does.
  struct SettingReport {
    std::vector<std::string> switched_decks;  // decks now scheduled by another scheduler
    std::string scheduler;                    // the scheduler they switched to
    int recomputed_cards = 0;                 // cards whose state was recomputed
  };
  SettingReport change_setting(const std::string& key, const std::optional<std::string>& value);

  // Runs `reviews` (oldest first) through the scheduler of `deck`, from a new card: the state
  // after each review. `card_id` seeds the interval fuzz as in a live review, so a replay of a
  // card's log gives the state the live reviews gave.
  std::vector<SchedulingState> replay_reviews(const std::string& deck, const std::vector<ImportedReview>& reviews,
                                              std::int64_t card_id = 0) const;

  // Collection::apply_changes with this engine's schedulers: what a sync client calls once the
  // server has confirmed `pushed` and sent `pulled` (sync.h).
  ApplyReport apply_changes(const ChangeBatch& pulled, const ChangeBatch& pushed);

  // The context a scheduler gets for answering card `card_id` in `state` at `now_ms`
  // (make_review_context with this engine's clock, seeded by the card's deck and uid).
  ReviewContext review_context(const SchedulingState& state, std::int64_t card_id, std::int64_t now_ms,
                               const Options& options) const;

  // Where the bundled decks are: <prefix>/share/rehearse/decks beside the executable, or the
  // source tree's decks/ in a build tree; empty when not found.
  static std::filesystem::path bundled_decks_dir();

 private:
  Collection::Replayer replayer() const;

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The context a scheduler gets for answering a card in `state` at `now_ms`: elapsed days counted
// in `clock`'s days, and a fuzz seed that depends only on `card_seed` (a number standing for the
// card) and its number of reviews, so that replaying a card's log gives the states its live
// reviews gave.
REHEARSE_API ReviewContext make_review_context(const Clock& clock, const SchedulingState& state, std::int64_t card_seed,
                                               std::int64_t now_ms, const Options& options);

}  // namespace rehearse
