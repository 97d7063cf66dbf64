// One browser session's mock interview (the Mock interview page): the engine's MockInterview and
// the question on screen, so that a reload picks up where the interview stands.
//
// Every method returns the interview's state as the page draws it:
//   {active, question, elapsed_ms, limit_ms, shown_ms, score, saved, report}
// `question` is {number, card_id, id, deck, prompt, type, reason, themes, stories, follow_ups};
// `report` (once the interview is over) has the fields of `rehearse mock --json`.
// Not thread-safe: the server calls it with the engine locked.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "json_views.h"
#include "rehearse/mock_interview.h"

namespace rehearse::web {

class MockDesk {
 public:
  explicit MockDesk(Engine& engine);

  // Starts a new interview; throws rehearse::Error for bad options (as `rehearse mock` does).
  json start(const std::string& deck, const MockOptions& options);
  json state();
  // Scores the answer to the question on screen, to show before the rating.
  json score(std::int64_t card_id, const std::string& text);
  // Records the answer to the question on screen and moves on (or to the report).
  json answer(std::int64_t card_id, const MockAnswer& answer);
  // Ends the interview now: the report of the questions answered.
  json finish();

 private:
  using SteadyClock = std::chrono::steady_clock;

  void present();
  void check_current(std::int64_t card_id) const;

  Engine& engine_;
  std::unique_ptr<MockInterview> mock_;
  std::optional<MockQuestion> current_;
  SteadyClock::time_point shown_at_;
  std::optional<CombinedScore> score_;
  json saved_;   // the last answer recorded, said once
  json report_;  // once the interview is over
};

}  // namespace rehearse::web
