// One browser session's review: the engine's ReviewSession and what the page shows now (the
// card, whether it is revealed, the typed answer and its score), so that reloading the page or
// opening a second tab picks up where the review stands.
//
// Every method returns the review's state as the page draws it:
//   {deck, counts, can_undo, summary, card, revealed, elapsed_ms, recording, attempt, back, score, notice}
// Not thread-safe: the server calls it with the engine locked.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "json_views.h"
#include "rehearse/engine.h"

namespace rehearse::web {

class ReviewDesk {
 public:
  // A review of `deck` (all decks when empty); the session starts when first asked.
  ReviewDesk(Engine& engine, std::string deck);

  // Starts over on `deck`; throws rehearse::Error for a deck that does not exist.
  json start(const std::string& deck);
  json state();
  // Shows the answer and scores `text` (when not empty). `card_id` is the card the page shows.
  json reveal(std::int64_t card_id, const std::string& text);
  // Records `rating` for the card and moves on. When another window or process answered the card
  // first, nothing is recorded and the state carries a notice saying so.
  json answer(std::int64_t card_id, Rating rating);
  json undo();
  // Holds the spoken answer to the card shown (replacing one recorded before) until the card is
  // answered: its length goes into the score when the answer is revealed, and the audio is kept
  // with the review (Collection::add_recording) when it is rated. Throws rehearse::Error once the
  // answer is revealed. The caller checks the audio's size and type first.
  json keep_recording(std::int64_t card_id, std::string audio, std::string mime_type, std::int64_t spoken_ms);

 private:
  using SteadyClock = std::chrono::steady_clock;

  ReviewSession& session();
  // The card to show: the one shown already, else the next in the queue.
  void present();
  void show(std::optional<Card> card);
  // Throws rehearse::Error unless the page acts on the card shown now (another tab moved on).
  void check_current(std::int64_t card_id) const;
  std::optional<double> spoken_seconds() const;
  // Keeps the recording held for the card with its review `log_id`; a refusal becomes the notice.
  void keep(std::int64_t log_id);

  Engine& engine_;
  std::string deck_;
  std::unique_ptr<ReviewSession> session_;
  std::optional<Card> current_;
  SteadyClock::time_point shown_at_;
  bool revealed_ = false;
  double seconds_ = 0;  // from showing the card to revealing it
  std::string attempt_;
  std::optional<CombinedScore> score_;
  struct SpokenAnswer {
    std::string audio;
    std::string mime_type;
    std::int64_t spoken_ms = 0;
  };
  std::optional<SpokenAnswer> recording_;  // recorded for the card shown, not yet kept
  std::string notice_;  // said once, with the next state
  json saved_;          // the last answer recorded, said once
};

}  // namespace rehearse::web
