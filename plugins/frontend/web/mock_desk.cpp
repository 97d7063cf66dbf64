#include "mock_desk.h"

#include <cmath>

#include "rehearse/errors.h"

namespace rehearse::web {

namespace {

json rounded(std::optional<double> value) { return value ? json(std::round(*value * 10) / 10) : json(nullptr); }

json rating_or_null(std::optional<Rating> rating) { return rating ? json(std::string(to_string(*rating))) : json(nullptr); }

// The same fields as `rehearse mock --json` (README.md, "Mock interviews").
json report_json(const MockReport& report) {
  json questions = json::array();
  for (const auto& q : report.questions)
    questions.push_back({{"card_id", q.card_id}, {"id", q.uid}, {"deck", q.deck}, {"prompt", q.prompt},
                         {"type", std::string(to_string(q.type))}, {"themes", q.themes}, {"score", rounded(q.score)},
                         {"suggestion", rating_or_null(q.suggestion)}, {"rating", std::string(to_string(q.rating))},
                         {"rated_by", q.rated_by_user ? "user" : q.passed ? "passed" : "suggestion"},
                         {"seconds", std::round(q.seconds * 10) / 10}, {"follow_ups", q.follow_ups},
                         {"follow_ups_answered", q.follow_ups_answered}, {"summary", q.summary}});
  return {{"minutes", report.minutes}, {"seconds", std::round(report.seconds * 10) / 10}, {"time_up", report.time_up},
          {"mean_score", rounded(report.mean_score)}, {"questions", questions},
          {"themes_without_story", report.themes_without_story}, {"low_themes", report.low_themes},
          {"practise", report.practise}};
}

json question_json(const MockQuestion& question) {
  json stories = json::array();
  for (const auto& story : question.stories) stories.push_back({{"card_id", story.card_id}, {"prompt", story.prompt}, {"themes", story.themes}});
  return {{"number", question.number}, {"card_id", question.card.id}, {"id", question.card.content.uid},
          {"deck", question.card.deck}, {"prompt", question.card.content.prompt},
          {"type", std::string(to_string(question.type))}, {"reason", question.reason},
          {"themes", question.card.content.themes}, {"stories", stories}, {"follow_ups", question.follow_ups}};
}

}  // namespace

MockDesk::MockDesk(Engine& engine) : engine_(engine) {}

json MockDesk::start(const std::string& deck, const MockOptions& options) {
  auto mock = std::make_unique<MockInterview>(engine_, deck, options);  // throws for bad options, changing nothing
  mock_ = std::move(mock);
  current_.reset();
  score_.reset();
  saved_ = nullptr;
  report_ = nullptr;
  present();
  return state();
}

void MockDesk::present() {
  if (!mock_ || current_) return;
  current_ = mock_->next();
  score_.reset();
  shown_at_ = SteadyClock::now();
  if (!current_) report_ = report_json(mock_->report());
}

json MockDesk::state() {
  json out = {{"active", mock_ != nullptr && current_.has_value()}, {"question", nullptr}, {"score", nullptr},
              {"saved", saved_}, {"report", report_}};
  saved_ = nullptr;
  if (!mock_) return out;
  out["elapsed_ms"] = mock_->elapsed_ms();
  out["limit_ms"] = mock_->limit_ms();
  if (current_) {
    out["question"] = question_json(*current_);
    out["shown_ms"] = std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - shown_at_).count();
    if (score_) out["score"] = score_json(*score_);
  }
  return out;
}

void MockDesk::check_current(std::int64_t card_id) const {
  if (!current_ || current_->card.id != card_id)
    throw Error("this question is no longer the one asked (the interview moved on in another tab); the page shows where it stands");
}

json MockDesk::score(std::int64_t card_id, const std::string& text) {
  check_current(card_id);
  const double seconds = std::chrono::duration<double>(SteadyClock::now() - shown_at_).count();
  score_ = mock_->score(*current_, text, seconds);
  return state();
}

json MockDesk::answer(std::int64_t card_id, const MockAnswer& given) {
  check_current(card_id);
  MockAnswer answer = given;
  answer.taken_ms = std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - shown_at_).count();
  if (score_) answer.score = score_;
  const MockResult result = mock_->answer(*current_, answer);
  saved_ = {{"prompt", result.prompt}, {"rating", std::string(to_string(result.rating))},
            {"rated_by", result.rated_by_user ? "user" : result.passed ? "passed" : "suggestion"}};
  current_.reset();
  present();
  return state();
}

json MockDesk::finish() {
  if (mock_) {
    report_ = report_json(mock_->report());
    current_.reset();
  }
  return state();
}

}  // namespace rehearse::web
