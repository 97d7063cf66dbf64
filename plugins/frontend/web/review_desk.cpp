#include "review_desk.h"

#include <fmt/format.h>

#include "rehearse/errors.h"

namespace rehearse::web {

ReviewDesk::ReviewDesk(Engine& engine, std::string deck) : engine_(engine), deck_(std::move(deck)) {}

ReviewSession& ReviewDesk::session() {
  if (!session_) session_ = engine_.start_review(deck_);
  return *session_;
}

json ReviewDesk::start(const std::string& deck) {
  auto fresh = engine_.start_review(deck);  // throws for an unknown deck, leaving this review as it was
  deck_ = deck;
  session_ = std::move(fresh);
  show(std::nullopt);
  return state();
}

void ReviewDesk::show(std::optional<Card> card) {
  current_ = std::move(card);
  shown_at_ = SteadyClock::now();
  revealed_ = false;
  seconds_ = 0;
  attempt_.clear();
  score_.reset();
  recording_.reset();
}

void ReviewDesk::present() {
  if (!current_) show(session().next());
}

json ReviewDesk::state() {
  present();
  json out = {{"deck", deck_},
              {"counts", counts_json(session().counts())},
              {"can_undo", session().can_undo()},
              {"summary", summary_json(session().summary())},
              {"card", nullptr},
              {"revealed", revealed_},
              {"notice", notice_},
              {"saved", saved_},
              {"sync", sync_json(engine_.collection())}};
  notice_.clear();
  saved_ = nullptr;
  if (!current_) return out;
  out["card"] = card_front(*current_, spoken_target(engine_));
  out["elapsed_ms"] =
      std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - shown_at_).count();
  out["recording"] = recording_ ? json{{"spoken_seconds", static_cast<double>(recording_->spoken_ms) / 1000.0},
                                       {"bytes", recording_->audio.size()}, {"mime_type", recording_->mime_type}}
                                : json(nullptr);
  if (revealed_) {
    out["back"] = card_back(current_->content);
    out["attempt"] = attempt_;
    out["seconds"] = seconds_;
    out["score"] = score_ ? score_json(*score_) : nullptr;
  }
  return out;
}

void ReviewDesk::check_current(std::int64_t card_id) const {
  if (!current_ || current_->id != card_id)
    throw Error("this review moved on in another tab; here is where it stands now");
}

json ReviewDesk::reveal(std::int64_t card_id, const std::string& text) {
  present();
  check_current(card_id);
  if (!revealed_) {
    revealed_ = true;
    seconds_ = std::chrono::duration<double>(SteadyClock::now() - shown_at_).count();
    attempt_ = text;
    if (text.find_first_not_of(" \t\r\n") != std::string::npos)
      score_ = session().score(*current_, Attempt{attempt_, seconds_, spoken_seconds()});
  }
  return state();
}

json ReviewDesk::answer(std::int64_t card_id, Rating rating) {
  present();
  check_current(card_id);
  const Card card = *current_;
  const auto taken = std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - shown_at_).count();
  const CombinedScore* score = score_ && !score_->parts.empty() ? &*score_ : nullptr;
  const std::optional<std::int64_t> spoken_ms = recording_ ? std::optional(recording_->spoken_ms) : std::nullopt;
  try {
    const AnswerOutcome outcome = session().answer(card, rating, AnswerDetails{taken, score, spoken_ms});
    saved_ = {{"rating", to_string(rating)}, {"next", engine_.clock().describe_until(outcome.after.due_ms)}};
    if (recording_) keep(outcome.log_id);
  } catch (const Error&) {
    // The collection refuses an answer to a card whose state changed since it was shown: another
    // window or a terminal session answered it. Their answer stands; this one is dropped.
    const std::optional<Card> now = engine_.collection().card(card.id);
    if (now && now->scheduling == card.scheduling) throw;
    notice_ = fmt::format("\"{}\" was answered in another window while it was shown here. That answer stands; "
                          "this one was not recorded.", card.content.prompt);
  }
  show(std::nullopt);
  return state();
}

std::optional<double> ReviewDesk::spoken_seconds() const {
  if (!recording_) return std::nullopt;
  return static_cast<double>(recording_->spoken_ms) / 1000.0;
}

void ReviewDesk::keep(std::int64_t log_id) {
  // The answer is committed already and stands; a recording refused now (the cap was lowered, or
  // reached from another window, since it was uploaded) is only lost, and the page says so.
  try {
    saved_["recording"] = engine_.collection().add_recording(log_id, recording_->audio, recording_->mime_type, recording_->spoken_ms);
  } catch (const Error& e) {
    notice_ = fmt::format("The answer was saved, but not its recording: {}", e.what());
  }
}

json ReviewDesk::keep_recording(std::int64_t card_id, std::string audio, std::string mime_type, std::int64_t spoken_ms) {
  present();
  check_current(card_id);
  if (revealed_) throw Error("the answer is revealed already: record before revealing it, so that its length counts");
  recording_ = SpokenAnswer{std::move(audio), std::move(mime_type), spoken_ms};
  return state();
}

json ReviewDesk::undo() {
  const bool had_answers = session().can_undo();
  std::optional<Card> card = session().undo();
  if (card)
    show(std::move(card));
  else if (had_answers)
    notice_ = "The last answer could not be taken back: its card was answered again since, in another window.";
  else
    notice_ = "There is nothing to undo.";
  return state();
}

}  // namespace rehearse::web
